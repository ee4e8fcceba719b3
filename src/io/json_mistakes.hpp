// The common ways a hand-made or exported file fails to be JSON (a spreadsheet export,
// typographic quotes, UTF-16 without a byte-order mark, a trailing comma, a pretty-printed
// JSON Lines file), told in words that say what to do instead of the parser's.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace centric {

struct JsonMistake {
  std::optional<std::size_t> at;  // the byte (from 0) the message is about; none: the whole text
  std::string message;
};

// What is wrong with `text`, which nlohmann::json failed to parse, when it is one of the
// common mistakes; nothing when the parser's own words are as good as any. `error_byte`
// (from 1) and `parser_message` are those of the parse error.
std::optional<JsonMistake> explain_json_mistake(std::string_view text, std::size_t error_byte,
                                                std::string_view parser_message);

// What a NUL byte at `offset` (from 0) of `text` means: UTF-16 without a byte-order mark,
// or a byte that JSON text cannot hold (a binary file, or files joined by a C program).
JsonMistake nul_byte_mistake(std::string_view text, std::size_t offset);

// Whether the first non-blank line of a .jsonl file starts an object or an array that it
// does not finish: a pretty-printed document, unless the following lines are objects on one
// line each (then it is one broken line).
bool starts_unfinished_value(std::string_view first_line);

// Why the first line of a pretty-printed document in a .jsonl file (see
// starts_unfinished_value) is rejected, and why each later line of it is.
std::string value_over_lines_message(std::string_view first_line);
std::string value_continued_message(std::uint32_t first_line_number);

}  // namespace centric
