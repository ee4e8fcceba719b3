// survey.md: the survey's logic without a terminal. SurveySession (which question is
// current, what a key does, when the file must be saved), KeyInterpreter (keypresses and
// lines into keys), the default file name, the respondent UUID, the language choice, the
// survey's texts in the message catalogues and the answers file written after every step.
#include <catch2/catch.hpp>

#include <fmt/args.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <string>
#include <variant>
#include <vector>

#include "centric/answers.hpp"
#include "centric/answers_io.hpp"
#include "centric/diagnostic.hpp"
#include "centric/language.hpp"
#include "centric/messages.hpp"
#include "centric/questionnaire.hpp"
#include "centric/questionnaire_io.hpp"
#include "centric/survey.hpp"

using namespace centric;
using nlohmann::json;

namespace {

// Five questions in two dimensions (a1 a2 a3 | b1 b2), scale min..max.
Questionnaire make_questionnaire(int min, int max, bool not_applicable) {
  json doc = json::parse(R"({
    "format": "centric-questionnaire/1",
    "id": "survey-q",
    "version": "2.1.0",
    "default_language": "en",
    "title": "Survey test",
    "levels": [{"level": 1, "min": 0, "name": "Low"}, {"level": 2, "min": 50, "name": "High"}],
    "dimensions": [
      {"id": "alpha", "name": "Alpha", "questions": [
        {"id": "a1", "text": "A one", "help": "Help for A one"},
        {"id": "a2", "text": "A two"},
        {"id": "a3", "text": "A three"}]},
      {"id": "beta", "name": "Beta", "questions": [
        {"id": "b1", "text": "B one"},
        {"id": "b2", "text": "B two"}]}
    ]
  })");
  doc["scale"] = {{"min", min}, {"max", max}, {"not_applicable", not_applicable}};
  auto load = read_questionnaire(doc.dump(), "q.json");
  INFO("the test questionnaire must load");
  REQUIRE(load.ok());
  return *load.questionnaire;
}

const Questionnaire& five_point() {
  static const Questionnaire q = make_questionnaire(1, 5, true);
  return q;
}

const Questionnaire& five_point_without_na() {
  static const Questionnaire q = make_questionnaire(1, 5, false);
  return q;
}

const Questionnaire& eleven_point() {
  static const Questionnaire q = make_questionnaire(0, 10, true);
  return q;
}

const Questionnaire& negative_scale() {
  static const Questionnaire q = make_questionnaire(-5, 5, false);
  return q;
}

AnswerSet fresh_answers(const Questionnaire& q) {
  AnswerSet a;
  a.questionnaire_id = q.id;
  a.questionnaire_version = q.version;
  a.respondent.id = "r-1";
  a.respondent.department = "sales";
  a.respondent.role = Role::employee;
  a.complete = false;
  return a;
}

// A partial answer set with the given answers (one per question, in order).
AnswerSet partial_answers(const Questionnaire& q, std::vector<AnswerValue> values) {
  AnswerSet a = fresh_answers(q);
  a.answers = std::move(values);
  return a;
}

Key value(int v) { return {Key::Kind::value, v, std::to_string(v)}; }
Key kind(Key::Kind k) { return {k, 0, ""}; }
Key invalid(const std::string& text) { return {Key::Kind::invalid, 0, text}; }

const AnswerValue absent = AnswerValue::skipped();

// The survey's words in English; the session's messages in another language are tested below.
const Messages& en = Messages::built_in("en");

bool same(const AnswerValue& a, const AnswerValue& b) {
  return a.kind == b.kind && (a.kind != AnswerValue::Kind::value || a.value == b.value);
}

std::string shown(const AnswerValue& a) {
  switch (a.kind) {
    case AnswerValue::Kind::absent:
      return "absent";
    case AnswerValue::Kind::not_applicable:
      return "na";
    case AnswerValue::Kind::dont_know:
      return "dk";
    case AnswerValue::Kind::value:
      return std::to_string(a.value);
  }
  return "?";
}

void check_answers(const SurveySession& s, const std::vector<AnswerValue>& expected) {
  const auto& got = s.answers().answers;
  REQUIRE(got.size() == expected.size());
  for (std::size_t i = 0; i < expected.size(); ++i) {
    INFO("question " << i << ": got " << shown(got[i]) << ", expected " << shown(expected[i]));
    CHECK(same(got[i], expected[i]));
  }
}

using Outcome = SurveySession::Outcome;

}  // namespace

// ---------------------------------------------------------------------------------------
// SurveySession

TEST_CASE("survey session: starts on the first question with nothing answered", "[survey][session]") {
  SurveySession s(five_point(), fresh_answers(five_point()), en);
  CHECK_FALSE(s.finished());
  CHECK(s.position() == 0);
  CHECK(s.total() == 5);
  CHECK(s.question().id == "a1");
  CHECK(s.dimension().id == "alpha");
  CHECK(s.given_count() == 0);
  CHECK_FALSE(s.current_answer().given());
  CHECK(s.message().empty());
  // The respondent travels with the answers.
  CHECK(s.answers().respondent.department == "sales");
  CHECK(s.answers().respondent.role == Role::employee);
  CHECK(s.answers().respondent.id == std::optional<std::string>("r-1"));
  check_answers(s, {absent, absent, absent, absent, absent});
}

TEST_CASE("survey session: an answer is recorded, saved and moves on", "[survey][session]") {
  SurveySession s(five_point(), fresh_answers(five_point()), en);
  const auto step = s.press(value(4));
  CHECK(step.outcome == Outcome::moved);
  CHECK(step.save);
  CHECK(s.position() == 1);
  CHECK(s.question().id == "a2");
  CHECK(s.given_count() == 1);
  CHECK(s.message().empty());
  check_answers(s, {AnswerValue::of(4), absent, absent, absent, absent});
  // The dimension follows the question.
  s.press(value(1));
  s.press(value(5));
  CHECK(s.question().id == "b1");
  CHECK(s.dimension().id == "beta");
  check_answers(s, {AnswerValue::of(4), AnswerValue::of(1), AnswerValue::of(5), absent, absent});
}

