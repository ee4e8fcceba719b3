// formats.md §1: every rule of a questionnaire, each broken once, checked through
// read_questionnaire(); plus syntax errors and the bundled default questionnaire.
#include <catch2/catch.hpp>

#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>

#include "centric/diagnostic.hpp"
#include "centric/questionnaire.hpp"
#include "centric/questionnaire_io.hpp"

using namespace centric;
using nlohmann::json;

namespace {

// A small questionnaire that breaks no rule; each test breaks one.
json valid_questionnaire() {
  return json::parse(R"({
    "format": "centric-questionnaire/1",
    "id": "test-q",
    "version": "1.0.0",
    "default_language": "en",
    "title": {"en": "Test questionnaire"},
    "intro": {"en": "Answer honestly."},
    "scale": {
      "min": 1, "max": 5,
      "labels": {"1": {"en": "Strongly disagree"}, "5": {"en": "Strongly agree"}},
      "not_applicable": true
    },
    "levels": [
      {"level": 1, "min": 0,  "name": {"en": "Low"}, "description": {"en": "Just starting"}},
      {"level": 2, "min": 40, "name": {"en": "Middle"}},
      {"level": 3, "min": 70, "name": {"en": "High"}}
    ],
    "departments": [
      {"id": "sales", "name": {"en": "Sales"}},
      {"id": "it", "name": {"en": "IT"}}
    ],
    "dimensions": [
      {
        "id": "alpha",
        "name": {"en": "Alpha"},
        "description": {"en": "The first dimension"},
        "weight": 1,
        "questions": [
          {"id": "alpha.one", "text": {"en": "Alpha one?"}, "help": {"en": "Think of last month."}},
          {"id": "alpha.two", "text": {"en": "Alpha two?"}, "weight": 2, "reverse": true}
        ],
        "recommendations": [
          {"levels": [1, 2], "text": {"en": "Start doing alpha."}},
          {"levels": [3], "text": {"en": "Keep doing alpha."}}
        ]
      },
      {
        "id": "beta",
        "name": {"en": "Beta"},
        "questions": [
          {"id": "beta.one", "text": {"en": "Beta one?"}}
        ]
      }
    ]
  })");
}

QuestionnaireLoad load(const json& doc) { return read_questionnaire(doc.dump(), "q.json"); }

// The document with the string value "@@RAW@@" replaced by `raw` JSON text, for values
// nlohmann::json cannot hold (1e999, huge integers, invalid UTF-8).
std::string dump_with_raw(json doc, const json::json_pointer& where, const std::string& raw) {
  doc[where] = "@@RAW@@";
  std::string text = doc.dump();
  const std::string placeholder = "\"@@RAW@@\"";
  const auto at = text.find(placeholder);
  REQUIRE(at != std::string::npos);
  text.replace(at, placeholder.size(), raw);
  return text;
}

std::string listing(const QuestionnaireLoad& l) {
  std::string out = "diagnostics:\n";
  for (const auto& d : l.diagnostics) out += "  " + format_for_stderr(d) + "\n";
  return out;
}

std::size_t count_errors(const QuestionnaireLoad& l) {
  std::size_t n = 0;
  for (const auto& d : l.diagnostics) n += d.severity == Diagnostic::Severity::error ? 1 : 0;
  return n;
}

std::size_t count_warnings(const QuestionnaireLoad& l) { return l.diagnostics.size() - count_errors(l); }

bool has_error(const QuestionnaireLoad& l, std::string_view path, std::string_view fragment) {
  for (const auto& d : l.diagnostics)
    if (d.severity == Diagnostic::Severity::error && d.path == path && d.message.find(fragment) != std::string::npos)
      return true;
  return false;
}

// The questionnaire is refused, with an error at `path` whose message holds `fragment`.
void check_rejected(const json& doc, std::string_view path, std::string_view fragment) {
  const auto l = load(doc);
  INFO("expected an error at " << path << " mentioning \"" << fragment << "\"\n" << listing(l));
  CHECK_FALSE(l.ok());
  CHECK(has_error(l, path, fragment));
}

void check_accepted(const json& doc) {
  const auto l = load(doc);
  INFO(listing(l));
  CHECK(l.ok());
  CHECK(count_errors(l) == 0);
}

// Every localized-string object that has an "en" text gets a "pl" one too.
void add_polish_everywhere(json& v) {
  if (v.is_object()) {
    if (v.contains("en") && v["en"].is_string()) v["pl"] = "PL " + v["en"].get<std::string>();
    for (auto& [key, child] : v.items()) add_polish_everywhere(child);
  } else if (v.is_array()) {
    for (auto& child : v) add_polish_everywhere(child);
  }
}

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE(in);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace

