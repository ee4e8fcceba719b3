#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include "centric/answers_io.hpp"
#include "centric/json_input.hpp"
#include "io/json_fields.hpp"
#include "io/read_file.hpp"

namespace centric {
namespace fs = std::filesystem;
using nlohmann::json;

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// Reads lines in large chunks, and never holds more than one over-long line's worth of
// bytes: a multi-gigabyte file without a newline is one rejected line, not an exhausted
// memory.
class LineReader {
 public:
  enum class Status { line, too_long, end };
  LineReader(std::istream& in, std::size_t max_line) : in_(in), max_line_(max_line) {}

  Status next(std::string& line) {
    line.clear();
    bool too_long = false;
    for (;;) {
      if (position_ == buffer_.size() && !refill()) {
        if (line.empty() && !too_long && !pending_) return Status::end;
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
          line.clear();
          line.shrink_to_fit();
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
  int line_number() const { return number_; }
  bool failed() const { return in_.bad(); }

 private:
  bool refill() {
    buffer_.resize(1 << 20);
    in_.read(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.resize(static_cast<std::size_t>(in_.gcount()));
    position_ = 0;
    return !buffer_.empty();
  }

  std::istream& in_;
  std::size_t max_line_;
  std::string buffer_;
  std::size_t position_ = 0;
  int number_ = 0;
  bool pending_ = false;  // bytes of an unfinished line have been read
};

}  // namespace

std::string Rejection::reason() const {
  std::string out;
  for (const auto& p : problems) {
    if (!out.empty()) out += "; ";
    out += describe_without_source(p);
  }
  return out;
}

AnswerInputs::AnswerInputs(const Questionnaire& questionnaire, Sink on_accepted)
    : reader_(questionnaire), on_accepted_(std::move(on_accepted)) {}

void AnswerInputs::reject(std::string source, std::vector<Diagnostic> problems) {
  summary_.rejected.push_back({std::move(source), std::move(problems)});
  ++summary_.sources;
}

void AnswerInputs::read_argument(const std::string& argument, std::istream& standard_input) {
  if (argument == "-") {
    read_stream(standard_input, "<stdin>");
    return;
  }
  std::error_code ec;
  if (!fs::is_directory(argument, ec)) {
    read_file(argument);
    return;
  }
  // Every *.json and *.jsonl below the directory, in byte order of their paths, so that
  // the input order (and which of two duplicates wins) does not depend on the file system.
  std::vector<std::string> files;
  fs::recursive_directory_iterator it(argument, fs::directory_options::skip_permission_denied, ec), end;
  if (ec) {
    reject(argument, {Diagnostic::error(argument, "", "cannot read directory: " + ec.message())});
    return;
  }
  for (; it != end; it.increment(ec)) {
    if (ec) {
      reject(argument, {Diagnostic::error(argument, "", "cannot read directory: " + ec.message())});
      break;
    }
    const std::string path = it->path().string();
    if (!ends_with(path, ".json") && !ends_with(path, ".jsonl")) continue;
    std::error_code type_ec;
    if (it->is_directory(type_ec)) continue;
    files.push_back(path);
  }
  std::sort(files.begin(), files.end());
  for (const auto& file : files) read_file(file);
}

void AnswerInputs::read_file(const std::string& path) {
  if (ends_with(path, ".jsonl")) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      reject(path, {Diagnostic::error(path, "", "is a directory")});
      return;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      reject(path, {Diagnostic::error(path, "", fmt::format("cannot read: {}", std::strerror(errno)))});
      return;
    }
    read_json_lines(in, path);
    return;
  }
  auto content = centric::read_file(path, max_json_document_bytes);
  if (auto* error = std::get_if<std::string>(&content)) {
    reject(path, {Diagnostic::error(path, "", *error)});
    return;
  }
  read_document(std::get<FileContent>(content).bytes, path);
}

void AnswerInputs::read_text(std::string_view text, const std::string& source, bool json_lines) {
  std::istringstream in{std::string(text)};
  if (json_lines)
    read_json_lines(in, source);
  else
    read_stream(in, source);
}

void AnswerInputs::read_stream(std::istream& in, const std::string& source) {
  // Standard input holds JSON Lines when its first line is an object on its own and more
  // lines follow; it is then read line by line, never whole. Otherwise it is one document
  // (an object or an array, perhaps over many lines).
  LineReader lines(in, max_json_document_bytes);
  std::string line;
  std::string seen;  // blank lines before the first value
  LineReader::Status status;
  while ((status = lines.next(line)) == LineReader::Status::line) {
    if (lines.line_number() == 1 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) {
      line.erase(0, 3);
      summary_.warnings.push_back(Diagnostic::warning(source, "", "UTF-8 byte-order mark ignored"));
    }
    if (!blank(line)) break;
    seen += line + "\n";
  }
  if (status == LineReader::Status::end) {
    read_document(seen, source);  // empty or white space only: parse_json says which
    return;
  }
  if (status == LineReader::Status::too_long) {
    reject(source, {Diagnostic::error(source, "", fmt::format("larger than {} MiB", max_json_document_bytes >> 20))});
    return;
  }
  auto first = parse_json(line, source);
  if (auto* value = std::get_if<JsonParse>(&first); value != nullptr && value->value.is_object()) {
    const int first_number = lines.line_number();
    std::string first_line = std::move(line);
    while ((status = lines.next(line)) == LineReader::Status::line && blank(line)) {
    }
    if (status == LineReader::Status::end) {  // one object alone: named like a file
      read_document(first_line, source);
      return;
    }
    read_json_line(first_line, first_number, source);
    do {
      if (status == LineReader::Status::too_long)
        reject_long_line(source, lines.line_number());
      else
        read_json_line(line, lines.line_number(), source);
    } while ((status = lines.next(line)) != LineReader::Status::end);
  } else {
    std::string text = seen + line;
    while ((status = lines.next(line)) != LineReader::Status::end) {
      text += '\n';
      text += line;
      if (status == LineReader::Status::too_long || text.size() > max_json_document_bytes) {
        reject(source,
               {Diagnostic::error(source, "", fmt::format("larger than {} MiB", max_json_document_bytes >> 20))});
        return;
      }
    }
    read_document(text, source);
  }
  if (lines.failed()) reject(source, {Diagnostic::error(source, "", "read error")});
}

void AnswerInputs::read_json_lines(std::istream& in, const std::string& source) {
  LineReader lines(in, max_json_line_bytes);
  std::string line;
  LineReader::Status status;
  while ((status = lines.next(line)) != LineReader::Status::end) {
    if (status == LineReader::Status::too_long)
      reject_long_line(source, lines.line_number());
    else
      read_json_line(line, lines.line_number(), source);
  }
  if (lines.failed()) reject(source, {Diagnostic::error(source, "", "read error")});
}

void AnswerInputs::reject_long_line(const std::string& source, int number) {
  const std::string entry = fmt::format("{}:{}", source, number);
  reject(entry, {Diagnostic::error(entry, "",
                                   fmt::format("line longer than {} MiB; one answer set per line is far "
                                               "shorter",
                                               max_json_line_bytes >> 20))});
}

void AnswerInputs::read_json_line(std::string& line, int number, const std::string& source) {
  if (number == 1 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) {
    line.erase(0, 3);
    summary_.warnings.push_back(Diagnostic::warning(source, "", "UTF-8 byte-order mark ignored"));
  }
  if (!line.empty() && line.back() == '\r') line.pop_back();
  if (blank(line)) return;
  const std::string entry = fmt::format("{}:{}", source, number);
  auto parsed = parse_json(line, entry);
  if (auto* error = std::get_if<Diagnostic>(&parsed)) {
    error->line = 0;  // the line is part of the entry's name; the column still helps
    reject(entry, {std::move(*error)});
    return;
  }
  const json& value = std::get<JsonParse>(parsed).value;
  if (!value.is_object()) {
    reject(entry,
           {Diagnostic::error(entry, "",
                              fmt::format("each line must hold one answers object, not {}", json_type_name(value)))});
    return;
  }
  offer(value, entry);
}

void AnswerInputs::read_document(std::string_view text, const std::string& source) {
  auto parsed = parse_json(text, source);
  if (auto* error = std::get_if<Diagnostic>(&parsed)) {
    reject(source, {std::move(*error)});
    return;
  }
  auto& document = std::get<JsonParse>(parsed);
  for (auto& w : document.warnings) summary_.warnings.push_back(std::move(w));
  read_value(document.value, source);
}

void AnswerInputs::read_value(const json& value, const std::string& source) {
  if (value.is_object()) {
    offer(value, source);
    return;
  }
  if (!value.is_array()) {
    reject(source, {Diagnostic::error(
                       source, "",
                       fmt::format("expected an answers object or an array of them, not {}", json_type_name(value)))});
    return;
  }
  for (std::size_t i = 0; i < value.size(); ++i) {
    const std::string entry = fmt::format("{}[{}]", source, i);
    if (!value[i].is_object()) {
      reject(entry,
             {Diagnostic::error(entry, "",
                                fmt::format("an answer set must be a JSON object, not {}", json_type_name(value[i])))});
      continue;
    }
    offer(value[i], entry);
  }
}

void AnswerInputs::offer(const json& object, const std::string& source) {
  auto result = reader_.read(object, source);
  if (auto* problems = std::get_if<std::vector<Diagnostic>>(&result)) {
    reject(source, std::move(*problems));
    return;
  }
  const AnswerSet& answers = std::get<AnswerSet>(result);
  if (answers.respondent.id) {
    auto [it, inserted] = first_source_of_id_.emplace(*answers.respondent.id, source);
    if (!inserted) {
      reject(source, {Diagnostic::error(source, "respondent.id",
                                        fmt::format("duplicate respondent id {}: already given by {}",
                                                    detail::shown(*answers.respondent.id), it->second))});
      return;
    }
  }
  ++summary_.sources;
  ++summary_.accepted;
  if (!answers.complete) ++summary_.partial;
  on_accepted_(answers);
}

}  // namespace centric