TEST_CASE("survey session: n records \"na\" where the scale allows it", "[survey][session]") {
  SurveySession s(five_point(), fresh_answers(five_point()), en);
  const auto step = s.press(kind(Key::Kind::not_applicable));
  CHECK(step.outcome == Outcome::moved);
  CHECK(step.save);
  CHECK(s.position() == 1);
  CHECK(s.given_count() == 1);
  check_answers(s, {AnswerValue::na(), absent, absent, absent, absent});
}

TEST_CASE("survey session: n is refused with a message when the scale has no N/A", "[survey][session]") {
  SurveySession s(five_point_without_na(), fresh_answers(five_point_without_na()), en);
  const auto step = s.press(kind(Key::Kind::not_applicable));
  CHECK(step.outcome == Outcome::stayed);
  CHECK_FALSE(step.save);
  CHECK(s.position() == 0);
  CHECK_FALSE(s.message().empty());
  CHECK(s.given_count() == 0);
  check_answers(s, {absent, absent, absent, absent, absent});
  // The message goes away with the next key that does something.
  CHECK(s.press(value(2)).outcome == Outcome::moved);
  CHECK(s.message().empty());
}

TEST_CASE("survey session: b goes back and the earlier answer is still there", "[survey][session]") {
  SurveySession s(five_point(), fresh_answers(five_point()), en);
  s.press(value(3));
  s.press(kind(Key::Kind::not_applicable));
  REQUIRE(s.position() == 2);
  auto step = s.press(kind(Key::Kind::back));
  CHECK(step.outcome == Outcome::moved);
  CHECK_FALSE(step.save);
  CHECK(s.position() == 1);
  CHECK(s.current_answer().kind == AnswerValue::Kind::not_applicable);
  step = s.press(kind(Key::Kind::back));
  CHECK(step.outcome == Outcome::moved);
  CHECK(s.position() == 0);
  CHECK(s.current_answer().answered());
  CHECK(s.current_answer().value == 3);
  // Going back changes nothing.
  check_answers(s, {AnswerValue::of(3), AnswerValue::na(), absent, absent, absent});
  CHECK(s.given_count() == 2);
}

TEST_CASE("survey session: b on the first question stays there with a message", "[survey][session]") {
  SurveySession s(five_point(), fresh_answers(five_point()), en);
  const auto step = s.press(kind(Key::Kind::back));
  CHECK(step.outcome == Outcome::stayed);
  CHECK_FALSE(step.save);
  CHECK(s.position() == 0);
  CHECK_FALSE(s.message().empty());
  CHECK_FALSE(s.finished());
}

TEST_CASE("survey session: s skips, leaving an unanswered question unanswered", "[survey][session]") {
  SurveySession s(five_point(), fresh_answers(five_point()), en);
  const auto step = s.press(kind(Key::Kind::skip));
  CHECK(step.outcome == Outcome::moved);
  CHECK(step.save);
  CHECK(s.position() == 1);
  CHECK(s.given_count() == 0);
  check_answers(s, {absent, absent, absent, absent, absent});
}

TEST_CASE("survey session: s on an answered question keeps the answer and moves on", "[survey][session]") {
  SurveySession s(five_point(), fresh_answers(five_point()), en);
  s.press(value(2));
  s.press(kind(Key::Kind::back));
  REQUIRE(s.position() == 0);
  const auto step = s.press(kind(Key::Kind::skip));
  CHECK(step.outcome == Outcome::moved);
  CHECK(step.save);
  CHECK(s.position() == 1);
  check_answers(s, {AnswerValue::of(2), absent, absent, absent, absent});
}

TEST_CASE("survey session: Enter keeps an earlier answer and moves on", "[survey][session]") {
  SurveySession s(five_point(), fresh_answers(five_point()), en);
  s.press(value(5));
  s.press(kind(Key::Kind::not_applicable));
  s.press(kind(Key::Kind::back));
  s.press(kind(Key::Kind::back));
  REQUIRE(s.position() == 0);
  auto step = s.press(kind(Key::Kind::enter));
  CHECK(step.outcome == Outcome::moved);
  CHECK(step.save);
  CHECK(s.position() == 1);
  step = s.press(kind(Key::Kind::enter));
  CHECK(step.outcome == Outcome::moved);
  CHECK(s.position() == 2);
  check_answers(s, {AnswerValue::of(5), AnswerValue::na(), absent, absent, absent});
}

TEST_CASE("survey session: Enter on an unanswered question skips it", "[survey][session]") {
  SurveySession s(five_point(), fresh_answers(five_point()), en);
  const auto step = s.press(kind(Key::Kind::enter));
  CHECK(step.outcome == Outcome::moved);
  CHECK(step.save);
  CHECK(s.position() == 1);
  CHECK(s.given_count() == 0);
  check_answers(s, {absent, absent, absent, absent, absent});
}

TEST_CASE("survey session: a changed answer replaces the earlier one", "[survey][session]") {
  SurveySession s(five_point(), fresh_answers(five_point()), en);
  s.press(value(2));
  s.press(kind(Key::Kind::back));
  const auto step = s.press(value(4));
  CHECK(step.outcome == Outcome::moved);
  CHECK(step.save);
  CHECK(s.position() == 1);
  check_answers(s, {AnswerValue::of(4), absent, absent, absent, absent});
  CHECK(s.given_count() == 1);
}

TEST_CASE("survey session: ? asks for the help, nothing else changes", "[survey][session]") {
  SurveySession s(five_point(), fresh_answers(five_point()), en);
  const auto step = s.press(kind(Key::Kind::help));
  CHECK(step.outcome == Outcome::help);
  CHECK_FALSE(step.save);
  CHECK(s.position() == 0);
  CHECK(s.question().id == "a1");
  CHECK(s.given_count() == 0);
}

