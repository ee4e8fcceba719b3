// XLSX exports (import.md §2) through libzip and expat. The workbook's small parts (the
// sheet list, the relationships, the shared strings) are read when the file is opened;
// the worksheet is streamed, the parser suspended at the end of each row so that next()
// hands rows out one by one. Every byte unpacked from the archive counts against
// max_unpacked_bytes, whatever sizes the archive declares (a ZIP bomb lies about them).
#include <expat.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <map>
#include <string_view>

#include "io/table_source.hpp"

namespace centric {
namespace {

constexpr int kReadChunk = 64 << 10;

// Expat's names are "namespace|local" (the parser is namespace-aware, so a prefixed
// `x:row` and a plain `row` are the same); the namespace does not matter here.
std::string_view local_name(const XML_Char* name) {
  const char* bar = std::strrchr(name, '|');
  return bar != nullptr ? std::string_view(bar + 1) : std::string_view(name);
}

const XML_Char* attribute(const XML_Char** attributes, std::string_view local) {
  for (; attributes[0] != nullptr; attributes += 2)
    if (local_name(attributes[0]) == local) return attributes[1];
  return nullptr;
}

std::string zip_message(int code) {
  zip_error_t error;
  zip_error_init_with_code(&error, code);
  std::string message = zip_error_strerror(&error);
  zip_error_fini(&error);
  return message;
}

// The archive and the count of bytes unpacked from it, all parts together.
struct Archive {
  zip_t* zip = nullptr;
  std::string bytes;  // the workbook when it was given in memory
  TableLimits limits;
  std::uint64_t unpacked = 0;

  Archive() = default;
  ~Archive() {
    if (zip != nullptr) zip_discard(zip);
  }
  Archive(const Archive&) = delete;
  Archive& operator=(const Archive&) = delete;

  std::string bomb_message() const {
    return fmt::format("the workbook unpacks to more than {} bytes (a ZIP bomb?)", limits.max_unpacked_bytes);
  }
};

// What a part's parse calls back; `fail` stops the parse with a message.
class XmlHandler {
 public:
  virtual ~XmlHandler() = default;
  virtual void start(std::string_view name, const XML_Char** attributes) = 0;
  virtual void end(std::string_view name) = 0;
  virtual void text(const char*, std::size_t) {}

  void fail(std::string message) {
    if (error.empty()) error = std::move(message);
    XML_StopParser(parser, XML_FALSE);
  }

  XML_Parser parser = nullptr;
  std::string error;
  std::uint64_t last_event = 0;  // where the parser last reported something, in bytes
};

// One part of the archive through expat, a chunk at a time.
class XmlPart {
 public:
  enum class Result { suspended, finished, failed };

  XmlPart(Archive& archive, XmlHandler& handler) : archive_(archive), handler_(handler) {}
  ~XmlPart() {
    if (parser_ != nullptr) XML_ParserFree(parser_);
    if (file_ != nullptr) zip_fclose(file_);
  }
  XmlPart(const XmlPart&) = delete;
  XmlPart& operator=(const XmlPart&) = delete;

  // An empty string, or why the part cannot be read; `missing` when it does not exist.
  std::string open(const std::string& name, bool& missing) {
    name_ = name;
    zip_int64_t index = zip_name_locate(archive_.zip, name.c_str(), 0);
    if (index < 0) index = zip_name_locate(archive_.zip, name.c_str(), ZIP_FL_NOCASE);
    missing = index < 0;
    if (missing) return fmt::format("the workbook has no part {}", name);
    file_ = zip_fopen_index(archive_.zip, static_cast<zip_uint64_t>(index), 0);
    if (file_ == nullptr) return fmt::format("{} cannot be unpacked: {}", name, zip_strerror(archive_.zip));
    parser_ = XML_ParserCreateNS(nullptr, '|');
    if (parser_ == nullptr) return "out of memory";
    handler_.parser = parser_;
    XML_SetUserData(parser_, &handler_);
    XML_SetElementHandler(parser_, on_start, on_end);
    XML_SetCharacterDataHandler(parser_, on_text);
    // A spreadsheet program never writes a DTD; refusing one rules out entity tricks.
    XML_SetStartDoctypeDeclHandler(parser_, on_doctype);
    return {};
  }

