// The fast reader (simdjson) against the diagnosing one (nlohmann/json + AnswerSetReader):
// it accepts only what the diagnosing reader accepts, into the same AnswerSet, and
// declines everything else. The libFuzzer harness fuzz/answer_set_loader.cpp checks the
// same on generated inputs.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>
#include <variant>
#include <vector>

#include "centric/answers_io.hpp"
#include "centric/json_input.hpp"
#include "centric/questionnaire_io.hpp"
#include "io/fast_answer_parser.hpp"
#include "support/small_questionnaire.hpp"

using namespace centric;
using nlohmann::json;

namespace {

const Questionnaire& questionnaire() {
  static const Questionnaire q = test::small_questionnaire("2.1.0");
  return q;
}

const std::string valid = R"({"format": "centric-answers/1", "questionnaire": {"id": "test-q", "version": "2.0.5"},
  "respondent": {"id": "r-1", "department": "sales", "role": "leader"}, "complete": false,
  "submitted_at": "2026-03-04T08:30:23Z", "answers": {"beta.one": "na", "alpha.one": 5}})";

// What the diagnosing reader makes of `text`: the set, or nothing when it rejects it.
std::optional<AnswerSet> diagnosing_read(const std::string& text) {
  auto parsed = parse_json(text, "t.json");
  if (!std::holds_alternative<JsonParse>(parsed)) return std::nullopt;
  auto result = AnswerSetReader(questionnaire()).read(std::get<JsonParse>(parsed).value, "t.json");
  if (!std::holds_alternative<AnswerSet>(result)) return std::nullopt;
  return std::get<AnswerSet>(result);
}

void check_same(const AnswerSet& a, const AnswerSet& b) {
  CHECK(a.questionnaire_id == b.questionnaire_id);
  CHECK(a.questionnaire_version == b.questionnaire_version);
  CHECK(a.respondent.id == b.respondent.id);
  CHECK(a.respondent.department == b.respondent.department);
  CHECK(a.respondent.role == b.respondent.role);
  CHECK(a.complete == b.complete);
  CHECK(a.submitted_at == b.submitted_at);
  REQUIRE(a.answers.size() == b.answers.size());
  for (std::size_t i = 0; i < a.answers.size(); ++i) {
    CHECK(a.answers[i].kind == b.answers[i].kind);
    CHECK(a.answers[i].value == b.answers[i].value);
  }
}

std::string with(const std::string& key, const std::string& value_json) {
  json doc = json::parse(valid);
  doc[key] = json::parse(value_json);
  return doc.dump();
}

}  // namespace

TEST_CASE("fast reader: a valid set is read exactly as the diagnosing reader reads it", "[fast-reader]") {
  FastAnswerParser fast(questionnaire());
  AnswerSet a;
  REQUIRE(fast.parse_object(valid, a));
  const auto slow = diagnosing_read(valid);
  REQUIRE(slow);
  check_same(a, *slow);
  CHECK(a.respondent.role == Role::leader);
  CHECK_FALSE(a.complete);
  CHECK(a.answers[0].value == 5);
  CHECK(a.answers[1].kind == AnswerValue::Kind::absent);
  CHECK(a.answers[2].kind == AnswerValue::Kind::not_applicable);

  // The AnswerSet is reused between lines: nothing of the last set stays.
  const std::string plain = R"({"format": "centric-answers/1", "questionnaire": {"id": "test-q", "version": "2"},
    "respondent": {"department": "hr"}, "answers": {"alpha.two": 1}})";
  REQUIRE(fast.parse_object(plain, a));
  check_same(a, *diagnosing_read(plain));
  CHECK_FALSE(a.respondent.id);
  CHECK(a.respondent.role == Role::none);
  CHECK(a.complete);
  CHECK_FALSE(a.submitted_at);
  CHECK(a.answers[0].kind == AnswerValue::Kind::absent);
}

