// Transliteration (survey.md, "Default file names"): the letters of Polish, Hungarian and
// Russian written in ASCII, so that a department's name stays readable in a file name.
#include <catch2/catch.hpp>

#include <string>

#include "text/transliteration.hpp"

using namespace centric;

TEST_CASE("transliterated: Polish letters lose their diacritics, in either case", "[text][transliteration]") {
  CHECK(transliterated("Obsługa klienta") == "Obsluga klienta");
  CHECK(transliterated("zażółć gęślą jaźń") == "zazolc gesla jazn");
  CHECK(transliterated("ZAŻÓŁĆ GĘŚLĄ JAŹŃ") == "ZAZOLC GESLA JAZN");
  CHECK(transliterated("Dział Łódź") == "Dzial Lodz");
}

TEST_CASE("transliterated: Hungarian letters lose their accents, in either case", "[text][transliteration]") {
  CHECK(transliterated("árvíztűrő tükörfúrógép") == "arvizturo tukorfurogep");
  CHECK(transliterated("ÁRVÍZTŰRŐ TÜKÖRFÚRÓGÉP") == "ARVIZTURO TUKORFUROGEP");
  CHECK(transliterated("Ügyfélszolgálat") == "Ugyfelszolgalat");
}

TEST_CASE("transliterated: Russian by a readable scheme", "[text][transliteration]") {
  CHECK(transliterated("Отдел продаж") == "Otdel prodazh");
  CHECK(transliterated("абвгдеёжзийклмнопрстуфхцчшщъыьэюя") == "abvgdeezhziyklmnoprstufkhtschshshchyeyuya");
  // A capital is written as one: the first letter of its ASCII upper-case.
  CHECK(transliterated("ЖХЦЧШЩЮЯЁЙ") == "ZhKhTsChShShchYuYaEY");
  CHECK(transliterated("Объявления, Подъезд") == "Obyavleniya, Podezd");  // hard and soft signs dropped
  CHECK(transliterated("Служба качества") == "Sluzhba kachestva");
}

TEST_CASE("transliterated: anything else is kept as it is", "[text][transliteration]") {
  CHECK(transliterated("Sales & R&D 2026") == "Sales & R&D 2026");
  CHECK(transliterated("").empty());
  // Other letters, symbols and scripts: unchanged.
  CHECK(transliterated("Straße ç ñ € 😀 Ελλάδα") == "Straße ç ñ € 😀 Ελλάδα");
  // Invalid UTF-8 bytes are kept, byte for byte, around what is transliterated.
  CHECK(transliterated("\xC5ł\xFF") == "\xC5l\xFF");
  CHECK(transliterated("a\xD0") == "a\xD0");  // a Cyrillic lead byte cut short
}