  // Parses until the handler suspends the parser, the part ends, or it fails (`problem`).
  Result run(std::string& problem) {
    for (;;) {
      XML_Status status;
      if (suspended_) {
        suspended_ = false;
        status = XML_ResumeParser(parser_);
      } else {
        if (final_) return Result::finished;
        void* buffer = XML_GetBuffer(parser_, kReadChunk);
        if (buffer == nullptr) {
          problem = "out of memory";
          return Result::failed;
        }
        const zip_int64_t got = zip_fread(file_, buffer, kReadChunk);
        if (got < 0) {
          problem = fmt::format("{} cannot be unpacked: {}", name_, zip_error_strerror(zip_file_get_error(file_)));
          return Result::failed;
        }
        archive_.unpacked += static_cast<std::uint64_t>(got);
        if (archive_.unpacked > archive_.limits.max_unpacked_bytes) {
          problem = archive_.bomb_message();
          return Result::failed;
        }
        fed_ += static_cast<std::uint64_t>(got);
        final_ = got == 0;
        status = XML_ParseBuffer(parser_, static_cast<int>(got), final_ ? XML_TRUE : XML_FALSE);
      }
      if (status == XML_STATUS_SUSPENDED) {
        suspended_ = true;
        return Result::suspended;
      }
      if (status == XML_STATUS_ERROR) {
        problem = !handler_.error.empty()
                      ? handler_.error
                      : fmt::format("{} is not well-formed XML (line {}: {})", name_, XML_GetCurrentLineNumber(parser_),
                                    XML_ErrorString(XML_GetErrorCode(parser_)));
        cut_short_ = handler_.error.empty() && is_cut_short(XML_GetErrorCode(parser_));
        return Result::failed;
      }
      if (final_) return Result::finished;
      // Expat holds a token until it is complete: one that never ends (a comment or a tag
      // of gigabytes) would be held whole.
      if (fed_ - handler_.last_event > watchdog_bytes()) {
        problem = fmt::format("{} holds a piece of XML longer than {} bytes", name_, watchdog_bytes());
        return Result::failed;
      }
    }
  }

  bool cut_short() const { return cut_short_; }

 private:
  std::uint64_t watchdog_bytes() const {
    return std::max<std::uint64_t>(archive_.limits.max_cell_bytes, std::uint64_t{1} << 20) + 2 * kReadChunk;
  }

  static bool is_cut_short(XML_Error code) {
    return code == XML_ERROR_NO_ELEMENTS || code == XML_ERROR_UNCLOSED_TOKEN || code == XML_ERROR_PARTIAL_CHAR ||
           code == XML_ERROR_UNCLOSED_CDATA_SECTION;
  }

  static XmlHandler& handler_of(void* data) {
    auto& handler = *static_cast<XmlHandler*>(data);
    handler.last_event = static_cast<std::uint64_t>(std::max<XML_Index>(0, XML_GetCurrentByteIndex(handler.parser)));
    return handler;
  }
  static void XMLCALL on_start(void* data, const XML_Char* name, const XML_Char** attributes) {
    auto& handler = handler_of(data);
    if (handler.error.empty()) handler.start(local_name(name), attributes);
  }
  static void XMLCALL on_end(void* data, const XML_Char* name) {
    auto& handler = handler_of(data);
    if (handler.error.empty()) handler.end(local_name(name));
  }
  static void XMLCALL on_text(void* data, const XML_Char* text, int size) {
    auto& handler = handler_of(data);
    if (handler.error.empty()) handler.text(text, static_cast<std::size_t>(size));
  }
  static void XMLCALL on_doctype(void* data, const XML_Char*, const XML_Char*, const XML_Char*, int) {
    static_cast<XmlHandler*>(data)->fail("the workbook holds a DTD, which no spreadsheet program writes");
  }