TEST_CASE("fast reader: an array is read element by element, or declined as a whole", "[fast-reader]") {
  FastAnswerParser fast(questionnaire());
  std::vector<AnswerSet> sets;
  CHECK(fast.parse_document(valid, sets) == FastAnswerParser::Document::object);
  CHECK(sets.size() == 1);
  CHECK(fast.parse_document("[" + valid + ", " + valid + "]", sets) == FastAnswerParser::Document::array);
  CHECK(sets.size() == 2);
  CHECK(fast.parse_document("[]", sets) == FastAnswerParser::Document::array);
  CHECK(sets.empty());
  CHECK(fast.parse_document("[" + valid + ", 4]", sets) == FastAnswerParser::Document::declined);
  AnswerSet a;
  CHECK_FALSE(fast.parse_object("[" + valid + "]", a));
}

TEST_CASE("fast reader: whatever it does not accept as it is goes the diagnosing way", "[fast-reader]") {
  // Each is declined; the comment says whether the diagnosing reader then accepts it.
  const std::vector<std::string> declined = {
      with("answers", R"({"alpha.one": 4.0})"),                         // accepted there: 4.0 is 4
      with("answers", R"({"alpha.one": 6})"),                           // rejected: outside the scale
      with("answers", R"({"alpha.one": 0})"),                           // rejected
      with("answers", R"({"alpha.one": "4"})"),                         // rejected: a string
      with("answers", R"({"alpha.one": "NA"})"),                        // rejected
      with("answers", R"({"alpha.onee": 4})"),                          // rejected: unknown question
      with("answers", R"({"alpha.one": -0})"),                          // rejected
      with("answers", R"({"alpha.one": 99999999999999999999})"),        // rejected
      with("answers", "[]"),                                            // rejected
      with("extra", "1"),                                               // accepted there: unknown keys are ignored
      with("complete", "null"),                                         // rejected
      with("submitted_at", "5"),                                        // rejected
      with("format", R"("centric-answers/2")"),                         // rejected
      with("questionnaire", R"({"id": "other", "version": "2.0"})"),    // rejected
      with("questionnaire", R"({"id": "test-q", "version": "3.0"})"),   // rejected: major version
      with("respondent", R"({"department": ""})"),                      // rejected
      with("respondent", R"({"department": "a", "role": "manager"})"),  // rejected
      with("respondent", R"({"department": "a", "role": null})"),       // rejected
      with("respondent", R"({"department": "a", "id": 7})"),            // rejected
      with("respondent", R"({"department": "a\u0001b"})"),              // accepted there (an escape)
      with("respondent", R"({"id": "x"})"),                             // rejected: no department
      R"({"format": "centric-answers/1", "format": "centric-answers/1", "questionnaire": {"id": "test-q", "version": "2"},
          "respondent": {"department": "a"}, "answers": {}})",          // rejected: a key given twice
      R"({"format": "centric-answers/1", "questionnaire": {"id": "test-q", "version": "2"},
          "respondent": {"department": "a"}, "answers": {"alpha.one": 1, "alpha.one": 2}})",  // rejected
      R"({"format": "centric-answers/1", "questionnaire": {"id": "test-q", "version": "2"},
          "respondent": {"department": "a"}, "answers": {"beta.one": "\ud800"}})",  // rejected: lone surrogate
      R"({"format": "centric-answers/1", "questionnaire": {"id": "test-q", "version": "2"},
          "respondent": {"department": "\ud800"}, "answers": {}})",                 // rejected
      "\xEF\xBB\xBF" + valid,                                                       // accepted there, with a warning
      valid + " x",                                                                 // rejected: trailing text
      valid + valid,                                                                // rejected
      valid.substr(0, valid.size() - 1),                                            // rejected: cut short
      R"({"format": "centric-answers/1", "questionnaire": {"id": "test-q", "version": "2"},
          "respondent": {"department": "a	b"}, "answers": {}})",              // rejected: a raw tab in a string
      "",
      " ",
      "null",
      "{}",
      R"({"format": "centric-answers/1", "questionnaire": {"id": "test-q", "version": "2"},
          "respondent": {"department": "a", "department": "b"}, "answers": {}})",  // rejected: a key given twice
      valid + std::string(1, '\0') + valid,                                        // rejected: a NUL byte
      valid + std::string(1, '\0'),                                                // rejected
      [] {                                                                         // rejected: inside a string
        std::string text = valid;
        text.insert(text.find("centric-answers/1") + 3, 1, '\0');
        return text;
      }(),
  };
  FastAnswerParser fast(questionnaire());
  for (const auto& text : declined) {
    INFO(text);
    AnswerSet a;
    CHECK_FALSE(fast.parse_object(text, a));
    std::vector<AnswerSet> sets;
    CHECK(fast.parse_document(text, sets) == FastAnswerParser::Document::declined);
  }
  // The two readers' verdicts on some of them, so that the list above stays meaningful.
  CHECK(diagnosing_read(declined[0]));
  CHECK_FALSE(diagnosing_read(declined[1]));
  CHECK(diagnosing_read(declined[9]));
  CHECK_FALSE(diagnosing_read(declined[23]));
  CHECK_FALSE(diagnosing_read(declined[29]));
  // A key given twice and a NUL byte are rejected (issue 15): they were accepted, the last
  // value winning, or everything after the NUL byte dropped.
  for (std::size_t i : {std::size_t{21}, std::size_t{22}, declined.size() - 4, declined.size() - 3, declined.size() - 2,
                        declined.size() - 1}) {
    INFO(declined[i]);
    CHECK_FALSE(diagnosing_read(declined[i]));
  }
}