// ---------------------------------------------------------------------------------------
// The starting point

TEST_CASE("questionnaire: the valid base loads with no diagnostics and its values read") {
  const auto l = load(valid_questionnaire());
  INFO(listing(l));
  REQUIRE(l.ok());
  CHECK(l.diagnostics.empty());
  const Questionnaire& q = *l.questionnaire;
  CHECK(q.id == "test-q");
  CHECK(q.version == "1.0.0");
  CHECK(q.scale.min == 1);
  CHECK(q.scale.max == 5);
  CHECK(q.scale.not_applicable);
  CHECK(q.scale.labels.size() == 2);
  REQUIRE(q.levels.size() == 3);
  CHECK(q.levels[1].min == 40);
  REQUIRE(q.dimensions.size() == 2);
  REQUIRE(q.dimensions[0].questions.size() == 2);
  CHECK(q.dimensions[0].questions[1].weight == 2);
  CHECK(q.dimensions[0].questions[1].reverse);
  CHECK_FALSE(q.dimensions[0].questions[0].reverse);
  CHECK(q.dimensions[1].weight == 1);  // the default
  CHECK(q.departments.size() == 2);
}

TEST_CASE("questionnaire: every broken rule is reported at once, not just the first") {
  json doc = valid_questionnaire();
  doc["format"] = "centric-questionnaire/2";
  doc["scale"]["min"] = 5;
  doc["dimensions"][1]["questions"][0]["weight"] = 0;
  const auto l = load(doc);
  INFO(listing(l));
  CHECK_FALSE(l.ok());
  CHECK(count_errors(l) >= 3);
  CHECK(has_error(l, "format", "expected"));
  CHECK(has_error(l, "scale", "less than max"));
  CHECK(has_error(l, "dimensions[1].questions[0].weight", "above 0"));
}

// ---------------------------------------------------------------------------------------
// format, ids

TEST_CASE("questionnaire: a wrong format is refused") {
  json doc = valid_questionnaire();
  doc["format"] = "centric-answers/1";
  check_rejected(doc, "format", "expected \"centric-questionnaire/1\"");
}

TEST_CASE("questionnaire: a missing format is refused") {
  json doc = valid_questionnaire();
  doc.erase("format");
  check_rejected(doc, "format", "missing");
}

TEST_CASE("questionnaire: ids must match ^[a-z0-9][a-z0-9._-]*$") {
  SECTION("upper case in a dimension id") {
    json doc = valid_questionnaire();
    doc["dimensions"][1]["id"] = "Beta";
    check_rejected(doc, "dimensions[1].id", "not a valid id");
  }
  SECTION("a leading '-' in a question id") {
    json doc = valid_questionnaire();
    doc["dimensions"][1]["questions"][0]["id"] = "-beta.one";
    check_rejected(doc, "dimensions[1].questions[0].id", "not a valid id");
  }
  SECTION("an empty questionnaire id") {
    json doc = valid_questionnaire();
    doc["id"] = "";
    check_rejected(doc, "id", "not a valid id");
  }
  SECTION("a space in a department id") {
    json doc = valid_questionnaire();
    doc["departments"][0]["id"] = "customer service";
    check_rejected(doc, "departments[0].id", "not a valid id");
  }
  SECTION("digits, dots, underscores and dashes are fine") {
    json doc = valid_questionnaire();
    doc["dimensions"][1]["id"] = "2nd_dim-x.y";
    doc["dimensions"][1]["questions"][0]["id"] = "0.a_b-c";
    check_accepted(doc);
  }
}

TEST_CASE("questionnaire: dimension ids are unique") {
  json doc = valid_questionnaire();
  doc["dimensions"][1]["id"] = "alpha";
  check_rejected(doc, "dimensions[1].id", "duplicate dimension id");
}

TEST_CASE("questionnaire: question ids are unique across all dimensions") {
  json doc = valid_questionnaire();
  doc["dimensions"][1]["questions"][0]["id"] = "alpha.two";
  check_rejected(doc, "dimensions[1].questions[0].id", "duplicate question id");
}

TEST_CASE("questionnaire: question ids are unique within one dimension") {
  json doc = valid_questionnaire();
  doc["dimensions"][0]["questions"][1]["id"] = "alpha.one";
  check_rejected(doc, "dimensions[0].questions[1].id", "duplicate question id");
}

TEST_CASE("questionnaire: department ids are unique") {
  json doc = valid_questionnaire();
  doc["departments"][1]["id"] = "sales";
  check_rejected(doc, "departments[1].id", "duplicate department id");
}

TEST_CASE("questionnaire: \"overall\" is reserved and no dimension may use it") {
  json doc = valid_questionnaire();
  doc["dimensions"][0]["id"] = "overall";
  check_rejected(doc, "dimensions[0].id", "reserved");
}