TEST_CASE("survey session: q quits and asks for a save", "[survey][session]") {
  SurveySession s(five_point(), fresh_answers(five_point()), en);
  s.press(value(3));
  const auto step = s.press(kind(Key::Kind::quit));
  CHECK(step.outcome == Outcome::quit);
  CHECK(step.save);
  CHECK_FALSE(s.finished());
  CHECK(s.position() == 1);
  check_answers(s, {AnswerValue::of(3), absent, absent, absent, absent});
}

TEST_CASE("survey session: Ctrl-C as a key quits and asks for a save", "[survey][session]") {
  SurveySession s(five_point(), fresh_answers(five_point()), en);
  s.press(value(3));
  const auto step = s.press(kind(Key::Kind::interrupt));
  CHECK(step.outcome == Outcome::quit);
  CHECK(step.save);
  check_answers(s, {AnswerValue::of(3), absent, absent, absent, absent});
}

TEST_CASE("survey session: a line that is no answer lists the tokens the questionnaire allows", "[survey][session]") {
  using Input = SurveySession::Input;
  {
    SurveySession s(five_point(), fresh_answers(five_point()), en, Input::lines);
    const auto step = s.press(invalid("yes"));
    CHECK(step.outcome == Outcome::stayed);
    CHECK_FALSE(step.save);
    CHECK(s.position() == 0);
    // Not applicable is allowed, don't know is not; nothing answered yet: an empty line skips.
    CHECK(s.message() ==
          "\"yes\" is not an answer here: type 1\u20135, n (not applicable), b (back), s (skip), ? (help), "
          "q (save and quit), or an empty line to skip the question");
    // Answered, then back to it: an empty line keeps the answer.
    s.press(value(4));
    s.press(kind(Key::Kind::back));
    s.press(invalid("x"));
    CHECK(s.message() ==
          "\"x\" is not an answer here: type 1\u20135, n (not applicable), b (back), s (skip), ? (help), "
          "q (save and quit), or an empty line to keep the answer");
  }
  {
    Questionnaire q = make_questionnaire(0, 10, false);
    q.scale.dont_know = true;
    SurveySession s(q, fresh_answers(q), en, Input::lines);
    s.press(invalid("maybe"));
    CHECK(s.message() ==
          "\"maybe\" is not an answer here: type 0\u201310, d (don't know), b (back), s (skip), ? (help), "
          "q (save and quit), or an empty line to skip the question");
  }
  {
    // Keys from a terminal: the short message of a keypress.
    SurveySession s(five_point(), fresh_answers(five_point()), en, Input::keys);
    s.press(invalid("x"));
    CHECK(s.message() == "Unknown key: x");
  }
}

TEST_CASE("survey session: a value outside the scale stays with a message", "[survey][session]") {
  SurveySession s(five_point(), fresh_answers(five_point()), en);
  for (int v : {0, 6, 9, -1, 100}) {
    INFO("value " << v);
    const auto step = s.press(value(v));
    CHECK(step.outcome == Outcome::stayed);
    CHECK_FALSE(step.save);
    CHECK(s.position() == 0);
    CHECK_FALSE(s.message().empty());
    CHECK(s.given_count() == 0);
  }
  // The ends of the scale are fine.
  CHECK(s.press(value(1)).outcome == Outcome::moved);
  CHECK(s.press(value(5)).outcome == Outcome::moved);
  check_answers(s, {AnswerValue::of(1), AnswerValue::of(5), absent, absent, absent});
}

TEST_CASE("survey session: an invalid key stays with a message naming it", "[survey][session]") {
  SurveySession s(five_point(), fresh_answers(five_point()), en);
  const auto step = s.press(invalid("x"));
  CHECK(step.outcome == Outcome::stayed);
  CHECK_FALSE(step.save);
  CHECK(s.position() == 0);
  CHECK(s.message().find('x') != std::string::npos);
}

TEST_CASE("survey session: save is asked for exactly after answer, skip, N/A, Enter and quit", "[survey][session]") {
  SurveySession s(five_point(), fresh_answers(five_point()), en);
  CHECK(s.press(value(3)).save);                         // a1 -> a2
  CHECK(s.press(kind(Key::Kind::not_applicable)).save);  // a2 -> a3
  CHECK(s.press(kind(Key::Kind::skip)).save);            // a3 -> b1
  CHECK_FALSE(s.press(kind(Key::Kind::back)).save);      // b1 -> a3
  CHECK(s.press(kind(Key::Kind::enter)).save);           // a3 -> b1
  CHECK_FALSE(s.press(kind(Key::Kind::help)).save);      // stays
  CHECK_FALSE(s.press(invalid("z")).save);               // stays
  CHECK_FALSE(s.press(value(7)).save);                   // out of range
  CHECK(s.press(kind(Key::Kind::quit)).save);
}

TEST_CASE("survey session: passing the last question finishes", "[survey][session]") {
  SurveySession s(five_point(), fresh_answers(five_point()), en);
  for (int i = 0; i < 4; ++i) REQUIRE(s.press(value(i + 1)).outcome == Outcome::moved);
  CHECK(s.question().id == "b2");
  const auto step = s.press(kind(Key::Kind::skip));
  CHECK(step.outcome == Outcome::finished);
  CHECK(step.save);
  CHECK(s.finished());
  check_answers(s, {AnswerValue::of(1), AnswerValue::of(2), AnswerValue::of(3), AnswerValue::of(4), absent});
  CHECK(s.given_count() == 4);
  // Nothing happens after the end.
  const auto after = s.press(value(3));
  CHECK(after.outcome == Outcome::finished);
  CHECK_FALSE(after.save);
  check_answers(s, {AnswerValue::of(1), AnswerValue::of(2), AnswerValue::of(3), AnswerValue::of(4), absent});
}

TEST_CASE("survey session: answering the last question finishes too", "[survey][session]") {
  SurveySession s(five_point(), fresh_answers(five_point()), en);
  for (int i = 0; i < 4; ++i) s.press(kind(Key::Kind::skip));
  const auto step = s.press(kind(Key::Kind::not_applicable));
  CHECK(step.outcome == Outcome::finished);
  CHECK(step.save);
  CHECK(s.finished());
  check_answers(s, {absent, absent, absent, absent, AnswerValue::na()});
}

