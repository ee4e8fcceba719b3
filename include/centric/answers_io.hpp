// Reading answer sets (formats.md §2): one document, and every input form `assess` takes.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <istream>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include "centric/answers.hpp"
#include "centric/diagnostic.hpp"
#include "centric/questionnaire.hpp"

namespace centric {

class OrderedWorkers;
class RespondentIds;
struct EntryRef;
class OpenFile;
class LineReader;
struct AnswerBatch;
struct BatchReader;
class TableMapping;

class LikelyMeant;
class DepartmentNames;

// Checks answer documents against one questionnaire.

class AnswerSetReader {
 public:
  explicit AnswerSetReader(const Questionnaire& questionnaire);

  // Either the answer set or every problem that rejects it.
  std::variant<AnswerSet, std::vector<Diagnostic>> read(const nlohmann::json& doc, const std::string& source) const;
  const Questionnaire& questionnaire() const { return questionnaire_; }

 private:
  const Questionnaire& questionnaire_;
  std::unordered_map<std::string, std::size_t> question_index_;
  bool any_leaders_only_ = false;
  std::shared_ptr<const LikelyMeant> suggestions_;  // for unknown question ids
  std::shared_ptr<const DepartmentNames> departments_;
};

// The centric-answers/1 document of `answers` (answered and "na" questions, in
// questionnaire order), pretty-printed, ending in a newline.
std::string write_answer_set(const Questionnaire& questionnaire, const AnswerSet& answers);
// The same on one line, for JSON Lines (`centric import`).
std::string write_answer_line(const Questionnaire& questionnaire, const AnswerSet& answers);

// One rejected entry (formats.md §2): a whole file, an array element or a JSON Lines line.
// Kept small, since a wrong file can hold millions of them; the full diagnostics go to
// the problem handler as they are found.
struct Rejection {
  std::string source;
  std::string reason;  // every problem in one line, for reports
};

// Spellings of one department in form-tool exports that are the same once normalised
// (import.md §3): counted as one department, written as the spelling seen most often
// (ties: the first seen).
struct DepartmentSpelling {
  std::string spelling;
  long count = 0;
  std::string first_source;  // "FILE:ROW"
  std::string path;          // where in it: the department's column ("column C \"Team\"")
};
struct DepartmentMerge {
  std::string into;                           // the spelling kept
  std::vector<DepartmentSpelling> spellings;  // every spelling, `into` among them, in order of first sight
};

// A department of the accepted answer sets, as reported: a listed department's id, or the
// value as written.
struct DepartmentSeen {
  std::string department;
  long count = 0;            // accepted answer sets
  std::string first_source;  // where the first of them is: "answers/b.jsonl:7"
  // And where in it: "respondent.department", or an export's column ("column C \"Team\"").
  std::string path = "respondent.department";
};

struct InputSummary {
  long sources = 0;  // accepted + rejected.size()
  long accepted = 0;
  long partial = 0;  // accepted sets with "complete": false
  std::vector<Rejection> rejected;
  std::vector<Diagnostic> warnings;
  std::vector<DepartmentSeen> departments;  // in the order first seen
  // Employees' answers to questions asked of leaders only: not counted (formats.md §2).
  long not_asked_answers = 0;
  long not_asked_sets = 0;
  std::string not_asked_first;  // the first accepted set that had one
};

// One warning for every employee's answer to a leaders-only question that was not
// counted, at the first set that had one; none when there was none.
std::optional<Diagnostic> not_asked_warning(const InputSummary& summary);

// The departments that look like another one mistyped (formats.md §2), one warning a pair,
// at the first set of the odd spelling (path respondent.department), naming both spellings
// and their counts: two that are the same normalised (case, white space); two a few edits
// apart; one that is not listed but a few edits from a listed department's id or name.
// The odd one of two is the unlisted one, else the one with fewer sets, else the later.
// Ordered by where the odd spelling was first seen. Many departments cost a bounded
// amount of work: beyond it, near spellings go unmentioned.
std::vector<Diagnostic> department_warnings(const Questionnaire& questionnaire,
                                            const std::vector<DepartmentSeen>& seen);

// Whether a directory walk reads this file: *.json, *.jsonl, and exports (*.csv, *.tsv, *.xlsx).
bool is_answer_file_name(std::string_view path);
// Whether a file is read as a form tool's export (import.md): *.csv, *.tsv, *.xlsx, in
// any case.
bool is_table_file_name(std::string_view path);
// `path` ends with the lower-case `suffix`, in any case.
bool ends_with_any_case(std::string_view path, std::string_view suffix);

struct MappingFile;

// How a text holds answer sets.
enum class InputForm {
  document,    // one object or an array of them (a .json file)
  json_lines,  // one object per line (a .jsonl file)
  detect,      // either (standard input): JSON Lines when the first line is an object alone
};

// Where accepted answer sets are folded when they are read on several threads: each
// batch of consecutive entries is folded into a fold of its own (from empty_like), and the
// batches' folds are merged into the caller's in input order. So the result depends on
// the input alone, never on the number of threads. (scoring's Tally is folded this way;
// io does not depend on scoring.)
class AnswerFold {
 public:
  virtual ~AnswerFold() = default;
  virtual std::unique_ptr<AnswerFold> empty_like() const = 0;
  // Empty again, as from empty_like(), keeping memory for the next batch.
  virtual void clear() = 0;
  virtual void add(const AnswerSet& answers) = 0;
  // `other` comes from empty_like() and holds the sets read after this fold's.
  virtual void merge(const AnswerFold& other) = 0;
};

struct ReadingOptions {
  // Threads that read: this one and jobs - 1 more.
  unsigned jobs = 1;
  // A regular .jsonl file is read in chunks of this many bytes, each by one thread (its
  // bytes stay in that core's cache between reading and parsing). Tests make it tiny.
  std::size_t chunk_bytes = std::size_t{256} << 10;
  // Exports: what the consultant says of their columns (--mapping), and the worksheet of
  // an XLSX workbook to read (--sheet; empty: the first).
  const MappingFile* mapping = nullptr;
  std::string sheet;
};

// Reads the inputs of `centric assess` in order: files holding one object or an array,
// `.jsonl` files, directories (every *.json and *.jsonl below, sorted by path) and "-"
// for standard input. Duplicates of a respondent id are rejected.
//
// Entries (files, lines, chunks of a .jsonl file) are read in batches of consecutive ones,
// on `jobs` threads (the calling one splits the input, merges, and reads batches while it
// waits). Whatever the number of threads, the caller sees everything in input order, on
// its own thread: each rejected entry's diagnostics go to `on_problems`, and each
// accepted set to `on_accepted` or into the fold. Batches depend on the input alone, so
// the fold's sums are the same, to the last bit, for any number of threads. Memory stays
// bounded: only two batches a thread are in flight.
class AnswerInputs {
 public:
  using Sink = std::function<void(const AnswerSet&)>;
  using ProblemSink = std::function<void(const std::vector<Diagnostic>&)>;
  AnswerInputs(const Questionnaire& questionnaire, Sink on_accepted, ProblemSink on_problems = {},
               ReadingOptions options = {});
  AnswerInputs(const Questionnaire& questionnaire, AnswerFold& fold, ProblemSink on_problems = {},
               ReadingOptions options = {});
  ~AnswerInputs();
  AnswerInputs(const AnswerInputs&) = delete;
  AnswerInputs& operator=(const AnswerInputs&) = delete;