// ---------------------------------------------------------------------------------------
// Localized strings

TEST_CASE("questionnaire: a plain string is a localized string in the default language") {
  json doc = valid_questionnaire();
  doc["dimensions"][0]["questions"][0]["text"] = "Plain alpha one?";
  doc["title"] = "Plain title";
  const auto l = load(doc);
  INFO(listing(l));
  REQUIRE(l.ok());
  CHECK(l.questionnaire->dimensions[0].questions[0].text.in("en", "en") == "Plain alpha one?");
  CHECK(l.questionnaire->title.has("en"));
}

TEST_CASE("questionnaire: a localized object without the default language is refused") {
  json doc = valid_questionnaire();
  doc["dimensions"][1]["name"] = {{"pl", "Beta po polsku"}};
  check_rejected(doc, "dimensions[1].name", "default language \"en\"");
}

TEST_CASE("questionnaire: a localized object whose text is not a string is refused") {
  json doc = valid_questionnaire();
  doc["title"]["pl"] = 42;
  check_rejected(doc, "title.pl", "must be a string");
}

TEST_CASE("questionnaire: a localized string that is a number is refused") {
  json doc = valid_questionnaire();
  doc["levels"][2]["name"] = 3;
  check_rejected(doc, "levels[2].name", "must be a string or an object");
}

TEST_CASE("questionnaire: every string missing a language that \"languages\" claims is reported") {
  json doc = valid_questionnaire();
  doc["languages"] = {"en", "pl"};
  add_polish_everywhere(doc);
  SECTION("complete in both languages: fine") { check_accepted(doc); }
  SECTION("two strings without Polish: two errors") {
    doc["dimensions"][1]["questions"][0]["text"].erase("pl");
    doc["scale"]["labels"]["5"].erase("pl");
    const auto l = load(doc);
    INFO(listing(l));
    CHECK_FALSE(l.ok());
    CHECK(count_errors(l) == 2);
    CHECK(has_error(l, "dimensions[1].questions[0].text", "\"pl\""));
    CHECK(has_error(l, "scale.labels[\"5\"]", "\"pl\""));
  }
  SECTION("a plain string counts only for the default language") {
    doc["levels"][0]["description"] = "Only English";
    check_rejected(doc, "levels[0].description", "\"pl\"");
  }
}

// ---------------------------------------------------------------------------------------
// Scale

TEST_CASE("questionnaire: scale.min must be below scale.max") {
  json doc = valid_questionnaire();
  SECTION("min above max") {
    doc["scale"]["min"] = 6;
    check_rejected(doc, "scale", "less than max");
  }
  SECTION("min equal to max") {
    doc["scale"]["min"] = 5;
    check_rejected(doc, "scale", "less than max");
  }
}

TEST_CASE("questionnaire: scale bounds are whole numbers") {
  json doc = valid_questionnaire();
  SECTION("min 2.5") {
    doc["scale"]["min"] = 2.5;
    check_rejected(doc, "scale.min", "whole number");
  }
  SECTION("max \"5\"") {
    doc["scale"]["max"] = "5";
    check_rejected(doc, "scale.max", "whole number");
  }
  SECTION("max 5.0 counts as the integer 5") {
    doc["scale"]["max"] = 5.0;
    check_accepted(doc);
  }
}

TEST_CASE("questionnaire: a scale has at most 11 points") {
  json doc = valid_questionnaire();
  doc["scale"]["labels"] = json::object();
  doc["scale"]["min"] = 0;
  SECTION("0..11 has 12 points: refused") {
    doc["scale"]["max"] = 11;
    check_rejected(doc, "scale", "at most 11");
  }
  SECTION("0..10 has 11 points: fine") {
    doc["scale"]["max"] = 10;
    const auto l = load(doc);
    INFO(listing(l));
    REQUIRE(l.ok());
    CHECK(l.questionnaire->scale.points() == 11);
  }
}

