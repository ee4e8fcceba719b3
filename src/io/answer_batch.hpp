// A batch of consecutive input entries, and the reading of it, which may run on a worker
// thread (answer_inputs.cpp splits the input and merges the batches in order).
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "centric/answers_io.hpp"
#include "io/fast_answer_parser.hpp"
#include "io/respondent_ids.hpp"
#include "io/table_mapping.hpp"

namespace centric {

// Where an entry came from, in a few bytes: respondent ids remember their first source.
struct EntryRef {
  std::uint32_t file = 0;    // index into the names of the files read
  std::uint32_t number = 0;  // line (from 1) or array index
  enum class Kind : std::uint8_t { whole, line, element } kind = Kind::whole;
};

// "FILE", "FILE:LINE" or "FILE[INDEX]" (formats.md §2).
std::string name_of(const std::string& file, const EntryRef& entry);

// An open file, closed when the last chunk that reads it is done.
class OpenFile {
 public:
  explicit OpenFile(int fd) : fd_(fd) {}
  ~OpenFile();
  OpenFile(const OpenFile&) = delete;
  OpenFile& operator=(const OpenFile&) = delete;
  int fd() const { return fd_; }

 private:
  int fd_;
};

// A part of a regular .jsonl file, read by a worker itself (so that its bytes go straight
// to the core that parses them): the lines that start in [begin, end). The lines before
// `first` were read in order by the splitting thread.
struct FileChunk {
  std::shared_ptr<const OpenFile> file;
  std::uint64_t first = 0;
  std::uint64_t begin = 0;
  std::uint64_t end = 0;
  std::uint64_t size = 0;          // where the file ended when it was split
  std::uint32_t lines_before = 0;  // lines before `first`
  std::size_t max_line = 0;        // longer lines are rejected
};

// What the splitting thread hands over.
struct BatchEntry {
  enum class Kind : std::uint8_t {
    line,         // text: one JSON Lines line, without its end
    document,     // text: a whole document
    file,         // the file `*file_name` (not .jsonl), to be read
    listed_file,  // the same, found by a directory walk: read only if a regular file
    rejected,     // found wrong while splitting: `source` and `problems`
    warning,      // problems[0]
    chunk,        // `chunk`, alone in its batch
    row,          // a data row of an export: `cells_count` cells from AnswerBatch::cell_ends[cells_begin]
  };
  Kind kind = Kind::line;
  EntryRef ref;
  const std::string* file_name = nullptr;  // line, document, file, listed_file
  std::size_t text_begin = 0;              // in AnswerBatch::text
  std::size_t text_size = 0;
  std::string source;
  std::vector<Diagnostic> problems;
  FileChunk chunk;
  const TableMapping* table = nullptr;  // row
  std::uint32_t cells_begin = 0;
  std::uint32_t cells_count = 0;
};

// What became of the entries, in input order.
struct BatchEvent {
  // A chunk's lines are numbered from 1 within the chunk, and the fast reader is all a
  // worker tries on them: any other line is `deferred` to the merge, which knows its
  // number, gives the diagnostics their names, and reads it the diagnosing way.
  enum class Kind : std::uint8_t { accepted, rejected, warning, deferred, deferred_too_long };
  Kind kind = Kind::accepted;
  EntryRef ref;                // accepted, deferred
  std::size_t set = 0;         // accepted: index into AnswerBatch::sets
  std::size_t text_begin = 0;  // deferred: the line in AnswerBatch::text
  std::size_t text_size = 0;
  // accepted: what the merge needs of the set, so that it need not read the set itself
  // (from the other core's cache) unless it is a duplicate or the caller wants it.
  bool has_id = false;
  bool complete = true;
  bool from_table = false;           // an export's row: its department's spelling is counted
  RespondentIds::Fingerprint id;     // when has_id
  std::string source;                // rejected
  std::vector<Diagnostic> problems;  // rejected; warning: one
};

struct BatchReader;

// The departments of a batch's accepted sets, each with how many sets name it and the
// first of them: what the merge needs to say where a misspelt department came from
// (formats.md §2), without a lookup per set on the merging thread.
class BatchDepartments {
 public:
  struct Department {
    std::string name;
    EntryRef first;
    std::uint32_t count = 0;
  };
  void clear();
  // One more set of `department`, at `ref` (the first one so far if it comes earlier).
  void note(std::string_view department, const EntryRef& ref);
  // One fewer: a set noted here was rejected after all (a duplicate id).
  void unnote(std::string_view department);
  std::size_t size() const { return size_; }
  const Department& operator[](std::size_t i) const { return list_[i]; }

