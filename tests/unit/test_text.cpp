#include <catch2/catch.hpp>

#include "centric/text.hpp"

using namespace centric;

TEST_CASE("display width counts columns, not bytes") {
  CHECK(display_width("abc") == 3);
  CHECK(display_width("Sprzedaż") == 8);      // Polish: 9 bytes, 8 columns
  CHECK(display_width("Продажи") == 7);       // Cyrillic: 14 bytes
  CHECK(display_width("e\xCC\x81") == 1);     // e + combining acute
  CHECK(display_width("\xE6\x97\xA5") == 2);  // CJK ideograph
  CHECK(display_width("\xFF") == 1);          // an invalid byte still takes a column
}

TEST_CASE("wrapping never exceeds the width nor splits a code point") {
  const std::string text =
      "Wszyscy pracownicy działu logistyki regularnie rozmawiają o wpływie ich pracy na klientów "
      "— Руководители отделов регулярно обсуждают клиентов";
  for (int width : {10, 17, 40, 100}) {
    for (const auto& line : wrap(text, width)) {
      CHECK(display_width(line) <= width);
      CHECK(is_valid_utf8(line));
    }
  }
  const auto lines = wrap("alpha beta gamma", 11);
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "alpha beta");
  CHECK(lines[1] == "gamma");
}

TEST_CASE("a word longer than the line is split between code points") {
  const auto lines = wrap("Współpracownikom", 5);
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == "Współ");
  CHECK(lines[3] == "m");
  for (const auto& line : lines) CHECK(is_valid_utf8(line));
}

TEST_CASE("truncation and padding by display columns") {
  CHECK(truncate_to_width("Finanse i księgowość", 10) == "Finanse i\u2026");
  CHECK(display_width(truncate_to_width("Финансы и бухгалтерия", 8)) == 8);
  CHECK(pad_right("łódź", 6) == "łódź  ");
  CHECK(pad_left("ok", 4) == "  ok");
}

TEST_CASE("printable escapes control characters and invalid bytes") {
  CHECK(printable("a\x01z") == "a\\x01z");
  CHECK(printable("\xC3") == "\\xC3");
  CHECK(printable("żółw") == "żółw");
}