TEST_CASE("questionnaire: scale labels name values inside the scale") {
  json doc = valid_questionnaire();
  SECTION("a label for 7 on a 1..5 scale") {
    doc["scale"]["labels"]["7"] = {{"en", "Beyond"}};
    check_rejected(doc, "scale.labels[\"7\"]", "outside the scale");
  }
  SECTION("a label for 0 on a 1..5 scale") {
    doc["scale"]["labels"]["0"] = {{"en", "Below"}};
    check_rejected(doc, "scale.labels[\"0\"]", "outside the scale");
  }
  SECTION("a label key that is not a number") {
    doc["scale"]["labels"]["one"] = {{"en", "One"}};
    check_rejected(doc, "scale.labels.one", "not a whole number");
  }
  SECTION("a label key that is a number written oddly (the schema's ^(0|-?[1-9][0-9]*)$)") {
    for (const char* key : {"03", "+3", " 3", "3 ", "3.0", "-0"}) {
      json odd = doc;
      odd["scale"]["labels"][key] = {{"en", "Three"}};
      INFO("label key \"" << key << "\"");
      CHECK_FALSE(load(odd).ok());
    }
  }
  SECTION("negative scales take negative label keys") {
    doc["scale"]["min"] = -2;
    doc["scale"]["max"] = 2;
    doc["scale"]["labels"] = {{"-2", {{"en", "No"}}}, {"0", {{"en", "Neutral"}}}, {"2", {{"en", "Yes"}}}};
    const auto l = load(doc);
    INFO(listing(l));
    REQUIRE(l.ok());
    CHECK(l.questionnaire->scale.labels.count(-2) == 1);
    CHECK(l.questionnaire->scale.labels.count(0) == 1);
  }
}

TEST_CASE("questionnaire: scale.not_applicable is a boolean") {
  json doc = valid_questionnaire();
  doc["scale"]["not_applicable"] = "yes";
  check_rejected(doc, "scale.not_applicable", "true or false");
}

TEST_CASE("questionnaire: scale.not_applicable defaults to false") {
  json doc = valid_questionnaire();
  doc["scale"].erase("not_applicable");
  const auto l = load(doc);
  REQUIRE(l.ok());
  CHECK_FALSE(l.questionnaire->scale.not_applicable);
}

// ---------------------------------------------------------------------------------------
// Levels

TEST_CASE("questionnaire: there is at least one level") {
  json doc = valid_questionnaire();
  doc["levels"] = json::array();
  doc["dimensions"][0].erase("recommendations");
  check_rejected(doc, "levels", "at least one");
}

TEST_CASE("questionnaire: levels are numbered 1, 2, 3 in order") {
  json doc = valid_questionnaire();
  SECTION("2 and 3 swapped") {
    doc["levels"][1]["level"] = 3;
    doc["levels"][2]["level"] = 2;
    check_rejected(doc, "levels[1].level", "expected 2");
    check_rejected(doc, "levels[2].level", "expected 3");
  }
  SECTION("numbering from 0") {
    doc["levels"][0]["level"] = 0;
    check_rejected(doc, "levels[0].level", "expected 1");
  }
}

TEST_CASE("questionnaire: the first level's min is 0") {
  json doc = valid_questionnaire();
  doc["levels"][0]["min"] = 10;
  check_rejected(doc, "levels[0].min", "must be 0");
}

TEST_CASE("questionnaire: level minimums strictly ascend") {
  json doc = valid_questionnaire();
  SECTION("equal to the previous") {
    doc["levels"][2]["min"] = 40;
    check_rejected(doc, "levels[2].min", "previous level's min");
  }
  SECTION("below the previous") {
    doc["levels"][2]["min"] = 30;
    check_rejected(doc, "levels[2].min", "previous level's min");
  }
}

TEST_CASE("questionnaire: level minimums are below 100") {
  json doc = valid_questionnaire();
  SECTION("exactly 100") {
    doc["levels"][2]["min"] = 100;
    check_rejected(doc, "levels[2].min", "below 100");
  }
  SECTION("99.5 is fine") {
    doc["levels"][2]["min"] = 99.5;
    check_accepted(doc);
  }
}

// ---------------------------------------------------------------------------------------
// Weights, reverse, recommendations

TEST_CASE("questionnaire: weights are numbers above 0") {
  json doc = valid_questionnaire();
  SECTION("dimension weight 0") {
    doc["dimensions"][0]["weight"] = 0;
    check_rejected(doc, "dimensions[0].weight", "above 0");
  }
  SECTION("dimension weight negative") {
    doc["dimensions"][1]["weight"] = -1;
    check_rejected(doc, "dimensions[1].weight", "above 0");
  }
  SECTION("question weight 0") {
    doc["dimensions"][0]["questions"][0]["weight"] = 0;
    check_rejected(doc, "dimensions[0].questions[0].weight", "above 0");
  }
  SECTION("question weight negative") {
    doc["dimensions"][0]["questions"][1]["weight"] = -0.5;
    check_rejected(doc, "dimensions[0].questions[1].weight", "above 0");
  }
  SECTION("question weight a string") {
    doc["dimensions"][0]["questions"][1]["weight"] = "2";
    check_rejected(doc, "dimensions[0].questions[1].weight", "must be a number");
  }
  SECTION("a fractional weight is fine") {
    doc["dimensions"][0]["weight"] = 0.25;
    const auto l = load(doc);
    REQUIRE(l.ok());
    CHECK(l.questionnaire->dimensions[0].weight == 0.25);
  }
}