 private:
  Department* find(std::string_view department);
  // Keeps its strings' memory between batches.
  std::vector<Department> list_;
  std::size_t size_ = 0;
  std::size_t last_ = 0;  // the last found: sets of one department often come together
  // By name, once a batch has too many departments to look through.
  std::unordered_map<std::string, std::size_t> index_;
  static constexpr std::size_t scanned = 16;
};

// What reading a batch gives. It belongs to the thread that read the batch, and is lent to
// the batch until the merge is done with it: so a thread writes each batch's sets, events
// and tally into memory its own core last wrote. Kept with the batch, that memory went to
// whichever thread read the batch next, and writing it there first took it from the other
// core's cache: two threads spent a tenth more CPU time than one on the same input.
struct alignas(64) BatchOutput {
  std::vector<BatchEvent> events;
  // Keeps its elements between batches, so that reading a set reuses the memory of an
  // earlier one.
  std::vector<AnswerSet> sets;
  std::size_t set_count = 0;
  // Every accepted set, when the caller folds: an empty_like() of the batch's
  // `fold_like`, made by the owning thread and then cleared and reused.
  std::unique_ptr<AnswerFold> fold;
  std::uint32_t chunk_lines = 0;  // lines that start in the chunk, when it reads one
  BatchDepartments departments;   // of the accepted sets
  BatchReader* owner = nullptr;
};

// Cache-line aligned, like BatchOutput: a batch is written by the splitting thread and
// read on another core, and two batches side by side in memory would share a line.
struct alignas(64) AnswerBatch {
  std::vector<BatchEntry> entries;
  std::string text;
  // Rows: where each cell ends in `text` (it starts where the one before ends, or at the
  // row's text_begin), and which cells held numbers (XLSX).
  std::vector<std::uint32_t> cell_ends;
  std::vector<bool> numeric_cells;
  // Set by the splitting thread when the caller folds.
  const AnswerFold* fold_like = nullptr;
  // From read_batch until clear(), which gives it back to the thread that read the batch.
  BatchOutput* output = nullptr;
  // Batches are cut by their entries and bytes only, so the same input always gives
  // the same batches (and so the same sums, to the last bit), whatever the threads.
  static constexpr std::size_t max_entries = 512;
  static constexpr std::size_t max_text = std::size_t{2} << 20;
  bool full() const { return entries.size() >= max_entries || text.size() >= max_text; }
  void clear();

  AnswerBatch() = default;
  ~AnswerBatch() { clear(); }
  AnswerBatch(const AnswerBatch&) = delete;
  AnswerBatch& operator=(const AnswerBatch&) = delete;
};

// Bytes read from a file into memory that is reused, and not zero-filled first (as
// std::string::resize would).
class ReadBuffer {
 public:
  std::string_view view() const { return {data_.get(), size_}; }
  std::size_t size() const { return size_; }
  void clear() { size_ = 0; }
  void shrink(std::size_t size) { size_ = size; }  // size <= size()
  // `count` more bytes, uninitialised, kept when the buffer grows; returns the first.
  char* extend(std::size_t count);

 private:
  std::unique_ptr<char[]> data_;
  std::size_t size_ = 0;
  std::size_t capacity_ = 0;
};

// A thread's tools for reading batches: made by that thread (AnswerInputs::reader), and
// aligned like AnswerBatch.
struct alignas(64) BatchReader {
  BatchReader(const AnswerSetReader& checks, const Questionnaire& questionnaire)
      : reader(checks), fast(questionnaire) {}
  const AnswerSetReader& reader;
  FastAnswerParser fast;
  std::vector<AnswerSet> scratch;
  TableRowScratch table_scratch;
  std::vector<bool> numeric;
  ReadBuffer chunk_text;

  // An output of this thread's, empty but for the memory it keeps. This thread only.
  BatchOutput& lend();
  // Any thread, when the batch is merged.
  void give_back(BatchOutput& output);

 private:
  std::mutex outputs_mutex_;
  std::vector<std::unique_ptr<BatchOutput>> outputs_;
  std::vector<BatchOutput*> free_outputs_;
};

// Reads every entry: accepted sets into `sets` (and the fold), problems as events. Checks
// each set on its own; the duplicate rule needs all sets before, so the merge applies it.
void read_batch(AnswerBatch& batch, BatchReader& reader);

}  // namespace centric
