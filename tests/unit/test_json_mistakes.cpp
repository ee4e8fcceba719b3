// The common mistakes that parse_json explains in words (src/io/json_mistakes.cpp), where
// it puts them, and the syntax errors it leaves in the parser's words.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "centric/json_input.hpp"
#include "io/json_mistakes.hpp"

using namespace centric;
using namespace std::string_literals;

namespace {

Diagnostic parse_error(std::string_view text) {
  auto parsed = parse_json(text, "a.json");
  REQUIRE(std::holds_alternative<Diagnostic>(parsed));
  return std::get<Diagnostic>(parsed);
}

bool parses(std::string_view text) { return std::holds_alternative<JsonParse>(parse_json(text, "a.json")); }

std::string utf16(std::string_view ascii, bool little_endian) {
  std::string out;
  for (const char c : ascii) {
    if (!little_endian) out.push_back('\0');
    out.push_back(c);
    if (little_endian) out.push_back('\0');
  }
  return out;
}

constexpr std::string_view csv_message =
    "this looks like CSV (a spreadsheet or form export), not JSON; give it the name it has: a .csv or .tsv file is "
    "read as an export, one answer set per row (docs/import.md)";

}  // namespace

TEST_CASE("json mistakes: a spreadsheet export is called CSV, at its first line") {
  for (const std::string& text :
       {"respondent,department,culture.q1\nr-1,sales,4\n"s, "respondent;department;culture.q1\nr-1;sales;4\n"s,
        "respondent\tdepartment\tculture.q1\nr-1\tsales\t4\n"s,
        "\"respondent\",\"department\"\n\"r-1\",\"sales\"\n"s,  // parses one string first
        "1,2,3\n"s, "\n\n  id,department\n"s}) {
    INFO(text);
    const Diagnostic d = parse_error(text);
    CHECK(d.message == csv_message);
    CHECK(d.line == (text.starts_with("\n") ? 3 : 1));
    CHECK(d.column == (text.starts_with("\n") ? 3 : 1));
  }
}

TEST_CASE("json mistakes: a line with commas that is not CSV keeps the parser's message") {
  CHECK(parses("[1, 2, 3]"));
  CHECK(parses("\"respondent,department;role\\tx\""));
  CHECK(parses("{\"a\": 1, \"b\": [2, 3]}"));
  for (const std::string& text : {
           "{\"a\": 1, \"b\": 2 \"c\": 3}"s,  // a missing comma in an object on one line
           "\"a,b;c\" x"s,                    // the separators are inside a string
           "[\"a\", \"b\"]\nx, y\n"s,         // the error is on the second line
           "respondent\n"s,                   // one field only
       }) {
    INFO(text);
    CHECK(parse_error(text).message.find("syntax error") == 0);
  }
}

TEST_CASE("json mistakes: a typographic quote is named, at its place") {
  SECTION("where a name starts") {
    const Diagnostic d = parse_error(
        "{\n  \xE2\x80\x9C"
        "format\xE2\x80\x9D: 1\n}");
    CHECK(d.message == "\xE2\x80\x9C is a typographic quote; JSON needs straight double quotes (\")");
    CHECK(d.line == 2);
    CHECK(d.column == 3);
  }
  SECTION("every kind: \xE2\x80\x9C \xE2\x80\x9D \xE2\x80\x9E \xE2\x80\x98 \xE2\x80\x99") {
    for (const std::string& quote :
         std::vector<std::string>{"\xE2\x80\x9C", "\xE2\x80\x9D", "\xE2\x80\x9E", "\xE2\x80\x98", "\xE2\x80\x99"}) {
      const Diagnostic d = parse_error("{\"department\": " + quote + "sales" + quote + "}");
      CHECK(d.message == quote + " is a typographic quote; JSON needs straight double quotes (\")");
      CHECK(d.column == 16);
    }
  }
  SECTION("a straight quote closed by a typographic one: the string runs to the end of the line") {
    const Diagnostic d = parse_error("{\n  \"format\xE2\x80\x9D: 1,\n  \"x\": 2\n}");
    CHECK(d.message == "\xE2\x80\x9D is a typographic quote; JSON needs straight double quotes (\")");
    CHECK(d.line == 2);
    CHECK(d.column == 10);
  }
  SECTION("inside a string it is text, and fine") {
    CHECK(parses("{\"department\": \"\xE2\x80\x9EVertrieb\xE2\x80\x9C und \xE2\x80\x98Service\xE2\x80\x99\"}"));
  }
  SECTION("an error elsewhere in a text with one keeps the parser's message") {
    const Diagnostic d = parse_error("{\"department\": \"\xE2\x80\x9Csales\xE2\x80\x9D\", \"x\": tru}");
    CHECK(d.message.find("syntax error") == 0);
  }
}