TEST_CASE("questionnaire: reverse is a boolean") {
  json doc = valid_questionnaire();
  doc["dimensions"][0]["questions"][0]["reverse"] = 1;
  check_rejected(doc, "dimensions[0].questions[0].reverse", "true or false");
}

TEST_CASE("questionnaire: recommendations name levels that exist") {
  json doc = valid_questionnaire();
  SECTION("level 4 of 3") {
    doc["dimensions"][0]["recommendations"][1]["levels"] = {3, 4};
    check_rejected(doc, "dimensions[0].recommendations[1].levels[1]", "not a level");
  }
  SECTION("level 0") {
    doc["dimensions"][0]["recommendations"][0]["levels"] = {0};
    check_rejected(doc, "dimensions[0].recommendations[0].levels[0]", "not a level");
  }
  SECTION("no levels at all") {
    doc["dimensions"][0]["recommendations"][0]["levels"] = json::array();
    check_rejected(doc, "dimensions[0].recommendations[0].levels", "at least one");
  }
}

// ---------------------------------------------------------------------------------------
// Required and optional keys

TEST_CASE("questionnaire: required keys are reported when missing") {
  SECTION("title") {
    json doc = valid_questionnaire();
    doc.erase("title");
    check_rejected(doc, "title", "missing");
  }
  SECTION("scale") {
    json doc = valid_questionnaire();
    doc.erase("scale");
    check_rejected(doc, "scale", "missing");
  }
  SECTION("scale.max") {
    json doc = valid_questionnaire();
    doc["scale"].erase("max");
    check_rejected(doc, "scale.max", "missing");
  }
  SECTION("levels") {
    json doc = valid_questionnaire();
    doc.erase("levels");
    check_rejected(doc, "levels", "missing");
  }
  SECTION("dimensions") {
    json doc = valid_questionnaire();
    doc.erase("dimensions");
    check_rejected(doc, "dimensions", "missing");
  }
  SECTION("a dimension's questions") {
    json doc = valid_questionnaire();
    doc["dimensions"][1].erase("questions");
    check_rejected(doc, "dimensions[1].questions", "missing");
  }
  SECTION("a question's text") {
    json doc = valid_questionnaire();
    doc["dimensions"][0]["questions"][1].erase("text");
    check_rejected(doc, "dimensions[0].questions[1].text", "missing");
  }
  SECTION("a dimension's name") {
    json doc = valid_questionnaire();
    doc["dimensions"][1].erase("name");
    check_rejected(doc, "dimensions[1].name", "missing");
  }
  SECTION("a level's name") {
    json doc = valid_questionnaire();
    doc["levels"][1].erase("name");
    check_rejected(doc, "levels[1].name", "missing");
  }
}

TEST_CASE("questionnaire: a questionnaire without dimensions or a dimension without questions is refused") {
  SECTION("no dimensions") {
    json doc = valid_questionnaire();
    doc["dimensions"] = json::array();
    check_rejected(doc, "dimensions", "at least one");
  }
  SECTION("no questions") {
    json doc = valid_questionnaire();
    doc["dimensions"][1]["questions"] = json::array();
    check_rejected(doc, "dimensions[1].questions", "at least one");
  }
}

TEST_CASE("questionnaire: optional keys may be left out") {
  json doc = valid_questionnaire();
  doc.erase("intro");
  doc.erase("departments");
  doc["levels"][0].erase("description");
  doc["dimensions"][0].erase("recommendations");
  doc["dimensions"][0].erase("description");
  doc["dimensions"][0].erase("weight");
  doc["dimensions"][0]["questions"][0].erase("help");
  check_accepted(doc);
}

TEST_CASE("questionnaire: the document must be an object") {
  const auto l = read_questionnaire("[1, 2, 3]", "q.json");
  INFO(listing(l));
  CHECK_FALSE(l.ok());
  CHECK(has_error(l, "", "must be an object"));
}

TEST_CASE("questionnaire: an unknown key is an error that names the key meant, x- keys are left for tools") {
  json doc = valid_questionnaire();
  doc["colour"] = "blue";
  doc["dimensions"][0]["questions"][0]["revers"] = true;  // the question would be scored unreversed
  doc["dimensions"][0]["questions"][0]["hint"] = "typo of help";
  doc["x-editor"] = {{"last-opened", "2026-12-07"}};
  doc["dimensions"][0]["x-colour"] = "#ff0000";
  const auto l = load(doc);
  INFO(listing(l));
  CHECK_FALSE(l.ok());
  CHECK(count_errors(l) == 3);
  CHECK(has_error(l, "dimensions[0].questions[0].revers", "unknown key \"revers\"; did you mean \"reverse\"?"));
  // Nothing near enough: the keys that exist there.
  CHECK(has_error(l, "colour",
                  "unknown key \"colour\": the keys here are format, id, version, default_language, languages, "
                  "title, intro, scale, levels, departments, dimensions (a key that begins with \"x-\" is left for "
                  "other tools)"));
  CHECK(has_error(l, "dimensions[0].questions[0].hint", "unknown key \"hint\""));
  CHECK(count_warnings(l) == 0);  // the x- keys say nothing
  for (const auto& d : l.diagnostics) CHECK(d.path.find("x-") == std::string::npos);
}

