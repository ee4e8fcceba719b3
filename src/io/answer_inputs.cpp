#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <utility>

#include "centric/answers_io.hpp"
#include "centric/json_input.hpp"
#include "io/fast_answer_parser.hpp"
#include "io/json_fields.hpp"
#include "io/json_mistakes.hpp"
#include "io/read_file.hpp"
#include "io/respondent_ids.hpp"

namespace centric {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

std::string reason_of(const std::vector<Diagnostic>& problems) {
  std::string out;
  for (const auto& p : problems) {
    if (!out.empty()) out += "; ";
    out += describe_without_source(p);
  }
  return out;
}

// A line that looks like one JSON object: JSON Lines, even when it does not parse.
bool looks_like_object_line(std::string_view line) {
  const auto first = line.find_first_not_of(" \t\r");
  const auto last = line.find_last_not_of(" \t\r");
  return first != std::string_view::npos && line[first] == '{' && line[last] == '}';
}

}  // namespace

// Reads lines in large chunks, and never holds more than one over-long line's worth of
// bytes: a multi-gigabyte file without a newline is one rejected line, not an exhausted
// memory.
class AnswerInputs::Lines {
 public:
  enum class Status { line, too_long, end };
  using Read = std::function<std::ptrdiff_t(char*, std::size_t)>;  // bytes read, 0 at end, < 0 on error
  Lines(Read read, std::size_t max_line) : read_(std::move(read)), max_line_(max_line) {}

  Status next(std::string& line) {
    line.clear();
    bool too_long = false;
    for (;;) {
      if (position_ == buffer_.size() && !refill()) {
        if (!pending_) return Status::end;
        pending_ = false;
        ++number_;
        return too_long ? Status::too_long : Status::line;
      }
      pending_ = true;
      const auto newline = buffer_.find('\n', position_);
      const std::size_t end = newline == std::string::npos ? buffer_.size() : newline;
      if (!too_long) {
        line.append(buffer_, position_, end - position_);
        if (line.size() > max_line_) {
          too_long = true;
          std::string().swap(line);
        }
      }
      position_ = newline == std::string::npos ? buffer_.size() : newline + 1;
      if (newline != std::string::npos) {
        pending_ = false;
        ++number_;
        return too_long ? Status::too_long : Status::line;
      }
    }
  }
  int number() const { return number_; }
  bool failed() const { return failed_; }
  void set_max_line(std::size_t max_line) { max_line_ = max_line; }

 private:
  bool refill() {
    buffer_.resize(std::size_t{1} << 20);
    const std::ptrdiff_t got = read_(buffer_.data(), buffer_.size());
    if (got < 0) failed_ = true;
    buffer_.resize(got > 0 ? static_cast<std::size_t>(got) : 0);
    position_ = 0;
    return !buffer_.empty();
  }

  Read read_;
  std::size_t max_line_;
  std::string buffer_;
  std::size_t position_ = 0;
  int number_ = 0;
  bool pending_ = false;  // bytes of an unfinished line have been read
  bool failed_ = false;
};

bool is_answer_file_name(std::string_view path) { return path.ends_with(".json") || path.ends_with(".jsonl"); }

AnswerInputs::AnswerInputs(const Questionnaire& questionnaire, Sink on_accepted, ProblemSink on_problems)
    : reader_(questionnaire),
      fast_(std::make_unique<FastAnswerParser>(questionnaire)),
      on_accepted_(std::move(on_accepted)),
      on_problems_(std::move(on_problems)),
      ids_(std::make_unique<RespondentIds>()) {}

AnswerInputs::~AnswerInputs() = default;

std::uint32_t AnswerInputs::add_file(const std::string& name) {
  files_.push_back(name);
  return static_cast<std::uint32_t>(files_.size() - 1);
}

std::string AnswerInputs::name_of(const EntryRef& entry) const {
  const std::string& file = files_[entry.file];
  switch (entry.kind) {
    case EntryRef::Kind::line:
      return fmt::format("{}:{}", file, entry.number);
    case EntryRef::Kind::element:
      return fmt::format("{}[{}]", file, entry.number);
    case EntryRef::Kind::whole:
      break;
  }
  return file;
}