TEST_CASE("survey session: resuming starts at the first unanswered question", "[survey][session][resume]") {
  SurveySession s(
      five_point(),
      partial_answers(five_point(), {AnswerValue::of(2), AnswerValue::na(), absent, AnswerValue::of(5), absent}), en);
  CHECK_FALSE(s.finished());
  CHECK(s.position() == 2);
  CHECK(s.question().id == "a3");
  CHECK(s.given_count() == 3);
}

TEST_CASE("survey session: resuming, moving on skips questions answered before", "[survey][session][resume]") {
  SurveySession s(
      five_point(),
      partial_answers(five_point(), {AnswerValue::of(2), AnswerValue::na(), absent, AnswerValue::of(5), absent}), en);
  REQUIRE(s.position() == 2);
  auto step = s.press(value(1));
  CHECK(step.outcome == Outcome::moved);
  CHECK(s.position() == 4);  // b1 (index 3) was answered before the session
  CHECK(s.question().id == "b2");
  step = s.press(value(3));
  CHECK(step.outcome == Outcome::finished);
  CHECK(s.finished());
  check_answers(s, {AnswerValue::of(2), AnswerValue::na(), AnswerValue::of(1), AnswerValue::of(5), AnswerValue::of(3)});
  CHECK(s.given_count() == 5);
}

TEST_CASE("survey session: resuming, b still steps back onto earlier answers", "[survey][session][resume]") {
  SurveySession s(
      five_point(),
      partial_answers(five_point(), {AnswerValue::of(2), AnswerValue::na(), absent, AnswerValue::of(5), absent}), en);
  REQUIRE(s.position() == 2);
  auto step = s.press(kind(Key::Kind::back));
  CHECK(step.outcome == Outcome::moved);
  CHECK(s.position() == 1);
  CHECK(s.current_answer().kind == AnswerValue::Kind::not_applicable);
  step = s.press(kind(Key::Kind::back));
  CHECK(s.position() == 0);
  CHECK(s.current_answer().answered());
  CHECK(s.current_answer().value == 2);
  CHECK(s.press(kind(Key::Kind::back)).outcome == Outcome::stayed);  // the first question
  // Changing an answer given before the session, then on to the next unanswered one.
  step = s.press(value(4));
  CHECK(step.outcome == Outcome::moved);
  CHECK(step.save);
  CHECK(s.position() == 2);
  // Stepping back from b2 reaches b1, answered before; Enter keeps it and goes to b2.
  s.press(kind(Key::Kind::skip));
  REQUIRE(s.position() == 4);
  s.press(kind(Key::Kind::back));
  CHECK(s.position() == 3);
  CHECK(s.current_answer().value == 5);
  s.press(kind(Key::Kind::enter));
  CHECK(s.position() == 4);
  check_answers(s, {AnswerValue::of(4), AnswerValue::na(), absent, AnswerValue::of(5), absent});
}

TEST_CASE("survey session: resuming a partial set with every question answered finishes at once",
          "[survey][session][resume]") {
  SurveySession s(five_point(),
                  partial_answers(five_point(), {AnswerValue::of(1), AnswerValue::of(2), AnswerValue::na(),
                                                 AnswerValue::of(4), AnswerValue::of(5)}),
                  en);
  CHECK(s.finished());
  CHECK(s.given_count() == 5);
  const auto step = s.press(value(3));
  CHECK(step.outcome == Outcome::finished);
  CHECK_FALSE(step.save);
  check_answers(s, {AnswerValue::of(1), AnswerValue::of(2), AnswerValue::na(), AnswerValue::of(4), AnswerValue::of(5)});
}

TEST_CASE("survey session: given_count counts values and \"na\", not skipped questions", "[survey][session]") {
  SurveySession s(five_point(), fresh_answers(five_point()), en);
  s.press(value(1));
  s.press(kind(Key::Kind::not_applicable));
  s.press(kind(Key::Kind::skip));
  s.press(kind(Key::Kind::enter));
  CHECK(s.given_count() == 2);
  s.press(kind(Key::Kind::not_applicable));
  CHECK(s.finished());
  CHECK(s.given_count() == 3);
}

TEST_CASE("survey session: an 11-point scale takes 0 and 10", "[survey][session]") {
  SurveySession s(eleven_point(), fresh_answers(eleven_point()), en);
  CHECK(s.press(value(0)).outcome == Outcome::moved);
  CHECK(s.press(value(10)).outcome == Outcome::moved);
  CHECK(s.press(value(11)).outcome == Outcome::stayed);
  CHECK_FALSE(s.message().empty());
  check_answers(s, {AnswerValue::of(0), AnswerValue::of(10), absent, absent, absent});
}

TEST_CASE("survey session: its messages come from the catalogue it is given, English where that lacks one",
          "[survey][session][messages]") {
  const std::string document = R"({"format": "centric-messages/1", "language": "xx", "messages": {
    "survey.invalid.first_question": "XX first",
    "survey.invalid.out_of_range": "XX {min}..{max}",
    "survey.invalid.unknown_key_typed": "XX key {key}"}})";
  auto parsed = Messages::parse("xx", {document}, &en);
  REQUIRE(std::holds_alternative<Messages>(parsed));
  const Messages& xx = std::get<Messages>(parsed);
  SurveySession s(five_point_without_na(), fresh_answers(five_point_without_na()), xx);
  s.press(kind(Key::Kind::back));
  CHECK(s.message() == "XX first");
  s.press(value(7));
  CHECK(s.message() == "XX 1..5");
  s.press(invalid("x"));
  CHECK(s.message() == "XX key x");
  s.press(kind(Key::Kind::not_applicable));
  CHECK(s.message() == "This questionnaire has no \"not applicable\" answer.");
}