  Archive& archive_;
  XmlHandler& handler_;
  std::string name_;
  zip_file_t* file_ = nullptr;
  XML_Parser parser_ = nullptr;
  std::uint64_t fed_ = 0;
  bool suspended_ = false;
  bool final_ = false;
  bool cut_short_ = false;
};

// Reads a small part whole through `handler`. An empty string, or why it cannot be read.
std::string read_part(Archive& archive, const std::string& name, XmlHandler& handler, bool& missing) {
  XmlPart part(archive, handler);
  std::string problem = part.open(name, missing);
  if (!problem.empty()) return problem;
  while (part.run(problem) == XmlPart::Result::suspended) {
  }
  return problem;
}

// xl/workbook.xml: the sheets in the workbook's order.
struct SheetEntry {
  std::string name;
  std::string relationship;
};

class WorkbookHandler final : public XmlHandler {
 public:
  void start(std::string_view name, const XML_Char** attributes) override {
    if (name != "sheet") return;
    SheetEntry sheet;
    if (const char* n = attribute(attributes, "name")) sheet.name = n;
    // r:id, the only attribute named "id" in a namespace.
    for (const XML_Char** a = attributes; a[0] != nullptr; a += 2)
      if (std::strchr(a[0], '|') != nullptr && local_name(a[0]) == "id") sheet.relationship = a[1];
    sheets.push_back(std::move(sheet));
  }
  void end(std::string_view) override {}

  std::vector<SheetEntry> sheets;
};

// xl/_rels/workbook.xml.rels: relationship id -> the part it names.
class RelationshipsHandler final : public XmlHandler {
 public:
  void start(std::string_view name, const XML_Char** attributes) override {
    if (name != "Relationship") return;
    const char* id = attribute(attributes, "Id");
    const char* target = attribute(attributes, "Target");
    const char* type = attribute(attributes, "Type");
    if (id == nullptr || target == nullptr) return;
    targets[id] = resolve(target);
    if (type != nullptr && std::string_view(type).ends_with("/sharedStrings")) shared_strings = resolve(target);
  }
  void end(std::string_view) override {}

  std::map<std::string, std::string> targets;
  std::string shared_strings;

 private:
  // A target is relative to xl/ (where workbook.xml is) or absolute from the archive's root.
  static std::string resolve(std::string_view target) {
    std::string joined = target.starts_with('/') ? std::string(target.substr(1)) : "xl/" + std::string(target);
    std::vector<std::string> parts;
    std::size_t begin = 0;
    while (begin <= joined.size()) {
      std::size_t slash = joined.find('/', begin);
      if (slash == std::string::npos) slash = joined.size();
      const std::string part = joined.substr(begin, slash - begin);
      if (part == "..") {
        if (!parts.empty()) parts.pop_back();
      } else if (!part.empty() && part != ".") {
        parts.push_back(part);
      }
      begin = slash + 1;
    }
    std::string path;
    for (const auto& part : parts) path += (path.empty() ? "" : "/") + part;
    return path;
  }
};

// The shared strings, all in one buffer: <si> holds <t>, or rich-text runs <r><t>; the
// phonetic runs <rPh> are not part of the text. A string longer than a cell may be is
// kept only up to one byte past the limit, enough to reject the cells that use it.
class SharedStringsHandler final : public XmlHandler {
 public:
  explicit SharedStringsHandler(const TableLimits& limits) : limits_(limits) {}

  void start(std::string_view name, const XML_Char**) override {
    if (name == "si") {
      in_item_ = true;
      item_start_ = text_.size();
    } else if (name == "rPh") {
      ++phonetic_;
    } else if (name == "t" && in_item_ && phonetic_ == 0) {
      in_text_ = true;
    }
  }
  void end(std::string_view name) override {
    if (name == "si") {
      in_item_ = false;
      ends_.push_back(text_.size());
      check_size();
    } else if (name == "rPh") {
      if (phonetic_ > 0) --phonetic_;
    } else if (name == "t") {
      in_text_ = false;
    }
  }
  void text(const char* data, std::size_t size) override {
    if (!in_text_) return;
    const std::size_t room =
        limits_.max_cell_bytes + 1 - std::min(limits_.max_cell_bytes + 1, text_.size() - item_start_);
    text_.append(data, std::min(size, room));
    check_size();
  }

  std::string_view item(std::size_t i) const {
    const std::size_t begin = i == 0 ? 0 : ends_[i - 1];
    return std::string_view(text_).substr(begin, ends_[i] - begin);
  }
  std::size_t size() const { return ends_.size(); }