  // Each of these returns when everything it was given has been read and reported.
  void read_arguments(const std::vector<std::string>& arguments, std::istream& standard_input);
  void read_argument(const std::string& argument, std::istream& standard_input);
  void read_file(const std::string& path);
  void read_text(std::string_view text, const std::string& source, InputForm form);

  const InputSummary& summary() const { return summary_; }
  // The departments of exports that differ only in spelling (import.md §3): each merge
  // names the spelling kept; the others are to be counted as it.
  std::vector<DepartmentMerge> department_merges() const;
  // The entries of ReadingOptions::mapping that name a column no export has, or a
  // department no row has (import.md §4: errors), once everything is read.
  std::vector<Diagnostic> unused_mapping_entries() const;

 private:
  std::uint32_t add_file(const std::string& name);
  std::string name_of(const EntryRef& entry) const;
  void take_argument(const std::string& argument, std::istream& standard_input);
  void take_file(const std::string& path);
  void take_directory(const std::string& directory);
  void take_stream(std::istream& in, const std::string& source);
  void take_lines(LineReader& lines, std::uint32_t file, std::shared_ptr<const OpenFile> open_file = nullptr);
  void take_chunks(std::shared_ptr<const OpenFile> open_file, std::uint64_t from, std::uint32_t lines_before,
                   std::uint32_t file);
  void take_line(std::string_view line, const EntryRef& entry);
  void take_document(std::string_view text, std::uint32_t file);
  void take_table(const std::string& path, std::uint32_t file);
  std::string department_column(std::uint32_t file) const;
  void reject(const EntryRef& entry, std::vector<Diagnostic> problems);
  void reject(const std::string& source, std::vector<Diagnostic> problems);

  BatchReader& reader(unsigned thread);
  AnswerBatch& current();
  void submit_if_full();
  void submit();
  void finish_oldest();
  void drain();
  void merge(AnswerBatch& batch);
  void emit_rejection(std::string source, std::vector<Diagnostic> problems);
  Diagnostic too_long_line(const EntryRef& entry) const;

  const Questionnaire& questionnaire_;
  AnswerSetReader reader_;
  Sink on_accepted_;
  AnswerFold* fold_ = nullptr;
  ProblemSink on_problems_;
  ReadingOptions options_;  // jobs at least 1
  InputSummary summary_;
  std::deque<std::string> files_;  // a deque: workers keep pointers to the names
  std::unique_ptr<RespondentIds> ids_;
  std::vector<std::unique_ptr<BatchReader>> readers_;  // one per worker thread, and the last for this one
  std::unique_ptr<AnswerBatch> single_;                // a deferred line, read here
  std::deque<AnswerSet> deferred_sets_;                // the deferred lines accepted, while merging
  std::vector<const AnswerSet*> accepted_;             // while merging, in order
  std::uint32_t chunk_lines_ = 0;                      // lines before the next chunk to merge
  std::unique_ptr<AnswerBatch> current_;
  std::deque<std::unique_ptr<AnswerBatch>> in_flight_;
  std::vector<std::unique_ptr<AnswerBatch>> spare_;
  std::deque<std::shared_ptr<const TableMapping>> tables_;  // one per export, read by the workers
  struct Spellings;
  std::unique_ptr<Spellings> spellings_;                      // of departments in exports, in order of first sight
  std::vector<std::string> mapped_columns_seen_;              // normalised headers of the exports read
  std::unordered_map<std::uint32_t, std::string> id_column_;  // of each export read, when it has one
  std::unordered_map<std::uint32_t, std::string> department_column_;  // of each export read: "column C \"Team\""
  bool any_export_ = false;
  std::unordered_map<std::string, std::size_t> department_index_;  // into summary_.departments
  std::unique_ptr<OrderedWorkers> workers_;                        // last: stopped before the batches go
};

}  // namespace centric
