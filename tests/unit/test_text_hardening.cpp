// Text helpers against hostile input: very long words, and characters that make a
// terminal do something instead of showing something.
#include <catch2/catch.hpp>

#include <string>

#include "centric/text.hpp"

using namespace centric;

TEST_CASE("wrapping a 2 MB word gives lines of at most the width, all of it kept") {
  // Mixed widths: ASCII, two-byte Polish letters and wide CJK ideographs.
  std::string word;
  while (word.size() < (std::size_t{2} << 20)) word += "abcdefgh\xC5\xBC\xC3\xB3\xC5\x82w\xE6\x97\xA5";
  const auto lines = wrap(word, 80);
  REQUIRE(lines.size() > 1);
  std::string joined;
  for (const auto& line : lines) {
    if (display_width(line) > 80) FAIL("a line of " << display_width(line) << " columns");
    joined += line;
  }
  CHECK(joined == word);
}

TEST_CASE("wrapping a long word after short ones keeps counting columns right") {
  const auto lines = wrap("ab " + std::string(25, 'x') + " cd", 10);
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == "ab");
  CHECK(lines[1] == std::string(10, 'x'));
  CHECK(lines[2] == std::string(10, 'x'));
  CHECK(lines[3] == "xxxxx cd");  // the rest of the word is 5 columns, so " cd" still fits
}

TEST_CASE("printable escapes C1 controls as \\u{XXXX}") {
  CHECK(printable("a\xC2\x9B"
                  "2Jz") == "a\\u{009B}2Jz");  // U+009B, the 8-bit CSI
  CHECK(printable("\xC2\x80") == "\\u{0080}");
  CHECK(printable("\xC2\x9F") == "\\u{009F}");
  CHECK(printable("\xC2\xA0") == "\xC2\xA0");  // U+00A0, no-break space: shown as it is
}

TEST_CASE("printable escapes bidirectional controls") {
  CHECK(printable("\xE2\x80\xAE"
                  "abc") == "\\u{202E}abc");  // right-to-left override
  CHECK(printable("\xE2\x80\xAA\xE2\x80\xAB\xE2\x80\xAC\xE2\x80\xAD") == "\\u{202A}\\u{202B}\\u{202C}\\u{202D}");
  CHECK(printable("\xE2\x81\xA6\xE2\x81\xA7\xE2\x81\xA8\xE2\x81\xA9") == "\\u{2066}\\u{2067}\\u{2068}\\u{2069}");
  CHECK(printable("\xE2\x80\x8E\xE2\x80\x8F") == "\\u{200E}\\u{200F}");
  CHECK(printable("\xD8\x9C") == "\\u{061C}");  // Arabic letter mark
  // Neighbours that are not controls stay.
  CHECK(printable("\xE2\x80\xA9") == "\xE2\x80\xA9");
  CHECK(printable("\xE2\x81\xA5") == "\xE2\x81\xA5");
  CHECK(printable("\xE2\x80\x8D") == "\xE2\x80\x8D");  // zero-width joiner (emoji sequences)
}

TEST_CASE("printable keeps \\xNN for C0 controls, DEL and invalid bytes, and is idempotent") {
  CHECK(printable("evil\x1b[2J.json") == "evil\\x1B[2J.json");
  CHECK(printable("\x7F") == "\\x7F");
  CHECK(printable("\x9B") == "\\x9B");  // a lone byte 0x9B is invalid UTF-8, not U+009B
  const std::string once = printable("a\x1b\xC2\x9B\xE2\x80\xAE\xFFz");
  CHECK(once == "a\\x1B\\u{009B}\\u{202E}\\xFFz");
  CHECK(printable(once) == once);
}