void AnswerInputs::reject(const std::string& source, std::vector<Diagnostic> problems) {
  if (on_problems_) on_problems_(problems);
  summary_.rejected.push_back({source, reason_of(problems)});
  ++summary_.sources;
}

void AnswerInputs::reject(const EntryRef& entry, std::vector<Diagnostic> problems) {
  reject(name_of(entry), std::move(problems));
}

void AnswerInputs::read_argument(const std::string& argument, std::istream& standard_input) {
  if (argument == "-") {
    read_stream(standard_input, "<stdin>");
    return;
  }
  std::error_code ec;
  if (fs::is_directory(argument, ec))
    read_directory(argument);
  else
    read_file(argument);
}

void AnswerInputs::read_directory(const std::string& directory) {
  // Every *.json and *.jsonl below, in byte order of their paths, so that the input order
  // (and which of two duplicates wins) does not depend on the file system. Symbolic links
  // to directories are not followed (no loops); what cannot be read is reported, and the
  // walk goes on.
  std::vector<std::string> files;
  std::vector<std::string> pending{directory};
  while (!pending.empty()) {
    const std::string dir = std::move(pending.back());
    pending.pop_back();
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec) {
      reject(dir, {Diagnostic::error(dir, "", "cannot read directory: " + ec.message())});
      continue;
    }
    for (const fs::directory_iterator end; it != end; it.increment(ec)) {
      const std::string path = it->path().string();
      std::error_code type_ec;
      if (fs::is_directory(it->symlink_status(type_ec))) {
        pending.push_back(path);
        continue;
      }
      if (is_answer_file_name(path)) files.push_back(path);
    }
    if (ec) reject(dir, {Diagnostic::error(dir, "", "cannot read directory: " + ec.message())});
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    std::error_code ec;
    const auto status = fs::status(file, ec);
    if (fs::exists(status) && !fs::is_regular_file(status)) {
      // A FIFO or a device would block or never end.
      reject(file, {Diagnostic::error(file, "", "not a regular file (skipped)")});
      continue;
    }
    read_file(file);
  }
}

void AnswerInputs::read_file(const std::string& path) {
  const std::uint32_t file = add_file(path);
  if (!path.ends_with(".jsonl")) {
    auto content = centric::read_file(path, max_json_document_bytes);
    if (auto* error = std::get_if<std::string>(&content))
      reject(path, {Diagnostic::error(path, "", *error)});
    else
      read_document(std::get<FileContent>(content).bytes, file);
    return;
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    reject(path, {Diagnostic::error(path, "", fmt::format("cannot read: {}", std::strerror(errno)))});
    return;
  }
  struct stat st {};
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    reject(path, {Diagnostic::error(path, "", "is a directory")});
    return;
  }
  Lines lines(
      [fd](char* buffer, std::size_t size) -> std::ptrdiff_t {
        for (;;) {
          const ssize_t got = ::read(fd, buffer, size);
          if (got >= 0 || errno != EINTR) return got;
        }
      },
      max_json_line_bytes);
  read_lines(lines, file);
  ::close(fd);
}

void AnswerInputs::read_text(std::string_view text, const std::string& source, InputForm form) {
  if (form == InputForm::document) {
    read_document(text, add_file(source));
    return;
  }
  std::istringstream in{std::string(text)};
  if (form == InputForm::detect) {
    read_stream(in, source);
    return;
  }
  Lines lines(
      [&in](char* buffer, std::size_t size) -> std::ptrdiff_t {
        in.read(buffer, static_cast<std::streamsize>(size));
        return in.gcount();
      },
      max_json_line_bytes);
  read_lines(lines, add_file(source));
}