TEST_CASE("survey messages: every survey and result text has only places the survey fills", "[survey][messages]") {
  // The names the survey and its result put in their texts. A place the code does not fill
  // (a typo, {fle}) fails here rather than on a respondent's screen; that each translation
  // has the same places as English is checked with every catalogue (test_messages.cpp).
  fmt::dynamic_format_arg_store<fmt::format_context> args;
  for (const char* name : {"n", "first", "last", "min", "max", "answered", "total", "leader_number", "employee_number"})
    args.push_back(fmt::arg(name, 7));
  for (const char* name : {"leader_letter", "employee_letter", "leader_word", "employee_word", "key", "answer", "file",
                           "command", "score", "level", "token", "typed", "tokens", "empty_line"})
    args.push_back(fmt::arg(name, std::string("x")));
  std::size_t checked = 0;
  for (const auto& [key, forms] : en.entries()) {
    if (key.rfind("survey.", 0) != 0 && key.rfind("result.", 0) != 0) continue;
    for (const auto& [category, text] : forms) {
      INFO(key << " form \"" << category << "\": " << text);
      CHECK_NOTHROW(fmt::vformat(text, args));
      ++checked;
    }
  }
  CHECK(checked > 30);
}

// ---------------------------------------------------------------------------------------
// KeyInterpreter: keypresses on a terminal

namespace {

Key pressed(KeyInterpreter& keys, const std::string& bytes) {
  const auto k = keys.keypress(bytes);
  INFO("keypress " << json(bytes).dump() << " gave nothing");
  REQUIRE(k.has_value());
  return *k;
}

}  // namespace

TEST_CASE("keys: single digits answer on a 1..5 scale at once", "[survey][keys]") {
  KeyInterpreter keys(five_point().scale);
  for (int d = 1; d <= 5; ++d) {
    const Key k = pressed(keys, std::string(1, static_cast<char>('0' + d)));
    CHECK(k.kind == Key::Kind::value);
    CHECK(k.value == d);
  }
  // A digit outside the scale is still a value: the session says it is out of range.
  const Key nine = pressed(keys, "9");
  CHECK(nine.kind == Key::Kind::value);
  CHECK(nine.value == 9);
  CHECK(keys.typed().empty());
}

TEST_CASE("keys: letters n b s ? q", "[survey][keys]") {
  KeyInterpreter keys(five_point().scale);
  CHECK(pressed(keys, "n").kind == Key::Kind::not_applicable);
  CHECK(pressed(keys, "b").kind == Key::Kind::back);
  CHECK(pressed(keys, "s").kind == Key::Kind::skip);
  CHECK(pressed(keys, "?").kind == Key::Kind::help);
  CHECK(pressed(keys, "q").kind == Key::Kind::quit);
}

TEST_CASE("keys: arrow keys go back and skip", "[survey][keys]") {
  KeyInterpreter keys(five_point().scale);
  CHECK(pressed(keys, "\x1b[D").kind == Key::Kind::back);
  CHECK(pressed(keys, "\x1bOD").kind == Key::Kind::back);
  CHECK(pressed(keys, "\x1b[C").kind == Key::Kind::skip);
  CHECK(pressed(keys, "\x1bOC").kind == Key::Kind::skip);
}

TEST_CASE("keys: CR and LF are Enter", "[survey][keys]") {
  KeyInterpreter keys(five_point().scale);
  CHECK(pressed(keys, "\r").kind == Key::Kind::enter);
  CHECK(pressed(keys, "\n").kind == Key::Kind::enter);
}

TEST_CASE("keys: the byte 0x03 is Ctrl-C", "[survey][keys]") {
  KeyInterpreter keys(five_point().scale);
  CHECK(pressed(keys, "\x03").kind == Key::Kind::interrupt);
  KeyInterpreter typed(eleven_point().scale);
  CHECK_FALSE(typed.keypress("7").has_value());
  CHECK(pressed(typed, "\x03").kind == Key::Kind::interrupt);
}

TEST_CASE("keys: an unknown key is invalid and says what was typed", "[survey][keys]") {
  KeyInterpreter keys(five_point().scale);
  const Key x = pressed(keys, "x");
  CHECK(x.kind == Key::Kind::invalid);
  CHECK(x.text == "x");
  const Key up = pressed(keys, "\x1b[A");
  CHECK(up.kind == Key::Kind::invalid);
  CHECK_FALSE(up.text.empty());
  CHECK(up.text.find('\x1b') == std::string::npos);  // shown readably, not as raw escape
  const Key tab = pressed(keys, "\t");
  CHECK(tab.kind == Key::Kind::invalid);
  CHECK_FALSE(tab.text.empty());
  CHECK(tab.text.find('\t') == std::string::npos);
}

TEST_CASE("keys: on a 0..10 scale digits are collected until Enter", "[survey][keys]") {
  KeyInterpreter keys(eleven_point().scale);
  CHECK_FALSE(keys.keypress("1").has_value());
  CHECK(keys.typed() == "1");
  CHECK_FALSE(keys.keypress("0").has_value());
  CHECK(keys.typed() == "10");
  const Key ten = pressed(keys, "\r");
  CHECK(ten.kind == Key::Kind::value);
  CHECK(ten.value == 10);
  CHECK(keys.typed().empty());

  CHECK_FALSE(keys.keypress("0").has_value());
  const Key zero = pressed(keys, "\n");
  CHECK(zero.kind == Key::Kind::value);
  CHECK(zero.value == 0);

  // Enter with nothing typed is Enter.
  CHECK(pressed(keys, "\r").kind == Key::Kind::enter);
}

TEST_CASE("keys: on a 0..10 scale backspace deletes a typed digit", "[survey][keys]") {
  KeyInterpreter keys(eleven_point().scale);
  CHECK_FALSE(keys.keypress("1").has_value());
  CHECK_FALSE(keys.keypress("0").has_value());
  CHECK_FALSE(keys.keypress("\x7f").has_value());
  CHECK(keys.typed() == "1");
  const Key one = pressed(keys, "\r");
  CHECK(one.kind == Key::Kind::value);
  CHECK(one.value == 1);

  CHECK_FALSE(keys.keypress("8").has_value());
  CHECK_FALSE(keys.keypress("\x08").has_value());
  CHECK(keys.typed().empty());
  CHECK(pressed(keys, "\r").kind == Key::Kind::enter);
}