TEST_CASE("questionnaire: a \"$schema\" key is not warned about") {
  json doc = valid_questionnaire();
  doc["$schema"] = "../schemas/centric-questionnaire-1.schema.json";
  const auto l = load(doc);
  INFO(listing(l));
  REQUIRE(l.ok());
  CHECK(l.diagnostics.empty());
}

// ---------------------------------------------------------------------------------------
// Syntax: what the parser refuses, with a position where there is one

TEST_CASE("questionnaire syntax: an error gives line and column") {
  const auto l = read_questionnaire("{\n  \"id\": ,\n}", "q.json");
  INFO(listing(l));
  CHECK_FALSE(l.ok());
  REQUIRE(l.diagnostics.size() == 1);
  const Diagnostic& d = l.diagnostics[0];
  CHECK(d.severity == Diagnostic::Severity::error);
  CHECK(d.source == "q.json");
  CHECK(d.line == 2);
  CHECK(d.column > 0);
  CHECK_FALSE(d.message.empty());
  CHECK(describe(d).find("q.json:2:") == 0);
}

TEST_CASE("questionnaire syntax: the column counts characters, not bytes") {
  // Each "é" is two bytes and one character: the second ',' is character 11, byte 14.
  const auto l = read_questionnaire("{\"\xC3\xA9\xC3\xA9\xC3\xA9\": 1,,}", "q.json");
  INFO(listing(l));
  REQUIRE(l.diagnostics.size() == 1);
  CHECK(l.diagnostics[0].line == 1);
  CHECK(l.diagnostics[0].column == 11);
}

TEST_CASE("questionnaire syntax: empty text is refused") {
  const auto l = read_questionnaire("", "q.json");
  INFO(listing(l));
  CHECK_FALSE(l.ok());
  REQUIRE(l.diagnostics.size() == 1);
  CHECK(l.diagnostics[0].message.find("empty") != std::string::npos);
}

TEST_CASE("questionnaire syntax: white space only is refused") {
  const auto l = read_questionnaire(" \n\t\r\n  ", "q.json");
  INFO(listing(l));
  CHECK_FALSE(l.ok());
  REQUIRE(l.diagnostics.size() == 1);
  CHECK(l.diagnostics[0].message.find("white space") != std::string::npos);
}

TEST_CASE("questionnaire syntax: UTF-16 is refused with a message that says so") {
  const std::string little_endian("\xFF\xFE{\0}\0", 6);
  const std::string big_endian("\xFE\xFF\0{\0}", 6);
  for (const auto& text : {little_endian, big_endian}) {
    const auto l = read_questionnaire(text, "q.json");
    INFO(listing(l));
    CHECK_FALSE(l.ok());
    REQUIRE(count_errors(l) == 1);
    CHECK(l.diagnostics.back().message.find("UTF-16") != std::string::npos);
  }
}

TEST_CASE("questionnaire syntax: a UTF-8 byte-order mark is skipped with a warning") {
  const auto l = read_questionnaire("\xEF\xBB\xBF" + valid_questionnaire().dump(2), "q.json");
  INFO(listing(l));
  REQUIRE(l.ok());
  REQUIRE(l.diagnostics.size() == 1);
  CHECK(l.diagnostics[0].severity == Diagnostic::Severity::warning);
  CHECK(l.diagnostics[0].source == "q.json");
  CHECK(l.diagnostics[0].message.find("byte-order mark") != std::string::npos);
}

TEST_CASE("questionnaire syntax: invalid UTF-8 inside a string is refused") {
  const std::string text = dump_with_raw(valid_questionnaire(), json::json_pointer("/title/en"), "\"Te\xFFst\"");
  const auto l = read_questionnaire(text, "q.json");
  INFO(listing(l));
  CHECK_FALSE(l.ok());
  REQUIRE(l.diagnostics.size() == 1);
  CHECK(l.diagnostics[0].message.find("UTF-8") != std::string::npos);
  CHECK(l.diagnostics[0].line == 1);
  CHECK(l.diagnostics[0].column > 0);
}