void AnswerInputs::read_stream(std::istream& in, const std::string& source) {
  const std::uint32_t file = add_file(source);
  Lines lines(
      [&in](char* buffer, std::size_t size) -> std::ptrdiff_t {
        in.read(buffer, static_cast<std::streamsize>(size));
        return in.bad() ? -1 : in.gcount();
      },
      max_json_document_bytes);
  std::string line;
  std::size_t blank_lines = 0;
  Lines::Status status;
  while ((status = lines.next(line)) == Lines::Status::line) {
    if (lines.number() == 1 && strip_utf8_bom(line))
      summary_.warnings.push_back(Diagnostic::warning(source, "", "UTF-8 byte-order mark ignored"));
    if (!blank(line)) break;
    ++blank_lines;
  }
  if (status == Lines::Status::end) {
    read_document(blank_lines > 0 ? " " : "", file);  // parse_json says "empty" or "only white space"
    return;
  }
  if (status == Lines::Status::too_long) {
    reject(source, {Diagnostic::error(source, "", too_large_message(max_json_document_bytes))});
    return;
  }
  // JSON Lines when the first line holds one object, even a broken one, so that a bad
  // first line costs that line only; else one document, perhaps over many lines.
  if (looks_like_object_line(line)) {
    EntryRef first{file, static_cast<std::uint32_t>(lines.number()), EntryRef::Kind::line};
    std::string first_line = std::move(line);
    lines.set_max_line(max_json_line_bytes);
    while ((status = lines.next(line)) == Lines::Status::line && blank(line)) {
    }
    if (status == Lines::Status::end) {  // one object alone: named like a file
      read_document(first_line, file);
      return;
    }
    read_json_line(first_line, first);
    do {
      const EntryRef entry{file, static_cast<std::uint32_t>(lines.number()), EntryRef::Kind::line};
      if (status == Lines::Status::too_long) {
        reject(entry, {Diagnostic::error(name_of(entry), "", too_large_message(max_json_line_bytes))});
      } else {
        read_json_line(line, entry);
      }
    } while ((status = lines.next(line)) != Lines::Status::end);
  } else {
    std::string text(blank_lines, '\n');  // keeps line numbers right in syntax errors
    text += line;
    while ((status = lines.next(line)) != Lines::Status::end) {
      text += '\n';
      text += line;
      if (status == Lines::Status::too_long || text.size() > max_json_document_bytes) {
        reject(source, {Diagnostic::error(source, "", too_large_message(max_json_document_bytes))});
        return;
      }
    }
    read_document(text, file);
  }
  if (lines.failed()) reject(source, {Diagnostic::error(source, "", "read error")});
}

void AnswerInputs::read_lines(Lines& lines, std::uint32_t file) {
  std::string line;
  Lines::Status status;
  // Each line is an entry of its own (formats.md §2). A first line that opens an object or
  // array without closing it waits for the next line with text: an object on one line
  // makes it one broken line; anything else means a document pretty-printed over many
  // lines, and its lines say so, rather than each giving a parser error, until a line
  // holds an object again.
  bool first = true;
  std::optional<std::pair<std::string, EntryRef>> unfinished;
  std::uint32_t spread_from = 0;  // the line such a document starts on
  const auto reject_spread_line = [&](const EntryRef& entry) {
    reject(entry, {Diagnostic::error(name_of(entry), "", value_continued_message(spread_from))});
  };
  while ((status = lines.next(line)) != Lines::Status::end) {
    const EntryRef entry{file, static_cast<std::uint32_t>(lines.number()), EntryRef::Kind::line};
    if (spread_from != 0 && status == Lines::Status::line && !blank(line)) {
      if (!looks_like_object_line(line)) {
        reject_spread_line(entry);
        continue;
      }
      spread_from = 0;
    }
    if ((first || unfinished) && (status == Lines::Status::too_long || !blank(line))) {
      if (first && status == Lines::Status::line && starts_unfinished_value(line)) {
        first = false;
        unfinished.emplace(std::move(line), entry);
        continue;
      }
      first = false;
      if (unfinished && status == Lines::Status::line && !looks_like_object_line(line)) {
        const EntryRef start = unfinished->second;
        reject(start, {Diagnostic::error(name_of(start), "", value_over_lines_message(unfinished->first))});
        unfinished.reset();
        spread_from = start.number;
        reject_spread_line(entry);
        continue;
      }
      if (unfinished) read_json_line(unfinished->first, unfinished->second);
      unfinished.reset();
    }
    if (status == Lines::Status::too_long) {
      reject(entry, {Diagnostic::error(name_of(entry), "",
                                       fmt::format("line longer than {} MiB; one answer set per line is far shorter",
                                                   max_json_line_bytes >> 20))});
    } else {
      read_json_line(line, entry);
    }
  }
  if (unfinished) read_json_line(unfinished->first, unfinished->second);
  if (lines.failed()) reject(files_[file], {Diagnostic::error(files_[file], "", "read error")});
}