TEST_CASE("keys: on a 0..10 scale letters still act at once", "[survey][keys]") {
  KeyInterpreter keys(eleven_point().scale);
  CHECK(pressed(keys, "n").kind == Key::Kind::not_applicable);
  CHECK(pressed(keys, "b").kind == Key::Kind::back);
  CHECK(pressed(keys, "q").kind == Key::Kind::quit);
}

TEST_CASE("keys: on a scale below zero a lone minus and Enter is no crash", "[survey][keys]") {
  KeyInterpreter keys(negative_scale().scale);
  CHECK_FALSE(keys.keypress("-").has_value());
  CHECK_FALSE(keys.keypress("3").has_value());
  const Key minus_three = pressed(keys, "\r");
  CHECK(minus_three.kind == Key::Kind::value);
  CHECK(minus_three.value == -3);

  CHECK_FALSE(keys.keypress("-").has_value());
  std::optional<Key> k;
  REQUIRE_NOTHROW(k = keys.keypress("\r"));
  REQUIRE(k.has_value());
  CHECK(k->kind == Key::Kind::invalid);
  CHECK(keys.typed().empty());
  // And the session keeps the question with a message.
  SurveySession s(negative_scale(), fresh_answers(negative_scale()), en);
  CHECK(s.press(*k).outcome == Outcome::stayed);
  CHECK_FALSE(s.message().empty());
}

// ---------------------------------------------------------------------------------------
// KeyInterpreter: lines without a terminal

TEST_CASE("keys: lines from a pipe", "[survey][keys][lines]") {
  KeyInterpreter keys(five_point().scale);
  Key k = keys.line("4");
  CHECK(k.kind == Key::Kind::value);
  CHECK(k.value == 4);
  CHECK(keys.line("na").kind == Key::Kind::not_applicable);
  CHECK(keys.line("n").kind == Key::Kind::not_applicable);
  CHECK(keys.line("b").kind == Key::Kind::back);
  CHECK(keys.line("s").kind == Key::Kind::skip);
  CHECK(keys.line("q").kind == Key::Kind::quit);
  CHECK(keys.line("?").kind == Key::Kind::help);
  CHECK(keys.line("").kind == Key::Kind::enter);
  CHECK(keys.line("   ").kind == Key::Kind::enter);
  k = keys.line(" 3 ");
  CHECK(k.kind == Key::Kind::value);
  CHECK(k.value == 3);
  k = keys.line("2\r");  // a line from a Windows editor
  CHECK(k.kind == Key::Kind::value);
  CHECK(k.value == 2);
  k = keys.line("x");
  CHECK(k.kind == Key::Kind::invalid);
  CHECK(k.text == "x");
  k = keys.line("4 5");
  CHECK(k.kind == Key::Kind::invalid);
  // A number outside the scale is a value the session refuses.
  k = keys.line("7");
  CHECK(k.kind == Key::Kind::value);
  CHECK(k.value == 7);
  k = keys.line("123456789012345678901234567890");
  CHECK(k.kind == Key::Kind::value);
  CHECK((k.value < 1 || k.value > 5));
}

TEST_CASE("keys: lines on a 0..10 scale take the whole number", "[survey][keys][lines]") {
  KeyInterpreter keys(eleven_point().scale);
  Key k = keys.line("10");
  CHECK(k.kind == Key::Kind::value);
  CHECK(k.value == 10);
  k = keys.line("0");
  CHECK(k.kind == Key::Kind::value);
  CHECK(k.value == 0);
  k = keys.line("11");
  CHECK(k.kind == Key::Kind::value);
  CHECK(k.value == 11);
}

// ---------------------------------------------------------------------------------------
// The default file name and the respondent id

TEST_CASE("answers_file_name: department lower-cased, with the time", "[survey][file-name]") {
  CHECK(answers_file_name("Sales", "20261120T101500Z") == "answers-sales-20261120T101500Z.json");
  CHECK(answers_file_name("customer-service", "20261120T101500Z") == "answers-customer-service-20261120T101500Z.json");
  CHECK(answers_file_name("R_and.D-2", "20261120T101500Z") == "answers-r_and.d-2-20261120T101500Z.json");
}

TEST_CASE("answers_file_name: each code point outside [a-z0-9._-] is one '-'", "[survey][file-name]") {
  // ß ç ñ (not transliterated) are two bytes each in UTF-8 but one code point: one '-'
  // each; ' ' and '&' too.
  CHECK(answers_file_name("\xC3\x9F\xC3\xA7"
                          "d\xC3\xB1 R&D",
                          "20261120T101500Z") == "answers---d--r-d-20261120T101500Z.json");
  // Slashes never make a path.
  CHECK(answers_file_name("../etc/x", "T") == "answers-..-etc-x-T.json");
  // Three- and four-byte code points: one '-' each.
  CHECK(answers_file_name("\xE2\x82\xAC"
                          "1\xF0\x9F\x98\x80",
                          "T") == "answers--1--T.json");
}

TEST_CASE("answers_file_name: Polish, Hungarian and Russian letters are transliterated first", "[survey][file-name]") {
  CHECK(answers_file_name("Obsługa klienta VIP", "T") == "answers-obsluga-klienta-vip-T.json");
  CHECK(answers_file_name("Łódź R&D", "T") == "answers-lodz-r-d-T.json");
  CHECK(answers_file_name("Ügyfélszolgálat", "T") == "answers-ugyfelszolgalat-T.json");
  CHECK(answers_file_name("Отдел продаж", "20261207T125632Z") == "answers-otdel-prodazh-20261207T125632Z.json");
  CHECK(answers_file_name("ЩИТ-Юг", "T") == "answers-shchit-yug-T.json");
}