 private:
  void check_size() {
    if (text_.size() + ends_.size() * sizeof(std::size_t) > limits_.max_shared_string_bytes)
      fail(fmt::format("the workbook's shared strings take more than {} bytes", limits_.max_shared_string_bytes));
  }

  TableLimits limits_;
  std::string text_;
  std::vector<std::size_t> ends_;
  std::size_t item_start_ = 0;
  bool in_item_ = false;
  bool in_text_ = false;
  int phonetic_ = 0;
};

// "B3" -> 2; 0 when the reference does not start with column letters (or is past XFD's
// order of magnitude).
std::size_t column_of(std::string_view reference) {
  std::size_t column = 0, i = 0;
  for (; i < reference.size() && i < 4; ++i) {
    const char c = reference[i];
    if (c >= 'A' && c <= 'Z') {
      column = column * 26 + static_cast<std::size_t>(c - 'A' + 1);
    } else if (c >= 'a' && c <= 'z') {
      column = column * 26 + static_cast<std::size_t>(c - 'a' + 1);
    } else {
      break;
    }
  }
  if (i == 0 || (i < reference.size() && std::isalpha(static_cast<unsigned char>(reference[i])))) return 0;
  return column;
}

// A number as import.md §2 wants it: an integer-valued one as that integer, another as
// its shortest round-trip decimal. False when `text` is not a number.
bool format_number(std::string_view text, std::string& out) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '+')) text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  double value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return false;
  // Below 2^53 every integer is exact, and a double is an integer-valued one there.
  if (value == std::trunc(value) && std::fabs(value) < 9007199254740992.0) {
    out = fmt::format("{}", static_cast<long long>(value));
  } else {
    out = fmt::format("{}", value);
  }
  return true;
}

// The worksheet: <sheetData><row r="N"><c r="B3" t="..."><v>..</v> or <is><t>..</t></is>.
class SheetHandler final : public XmlHandler {
 public:
  SheetHandler(const TableLimits& limits, const SharedStringsHandler& shared) : limits_(limits), shared_(shared) {}

  void start(std::string_view name, const XML_Char** attributes) override {
    if (name == "row") {
      start_row(attribute(attributes, "r"));
    } else if (!in_row_) {
      return;
    } else if (name == "c") {
      in_cell_ = true;
      const char* reference = attribute(attributes, "r");
      column_ = reference != nullptr ? column_of(reference) : 0;
      if (column_ <= last_column_) column_ = last_column_ + 1;
      const char* type = attribute(attributes, "t");
      type_ = type != nullptr ? type : "n";
      text_.clear();
      oversized_ = false;
    } else if (!in_cell_) {
      return;
    } else if (name == "v") {
      in_value_ = true;
    } else if (name == "rPh") {
      ++phonetic_;
    } else if (name == "t" && phonetic_ == 0) {
      in_value_ = true;
    }
  }

  void end(std::string_view name) override {
    if (name == "row" && in_row_) {
      in_row_ = false;
      row_ended = true;
      last_number = number_;
      XML_StopParser(parser, XML_TRUE);
    } else if (name == "c" && in_cell_) {
      in_cell_ = false;
      end_cell();
    } else if (name == "v" || name == "t") {
      in_value_ = false;
    } else if (name == "rPh") {
      if (phonetic_ > 0) --phonetic_;
    }
  }

  void text(const char* data, std::size_t size) override {
    if (!in_value_) return;
    if (text_.size() + size > limits_.max_cell_bytes) {
      oversized_ = true;
      return;
    }
    text_.append(data, size);
  }

  // Starts collecting the next row into `row`.
  void begin(TableRow& row) {
    row_ = &row;
    row_ended = false;
  }

  bool in_row() const { return in_row_; }
  std::uint32_t number() const { return number_; }

  // The row just ended: into `row` (given to begin()) and a problem when it is bad.
  bool row_ended = false;
  bool bad = false;
  std::string problem;
  std::uint32_t last_number = 0;  // of the last row that ended

