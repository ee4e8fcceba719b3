#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>

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
    std::string text{std::istreambuf_iterator<char>(standard_input), std::istreambuf_iterator<char>()};
    read_text(text, "<stdin>", false);
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
  auto content = centric::read_file(path);
  if (auto* error = std::get_if<std::string>(&content)) {
    reject(path, {Diagnostic::error(path, "", *error)});
    return;
  }
  read_document(std::get<FileContent>(content).bytes, path);
}

void AnswerInputs::read_text(std::string_view text, const std::string& source, bool json_lines) {
  if (json_lines) {
    std::string copy(text);
    std::istringstream in(copy);
    read_json_lines(in, source);
    return;
  }
  // Standard input may hold one document or JSON Lines: it is JSON Lines when the whole
  // text is not one document but its first line is one on its own.
  auto whole = parse_json(text, source);
  if (std::holds_alternative<Diagnostic>(whole)) {
    std::string_view body = text;
    if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
    std::size_t start = body.find_first_not_of(" \t\r\n");
    if (start != std::string_view::npos) {
      std::size_t line_end = body.find('\n', start);
      std::string_view first = body.substr(start, line_end == std::string_view::npos ? body.npos : line_end - start);
      if (line_end != std::string_view::npos && std::holds_alternative<JsonParse>(parse_json(first, source)) &&
          !blank(body.substr(line_end))) {
        read_text(text, source, true);
        return;
      }
    }
  }
  read_document(text, source);
}

void AnswerInputs::read_json_lines(std::istream& in, const std::string& source) {
  std::string line;
  for (int number = 1; std::getline(in, line); ++number) {
    if (number == 1 && line.compare(0, 3, "\xEF\xBB\xBF") == 0) {
      line.erase(0, 3);
      summary_.warnings.push_back(Diagnostic::warning(source, "", "UTF-8 byte-order mark ignored"));
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (blank(line)) continue;
    const std::string entry = fmt::format("{}:{}", source, number);
    auto parsed = parse_json(line, entry);
    if (auto* error = std::get_if<Diagnostic>(&parsed)) {
      error->line = 0;  // the line is part of the entry's name; the column still helps
      reject(entry, {std::move(*error)});
      continue;
    }
    const json& value = std::get<JsonParse>(parsed).value;
    if (!value.is_object()) {
      reject(entry, {Diagnostic::error(entry, "", fmt::format("each line must hold one answers object, not {}",
                                                              json_type_name(value)))});
      continue;
    }
    offer(value, entry);
  }
  if (in.bad()) reject(source, {Diagnostic::error(source, "", "read error")});
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
    reject(source, {Diagnostic::error(source, "", fmt::format("expected an answers object or an array of them, not {}",
                                                              json_type_name(value)))});
    return;
  }
  for (std::size_t i = 0; i < value.size(); ++i) {
    const std::string entry = fmt::format("{}[{}]", source, i);
    if (!value[i].is_object()) {
      reject(entry, {Diagnostic::error(entry, "", fmt::format("an answer set must be a JSON object, not {}",
                                                              json_type_name(value[i])))});
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
