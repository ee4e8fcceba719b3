#include "io/json_mistakes.hpp"

#include <fmt/format.h>

namespace centric {
namespace {

constexpr std::string_view json_space = " \t\r\n";

// A line of JSON Lines without its byte-order mark and surrounding white space.
std::string_view line_text(std::string_view line) {
  if (line.starts_with("\xEF\xBB\xBF")) line.remove_prefix(3);
  const auto first = line.find_first_not_of(json_space);
  if (first == std::string_view::npos) return {};
  return line.substr(first, line.find_last_not_of(json_space) - first + 1);
}

// Every ASCII character of UTF-16 text comes with a NUL byte, after it in little-endian
// order and before it in big-endian. Without a byte-order mark this is the only sign.
bool utf16_without_bom(std::string_view text) {
  for (const std::size_t ascii : {0, 1}) {
    for (std::size_t i = 0; i + 1 < text.size(); i += 2) {
      const char c = text[i + ascii];
      if (text[i + 1 - ascii] != '\0' || c == '\0') break;
      if (c == '{' || c == '[') return true;
      if (json_space.find(c) == std::string_view::npos) break;
    }
  }
  return false;
}

// “ ” „ ‘ ’ in UTF-8, as a word processor or a mail program puts them in.
std::optional<std::string_view> typographic_quote_at(std::string_view text, std::size_t offset) {
  const std::string_view q = text.substr(std::min(offset, text.size()), 3);
  if (q.size() != 3 || q[0] != '\xE2' || q[1] != '\x80') return std::nullopt;
  switch (q[2]) {
    case '\x9C':
    case '\x9D':
    case '\x9E':
    case '\x98':
    case '\x99':
      return q;
    default:
      return std::nullopt;
  }
}

std::optional<JsonMistake> typographic_quote(std::string_view text, std::size_t error_offset,
                                             std::string_view parser_message) {
  const auto mistake = [](std::size_t at, std::string_view quote) {
    return JsonMistake{at, fmt::format("{} is a typographic quote; JSON needs straight double quotes (\")", quote)};
  };
  // Where a name or value should start, the parser stops at the quote's first byte.
  for (std::size_t back = 0; back < 3 && back <= error_offset; ++back)
    if (auto quote = typographic_quote_at(text, error_offset - back)) return mistake(error_offset - back, *quote);
  // A straight quote closed by a typographic one: the string runs on to the end of the
  // line, where a line break inside a string is the error. The quote is the cause.
  if (parser_message.find("control character") == std::string_view::npos &&
      parser_message.find("missing closing quote") == std::string_view::npos)
    return std::nullopt;
  const std::size_t end = std::min(error_offset, text.size());
  const std::size_t newline = end == 0 ? std::string_view::npos : text.rfind('\n', end - 1);
  const std::size_t line_start = newline == std::string_view::npos ? 0 : newline + 1;
  for (std::size_t at = end; at > line_start;) {
    --at;
    if (auto quote = typographic_quote_at(text, at)) return mistake(at, *quote);
  }
  return std::nullopt;
}

std::optional<JsonMistake> trailing_comma(std::string_view text, std::size_t error_offset,
                                          std::string_view parser_message) {
  if (error_offset == 0 || error_offset >= text.size()) return std::nullopt;
  const char closer = text[error_offset];
  if (closer != '}' && closer != ']') return std::nullopt;
  // The parser stopped at this very bracket, not at one inside a string further on.
  if (parser_message.find(fmt::format("unexpected '{}'", closer)) == std::string_view::npos) return std::nullopt;
  const std::size_t comma = text.find_last_not_of(json_space, error_offset - 1);
  if (comma == std::string_view::npos || text[comma] != ',') return std::nullopt;
  return JsonMistake{comma, closer == '}' ? "a comma after the last member; JSON allows no trailing comma"
                                          : "a comma after the last element; JSON allows no trailing comma"};
}

// Fields separated by `separator` outside double quotes, as in a CSV header.
std::size_t filled_fields(std::string_view line, char separator) {
  std::size_t filled = 0;
  bool quoted = false;
  bool field_has_text = false;
  for (const char c : line) {
    if (c == '"') quoted = !quoted;
    if (c == separator && !quoted) {
      filled += field_has_text ? 1 : 0;
      field_has_text = false;
    } else if (json_space.find(c) == std::string_view::npos) {
      field_has_text = true;
    }
  }
  return filled + (field_has_text ? 1 : 0);
}

// A spreadsheet's export: the parser fails on the first line, which holds no object or
// array but several fields.
std::optional<JsonMistake> spreadsheet_export(std::string_view text, std::size_t error_offset) {
  const std::size_t start = text.find_first_not_of(json_space);
  if (start == std::string_view::npos) return std::nullopt;
  const std::size_t end = std::min(text.find('\n', start), text.size());
  if (error_offset > end) return std::nullopt;
  const std::string_view line = text.substr(start, end - start);
  if (line.find_first_of("{[") != std::string_view::npos) return std::nullopt;
  for (const char separator : {',', ';', '\t'}) {
    if (filled_fields(line, separator) >= 2)
      return JsonMistake{start,
                         "this looks like CSV (a spreadsheet or form export), not JSON; give it the name it has: a "
                         ".csv or .tsv file is read as an export, one answer set per row (docs/import.md)"};
  }
  return std::nullopt;
}

}  // namespace

std::optional<JsonMistake> explain_json_mistake(std::string_view text, std::size_t error_byte,
                                                std::string_view parser_message) {
  if (utf16_without_bom(text))
    return JsonMistake{std::nullopt, "the file is UTF-16 (without a byte-order mark); save it as UTF-8"};
  const std::size_t error_offset = error_byte > 0 ? error_byte - 1 : 0;
  if (auto m = typographic_quote(text, error_offset, parser_message)) return m;
  if (auto m = trailing_comma(text, error_offset, parser_message)) return m;
  return spreadsheet_export(text, error_offset);
}

JsonMistake nul_byte_mistake(std::string_view text, std::size_t offset) {
  if (utf16_without_bom(text))
    return JsonMistake{std::nullopt, "the file is UTF-16 (without a byte-order mark); save it as UTF-8"};
  return JsonMistake{offset, "a NUL byte (\\0): JSON text cannot hold one (is this a binary file?)"};
}

bool starts_unfinished_value(std::string_view first_line) {
  const std::string_view line = line_text(first_line);
  if (line.empty() || (line.front() != '{' && line.front() != '[')) return false;
  return line.back() != (line.front() == '{' ? '}' : ']');
}

std::string value_over_lines_message(std::string_view first_line) {
  const bool array = line_text(first_line).starts_with('[');
  return fmt::format(
      "{} spread over several lines from here; a .jsonl file needs each answer set on one line (or name the file "
      ".json)",
      array ? "an array of answer sets is" : "one answer set is");
}

std::string value_continued_message(std::uint32_t first_line_number) {
  return fmt::format("part of what is spread over several lines from line {} (see there)", first_line_number);
}

}  // namespace centric
