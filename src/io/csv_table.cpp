// CSV and TSV exports (import.md §2) through libcsv, streamed: the file is read in chunks,
// decoded to UTF-8 when it is UTF-16, and fed to libcsv a line at a time, so that each
// call completes at most one record and next() hands rows out one by one without a queue.
#include <csv.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstring>

#include "io/table_mapping.hpp"  // column_letters
#include "io/table_source.hpp"
#include "text/normalised_text.hpp"  // append_utf8

namespace centric {
namespace {

constexpr std::size_t kReadChunk = std::size_t{64} << 10;
// The most bytes given to libcsv in one call: a field in progress is measured between
// calls, so its buffer never holds more than the cell limit plus this.
constexpr std::size_t kParseSlice = std::size_t{64} << 10;
// Delimiter detection reads ahead until the first record ends, but no further than this.
constexpr std::size_t kProbeLimit = std::size_t{8} << 20;

// libcsv 3.0.3's parser states (libcsv.c); csv.h makes the fields public but not these.
constexpr int kFieldBegun = 2;
constexpr int kFieldMightHaveEnded = 3;

// The length of the field libcsv is collecting, without what it takes off when the field
// ends: the trailing spaces of an unquoted field, or the quote (and the spaces after it)
// of a quoted one that may have ended.
std::size_t field_length(const csv_parser& p) {
  const std::size_t trailing = p.spaces + (p.pstate == kFieldMightHaveEnded ? 1 : 0);
  return p.entry_pos > trailing ? p.entry_pos - trailing : 0;
}

// Throws away the bytes of the field in progress so that its buffer stops growing, while
// keeping what libcsv will subtract when the field ends: in FIELD_MIGHT_HAVE_ENDED the
// buffer ends with the quote just seen, which it removes again.
void discard_field(csv_parser& p) {
  if (p.pstate == kFieldMightHaveEnded) {
    p.entry_buf[0] = p.quote_char;
    p.entry_pos = 1;
  } else {
    p.entry_pos = 0;
  }
  p.spaces = 0;
}

class ByteInput {
 public:
  virtual ~ByteInput() = default;
  // Up to `size` bytes into `buffer`; 0 at the end; -1 with `error` set.
  virtual long read(char* buffer, std::size_t size, std::string& error) = 0;
};

class FileInput final : public ByteInput {
 public:
  explicit FileInput(int fd) : fd_(fd) {}
  ~FileInput() override { ::close(fd_); }
  FileInput(const FileInput&) = delete;
  FileInput& operator=(const FileInput&) = delete;

  long read(char* buffer, std::size_t size, std::string& error) override {
    for (;;) {
      const ssize_t got = ::read(fd_, buffer, size);
      if (got >= 0) return static_cast<long>(got);
      if (errno == EINTR) continue;
      error = std::string("cannot read: ") + std::strerror(errno);
      return -1;
    }
  }

 private:
  int fd_;
};

class MemoryInput final : public ByteInput {
 public:
  explicit MemoryInput(std::string text) : text_(std::move(text)) {}
  long read(char* buffer, std::size_t size, std::string&) override {
    const std::size_t n = std::min(size, text_.size() - pos_);
    std::memcpy(buffer, text_.data() + pos_, n);
    pos_ += n;
    return static_cast<long>(n);
  }

 private:
  std::string text_;
  std::size_t pos_ = 0;
};

// The file's bytes as UTF-8, chunk by chunk: a UTF-8 BOM is dropped, UTF-16 with a BOM
// is converted (a code unit or a surrogate pair may straddle two chunks).
class Utf8Decoder {
 public:
  explicit Utf8Decoder(std::unique_ptr<ByteInput> input) : input_(std::move(input)), raw_(kReadChunk, '\0') {}

  // Appends the next piece of text to `out`; false at the end or on an error (in `error`).
  bool read(std::string& out, std::string& error) {
    while (!ended_) {
      const long got = input_->read(raw_.data() + held_, raw_.size() - held_, error);
      if (got < 0) return false;
      if (got == 0) {
        ended_ = true;
      } else {
        held_ += static_cast<std::size_t>(got);
      }
      if (!started_ && !ended_ && held_ < 3) continue;  // a BOM is up to 3 bytes
      const std::size_t before = out.size();
      decode(out);
      if (ended_) finish(out);
      if (out.size() > before) return true;
    }
    return false;
  }

 private:
  enum class Encoding { utf8, utf16le, utf16be };