void AnswerInputs::read_json_line(std::string& line, EntryRef entry) {
  if (entry.number == 1 && strip_utf8_bom(line))
    summary_.warnings.push_back(Diagnostic::warning(files_[entry.file], "", "UTF-8 byte-order mark ignored"));
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (blank(line)) return;
  if (fast_->parse_object(line, fast_set_)) {
    accept(fast_set_, entry);
    return;
  }
  const std::string name = name_of(entry);
  auto parsed = parse_json(line, name);
  if (auto* error = std::get_if<Diagnostic>(&parsed)) {
    error->line = 0;  // the line is part of the entry's name; the column still helps
    reject(entry, {std::move(*error)});
    return;
  }
  const json& value = std::get<JsonParse>(parsed).value;
  if (!value.is_object()) {
    reject(entry, {Diagnostic::error(
                      name, "", fmt::format("each line must hold one answers object, not {}", json_type_name(value)))});
    return;
  }
  offer(value, entry);
}

void AnswerInputs::read_document(std::string_view text, std::uint32_t file) {
  switch (fast_->parse_document(text, fast_sets_)) {
    case FastAnswerParser::Document::object:
      accept(fast_sets_.front(), {file, 0, EntryRef::Kind::whole});
      return;
    case FastAnswerParser::Document::array:
      for (std::size_t i = 0; i < fast_sets_.size(); ++i)
        accept(fast_sets_[i], {file, static_cast<std::uint32_t>(i), EntryRef::Kind::element});
      return;
    case FastAnswerParser::Document::declined:
      break;
  }
  const std::string& source = files_[file];
  auto parsed = parse_json(text, source);
  if (auto* error = std::get_if<Diagnostic>(&parsed)) {
    reject(source, {std::move(*error)});
    return;
  }
  auto& document = std::get<JsonParse>(parsed);
  for (auto& w : document.warnings) summary_.warnings.push_back(std::move(w));
  const json& value = document.value;
  if (value.is_object()) {
    offer(value, {file, 0, EntryRef::Kind::whole});
    return;
  }
  if (!value.is_array()) {
    reject(source, {Diagnostic::error(
                       source, "",
                       fmt::format("expected an answers object or an array of them, not {}", json_type_name(value)))});
    return;
  }
  for (std::size_t i = 0; i < value.size(); ++i) {
    const EntryRef entry{file, static_cast<std::uint32_t>(i), EntryRef::Kind::element};
    if (!value[i].is_object()) {
      reject(entry,
             {Diagnostic::error(name_of(entry), "",
                                fmt::format("an answer set must be a JSON object, not {}", json_type_name(value[i])))});
      continue;
    }
    offer(value[i], entry);
  }
}

void AnswerInputs::offer(const json& object, EntryRef entry) {
  const std::string name = name_of(entry);
  auto result = reader_.read(object, name);
  if (auto* problems = std::get_if<std::vector<Diagnostic>>(&result)) {
    reject(name, std::move(*problems));
    return;
  }
  accept(std::get<AnswerSet>(result), entry);
}

void AnswerInputs::accept(const AnswerSet& answers, EntryRef entry) {
  if (answers.respondent.id) {
    const RespondentIds::Place place{entry.file, entry.number, static_cast<std::uint8_t>(entry.kind)};
    if (const auto first = ids_->insert(*answers.respondent.id, place)) {
      const EntryRef first_entry{first->file, first->number, static_cast<EntryRef::Kind>(first->kind)};
      const std::string name = name_of(entry);
      reject(name, {Diagnostic::error(name, "respondent.id",
                                      fmt::format("duplicate respondent id {}: already given by {}",
                                                  detail::shown(*answers.respondent.id), name_of(first_entry)))});
      return;
    }
  }
  ++summary_.sources;
  ++summary_.accepted;
  if (!answers.complete) ++summary_.partial;
  on_accepted_(answers);
}

}  // namespace centric
