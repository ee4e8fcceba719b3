// What parse_json refuses that nlohmann::json::parse lets through (issue 15): a NUL byte
// (parse takes it for the end of the text), a key given twice (parse keeps the last value),
// numbers too large to read (parse gives no position, or a double for a huge integer). Each
// is an error with its line, column and, where it helps, the JSON path.
#include <catch2/catch.hpp>

#include <string>
#include <string_view>
#include <variant>

#include "centric/json_input.hpp"

using namespace centric;
using namespace std::string_literals;

namespace {

Diagnostic parse_error(std::string_view text) {
  auto parsed = parse_json(text, "a.json");
  REQUIRE(std::holds_alternative<Diagnostic>(parsed));
  return std::get<Diagnostic>(parsed);
}

std::string place(const Diagnostic& d) { return std::to_string(d.line) + ":" + std::to_string(d.column); }

}  // namespace

TEST_CASE("parse_json: a NUL byte is a syntax error where it is, not the end of the text") {
  SECTION("between two documents") {
    const Diagnostic d = parse_error("{\"a\": 1}\n\0{\"b\": 2}"s);
    CHECK(place(d) == "2:1");
    CHECK(d.message == "a NUL byte (\\0): JSON text cannot hold one (is this a binary file?)");
  }
  SECTION("right after a document, with nothing after it") { CHECK(place(parse_error("[1, 2]\0"s)) == "1:7"); }
  SECTION("inside a string") { CHECK(place(parse_error("{\"a\": \"x\0y\"}"s)) == "1:9"); }
  SECTION("UTF-16 without a byte-order mark is still told as such") {
    const Diagnostic d = parse_error("{\0\"\0a\0\"\0:\0 \0001\0}\0"s);
    CHECK(d.line == 0);
    CHECK(d.message == "the file is UTF-16 (without a byte-order mark); save it as UTF-8");
  }
}

TEST_CASE("parse_json: a key given twice is an error at the second, naming the first") {
  SECTION("on one line: the columns") {
    const Diagnostic d = parse_error(R"({"a": 1, "b": 2, "a": 3})");
    CHECK(place(d) == "1:18");
    CHECK(d.path == "a");
    CHECK(d.message == "duplicate key \"a\" (first at column 2); each key may appear only once in an object");
  }
  SECTION("on two lines, deep inside arrays and objects: the lines and the JSON path") {
    const Diagnostic d = parse_error("[{}, {\"x\": [0, {\"q.1\": 1,\n   \"q.1\": 2}]}]");
    CHECK(place(d) == "2:4");
    CHECK(d.path == "[1].x[1][\"q.1\"]");
    CHECK(d.message ==
          "duplicate key \"q.1\" (first at line 1, column 17); each key may appear only once in an object");
  }
  SECTION("written differently but the same key once decoded") {
    const Diagnostic d = parse_error(R"({"ab": 1, "a\u0062": 2})");
    CHECK(place(d) == "1:11");
    CHECK(d.message.find("first at column 2") != std::string::npos);
  }
  SECTION("keys with escaped quotes are placed at their opening quote") {
    CHECK(place(parse_error(R"({"a\"b": 1, "a\"b": 2})")) == "1:13");
  }
  SECTION("the same key in different objects is fine") {
    CHECK(std::holds_alternative<JsonParse>(parse_json(R"([{"a": 1}, {"a": 2}, {"b": {"a": 3}, "a": 4}])", "a.json")));
  }
}

TEST_CASE("parse_json: a number too large to read is placed by line and column") {
  SECTION("beyond a double") {
    const Diagnostic d = parse_error("{\n  \"q\": 1e400\n}");
    CHECK(place(d) == "2:8");
    CHECK(d.path == "q");
    CHECK(d.message == "the number 1e400 is too large to be read");
  }
  SECTION("a whole number beyond 64 bits, at the end of the text") {
    const Diagnostic d = parse_error("123456789012345678901234567890");
    CHECK(place(d) == "1:1");
    CHECK(d.message ==
          "the whole number 123456789012345678901234567890 is too large to be read exactly (more than 64 bits)");
  }
  SECTION("in an array") {
    const Diagnostic d = parse_error("[1, -99999999999999999999]");
    CHECK(place(d) == "1:5");
    CHECK(d.path == "[1]");
  }
  SECTION("the largest 64-bit numbers and large doubles are fine") {
    for (const char* text : {"18446744073709551615", "-9223372036854775808", "1e300", "1234567890123456789012.5"}) {
      INFO(text);
      CHECK(std::holds_alternative<JsonParse>(parse_json(text, "a.json")));
    }
  }
}

TEST_CASE("parse_json: the document is the one nlohmann::json::parse builds") {
  const std::string text = R"({"a": [1, -2, 3.5, "x", true, false, null, {}, []], "b": {"c": {"d": [[]]}}, "e": ""})";
  auto parsed = parse_json(text, "a.json");
  REQUIRE(std::holds_alternative<JsonParse>(parsed));
  CHECK(std::get<JsonParse>(parsed).value == nlohmann::json::parse(text));
}