TEST_CASE("json mistakes: UTF-16 without a byte-order mark") {
  const std::string message = "the file is UTF-16 (without a byte-order mark); save it as UTF-8";
  for (const bool little_endian : {true, false}) {
    INFO((little_endian ? "little-endian" : "big-endian"));
    for (const std::string_view ascii : {"{\"format\": 1}", "[1]", "\n  {}", " \r\n[]"}) {
      const Diagnostic d = parse_error(utf16(ascii, little_endian));
      CHECK(d.message == message);
      CHECK(d.line == 0);
      CHECK(d.column == 0);
    }
  }
  SECTION("NUL bytes that are not UTF-16 are junk, as before") {
    CHECK(parse_error("\x7f"
                      "ELF\0\0\x01\x02"s)
              .message.find("UTF-16") == std::string::npos);
    CHECK(parse_error("\0\0{\0"s).message.find("UTF-16") == std::string::npos);
    CHECK(parse_error("{\0"s.substr(0, 1)).message.find("UTF-16") == std::string::npos);
  }
}

TEST_CASE("json mistakes: a trailing comma is pointed at") {
  SECTION("after the last member") {
    const Diagnostic d = parse_error("{\n  \"a\": 1,\n  \"b\": 2,\n}\n");
    CHECK(d.message == "a comma after the last member; JSON allows no trailing comma");
    CHECK(d.line == 3);
    CHECK(d.column == 9);
  }
  SECTION("after the last element") {
    const Diagnostic d = parse_error("{\"a\": [1, 2 , ]}");
    CHECK(d.message == "a comma after the last element; JSON allows no trailing comma");
    CHECK(d.line == 1);
    CHECK(d.column == 13);
  }
  SECTION("other errors at a bracket keep the parser's message") {
    CHECK(parse_error("{\"a\": }").message.find("syntax error") == 0);
    CHECK(parse_error("[1 2]").message.find("syntax error") == 0);
    CHECK(parse_error("{\"a\" ,}").message.find("syntax error") == 0);
    CHECK(parse_error("{\"a\": [1,2,3]}}").message.find("syntax error") == 0);
  }
}

TEST_CASE("json mistakes: explain_json_mistake alone leaves a plain syntax error alone") {
  CHECK_FALSE(explain_json_mistake("{\"a\": tru}", 10, "syntax error while parsing value - invalid literal"));
  CHECK_FALSE(explain_json_mistake("", 1, "syntax error"));
  CHECK_FALSE(explain_json_mistake("}", 1, "syntax error while parsing value - unexpected '}'"));
}

TEST_CASE("json mistakes: a JSON Lines file that starts a value without finishing it") {
  CHECK(starts_unfinished_value("{"));
  CHECK(starts_unfinished_value("  [ \r"));
  CHECK(starts_unfinished_value("\xEF\xBB\xBF{"));
  CHECK(starts_unfinished_value("{\"format\": \"centric-answers/1\","));
  CHECK(starts_unfinished_value("[{\"format\": \"centric-answers/1\"},"));
  CHECK_FALSE(starts_unfinished_value("{\"format\": \"centric-answers/1\"}"));
  CHECK_FALSE(starts_unfinished_value("{\"format\": \"centric-answers/1\", }"));  // broken, but on one line
  CHECK_FALSE(starts_unfinished_value("[1, 2]"));
  CHECK_FALSE(starts_unfinished_value("respondent,department"));
  CHECK_FALSE(starts_unfinished_value(""));
  CHECK(value_over_lines_message("{") ==
        "one answer set is spread over several lines from here; a .jsonl file needs each answer set on one line (or "
        "name the "
        "file .json)");
  CHECK(value_over_lines_message("[") ==
        "an array of answer sets is spread over several lines from here; a .jsonl file needs each answer set on one "
        "line (or "
        "name the file .json)");
  CHECK(value_continued_message(3) == "part of what is spread over several lines from line 3 (see there)");
}
