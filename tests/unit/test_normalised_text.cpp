// Normalised text (import.md §3): what makes two spellings of a department, a column
// header or a scale label the same.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>

#include <cstdio>
#include "text/normalised_text.hpp"

using namespace centric;

TEST_CASE("normalised text is trimmed, collapsed, folded and loses a trailing * or :") {
  CHECK(normalised("  Logistics &   Warehouse ") == "logistics & warehouse");
  CHECK(normalised("logistics\u00a0&\tWarehouse") == "logistics & warehouse");
  CHECK(normalised("Line\r\nbreak") == "line break");
  CHECK(normalised("Department*") == "department");
  CHECK(normalised("Department :") == "department");
  CHECK(normalised("Dział:") == "dział");
  CHECK(normalised("ZAŻÓŁĆ GĘŚLĄ JAŹŃ") == "zażółć gęślą jaźń");
  CHECK(normalised("ŐSZ ÜGYFÉL Ű") == "ősz ügyfél ű");
  CHECK(normalised("ОТДЕЛ Продаж Ё") == "отдел продаж ё");
  CHECK(normalised("Ÿ ẞ") == "ÿ ß");
  CHECK(normalised("") == "");
  CHECK(normalised(" \u00a0 ") == "");
  CHECK(normalised("*") == "");
  CHECK(normalised("a**") == "a*");  // one is removed, as the contract says
  // Invalid bytes stay, so two different broken texts are not made equal.
  CHECK(normalised("A\xff") == "a\xff");
  CHECK(normalised("A\xfe") != normalised("A\xff"));
}

// Python's str.lower() of one code point, where it gives one code point, is an
// independent table of the same simple mappings for the blocks normalised() covers.
TEST_CASE("case folding agrees with Python's for Latin, Greek and Cyrillic letters") {
  std::string table;
  {
    FILE* python = ::popen(
        "/usr/bin/python3 -c \"import unicodedata\n"
        "for c in list(range(0x41,0x250))+list(range(0x370,0x530)):\n"
        "  ch=chr(c); f=ch.casefold()\n"
        "  if len(f)==1 and unicodedata.category(ch)[0]=='L': print(c, ord(f))\"",
        "r");
    REQUIRE(python != nullptr);
    char buffer[4096];
    std::size_t got = 0;
    while ((got = std::fread(buffer, 1, sizeof buffer, python)) > 0) table.append(buffer, got);
    REQUIRE(::pclose(python) == 0);
  }
  std::istringstream lines(table);
  long from = 0, to = 0;
  int compared = 0;
  while (lines >> from >> to) {
    const auto c = static_cast<char32_t>(from);
    // Latin Extended-B and the rarer Greek letters are outside the contract.
    if (c >= 0x180 && c < 0x250) continue;
    if (c >= 0x370 && c < 0x400 && !(c >= 0x391 && c <= 0x3C9)) continue;  // Greek beyond the basic letters
    if (c == 0x130 || c == 0x345) continue;                                // İ folds to two code points; ypogegrammeni
    INFO("U+" << std::hex << from);
    CHECK(static_cast<long>(folded(c)) == to);
    ++compared;
  }
  CHECK(compared > 550);  // the comparison really ran over the blocks
}
