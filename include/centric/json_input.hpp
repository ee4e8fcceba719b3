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

struct JsonParse {
  nlohmann::json value;
  std::vector<Diagnostic> warnings;  // e.g. a UTF-8 byte-order mark that was skipped
};

// Parses `text` as one JSON document. `source` names it in diagnostics. `first_line` is
// the line number of the text's first line in its file (for JSON Lines).
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