  void decode(std::string& out) {
    std::size_t pos = 0;
    const auto* bytes = reinterpret_cast<const unsigned char*>(raw_.data());
    if (!started_) {
      started_ = true;
      if (held_ >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) {
        pos = 3;
      } else if (held_ >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) {
        encoding_ = Encoding::utf16le;
        pos = 2;
      } else if (held_ >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) {
        encoding_ = Encoding::utf16be;
        pos = 2;
      }
    }
    if (encoding_ == Encoding::utf8) {
      out.append(raw_.data() + pos, held_ - pos);
      held_ = 0;
      return;
    }
    const bool le = encoding_ == Encoding::utf16le;
    for (; pos + 2 <= held_; pos += 2) {
      const char16_t unit = le ? static_cast<char16_t>(bytes[pos] | (bytes[pos + 1] << 8))
                               : static_cast<char16_t>((bytes[pos] << 8) | bytes[pos + 1]);
      if (high_ != 0) {
        if (unit >= 0xDC00 && unit <= 0xDFFF) {
          append_utf8(out, 0x10000 + ((char32_t{high_} - 0xD800) << 10) + (unit - 0xDC00));
          high_ = 0;
          continue;
        }
        append_utf8(out, 0xFFFD);
        high_ = 0;
      }
      if (unit >= 0xD800 && unit <= 0xDBFF) {
        high_ = unit;
      } else if (unit >= 0xDC00 && unit <= 0xDFFF) {
        append_utf8(out, 0xFFFD);
      } else {
        append_utf8(out, unit);
      }
    }
    // An odd byte waits for its partner in the next chunk.
    if (pos < held_) raw_[0] = raw_[pos];
    held_ -= pos;
  }

  void finish(std::string& out) {
    if (encoding_ == Encoding::utf8) return;
    if (high_ != 0 || held_ != 0) append_utf8(out, 0xFFFD);
    high_ = 0;
    held_ = 0;
  }

  std::unique_ptr<ByteInput> input_;
  std::string raw_;
  std::size_t held_ = 0;
  bool started_ = false;
  bool ended_ = false;
  Encoding encoding_ = Encoding::utf8;
  char16_t high_ = 0;  // a high surrogate waiting for its low one
};

// Counts the fields of the first record (blank lines before it skipped) as one delimiter
// would split it.
class DelimiterProbe {
 public:
  explicit DelimiterProbe(char delimiter) {
    csv_init(&parser_, 0);
    csv_set_delim(&parser_, static_cast<unsigned char>(delimiter));
  }
  ~DelimiterProbe() { csv_free(&parser_); }
  DelimiterProbe(const DelimiterProbe&) = delete;
  DelimiterProbe& operator=(const DelimiterProbe&) = delete;

  void feed(const char* data, std::size_t size) {
    for (std::size_t pos = 0; pos < size && !done_;) {
      const std::size_t n = std::min(kParseSlice, size - pos);
      if (csv_parse(&parser_, data + pos, n, on_field, on_record, this) != n) done_ = true;
      pos += n;
      if (parser_.entry_pos > kParseSlice) discard_field(parser_);
    }
  }
  void finish() {
    if (!done_) csv_fini(&parser_, on_field, on_record, this);
    done_ = true;
  }
  bool done() const { return done_; }
  std::size_t fields() const { return fields_; }

 private:
  static void on_field(void*, std::size_t, void* self) {
    auto* probe = static_cast<DelimiterProbe*>(self);
    if (!probe->done_) ++probe->fields_;
  }
  static void on_record(int, void* self) { static_cast<DelimiterProbe*>(self)->done_ = true; }

  csv_parser parser_{};
  std::size_t fields_ = 0;
  bool done_ = false;
};

class CsvTable final : public TableSource {
 public:
  CsvTable(std::unique_ptr<ByteInput> input, const TableLimits& limits) : decoder_(std::move(input)), limits_(limits) {
    init_parser();
  }
  ~CsvTable() override { csv_free(&parser_); }
  CsvTable(const CsvTable&) = delete;
  CsvTable& operator=(const CsvTable&) = delete;