TEST_CASE("questionnaire syntax: binary junk with NUL bytes is refused with a printable message") {
  static constexpr char bytes[] = "\x00\x01\x02\x7F junk \x00\xFF\xFE\x80";
  const std::string junk(bytes, sizeof bytes - 1);
  const auto l = read_questionnaire(junk, "q.json");
  INFO(listing(l));
  CHECK_FALSE(l.ok());
  REQUIRE(l.diagnostics.size() == 1);
  CHECK_FALSE(l.diagnostics[0].message.empty());
  CHECK(l.diagnostics[0].message.find('\0') == std::string::npos);
  CHECK(l.diagnostics[0].message.find('\x01') == std::string::npos);
}

TEST_CASE("questionnaire syntax: a number too large for a double is refused") {
  const std::string text = dump_with_raw(valid_questionnaire(), json::json_pointer("/dimensions/0/weight"), "1e999");
  const auto l = read_questionnaire(text, "q.json");
  INFO(listing(l));
  CHECK_FALSE(l.ok());
  REQUIRE(count_errors(l) == 1);
  CHECK(l.diagnostics.back().message.find("1e999") != std::string::npos);
}

TEST_CASE("questionnaire syntax: nesting 100000 levels deep is refused without a crash") {
  SECTION("only opening brackets") {
    const auto l = read_questionnaire(std::string(100000, '['), "q.json");
    INFO(listing(l));
    CHECK_FALSE(l.ok());
    REQUIRE(l.diagnostics.size() == 1);
    CHECK(l.diagnostics[0].message.find("deep") != std::string::npos);
  }
  SECTION("balanced brackets") {
    const auto l = read_questionnaire(std::string(100000, '[') + std::string(100000, ']'), "q.json");
    CHECK_FALSE(l.ok());
    CHECK(count_errors(l) == 1);
  }
  SECTION("deep objects inside a valid questionnaire") {
    std::string deep;
    for (int i = 0; i < 100000; ++i) deep += "{\"a\":";
    deep += "1";
    deep += std::string(100000, '}');
    const std::string text = dump_with_raw(valid_questionnaire(), json::json_pointer("/extra"), deep);
    const auto l = read_questionnaire(text, "q.json");
    CHECK_FALSE(l.ok());
    CHECK(count_errors(l) == 1);
  }
}

TEST_CASE("questionnaire syntax: modest nesting in a tool's x- key is fine") {
  json doc = valid_questionnaire();
  json nested = 1;
  for (int i = 0; i < 20; ++i) nested = json::array({nested});
  doc["x-extra"] = nested;
  const auto l = load(doc);
  INFO(listing(l));
  CHECK(l.ok());
}

TEST_CASE("questionnaire syntax: a huge integer as scale.min is an error, not a crash") {
  const std::string text =
      dump_with_raw(valid_questionnaire(), json::json_pointer("/scale/min"), "123456789012345678901234567890");
  const auto l = read_questionnaire(text, "q.json");
  INFO(listing(l));
  CHECK_FALSE(l.ok());
  CHECK(has_error(l, "scale.min", "whole number"));
}

TEST_CASE("questionnaire syntax: an integer just beyond int range as scale.max is an error") {
  for (const char* raw : {"2147483648", "-2147483649", "9223372036854775807", "18446744073709551615"}) {
    const std::string text = dump_with_raw(valid_questionnaire(), json::json_pointer("/scale/max"), raw);
    const auto l = read_questionnaire(text, "q.json");
    INFO(raw << "\n" << listing(l));
    CHECK_FALSE(l.ok());
    CHECK(has_error(l, "scale.max", "whole number"));
  }
}

TEST_CASE("questionnaire syntax: the text as read is kept") {
  const std::string text = valid_questionnaire().dump(2);
  CHECK(read_questionnaire(text, "q.json").text == text);
}

TEST_CASE("questionnaire file: a missing file is one error naming it") {
  const auto l = load_questionnaire_file("/nonexistent/centric/q.json");
  INFO(listing(l));
  CHECK_FALSE(l.ok());
  REQUIRE(l.diagnostics.size() == 1);
  CHECK(l.diagnostics[0].source == "/nonexistent/centric/q.json");
  CHECK(l.diagnostics[0].message.find("cannot read") != std::string::npos);
}

// ---------------------------------------------------------------------------------------
// The bundled questionnaire

TEST_CASE("default questionnaire: loads with no errors and no warnings") {
  const auto l = load_default_questionnaire();
  INFO(listing(l));
  REQUIRE(l.ok());
  CHECK(l.diagnostics.empty());
  CHECK(l.questionnaire->id == "customer-centricity");
}