TEST_CASE("fast reader: every form of a valid set is read as the diagnosing reader reads it", "[fast-reader]") {
  // Every accepted variant of a valid set: orders of keys and answers, white space, escapes.
  const std::vector<std::string> accepted = {
      valid,
      R"({"answers": {"alpha.two": 2, "alpha.one": 3, "beta.one": 1}, "respondent": {"role": "employee",
         "department": "sal\u00e9s", "id": ""}, "questionnaire": {"version": "2", "id": "test-q"},
         "format": "centric-answers/1"})",
      "\t\r\n" + valid + "\r\n\t ",
      R"({"format":"centric-answers/1","questionnaire":{"id":"test-q","version":"2.0.0"},"respondent":{"department":"z\"q\\\/"},"answers":{}})",
  };
  FastAnswerParser fast(questionnaire());
  for (const auto& text : accepted) {
    INFO(text);
    AnswerSet a;
    REQUIRE(fast.parse_object(text, a));
    const auto slow = diagnosing_read(text);
    REQUIRE(slow);
    check_same(a, *slow);
  }
}

TEST_CASE("fast reader: a listed department's name is read as its id, as the diagnosing reader reads it",
          "[fast-reader]") {
  Questionnaire q = test::small_questionnaire("2.1.0");
  q.departments.push_back({"sales", {}});
  q.departments.back().name.by_language = {{"en", "Sales"}, {"pl", "Sprzedaż"}, {"ru", "Продажи"}};
  q.departments.push_back({"logistics", {}});
  q.departments.back().name.by_language = {{"en", "Logistics & warehouse"}, {"hu", "Logisztika és raktár"}};
  const AnswerSetReader diagnosing(q);
  FastAnswerParser fast(q);
  const auto set_of = [](const std::string& department) {
    json doc = json::parse(valid);
    doc["respondent"]["department"] = department;
    return doc.dump();
  };
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"sales", "sales"},
      {"Sales", "sales"},
      {" SPRZEDAŻ ", "sales"},
      {"продажи", "sales"},
      {"logistics & Warehouse ", "logistics"},
      {"LOGISZTIKA  ÉS RAKTÁR:", "logistics"},
      {"Logistics", "logistics"},
      {"Sprzedaz", "Sprzedaz"},  // close, not the same: kept, and warned about later
      {"legal", "legal"},
  };
  // Over and over, with many other departments between, so that the fast reader's memo
  // both hits and forgets.
  for (int round = 0; round < 3; ++round) {
    for (int other = 0; other < 100; ++other) {
      for (const auto& [written, reported] : cases) {
        INFO(written);
        const std::string text = set_of(written);
        AnswerSet a;
        REQUIRE(fast.parse_object(text, a));
        CHECK(a.respondent.department == reported);
        auto result = diagnosing.read(json::parse(text), "t.json");
        REQUIRE(std::holds_alternative<AnswerSet>(result));
        check_same(a, std::get<AnswerSet>(result));
      }
      AnswerSet a;
      REQUIRE(fast.parse_object(set_of("team " + std::to_string(other + 100 * round)), a));
      CHECK(a.respondent.department == "team " + std::to_string(other + 100 * round));
    }
  }
}
