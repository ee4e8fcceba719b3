// Text compared the way a person reads it (import.md §3): "Logistics & Warehouse" and
// " logistics  &\u00a0warehouse:" are the same department, "Kierownik" and "kierownik"
// the same role.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace centric {

// Trimmed; inner white space (ASCII, no-break and the other Unicode spaces, line breaks)
// collapsed to one space; lower-cased by Unicode simple case folding of the Latin
// (Basic, Latin-1, Extended-A: Polish and Hungarian letters), basic Greek and Cyrillic;
// a trailing `*` or `:` removed (and the space before it). Invalid UTF-8 bytes are kept
// as they are, so two different invalid texts stay different.
std::string normalised(std::string_view text);

// `text` without the white space normalised() drops at its ends (no-break spaces too).
std::string_view trimmed_spaces(std::string_view text);

// Decodes the UTF-8 sequence at `text[i]` into `c` and returns its length in bytes; 0
// when it is not valid (overlong, surrogate, out of range or cut short).
std::size_t decode_utf8(std::string_view text, std::size_t i, char32_t& c);

// `c` appended to `out` in UTF-8.
void append_utf8(std::string& out, char32_t c);

// The code point `c` folded (the same table as normalised()).
char32_t folded(char32_t c);

}  // namespace centric