TEST_CASE("default questionnaire: the five principles and working across departments, 7-9 questions each") {
  const auto l = load_default_questionnaire();
  REQUIRE(l.ok());
  const Questionnaire& q = *l.questionnaire;
  std::vector<std::string> ids;
  for (const auto& d : q.dimensions) ids.push_back(d.id);
  CHECK(ids == std::vector<std::string>{"culture", "leadership", "employees-first", "people-before-products",
                                        "people-over-profit", "across-departments"});
  for (const auto& d : q.dimensions) {
    INFO("dimension " << d.id);
    CHECK(d.questions.size() >= 7);
    CHECK(d.questions.size() <= 9);
    std::size_t reversed = 0;
    for (const auto& question : d.questions) reversed += question.reverse ? 1 : 0;
    CHECK(reversed >= 1);
    CHECK(reversed < d.questions.size());
  }
}

TEST_CASE("default questionnaire: a recommendation for every dimension at every level") {
  const auto l = load_default_questionnaire();
  REQUIRE(l.ok());
  const Questionnaire& q = *l.questionnaire;
  REQUIRE_FALSE(q.levels.empty());
  for (const auto& d : q.dimensions) {
    std::set<int> covered;
    for (const auto& r : d.recommendations) {
      CHECK_FALSE(r.text.in(q.default_language, q.default_language).empty());
      covered.insert(r.levels.begin(), r.levels.end());
    }
    for (const auto& level : q.levels) {
      INFO("dimension " << d.id << ", level " << level.number);
      CHECK(covered.count(level.number) == 1);
    }
  }
}

TEST_CASE("default questionnaire: the built-in text is the bytes of questionnaires/customer-centricity.json") {
  const std::string file = read_bytes(std::string(CENTRIC_SOURCE_DIR) + "/questionnaires/customer-centricity.json");
  REQUIRE_FALSE(file.empty());
  CHECK(default_questionnaire_text().size() == file.size());
  CHECK(default_questionnaire_text() == file);
}

// ---------------------------------------------------------------------------------------
// Found by an attack (issue 15)

TEST_CASE("questionnaire: scale values are bounded to -1000..1000, so reversed scores cannot overflow") {
  SECTION("at the edge of int, with a reversed question") {
    json doc = valid_questionnaire();
    doc["scale"] = {{"min", 2147483640}, {"max", 2147483647}};
    doc["dimensions"][0]["questions"][0]["reverse"] = true;
    const auto l = load(doc);
    INFO(listing(l));
    CHECK_FALSE(l.ok());
    CHECK(has_error(l, "scale.min", "is 2147483640; a scale's values must be between -1000 and 1000"));
    CHECK(has_error(l, "scale.max", "is 2147483647; a scale's values must be between -1000 and 1000"));
  }
  SECTION("just past the bounds") {
    json doc = valid_questionnaire();
    doc["scale"] = {{"min", -1001}, {"max", -995}};
    CHECK(has_error(load(doc), "scale.min", "between -1000 and 1000"));
    doc["scale"] = {{"min", 995}, {"max", 1001}};
    CHECK(has_error(load(doc), "scale.max", "between -1000 and 1000"));
  }
  SECTION("at the bounds: fine") {
    for (const auto& [min, max] : {std::pair{-1000, -990}, std::pair{990, 1000}}) {
      json doc = valid_questionnaire();
      doc["scale"] = {{"min", min}, {"max", max}};
      const auto l = load(doc);
      INFO(min << ".." << max << "\n" << listing(l));
      CHECK(l.ok());
    }
  }
}

TEST_CASE("questionnaire: default_language and languages are language codes") {
  for (const char* code : {"en", "pl", "haw", "pt-BR", "zh-Hant", "sr-Latn-RS", "de-CH-1996"}) {
    json doc = valid_questionnaire();
    doc["languages"] = {"en", code};
    const auto l = load(doc);
    INFO(code << "\n" << listing(l));
    for (const auto& d : l.diagnostics)  // only the texts missing in that language
      CHECK(d.message.find("has no \"" + std::string(code) + "\" text") != std::string::npos);
  }
  for (const char* bad :
       {"English", "EN", "e", "engl", "pl_PL", "pt-", "-pt", "pt--BR", "pt-B", "de-abcdefghi", "en ", "\xC3\xA9n"}) {
    json doc = valid_questionnaire();
    doc["languages"] = {bad};
    const auto l = load(doc);
    INFO(bad << "\n" << listing(l));
    CHECK(has_error(l, "languages[0]", "is not a language code: use one like \"en\", \"pl\" or \"pt-BR\" (BCP 47)"));
    doc = valid_questionnaire();
    doc["default_language"] = bad;
    CHECK(has_error(load(doc), "default_language", "is not a language code"));
  }
}