 private:
  void start_row(const char* r) {
    std::uint32_t number = 0;
    if (r != nullptr) {
      const std::string_view text(r);
      const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), number);
      if (ec != std::errc() || end != text.data() + text.size()) number = 0;
    }
    // Rows in the wrong order (or without r) take the next number, so that the numbers
    // always increase.
    if (number <= last_number) {
      if (last_number == UINT32_MAX) {
        fail("the worksheet has too many rows");
        return;
      }
      number = last_number + 1;
    }
    number_ = number;
    in_row_ = true;
    in_cell_ = false;
    in_value_ = false;
    phonetic_ = 0;
    last_column_ = 0;
    bad = false;
    problem.clear();
    row_->cells.clear();
    row_->numeric.clear();
  }

  void end_cell() {
    const std::size_t column = column_;
    last_column_ = column;
    if (bad) return;
    if (column > limits_.max_cells) {
      return reject(fmt::format("more than {} cells in the row", limits_.max_cells));
    }
    if (oversized_)
      return reject(fmt::format("column {}: a cell longer than {} bytes", column, limits_.max_cell_bytes));
    bool numeric = false;
    std::string value;
    if (type_ == "s") {
      std::size_t index = 0;
      const auto [end, ec] = std::from_chars(text_.data(), text_.data() + text_.size(), index);
      if (ec != std::errc() || end != text_.data() + text_.size() || index >= shared_.size())
        return reject(fmt::format("column {}: the shared string \"{}\" does not exist", column, text_));
      const std::string_view item = shared_.item(index);
      if (item.size() > limits_.max_cell_bytes)
        return reject(fmt::format("column {}: a cell longer than {} bytes", column, limits_.max_cell_bytes));
      value.assign(item);
    } else if (type_ == "b") {
      value = text_ == "1" ? "TRUE" : text_ == "0" ? "FALSE" : text_;
    } else if (type_ == "n") {
      numeric = !text_.empty() && format_number(text_, value);
      if (!numeric) value = text_;
    } else {
      // str (a formula's text), inlineStr, e (an error such as #N/A), d (an ISO date).
      value = std::move(text_);
    }
    auto& cells = row_->cells;
    if (cells.size() < column - 1) {
      cells.resize(column - 1);
      row_->numeric.resize(column - 1, false);
    }
    cells.push_back(std::move(value));
    row_->numeric.push_back(numeric);
  }

  void reject(std::string why) {
    bad = true;
    problem = std::move(why);
  }

  TableLimits limits_;
  const SharedStringsHandler& shared_;
  TableRow* row_ = nullptr;
  bool in_row_ = false;
  bool in_cell_ = false;
  bool in_value_ = false;
  int phonetic_ = 0;
  std::uint32_t number_ = 0;
  std::size_t column_ = 0;
  std::size_t last_column_ = 0;
  std::string type_;
  std::string text_;
  bool oversized_ = false;
};

class XlsxTable final : public TableSource {
 public:
  explicit XlsxTable(std::unique_ptr<Archive> archive)
      : archive_(std::move(archive)), shared_(archive_->limits), sheet_(archive_->limits, shared_) {}

  std::string open(const std::string& wanted) {
    WorkbookHandler workbook;
    bool missing = false;
    std::string problem = read_part(*archive_, "xl/workbook.xml", workbook, missing);
    if (missing) return "not an XLSX workbook: the archive has no xl/workbook.xml";
    if (!problem.empty()) return problem;
    if (workbook.sheets.empty()) return "the workbook has no sheets";

    RelationshipsHandler relationships;
    problem = read_part(*archive_, "xl/_rels/workbook.xml.rels", relationships, missing);
    if (!problem.empty()) return problem;

    const SheetEntry* chosen = &workbook.sheets.front();
    if (!wanted.empty()) {
      const auto found = std::find_if(workbook.sheets.begin(), workbook.sheets.end(),
                                      [&](const SheetEntry& s) { return s.name == wanted; });
      if (found == workbook.sheets.end()) {
        std::string names;
        for (const auto& s : workbook.sheets) names += (names.empty() ? "\"" : ", \"") + s.name + "\"";
        return fmt::format("the workbook has no sheet \"{}\"; its sheets are {}", wanted, names);
      }
      chosen = &*found;
    }
    const auto target = relationships.targets.find(chosen->relationship);
    if (target == relationships.targets.end())
      return fmt::format("the workbook does not say where sheet \"{}\" is", chosen->name);

    const std::string shared_path =
        relationships.shared_strings.empty() ? "xl/sharedStrings.xml" : relationships.shared_strings;
    problem = read_part(*archive_, shared_path, shared_, missing);
    if (!problem.empty() && !missing) return problem;

    part_ = std::make_unique<XmlPart>(*archive_, sheet_);
    problem = part_->open(target->second, missing);
    if (!problem.empty()) return problem;
    return {};
  }

