// Text measured the way a terminal shows it: display columns, not bytes.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace centric {

// Columns `text` takes on a terminal (UTF-8; combining marks 0, wide East Asian 2;
// invalid bytes count 1 each).
int display_width(std::string_view text);

// The longest prefix of `text` that fits in `columns`, cut only between code points.
std::string_view fit_prefix(std::string_view text, int columns);

// `text` cut to `columns`, with an ellipsis when it had to be shortened.
std::string truncate_to_width(std::string_view text, int columns);

// `text` padded with spaces to `columns` (left-aligned or right-aligned).
std::string pad_right(std::string_view text, int columns);
std::string pad_left(std::string_view text, int columns);

// Words wrapped into lines of at most `columns` display columns; a word longer than a
// line is split between code points.
std::vector<std::string> wrap(std::string_view text, int columns);

// Whether `text` is valid UTF-8.
bool is_valid_utf8(std::string_view text);

// `text` safe to print on a terminal: invalid UTF-8 bytes, C0 controls and DEL become
// \xNN (one per byte); C1 controls (U+0080..U+009F) and the bidirectional controls
// (U+061C, U+200E, U+200F, U+202A..U+202E, U+2066..U+2069) become \u{XXXX}. Idempotent.
std::string printable(std::string_view text);

}  // namespace centric
