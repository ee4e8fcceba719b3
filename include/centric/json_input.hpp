// Parsing JSON text with the errors a person can act on: line and column, a note about
// byte-order marks and UTF-16, limits on nesting.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "centric/diagnostic.hpp"

namespace centric {

// Deeper documents are refused: no valid questionnaire or answer set comes close, and
// the limit keeps hostile input from exhausting the stack in later recursive walks.
inline constexpr int max_json_depth = 64;

// Limits that keep a wrong file (a database dump, a sparse multi-gigabyte file) from
// exhausting memory: one JSON document (a .json file, a questionnaire, standard input),
// and one line of JSON Lines.
inline constexpr std::size_t max_json_document_bytes = std::size_t{256} << 20;
inline constexpr std::size_t max_json_line_bytes = std::size_t{16} << 20;

// Removes a UTF-8 byte-order mark from the front of `text`; says whether there was one.
bool strip_utf8_bom(std::string_view& text);
bool strip_utf8_bom(std::string& text);

struct JsonParse {
  nlohmann::json value;
  std::vector<Diagnostic> warnings;  // e.g. a UTF-8 byte-order mark that was skipped
};

// The bytes of a file holding one JSON document, or why it cannot be read (missing, a
// directory, larger than max_json_document_bytes). Reads it once: it may be a pipe.
std::variant<std::string, Diagnostic> read_document_file(const std::string& path);

// Parses `text` as one JSON document; `source` names it in diagnostics. A leading UTF-8
// byte-order mark is skipped with a warning.
std::variant<JsonParse, Diagnostic> parse_json(std::string_view text, const std::string& source);

// A JSON path for messages: `dimensions[2].questions[0].id`, `answers["culture.q1"]`.
class JsonPath {
 public:
  JsonPath() = default;
  JsonPath key(std::string_view k) const;
  JsonPath index(std::size_t i) const;
  const std::string& str() const { return path_; }

 private:
  explicit JsonPath(std::string p) : path_(std::move(p)) {}
  std::string path_;
};

// The JSON type of a value as a person would name it: "a string", "an array", ...
std::string_view json_type_name(const nlohmann::json& v);

}  // namespace centric