TEST_CASE("random_uuid: a version 4 UUID, different every time", "[survey][uuid]") {
  const std::regex uuid("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
  const std::string a = random_uuid();
  const std::string b = random_uuid();
  CHECK(a.size() == 36);
  CHECK(std::regex_match(a, uuid));
  CHECK(std::regex_match(b, uuid));
  CHECK(a != b);
}

// ---------------------------------------------------------------------------------------
// The language

namespace {

// Offers pl (the default), en and ru through its `languages` list; its title also has de,
// which the list does not claim.
Questionnaire listed_languages() {
  Questionnaire q;
  q.id = "lang-q";
  q.version = "1.0.0";
  q.default_language = "pl";
  q.languages = {"pl", "en", "ru"};
  q.title.by_language = {{"pl", "Ankieta"}, {"en", "Survey"}, {"ru", "Opros"}, {"de", "Umfrage"}};
  return q;
}

// No `languages` list: the title's languages count (en, the default, and de).
Questionnaire title_languages() {
  Questionnaire q;
  q.id = "lang-q";
  q.version = "1.0.0";
  q.default_language = "en";
  q.title.by_language = {{"en", "Survey"}, {"de", "Umfrage"}};
  return q;
}

LanguageChoice env(std::optional<std::string> lc_all, std::optional<std::string> lc_messages,
                   std::optional<std::string> lang) {
  return {std::nullopt, std::move(lc_all), std::move(lc_messages), std::move(lang)};
}

}  // namespace

TEST_CASE("choose_language: --lang wins when offered, and is refused when not", "[survey][language]") {
  const Questionnaire q = listed_languages();
  LanguageChoice c = env("pl_PL.UTF-8", std::nullopt, "en_US.UTF-8");
  c.flag = "ru";
  CHECK(choose_language(q, c) == std::optional<std::string>("ru"));
  c.flag = "xx";
  CHECK(choose_language(q, c) == std::nullopt);
  c.flag = "de";  // in the title, but the list does not claim it
  CHECK(choose_language(q, c) == std::nullopt);
  c.flag = "de";
  CHECK(choose_language(title_languages(), c) == std::optional<std::string>("de"));
}

TEST_CASE("choose_language: nothing set gives the default language", "[survey][language]") {
  CHECK(choose_language(listed_languages(), env(std::nullopt, std::nullopt, std::nullopt)) ==
        std::optional<std::string>("pl"));
}

TEST_CASE("choose_language: LANG=ru_RU.UTF-8 picks ru when offered", "[survey][language]") {
  CHECK(choose_language(listed_languages(), env(std::nullopt, std::nullopt, "ru_RU.UTF-8")) ==
        std::optional<std::string>("ru"));
  CHECK(choose_language(listed_languages(), env(std::nullopt, std::nullopt, "ru")) == std::optional<std::string>("ru"));
  CHECK(choose_language(listed_languages(), env(std::nullopt, std::nullopt, "ru_RU@euro")) ==
        std::optional<std::string>("ru"));
  CHECK(choose_language(listed_languages(), env(std::nullopt, std::nullopt, "en.UTF-8")) ==
        std::optional<std::string>("en"));
}

TEST_CASE("choose_language: LC_ALL beats LC_MESSAGES, which beats LANG", "[survey][language]") {
  const Questionnaire q = listed_languages();
  CHECK(choose_language(q, env("en_GB.UTF-8", std::nullopt, "ru_RU.UTF-8")) == std::optional<std::string>("en"));
  CHECK(choose_language(q, env("ru_RU.UTF-8", "en_GB.UTF-8", "pl_PL.UTF-8")) == std::optional<std::string>("ru"));
  CHECK(choose_language(q, env(std::nullopt, "en_GB.UTF-8", "ru_RU.UTF-8")) == std::optional<std::string>("en"));
}

TEST_CASE("choose_language: C and POSIX select the default and stop the search", "[survey][language]") {
  const Questionnaire q = listed_languages();
  CHECK(choose_language(q, env("C", std::nullopt, "ru_RU.UTF-8")) == std::optional<std::string>("pl"));
  CHECK(choose_language(q, env("C.UTF-8", std::nullopt, "en_US.UTF-8")) == std::optional<std::string>("pl"));
  CHECK(choose_language(q, env("POSIX", "ru_RU.UTF-8", std::nullopt)) == std::optional<std::string>("pl"));
  CHECK(choose_language(q, env(std::nullopt, "C", "en_US.UTF-8")) == std::optional<std::string>("pl"));
  // With the default not "pl", LC_ALL=C really means the default, not any later variable.
  Questionnaire en_default = listed_languages();
  en_default.default_language = "en";
  CHECK(choose_language(en_default, env("C", std::nullopt, "pl_PL.UTF-8")) == std::optional<std::string>("en"));
}

TEST_CASE("choose_language: an unoffered first variable gives the default, not the next variable",
          "[survey][language]") {
  const Questionnaire q = listed_languages();
  CHECK(choose_language(q, env("de_DE.UTF-8", std::nullopt, "ru_RU.UTF-8")) == std::optional<std::string>("pl"));
  CHECK(choose_language(q, env(std::nullopt, "fr_FR.UTF-8", "en_US.UTF-8")) == std::optional<std::string>("pl"));
}

TEST_CASE("choose_language: empty variables are skipped", "[survey][language]") {
  const Questionnaire q = listed_languages();
  CHECK(choose_language(q, env("", "", "ru_RU.UTF-8")) == std::optional<std::string>("ru"));
  CHECK(choose_language(q, env("", "en_US.UTF-8", "ru_RU.UTF-8")) == std::optional<std::string>("en"));
  CHECK(choose_language(q, env("", "", "")) == std::optional<std::string>("pl"));
}

TEST_CASE("choose_language: the languages list, else the title's languages", "[survey][language]") {
  // The list is what counts when present: de is in the title but not in the list.
  CHECK(choose_language(listed_languages(), env(std::nullopt, std::nullopt, "de_DE.UTF-8")) ==
        std::optional<std::string>("pl"));
  // Without the list, the title's languages.
  CHECK(choose_language(title_languages(), env(std::nullopt, std::nullopt, "de_DE.UTF-8")) ==
        std::optional<std::string>("de"));
  CHECK(choose_language(title_languages(), env(std::nullopt, std::nullopt, "ru_RU.UTF-8")) ==
        std::optional<std::string>("en"));
  CHECK(offers_language(listed_languages(), "ru"));
  CHECK_FALSE(offers_language(listed_languages(), "de"));
  CHECK(offers_language(title_languages(), "de"));
  CHECK_FALSE(offers_language(title_languages(), "ru"));
}

TEST_CASE("locale_language: the part before _ . or @", "[survey][language]") {
  CHECK(locale_language("pl_PL.UTF-8") == "pl");
  CHECK(locale_language("ru_RU@euro") == "ru");
  CHECK(locale_language("hu.UTF-8") == "hu");
  CHECK(locale_language("C") == "C");
}

// ---------------------------------------------------------------------------------------
// The answers file the survey writes

namespace {

AnswerSet read_back(const Questionnaire& q, const std::string& text) {
  const json doc = json::parse(text);
  auto r = AnswerSetReader(q).read(doc, "written.json");
  if (auto* problems = std::get_if<std::vector<Diagnostic>>(&r)) {
    std::string listing;
    for (const auto& p : *problems) listing += format_for_stderr(p) + "\n";
    FAIL("the written answers were rejected:\n" << listing << text);
  }
  return std::get<AnswerSet>(r);
}

}  // namespace

TEST_CASE("write_answer_set: a complete set reads back the same", "[survey][writer]") {
  const Questionnaire& q = five_point();
  AnswerSet a = fresh_answers(q);
  a.respondent.id = "r-9";
  a.respondent.department =
      "\xC5\x81\xC3\xB3"
      "d\xC5\xBA R&D";
  a.respondent.role = Role::leader;
  a.complete = true;
  a.submitted_at = "2026-11-20T10:15:00Z";
  a.answers = {AnswerValue::of(4), AnswerValue::na(), absent, AnswerValue::of(1), AnswerValue::of(5)};
  const std::string text = write_answer_set(q, a);
  CHECK(text.back() == '\n');

  const json doc = json::parse(text);
  CHECK(doc["format"] == "centric-answers/1");
  CHECK(doc["questionnaire"] == json({{"id", "survey-q"}, {"version", "2.1.0"}}));
  CHECK(doc["complete"] == true);
  CHECK(doc["submitted_at"] == "2026-11-20T10:15:00Z");
  CHECK(doc["answers"] == json({{"a1", 4}, {"a2", "na"}, {"b1", 1}, {"b2", 5}}));  // a3 skipped: absent

  const AnswerSet back = read_back(q, text);
  CHECK(back.questionnaire_id == "survey-q");
  CHECK(back.questionnaire_version == "2.1.0");
  CHECK(back.respondent.id == std::optional<std::string>("r-9"));
  CHECK(back.respondent.department == a.respondent.department);
  CHECK(back.respondent.role == Role::leader);
  CHECK(back.complete);
  CHECK(back.submitted_at == std::optional<std::string>("2026-11-20T10:15:00Z"));
  REQUIRE(back.answers.size() == a.answers.size());
  for (std::size_t i = 0; i < a.answers.size(); ++i) {
    INFO("question " << i);
    CHECK(same(back.answers[i], a.answers[i]));
  }
}

TEST_CASE("write_answer_set: a partial set says complete false, with no submitted_at", "[survey][writer]") {
  const Questionnaire& q = five_point();
  AnswerSet a = fresh_answers(q);
  a.respondent.role = Role::employee;
  a.complete = false;
  a.answers = {absent, AnswerValue::of(3), absent, absent, AnswerValue::na()};
  const std::string text = write_answer_set(q, a);
  const json doc = json::parse(text);
  CHECK(doc["complete"] == false);
  CHECK_FALSE(doc.contains("submitted_at"));
  CHECK(doc["answers"] == json({{"a2", 3}, {"b2", "na"}}));
  CHECK(doc["respondent"]["role"] == "employee");

  const AnswerSet back = read_back(q, text);
  CHECK_FALSE(back.complete);
  CHECK_FALSE(back.submitted_at.has_value());
  CHECK(back.respondent.role == Role::employee);
  for (std::size_t i = 0; i < a.answers.size(); ++i) {
    INFO("question " << i);
    CHECK(same(back.answers[i], a.answers[i]));
  }
}

TEST_CASE("write_answer_set: no role and no id are left out, no answers is an empty object", "[survey][writer]") {
  const Questionnaire& q = five_point();
  AnswerSet a = fresh_answers(q);
  a.respondent.id.reset();
  a.respondent.role = Role::none;
  a.complete = false;
  a.answers.assign(5, absent);
  const json doc = json::parse(write_answer_set(q, a));
  CHECK_FALSE(doc["respondent"].contains("id"));
  CHECK_FALSE(doc["respondent"].contains("role"));
  CHECK(doc["respondent"]["department"] == "sales");
  CHECK(doc["answers"] == json::object());
  const AnswerSet back = read_back(q, doc.dump());
  CHECK(back.respondent.role == Role::none);
  CHECK_FALSE(back.respondent.id.has_value());
}

TEST_CASE("write_answer_set: what a session holds after each step reads back the same", "[survey][writer]") {
  const Questionnaire& q = five_point();
  SurveySession s(q, fresh_answers(q), en);
  const std::vector<Key> keys{value(2), kind(Key::Kind::not_applicable), kind(Key::Kind::skip), kind(Key::Kind::back),
                              value(5), kind(Key::Kind::enter)};
  for (const auto& k : keys) {
    const auto step = s.press(k);
    if (!step.save) continue;
    const AnswerSet back = read_back(q, write_answer_set(q, s.answers()));
    CHECK_FALSE(back.complete);
    REQUIRE(back.answers.size() == s.answers().answers.size());
    for (std::size_t i = 0; i < back.answers.size(); ++i) CHECK(same(back.answers[i], s.answers().answers[i]));
  }
  check_answers(s, {AnswerValue::of(2), AnswerValue::na(), AnswerValue::of(5), absent, absent});
}