  // Decides the delimiter when it is not given, reading ahead into `text_` (which next()
  // then parses from its start). A read error is returned.
  std::string start(char delimiter) {
    if (delimiter == 0) {
      std::array<DelimiterProbe, 3> probes{DelimiterProbe(','), DelimiterProbe(';'), DelimiterProbe('\t')};
      std::size_t probed = 0;
      while (text_.size() < kProbeLimit &&
             std::any_of(probes.begin(), probes.end(), [](const DelimiterProbe& p) { return !p.done(); })) {
        std::string error;
        if (!decoder_.read(text_, error)) {
          if (!error.empty()) return error;
          for (auto& p : probes) p.finish();
          at_end_ = true;
          break;
        }
        for (auto& p : probes) p.feed(text_.data() + probed, text_.size() - probed);
        probed = text_.size();
      }
      delimiter = ',';
      std::size_t most = probes[0].fields();
      if (probes[1].fields() > most) {
        delimiter = ';';
        most = probes[1].fields();
      }
      if (probes[2].fields() > most) delimiter = '\t';
    }
    delimiter_ = delimiter;
    csv_set_delim(&parser_, static_cast<unsigned char>(delimiter));
    return {};
  }

  Status next(TableRow& row, std::string& problem) override {
    if (finished_) return Status::end;
    row_ = &row;
    cells_ = 0;
    bad_ = false;
    done_ = false;
    while (!done_) {
      if (pos_ == text_.size()) {
        text_.clear();
        pos_ = 0;
        std::string error;
        if (!at_end_ && !decoder_.read(text_, error)) {
          if (!error.empty()) {
            problem_ = error;
            return fail(problem);
          }
          at_end_ = true;
        }
        if (at_end_ && text_.empty()) {
          if (parser_.pstate == kFieldBegun && parser_.quoted) {
            // The quoted field is the one after the fields of this record already read.
            problem_ = fmt::format("unclosed quote starting in row {}, column {}", number_, column_letters(fields_));
            return fail(problem);
          }
          csv_fini(&parser_, on_field, on_record, this);
          finished_ = true;
          if (!done_) return Status::end;
          break;
        }
        continue;
      }
      if (!parse_slice()) return fail(problem);
    }
    row.cells.resize(cells_);
    row.numeric.clear();  // XLSX only
    row.number = number_++;
    if (number_ == 0) finished_ = true;  // past 4 billion rows: stop rather than repeat numbers
    if (bad_) {
      problem = problem_;
      return Status::bad_row;
    }
    return Status::row;
  }

 private:
  // Up to the next line break (so at most one record ends), at most kParseSlice bytes.
  bool parse_slice() {
    const char* begin = text_.data() + pos_;
    std::size_t n = std::min(kParseSlice, text_.size() - pos_);
    if (const void* lf = std::memchr(begin, '\n', n))
      n = static_cast<std::size_t>(static_cast<const char*>(lf) - begin) + 1;
    if (const void* cr = std::memchr(begin, '\r', n))
      n = static_cast<std::size_t>(static_cast<const char*>(cr) - begin) + 1;
    if (skipping_line_) {  // the rest of a line whose row was rejected
      skipping_line_ = begin[n - 1] != '\n' && begin[n - 1] != '\r';
      if (!skipping_line_) terminator_ = begin[n - 1];
      pos_ += n;
      return true;
    }
    std::size_t parsed = 0;
    while (parsed < n) {
      parsed += csv_parse(&parser_, begin + parsed, n - parsed, on_field, on_record, this);
      if (parsed == n) break;
      if (csv_error(&parser_) != CSV_EPARSE) {
        problem_ = fmt::format("cannot read row {}: {}", number_, csv_strerror(csv_error(&parser_)));
        return false;
      }
      // Strict mode stopped at a quote. Inside a cell that did not start with one (24" screen)
      // it is a character, as spreadsheets read it: fed again, leniently.
      if (parser_.pstate == kFieldBegun && parser_.quoted == 0) {
        csv_set_opts(&parser_, kOptions & ~CSV_STRICT);
        parsed += csv_parse(&parser_, begin + parsed, 1, on_field, on_record, this);
        csv_set_opts(&parser_, kOptions);
        continue;
      }
      // Text after the quote that closes a cell ("a" b): libcsv would read on as if the quote
      // were part of the cell, through the following rows to the next quote, merging them
      // into one. The row is rejected instead and reading resumes at the next line.
      if (!bad_) {
        bad_ = true;
        problem_ = fmt::format(
            "column {}: text after the quote that closes the cell (a quote inside a quoted cell is written twice: "
            "\"\")",
            fields_ + 1);
      }
      const char last = begin[n - 1];
      skipping_line_ = last != '\n' && last != '\r';
      terminator_ = skipping_line_ ? 0 : last;
      csv_free(&parser_);
      init_parser();
      fields_ = 0;
      oversized_ = false;
      done_ = true;
      pos_ += n;
      return true;
    }
    pos_ += n;
    // libcsv grows a field's buffer by blk_size at a time: doubling blk_size with the buffer
    // makes the growth geometric, so a long cell costs a few reallocations, not one per
    // 16 KiB (each a copy; under AddressSanitizer each also a freed block kept in quarantine).
    if (parser_.entry_size > parser_.blk_size) csv_set_blk_size(&parser_, parser_.entry_size);
    if ((parser_.pstate == kFieldBegun || parser_.pstate == kFieldMightHaveEnded) &&
        field_length(parser_) > limits_.max_cell_bytes) {
      oversized_ = true;
      discard_field(parser_);
    }
    return true;
  }

