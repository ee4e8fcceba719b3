#include <fmt/format.h>

#include "centric/json_input.hpp"
#include "centric/text.hpp"
#include "io/json_mistakes.hpp"

namespace centric {
namespace {

struct TooDeep {};

Diagnostic at_byte(const std::string& source, std::string_view text, std::size_t byte, std::string message) {
  // nlohmann reports the 1-based byte at which it stopped; count lines and code points.
  if (byte > text.size()) byte = text.size();
  const std::size_t offset = byte > 0 ? byte - 1 : 0;
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i)
    if (text[i] == '\n') {
      ++line;
      line_start = i + 1;
    }
  int column = 1;
  for (std::size_t i = line_start; i < offset; ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++column;
  Diagnostic d = Diagnostic::error(source, "", std::move(message));
  d.line = line;
  d.column = column;
  return d;
}

// "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ..." ->
// "syntax error ...": the position is given separately.
std::string strip_exception_prefix(std::string_view what) {
  if (auto at = what.find("column "); at != std::string_view::npos) {
    if (auto colon = what.find(": ", at); colon != std::string_view::npos) return std::string(what.substr(colon + 2));
  }
  if (auto bracket = what.find("] "); bracket != std::string_view::npos) return std::string(what.substr(bracket + 2));
  return std::string(what);
}

bool only_whitespace(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

}  // namespace

bool strip_utf8_bom(std::string_view& text) {
  if (text.substr(0, 3) != "\xEF\xBB\xBF") return false;
  text.remove_prefix(3);
  return true;
}

bool strip_utf8_bom(std::string& text) {
  if (text.compare(0, 3, "\xEF\xBB\xBF") != 0) return false;
  text.erase(0, 3);
  return true;
}

std::variant<JsonParse, Diagnostic> parse_json(std::string_view text, const std::string& source) {
  JsonParse result;
  if (strip_utf8_bom(text)) {
    result.warnings.push_back(Diagnostic::warning(source, "", "UTF-8 byte-order mark ignored"));
  }
  if (text.size() >= 2 && (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF"))
    return Diagnostic::error(source, "", "the file is UTF-16; save it as UTF-8");
  if (text.empty()) return Diagnostic::error(source, "", "empty input: expected a JSON document");
  if (only_whitespace(text)) return Diagnostic::error(source, "", "only white space: expected a JSON document");

  const auto limit_depth = [](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
    if (depth > max_json_depth) throw TooDeep{};
    return true;
  };
  try {
    result.value = nlohmann::json::parse(text.begin(), text.end(), limit_depth);
  } catch (const TooDeep&) {
    return Diagnostic::error(source, "", fmt::format("nested more than {} levels deep", max_json_depth));
  } catch (const nlohmann::json::parse_error& e) {
    if (auto mistake = explain_json_mistake(text, e.byte, e.what())) {
      if (!mistake->at) return Diagnostic::error(source, "", std::move(mistake->message));
      return at_byte(source, text, *mistake->at + 1, std::move(mistake->message));
    }
    std::string message = printable(strip_exception_prefix(e.what()));
    if (!is_valid_utf8(text)) message = "not valid UTF-8 text (" + message + ")";
    return at_byte(source, text, e.byte, std::move(message));
  } catch (const nlohmann::json::exception& e) {
    // Number overflow ("1e999") and the like come without a position.
    return Diagnostic::error(source, "", printable(strip_exception_prefix(e.what())));
  }
  return result;
}

}  // namespace centric