  Status next(TableRow& row, std::string& problem) override {
    if (finished_) return Status::end;
    if (!pending_failure_.empty()) {
      finished_ = true;
      problem = pending_failure_;
      return Status::failed;
    }
    sheet_.begin(row);
    const XmlPart::Result result = part_->run(problem);
    if (sheet_.row_ended) {
      // The row is whole even when the part failed right after it: the failure comes next.
      row.number = sheet_.last_number;
      if (result == XmlPart::Result::failed) {
        pending_failure_ = problem;
        problem.clear();
      }
      if (sheet_.bad) {
        problem = sheet_.problem;
        return Status::bad_row;
      }
      return Status::row;
    }
    finished_ = true;
    if (result == XmlPart::Result::failed) {
      if (part_->cut_short()) {
        problem = sheet_.in_row() ? fmt::format("the worksheet is cut short in row {}", sheet_.number())
                  : sheet_.last_number == 0
                      ? "the worksheet is cut short before its first row"
                      : fmt::format("the worksheet is cut short after row {}", sheet_.last_number);
      }
      return Status::failed;
    }
    return Status::end;
  }

 private:
  std::unique_ptr<Archive> archive_;
  SharedStringsHandler shared_;
  SheetHandler sheet_;
  std::unique_ptr<XmlPart> part_;
  bool finished_ = false;
  std::string pending_failure_;
};

std::variant<std::unique_ptr<TableSource>, std::string> open_archive(std::unique_ptr<Archive> archive,
                                                                     const std::string& sheet) {
  auto table = std::make_unique<XlsxTable>(std::move(archive));
  std::string problem = table->open(sheet);
  if (!problem.empty()) return problem;
  return std::unique_ptr<TableSource>(std::move(table));
}

bool looks_like_zip(std::string_view head) { return head.starts_with("PK\x03\x04") || head.starts_with("PK\x05\x06"); }

constexpr const char* kNotZip = "not an XLSX workbook (not a ZIP archive)";

std::string open_failure(int code) {
  return fmt::format("the workbook is damaged or cut short ({})", zip_message(code));
}

}  // namespace

std::variant<std::unique_ptr<TableSource>, std::string> open_xlsx_table(const std::string& path,
                                                                        const std::string& sheet,
                                                                        const TableLimits& limits) {
  // The first bytes tell a damaged workbook from a file that is not one at all.
  char head[4] = {};
  std::size_t head_size = 0;
  {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return std::string("cannot read: ") + std::strerror(errno);
    struct stat st {};
    if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
      ::close(fd);
      return std::string("is a directory");
    }
    const ssize_t got = ::read(fd, head, sizeof head);
    ::close(fd);
    if (got > 0) head_size = static_cast<std::size_t>(got);
  }
  if (!looks_like_zip(std::string_view(head, head_size))) return std::string(kNotZip);
  auto archive = std::make_unique<Archive>();
  archive->limits = limits;
  int code = 0;
  archive->zip = zip_open(path.c_str(), ZIP_RDONLY, &code);
  if (archive->zip == nullptr) return open_failure(code);
  return open_archive(std::move(archive), sheet);
}

std::variant<std::unique_ptr<TableSource>, std::string> open_xlsx_bytes(std::string bytes, const std::string& sheet,
                                                                        const TableLimits& limits) {
  if (!looks_like_zip(bytes)) return std::string(kNotZip);
  auto archive = std::make_unique<Archive>();
  archive->limits = limits;
  archive->bytes = std::move(bytes);
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(archive->bytes.data(), archive->bytes.size(), 0, &error);
  if (source == nullptr) {
    zip_error_fini(&error);
    return std::string("out of memory");
  }
  archive->zip = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (archive->zip == nullptr) {
    zip_source_free(source);
    const int code = zip_error_code_zip(&error);
    zip_error_fini(&error);
    return open_failure(code);
  }
  zip_error_fini(&error);
  return open_archive(std::move(archive), sheet);
}

}  // namespace centric