  void init_parser() {
    csv_init(&parser_, kOptions);
    // libcsv grows a field's buffer by this much at a time (128 bytes by default).
    csv_set_blk_size(&parser_, 16 << 10);
    if (delimiter_ != 0) csv_set_delim(&parser_, static_cast<unsigned char>(delimiter_));
  }

  Status fail(std::string& problem) {
    finished_ = true;
    problem = problem_;
    return Status::failed;
  }

  static void on_field(void* data, std::size_t size, void* self) {
    static_cast<CsvTable*>(self)->add_field(static_cast<const char*>(data), size);
  }
  static void on_record(int terminator, void* self) { static_cast<CsvTable*>(self)->end_record(terminator); }

  void add_field(const char* data, std::size_t size) {
    const std::size_t column = ++fields_;
    const bool oversized = oversized_ || size > limits_.max_cell_bytes;
    oversized_ = false;
    if (bad_) return;
    if (oversized) {
      bad_ = true;
      problem_ = fmt::format("column {}: a cell longer than {} bytes", column, limits_.max_cell_bytes);
      return;
    }
    if (column > limits_.max_cells) {
      bad_ = true;
      problem_ = fmt::format("more than {} cells in the row", limits_.max_cells);
      return;
    }
    auto& cells = row_->cells;
    if (cells_ < cells.size()) {
      cells[cells_].assign(data == nullptr ? "" : data, size);
    } else {
      cells.emplace_back(data == nullptr ? "" : data, size);
    }
    ++cells_;
  }

  void end_record(int terminator) {
    const int previous = terminator_;
    terminator_ = terminator;
    // With CSV_REPALL_NL libcsv reports the LF of a CRLF as an empty record of its own.
    if (terminator == '\n' && previous == '\r' && fields_ == 0) return;
    fields_ = 0;
    done_ = true;
  }

  Utf8Decoder decoder_;
  TableLimits limits_;
  // Strict, so that text after a closing quote stops libcsv (see parse_slice).
  static constexpr unsigned char kOptions = CSV_REPALL_NL | CSV_STRICT;
  csv_parser parser_{};
  char delimiter_ = 0;
  bool skipping_line_ = false;  // the rest of the line of a rejected row is not read
  std::string text_;            // decoded text not yet parsed, from pos_
  std::size_t pos_ = 0;
  bool at_end_ = false;
  bool finished_ = false;
  std::uint32_t number_ = 1;  // of the record in progress

  // The record in progress, written into the caller's row.
  TableRow* row_ = nullptr;
  std::size_t cells_ = 0;   // cells kept
  std::size_t fields_ = 0;  // fields seen
  bool oversized_ = false;  // the field in progress went over the limit and is being dropped
  bool bad_ = false;
  bool done_ = false;
  int terminator_ = 0;
  std::string problem_;
};

std::variant<std::unique_ptr<TableSource>, std::string> open_csv(std::unique_ptr<ByteInput> input, char delimiter,
                                                                 const TableLimits& limits) {
  auto table = std::make_unique<CsvTable>(std::move(input), limits);
  std::string error = table->start(delimiter);
  if (!error.empty()) return error;
  return std::unique_ptr<TableSource>(std::move(table));
}

}  // namespace

std::variant<std::unique_ptr<TableSource>, std::string> open_csv_table(const std::string& path, char delimiter,
                                                                       const TableLimits& limits) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return std::string("cannot read: ") + std::strerror(errno);
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    return std::string("is a directory");
  }
  return open_csv(std::make_unique<FileInput>(fd), delimiter, limits);
}

std::variant<std::unique_ptr<TableSource>, std::string> open_csv_text(std::string text, char delimiter,
                                                                      const TableLimits& limits) {
  return open_csv(std::make_unique<MemoryInput>(std::move(text)), delimiter, limits);
}

}  // namespace centric
