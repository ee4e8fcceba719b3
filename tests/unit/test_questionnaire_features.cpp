// Optional questionnaire features (formats.md §1-§3): the answer "dk" (don't know),
// questions asked of leaders only, a level's description per dimension, and
// recommendations that name an owner, a time frame and the items they should move.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "centric/answers_io.hpp"
#include "centric/json_input.hpp"
#include "centric/mapping.hpp"
#include "centric/questionnaire_io.hpp"
#include "centric/report.hpp"
#include "centric/scoring.hpp"
#include "centric/survey.hpp"
#include "io/fast_answer_parser.hpp"
#include "io/table_mapping.hpp"

using namespace centric;
using nlohmann::json;

namespace {

// Scale 1..5 with "na" and "dk"; dimension "alpha" has four questions, the last asked of
// leaders only; "beta" two, both for everyone; three levels; per-dimension level texts
// and a recommendation with owner, time frame and items.
json feature_document() {
  return json::parse(R"({
    "format": "centric-questionnaire/1", "id": "feat-q", "version": "1.0.0", "default_language": "en",
    "languages": ["en", "pl"],
    "title": {"en": "Features", "pl": "Cechy"},
    "scale": {"min": 1, "max": 5, "not_applicable": true, "dont_know": true},
    "levels": [
      {"level": 1, "min": 0, "name": {"en": "Low", "pl": "Niski"}, "description": {"en": "Starting", "pl": "Start"}},
      {"level": 2, "min": 40, "name": {"en": "Mid", "pl": "Sredni"}},
      {"level": 3, "min": 70, "name": {"en": "High", "pl": "Wysoki"}, "description": {"en": "Leading", "pl": "Lider"}}],
    "dimensions": [
      {"id": "alpha", "name": {"en": "Alpha", "pl": "Alfa"},
       "levels": [{"level": 1, "description": {"en": "Alpha is new here", "pl": "Alfa jest nowa"}}],
       "questions": [
         {"id": "alpha.one", "text": {"en": "A1", "pl": "A1"}},
         {"id": "alpha.two", "text": {"en": "A2", "pl": "A2"}},
         {"id": "alpha.three", "text": {"en": "A3", "pl": "A3"}, "audience": "everyone"},
         {"id": "alpha.lead", "text": {"en": "A4", "pl": "A4"}, "audience": "leaders"}],
       "recommendations": [
         {"levels": [1, 2, 3], "text": {"en": "Do it", "pl": "Zrob to"},
          "owner": {"en": "Department head", "pl": "Kierownik"},
          "time_frame": {"en": "within 3 months", "pl": "w ciagu 3 miesiecy"},
          "items": ["alpha.one", "alpha.lead"]}]},
      {"id": "beta", "name": {"en": "Beta", "pl": "Beta"},
       "questions": [{"id": "beta.one", "text": {"en": "B1", "pl": "B1"}}, {"id": "beta.two", "text": {"en": "B2", "pl": "B2"}}],
       "recommendations": [{"levels": [1, 2, 3], "text": {"en": "Plain", "pl": "Zwykla"}}]}]})");
}

const Questionnaire& features() {
  static const Questionnaire q = [] {
    auto load = read_questionnaire(feature_document().dump(), "q.json");
    for (const auto& d : load.diagnostics) UNSCOPED_INFO(d.path << ": " << d.message);
    REQUIRE(load.ok());
    return *load.questionnaire;
  }();
  return q;
}

std::vector<Diagnostic> problems_of(const json& doc) { return read_questionnaire(doc.dump(), "q.json").diagnostics; }

bool has_error(const std::vector<Diagnostic>& diagnostics, const std::string& path, const std::string& fragment) {
  for (const auto& d : diagnostics)
    if (d.path == path && d.message.find(fragment) != std::string::npos) return true;
  for (const auto& d : diagnostics) UNSCOPED_INFO(d.path << ": " << d.message);
  return false;
}

// Flat indexes: alpha.one 0, alpha.two 1, alpha.three 2, alpha.lead 3, beta.one 4, beta.two 5.
AnswerSet answers(Role role, std::vector<AnswerValue> values) {
  AnswerSet a;
  a.questionnaire_id = "feat-q";
  a.questionnaire_version = "1.0.0";
  a.respondent.department = "sales";
  a.respondent.role = role;
  a.answers = std::move(values);
  a.answers.resize(6);
  return a;
}

std::string answer_document(const std::string& role, const std::string& answers_json) {
  return R"({"format": "centric-answers/1", "questionnaire": {"id": "feat-q", "version": "1.0.0"},
    "respondent": {"department": "sales")" +
         (role.empty() ? std::string() : R"(, "role": ")" + role + "\"") + R"(}, "answers": )" + answers_json + "}";
}

// The diagnosing reader's verdict: the set, or its diagnostics.
std::variant<AnswerSet, std::vector<Diagnostic>> diagnosing_read(const Questionnaire& q, const std::string& text) {
  auto parsed = parse_json(text, "a.json");
  REQUIRE(std::holds_alternative<JsonParse>(parsed));
  return AnswerSetReader(q).read(std::get<JsonParse>(parsed).value, "a.json");
}

// Where a question's answer is in AnswerSet::answers (questionnaire order).
std::size_t flat_index(const Questionnaire& q, const std::string& id) {
  std::size_t flat = 0;
  for (const auto& d : q.dimensions)
    for (const auto& question : d.questions) {
      if (question.id == id) return flat;
      ++flat;
    }
  FAIL("no question " << id);
  return flat;
}

// The fast reader accepts exactly what the diagnosing one accepts, into the same set.
void check_readers_agree(const Questionnaire& q, const std::string& text) {
  INFO(text);
  const auto slow = diagnosing_read(q, text);
  FastAnswerParser fast(q);
  AnswerSet a;
  const bool accepted = fast.parse_object(text, a);
  if (!std::holds_alternative<AnswerSet>(slow)) {
    CHECK_FALSE(accepted);
    return;
  }
  REQUIRE(accepted);
  const AnswerSet& b = std::get<AnswerSet>(slow);
  REQUIRE(a.answers.size() == b.answers.size());
  for (std::size_t i = 0; i < a.answers.size(); ++i) {
    CHECK(a.answers[i].kind == b.answers[i].kind);
    CHECK(a.answers[i].value == b.answers[i].value);
  }
  CHECK(a.respondent.role == b.respondent.role);
  CHECK(a.not_asked == b.not_asked);
}

Questionnaire without_dont_know() {
  json doc = feature_document();
  doc["scale"].erase("dont_know");
  auto load = read_questionnaire(doc.dump(), "q.json");
  REQUIRE(load.ok());
  return *load.questionnaire;
}

}  // namespace

// ---- the questionnaire reader ------------------------------------------------------------

TEST_CASE("features: the reader takes dont_know, audience, dimension levels and recommendation details") {
  const Questionnaire& q = features();
  CHECK(q.scale.dont_know);
  CHECK(q.scale.not_applicable);
  const Dimension& alpha = q.dimensions[0];
  CHECK(alpha.questions[0].audience == Audience::everyone);
  CHECK(alpha.questions[2].audience == Audience::everyone);
  CHECK(alpha.questions[3].audience == Audience::leaders);
  CHECK(alpha.asked_count(Role::leader) == 4);
  CHECK(alpha.asked_count(Role::employee) == 3);
  CHECK(alpha.asked_count(Role::none) == 3);
  REQUIRE(alpha.level_descriptions.size() == 1);
  CHECK(q.text(q.level_description(alpha, 1), "en") == "Alpha is new here");
  CHECK(q.text(q.level_description(alpha, 3), "pl") == "Lider");  // the level's own, as a fallback
  CHECK(q.level_description(alpha, 2).empty());                   // neither has one
  CHECK(q.text(q.level_description(q.dimensions[1], 1), "en") == "Starting");
  const Recommendation& r = alpha.recommendations[0];
  CHECK(q.text(r.owner, "en") == "Department head");
  CHECK(q.text(r.time_frame, "pl") == "w ciagu 3 miesiecy");
  CHECK(r.items == std::vector<std::string>{"alpha.one", "alpha.lead"});
  CHECK(q.dimensions[1].recommendations[0].owner.empty());
  CHECK(q.dimensions[1].recommendations[0].items.empty());
}

TEST_CASE("features: every key is optional, and a questionnaire without them reads as before") {
  json doc = feature_document();
  doc["scale"].erase("dont_know");
  doc["dimensions"][0].erase("levels");
  doc["dimensions"][0]["questions"][3].erase("audience");
  doc["dimensions"][0]["recommendations"][0].erase("owner");
  doc["dimensions"][0]["recommendations"][0].erase("time_frame");
  doc["dimensions"][0]["recommendations"][0].erase("items");
  auto load = read_questionnaire(doc.dump(), "q.json");
  REQUIRE(load.ok());
  CHECK_FALSE(load.questionnaire->scale.dont_know);
  CHECK(load.questionnaire->dimensions[0].questions[3].audience == Audience::everyone);
  CHECK(load.questionnaire->dimensions[0].level_descriptions.empty());
}

TEST_CASE("features: broken feature keys are errors at their JSON path") {
  SECTION("dont_know must be true or false") {
    json doc = feature_document();
    doc["scale"]["dont_know"] = "yes";
    CHECK(has_error(problems_of(doc), "scale.dont_know", "must be true or false"));
  }
  SECTION("audience is everyone or leaders") {
    json doc = feature_document();
    doc["dimensions"][0]["questions"][1]["audience"] = "managers";
    CHECK(has_error(problems_of(doc), "dimensions[0].questions[1].audience", "\"everyone\" or \"leaders\""));
    doc["dimensions"][0]["questions"][1]["audience"] = 1;
    CHECK(has_error(problems_of(doc), "dimensions[0].questions[1].audience", "must be a string"));
  }
  SECTION("a misspelt audience key gets a did-you-mean") {
    json doc = feature_document();
    doc["dimensions"][0]["questions"][1]["audiense"] = "leaders";
    CHECK(has_error(problems_of(doc), "dimensions[0].questions[1].audiense", "did you mean \"audience\""));
  }
  SECTION("a dimension's level must exist, once") {
    json doc = feature_document();
    doc["dimensions"][0]["levels"].push_back({{"level", 4}, {"description", "x"}});
    doc["dimensions"][0]["levels"].push_back({{"level", 1}, {"description", "again"}});
    doc["dimensions"][0]["levels"].push_back({{"level", 2}});
    doc["dimensions"][0]["levels"].push_back({{"level", 3}, {"description", "y"}, {"descripton", "z"}});
    const auto problems = problems_of(doc);
    CHECK(has_error(problems, "dimensions[0].levels[1].level", "not a level of this questionnaire (1..3)"));
    CHECK(has_error(problems, "dimensions[0].levels[2].level", "described twice"));
    CHECK(has_error(problems, "dimensions[0].levels[3].description", "missing (required)"));
    CHECK(has_error(problems, "dimensions[0].levels[4].descripton", "did you mean \"description\""));
  }
  SECTION("dimension levels must be an array of objects") {
    json doc = feature_document();
    doc["dimensions"][1]["levels"] = json::object();
    CHECK(has_error(problems_of(doc), "dimensions[1].levels", "must be an array"));
  }
  SECTION("a recommendation's items are questions of its own dimension") {
    json doc = feature_document();
    doc["dimensions"][0]["recommendations"][0]["items"] = {"alpha.one", "beta.one", "nope", 3, "alpha.one"};
    const auto problems = problems_of(doc);
    CHECK(has_error(problems, "dimensions[0].recommendations[0].items[1]",
                    "\"beta.one\" is not a question of this "
                    "dimension (\"alpha\")"));
    CHECK(has_error(problems, "dimensions[0].recommendations[0].items[2]", "\"nope\" is not a question"));
    CHECK(has_error(problems, "dimensions[0].recommendations[0].items[3]", "3 is not a question"));
    CHECK(has_error(problems, "dimensions[0].recommendations[0].items[4]", "listed twice"));
  }
  SECTION("owner and time_frame are localized strings") {
    json doc = feature_document();
    doc["dimensions"][1]["recommendations"][0]["owner"] = 5;
    doc["dimensions"][1]["recommendations"][0]["time_frame"] = {{"pl", "szybko"}};
    const auto problems = problems_of(doc);
    CHECK(has_error(problems, "dimensions[1].recommendations[0].owner", "must be a string or an object"));
    CHECK(has_error(problems, "dimensions[1].recommendations[0].time_frame", "no text in the default language"));
  }
}

TEST_CASE("features: \"languages\" reports owner, time frame and level descriptions missing a language") {
  json doc = feature_document();
  doc["dimensions"][0]["recommendations"][0]["owner"] = {{"en", "Department head"}};
  doc["dimensions"][0]["recommendations"][0]["time_frame"] = {{"en", "soon"}};
  doc["dimensions"][0]["levels"][0]["description"] = {{"en", "Alpha is new here"}};
  const auto problems = problems_of(doc);
  CHECK(has_error(problems, "dimensions[0].recommendations[0].owner", "has no \"pl\" text"));
  CHECK(has_error(problems, "dimensions[0].recommendations[0].time_frame", "has no \"pl\" text"));
  CHECK(has_error(problems, "dimensions[0].levels[0].description", "has no \"pl\" text"));
}

// ---- answers: "dk" and the audience ---------------------------------------------------------

TEST_CASE("features: \"dk\" is read where the scale allows it, and rejects the set where it does not") {
  const auto read = diagnosing_read(features(), answer_document("", R"({"alpha.one": "dk", "alpha.two": "na"})"));
  REQUIRE(std::holds_alternative<AnswerSet>(read));
  CHECK(std::get<AnswerSet>(read).answers[0].kind == AnswerValue::Kind::dont_know);
  CHECK(std::get<AnswerSet>(read).answers[1].kind == AnswerValue::Kind::not_applicable);

  const Questionnaire no_dk = without_dont_know();
  const auto refused = diagnosing_read(no_dk, answer_document("", R"({"alpha.one": "dk"})"));
  REQUIRE(std::holds_alternative<std::vector<Diagnostic>>(refused));
  const auto& problems = std::get<std::vector<Diagnostic>>(refused);
  CHECK(has_error(problems, "answers[\"alpha.one\"]", "\"dk\" (don't know) is not allowed"));
  CHECK(problems.front().source == "a.json");

  // Where a number was expected, the message lists what the scale allows.
  const auto wrong = diagnosing_read(features(), answer_document("", R"({"alpha.one": "maybe"})"));
  CHECK(has_error(std::get<std::vector<Diagnostic>>(wrong), "answers[\"alpha.one\"]",
                  "\"maybe\" is not an answer: expected a whole number 1..5, \"na\" or \"dk\""));
  const auto wrong_no_dk = diagnosing_read(no_dk, answer_document("", R"({"alpha.one": "maybe"})"));
  CHECK(has_error(std::get<std::vector<Diagnostic>>(wrong_no_dk), "answers[\"alpha.one\"]",
                  "expected a whole number 1..5 or \"na\""));
}

TEST_CASE("features: an employee's answer to a leaders-only question is not counted, a leader's or no role's is") {
  const std::size_t lead = flat_index(features(), "alpha.lead");
  const std::size_t one = flat_index(features(), "alpha.one");
  const auto employee =
      diagnosing_read(features(), answer_document("employee", R"({"alpha.lead": 4, "alpha.one": 2})"));
  REQUIRE(std::holds_alternative<AnswerSet>(employee));
  CHECK(std::get<AnswerSet>(employee).answers[lead].kind == AnswerValue::Kind::absent);
  CHECK(std::get<AnswerSet>(employee).answers[one].value == 2);  // the rest counts
  CHECK(std::get<AnswerSet>(employee).not_asked == 1);
  // Also "na" and "dk": the employee was not asked at all.
  const auto dk = diagnosing_read(features(), answer_document("employee", R"({"alpha.lead": "dk"})"));
  REQUIRE(std::holds_alternative<AnswerSet>(dk));
  CHECK(std::get<AnswerSet>(dk).answers[lead].kind == AnswerValue::Kind::absent);
  CHECK(std::get<AnswerSet>(dk).not_asked == 1);
  const auto leader = diagnosing_read(features(), answer_document("leader", R"({"alpha.lead": 4})"));
  REQUIRE(std::holds_alternative<AnswerSet>(leader));
  CHECK(std::get<AnswerSet>(leader).answers[lead].value == 4);
  CHECK(std::get<AnswerSet>(leader).not_asked == 0);
  CHECK(std::holds_alternative<AnswerSet>(
      diagnosing_read(features(), answer_document("employee", R"({"alpha.one": 4})"))));
  CHECK(std::holds_alternative<AnswerSet>(
      diagnosing_read(features(), answer_document("leader", R"({"alpha.lead": 4})"))));
  CHECK(std::holds_alternative<AnswerSet>(diagnosing_read(features(), answer_document("", R"({"alpha.lead": 4})"))));
}

TEST_CASE("features: the fast reader accepts and declines exactly as the diagnosing reader", "[fast-reader]") {
  const Questionnaire no_dk = without_dont_know();
  for (const std::string role : {"", "leader", "employee"}) {
    for (const std::string answers_json :
         {R"({"alpha.one": "dk"})", R"({"alpha.one": "na", "beta.one": "dk"})", R"({"alpha.lead": 3})",
          R"({"alpha.lead": "dk"})", R"({"alpha.lead": "na", "alpha.one": 2})", R"({"alpha.one": "DK"})",
          R"({"alpha.one": "dk "})", R"({"beta.two": 5})"}) {
      check_readers_agree(features(), answer_document(role, answers_json));
      check_readers_agree(no_dk, answer_document(role, answers_json));
    }
  }
  // The role after the answers: the verdict does not depend on the order of keys.
  const std::string role_last = R"({"format": "centric-answers/1", "questionnaire": {"id": "feat-q", "version": "1"},
    "answers": {"alpha.lead": 2}, "respondent": {"role": "employee", "department": "x"}})";
  check_readers_agree(features(), role_last);
  FastAnswerParser fast(features());
  AnswerSet a;
  REQUIRE(fast.parse_object(role_last, a));
  CHECK(a.not_asked == 1);
  CHECK(a.answers[flat_index(features(), "alpha.lead")].kind == AnswerValue::Kind::absent);
}

TEST_CASE("features: the writer writes \"dk\", and reads back the same") {
  const AnswerSet a = answers(Role::leader, {AnswerValue::dk(), AnswerValue::na(), AnswerValue::of(3)});
  const std::string text = write_answer_set(features(), a);
  CHECK_THAT(text, Catch::Contains("\"alpha.one\": \"dk\""));
  CHECK_THAT(text, Catch::Contains("\"alpha.two\": \"na\""));
  const auto back = diagnosing_read(features(), text);
  REQUIRE(std::holds_alternative<AnswerSet>(back));
  CHECK(std::get<AnswerSet>(back).answers[0].kind == AnswerValue::Kind::dont_know);
}

// ---- scoring -------------------------------------------------------------------------------

TEST_CASE("features: \"dk\" is scored exactly like \"na\", also in the ceil(k/2) rule") {
  const Questionnaire& q = features();
  // beta has k = 2: one answered of two is enough (ceil(2/2) = 1).
  for (const AnswerValue other : {AnswerValue::na(), AnswerValue::dk(), AnswerValue::skipped()}) {
    const auto scores = respondent_scores(q, answers(Role::leader, {{}, {}, {}, {}, AnswerValue::of(5), other}));
    REQUIRE(scores[1]);
    CHECK(*scores[1] == Approx(100));
  }
  // alpha for a leader has k = 4: two answers needed. One answer and three dk: undefined,
  // exactly as with three na.
  const auto with_dk = respondent_scores(
      q, answers(Role::leader, {AnswerValue::of(5), AnswerValue::dk(), AnswerValue::dk(), AnswerValue::dk()}));
  const auto with_na = respondent_scores(
      q, answers(Role::leader, {AnswerValue::of(5), AnswerValue::na(), AnswerValue::na(), AnswerValue::na()}));
  CHECK_FALSE(with_dk[0]);
  CHECK_FALSE(with_na[0]);
  // Two answers, two dk: defined, the mean of the two answered (5 -> 100, 2 -> 25).
  const auto two = respondent_scores(
      q, answers(Role::leader, {AnswerValue::of(5), AnswerValue::dk(), AnswerValue::of(2), AnswerValue::dk()}));
  REQUIRE(two[0]);
  CHECK(*two[0] == Approx(62.5));

  // A whole tally: the same figures with "dk" as with "na".
  Tally dk_tally(q);
  Tally na_tally(q);
  const std::vector<std::vector<int>> values{{5, 4, 0, 3}, {2, 0, 0, 1}, {4, 4, 4, 0}, {1, 0, 5, 5}};
  for (const auto& row : values) {
    std::vector<AnswerValue> as_dk, as_na;
    for (int v : row) {
      as_dk.push_back(v == 0 ? AnswerValue::dk() : AnswerValue::of(v));
      as_na.push_back(v == 0 ? AnswerValue::na() : AnswerValue::of(v));
    }
    dk_tally.add(answers(Role::leader, as_dk));
    na_tally.add(answers(Role::leader, as_na));
  }
  const DimensionTally& dk = dk_tally.organisation().dimensions[0];
  const DimensionTally& na = na_tally.organisation().dimensions[0];
  CHECK(dk.n == na.n);
  CHECK(dk.mean == na.mean);
  CHECK(dk.m2 == na.m2);
  CHECK(dk.favorable == na.favorable);
  CHECK(dk.unfavorable == na.unfavorable);
  CHECK(dk.full_n == na.full_n);
  CHECK(dk.answered_by_role == na.answered_by_role);
}

TEST_CASE("features: the tally counts \"dk\" per question apart from \"na\"") {
  Tally tally(features());
  tally.add(answers(Role::leader, {AnswerValue::dk(), AnswerValue::na(), AnswerValue::dk(), AnswerValue::of(3),
                                   AnswerValue::dk(), AnswerValue::na()}));
  tally.add(answers(Role::employee, {AnswerValue::dk(), AnswerValue::of(2), AnswerValue::na()}));
  const auto& alpha = tally.organisation().dimensions[0];
  CHECK(alpha.item_dont_know == std::vector<std::int64_t>{2, 0, 1, 0});
  CHECK(alpha.item_not_applicable == std::vector<std::int64_t>{0, 1, 1, 0});
  const auto& beta = tally.organisation().dimensions[1];
  CHECK(beta.item_dont_know == std::vector<std::int64_t>{1, 0});
  CHECK(beta.item_not_applicable == std::vector<std::int64_t>{0, 1});
  CHECK(tally.leaders().dimensions[0].item_dont_know == std::vector<std::int64_t>{1, 0, 1, 0});
  CHECK(tally.employees().dimensions[0].item_dont_know == std::vector<std::int64_t>{1, 0, 0, 0});
  CHECK(tally.departments().at("sales").dimensions[0].item_dont_know == std::vector<std::int64_t>{2, 0, 1, 0});

  Tally other(features());
  other.add(answers(Role::none, {AnswerValue::dk()}));
  tally.merge(other);
  CHECK(tally.organisation().dimensions[0].item_dont_know == std::vector<std::int64_t>{3, 0, 1, 0});
  tally.clear();
  CHECK(tally.organisation().dimensions[0].item_dont_know == std::vector<std::int64_t>{0, 0, 0, 0});
}

TEST_CASE("features: k counts leaders-only questions for a leader only") {
  const Questionnaire& q = features();
  // alpha: k = 4 for a leader (2 answers needed), 3 for anyone else (2 needed: ceil(3/2)).
  const std::vector<AnswerValue> one_answer{AnswerValue::of(5)};
  CHECK_FALSE(respondent_scores(q, answers(Role::employee, one_answer))[0]);
  const std::vector<AnswerValue> two_answers{AnswerValue::of(5), AnswerValue::of(3)};
  CHECK(respondent_scores(q, answers(Role::employee, two_answers))[0]);
  CHECK(respondent_scores(q, answers(Role::leader, two_answers))[0]);

  // Make the difference visible: a dimension of 2 everyone + 2 leaders-only questions.
  Questionnaire split = q;
  split.dimensions[0].questions[2].audience = Audience::leaders;  // alpha.three too
  // Employee: k = 2, one answer is enough; leader: k = 4, one answer is not.
  CHECK(respondent_scores(split, answers(Role::employee, one_answer))[0]);
  CHECK(respondent_scores(split, answers(Role::none, one_answer))[0]);
  CHECK_FALSE(respondent_scores(split, answers(Role::leader, one_answer))[0]);
  // No role: k = 2, and an answer to a leaders-only question counts in S.
  const auto scores =
      respondent_scores(split, answers(Role::none, {AnswerValue::of(5), AnswerValue::skipped(), AnswerValue::of(1)}));
  REQUIRE(scores[0]);
  CHECK(*scores[0] == Approx(50));
  // A dimension whose every question is for leaders: no score for an employee.
  Questionnaire leaders_only = q;
  for (auto& question : leaders_only.dimensions[1].questions) question.audience = Audience::leaders;
  CHECK_FALSE(respondent_scores(leaders_only, answers(Role::employee, {}))[1]);
  CHECK(respondent_scores(leaders_only,
                          answers(Role::leader, {{}, {}, {}, {}, AnswerValue::of(4), AnswerValue::of(4)}))[1]);
}

// ---- form-tool exports ----------------------------------------------------------------------

namespace {

std::shared_ptr<const TableMapping> export_plan(const Questionnaire& q, const MappingFile* mapping = nullptr) {
  HeaderLayout layout;
  layout.names = {"Department", "Role", "alpha.one", "alpha.lead"};
  auto planned = TableMapping::plan(q, mapping, layout, false);
  REQUIRE(std::holds_alternative<std::shared_ptr<const TableMapping>>(planned));
  return std::get<std::shared_ptr<const TableMapping>>(planned);
}

}  // namespace

TEST_CASE("features: don't-know words in four languages are \"dk\" in an export") {
  const auto plan = export_plan(features());
  for (const char* word : {"Don't know", "don\u2019t know", "DONT KNOW", "do not know", "dk", "Nie wiem", "Не знаю",
                           "nem tudom", " nie  wiem "}) {
    INFO(word);
    const AnswerCell cell = plan->read_answer(word);
    CHECK(cell.kind == AnswerCell::Kind::value);
    CHECK(cell.value.kind == AnswerValue::Kind::dont_know);
  }
  CHECK(plan->read_answer("n/a").value.kind == AnswerValue::Kind::not_applicable);
  // Where the scale has no "dk", a don't-know word is refused like an N/A word without N/A.
  const Questionnaire no_dk = without_dont_know();
  const auto strict = export_plan(no_dk);
  const AnswerCell refused = strict->read_answer("nie wiem");
  CHECK(refused.kind == AnswerCell::Kind::bad);
  CHECK_THAT(refused.why, Catch::Contains("means \"don't know\", which this questionnaire's scale does not allow"));
}

TEST_CASE("features: a mapping may map a value to \"dk\", only where the scale allows it") {
  const std::string text = R"({"format": "centric-mapping/1", "values": {"No idea": "dk"}})";
  MappingLoad load = read_mapping(text, "m.json", features());
  REQUIRE(load.mapping);
  const auto plan = export_plan(features(), &*load.mapping);
  CHECK(plan->read_answer("no idea").value.kind == AnswerValue::Kind::dont_know);
  CHECK_THAT(write_mapping(*load.mapping, features()), Catch::Contains("\"No idea\": \"dk\""));

  MappingLoad refused = read_mapping(text, "m.json", without_dont_know());
  CHECK_FALSE(refused.mapping);
  REQUIRE_FALSE(refused.diagnostics.empty());
  CHECK(refused.diagnostics.front().path == "values[\"No idea\"]");
  CHECK_THAT(refused.diagnostics.front().message, Catch::Contains("\"dk\" is not allowed"));
}

TEST_CASE("features: an export row of an employee answering a leaders-only question keeps the rest") {
  const auto plan = export_plan(features());
  TableRowScratch scratch;
  AnswerSet set;
  std::vector<Diagnostic> problems;
  const auto convert = [&](std::vector<std::string_view> cells) {
    problems.clear();
    return plan->convert(cells, nullptr, set, problems, "export.csv", 3, scratch);
  };
  CHECK(convert({"Sales", "Leader", "4", "5"}));
  CHECK(convert({"Sales", "", "4", "5"}));
  CHECK(convert({"Sales", "Employee", "4", ""}));
  CHECK(set.not_asked == 0);
  REQUIRE(convert({"Sales", "Pracownik", "4", "nie wiem"}));
  CHECK(problems.empty());
  CHECK(set.not_asked == 1);
  CHECK(set.answers[flat_index(features(), "alpha.lead")].kind == AnswerValue::Kind::absent);
  CHECK(set.answers[flat_index(features(), "alpha.one")].value == 4);
  REQUIRE(convert({"Sales", "Kierownik", "4", "nie wiem"}));
  CHECK(set.not_asked == 0);  // a leader's counts
  CHECK(set.answers[flat_index(features(), "alpha.lead")].kind == AnswerValue::Kind::dont_know);
}

// ---- the survey ----------------------------------------------------------------------------

TEST_CASE("features: the survey's d key answers \"dk\", typed or pressed") {
  const Messages& en = Messages::built_in("en");
  KeyInterpreter keys(features().scale);
  CHECK(keys.keypress("d")->kind == Key::Kind::dont_know);
  CHECK(keys.keypress("D")->kind == Key::Kind::dont_know);
  CHECK(keys.line("dk").kind == Key::Kind::dont_know);
  CHECK(keys.line(" d ").kind == Key::Kind::dont_know);
  CHECK(keys.line("n").kind == Key::Kind::not_applicable);

  AnswerSet fresh = answers(Role::leader, {});
  fresh.answers.assign(6, AnswerValue::skipped());
  SurveySession s(features(), fresh, en);
  const auto step = s.press(Key{Key::Kind::dont_know, 0, ""});
  CHECK(step.save);
  CHECK(s.answers().answers[0].kind == AnswerValue::Kind::dont_know);
  CHECK(s.given_count() == 1);

  const Questionnaire no_dk = without_dont_know();
  SurveySession refused(no_dk, fresh, en);
  CHECK(refused.press(Key{Key::Kind::dont_know, 0, ""}).outcome == SurveySession::Outcome::stayed);
  CHECK(refused.message() == en("survey.invalid.no_dont_know"));
  CHECK(refused.answers().answers[0].kind == AnswerValue::Kind::absent);
}

TEST_CASE("features: the survey asks leaders-only questions of leaders only, and counts only those asked") {
  const Messages& en = Messages::built_in("en");
  AnswerSet employee = answers(Role::employee, {});
  employee.answers.assign(6, AnswerValue::skipped());
  SurveySession s(features(), employee, en);
  CHECK(s.total() == 5);
  for (int i = 0; i < 3; ++i) s.press(Key{Key::Kind::value, 3, ""});
  // alpha.lead (flat 3) is passed over.
  CHECK(s.position() == 4);
  CHECK(s.asked_position() == 3);
  CHECK(s.question().id == "beta.one");
  s.press(Key{Key::Kind::back, 0, ""});
  CHECK(s.question().id == "alpha.three");
  s.press(Key{Key::Kind::skip, 0, ""});
  CHECK(s.question().id == "beta.one");
  s.press(Key{Key::Kind::value, 4, ""});
  s.press(Key{Key::Kind::value, 4, ""});
  CHECK(s.finished());
  CHECK(s.answers().answers[3].kind == AnswerValue::Kind::absent);

  AnswerSet leader = employee;
  leader.respondent.role = Role::leader;
  SurveySession l(features(), leader, en);
  CHECK(l.total() == 6);
  for (int i = 0; i < 3; ++i) l.press(Key{Key::Kind::value, 3, ""});
  CHECK(l.question().id == "alpha.lead");
  CHECK(l.asked_position() == 3);
}

// ---- reports -------------------------------------------------------------------------------

TEST_CASE("features: the JSON report adds level_description, owner, time_frame and items") {
  const Questionnaire& q = features();
  Tally tally(q);
  for (int i = 0; i < 5; ++i)
    tally.add(answers(
        Role::none,
        {AnswerValue::of(1), AnswerValue::of(1), AnswerValue::dk(), {}, AnswerValue::of(5), AnswerValue::of(5)}));
  const Assessment a = assess(tally, {});
  InputSummary inputs;
  const json report = json::parse(render_json(Report{q, a, inputs, "en", {}}));
  const json& alpha = report["organisation"]["dimensions"]["alpha"];
  CHECK(alpha["level"] == 1);
  CHECK(alpha["level_description"] == "Alpha is new here");
  CHECK(report["organisation"]["dimensions"]["beta"]["level_description"] == "Leading");
  const json& recommendations = report["organisation"]["recommendations"];
  REQUIRE(recommendations.size() == 2);
  CHECK(recommendations[0]["dimension"] == "alpha");
  CHECK(recommendations[0]["owner"] == "Department head");
  CHECK(recommendations[0]["time_frame"] == "within 3 months");
  CHECK(recommendations[0]["items"] == json::array({"alpha.one", "alpha.lead"}));
  CHECK(recommendations[1]["owner"].is_null());
  CHECK(recommendations[1]["time_frame"].is_null());
  CHECK(recommendations[1]["items"] == json::array());

  const std::string text = render_text(Report{q, a, inputs, "en", {}}, TextStyle{});
  CHECK_THAT(text, Catch::Contains("Owner: Department head"));
  CHECK_THAT(text, Catch::Contains("within 3 months"));
  for (const std::string language : {"en", "pl", "ru", "hu"}) {
    const std::string markdown = render_markdown(Report{q, a, inputs, language, {}});
    CHECK_THAT(markdown, Catch::Contains(language == "pl" ? "w ciagu 3 miesiecy" : "within 3 months"));
    const std::string html = render_html(Report{q, a, inputs, language, {}});
    CHECK_THAT(html, Catch::Contains(language == "pl" ? "Kierownik" : "Department head"));
  }
  const std::string personal = render_personal_result(q, a, "en", TextStyle{});
  CHECK_THAT(personal, Catch::Contains("Owner: Department head"));
  CHECK_THAT(personal, Catch::Contains("Alpha is new here"));
}

TEST_CASE("features: centric questionnaire shows dk, the leaders-only mark, level texts and owners") {
  const std::string text = render_questionnaire(features(), "en", TextStyle{});
  CHECK_THAT(text, Catch::Contains("dk (don't know)"));
  CHECK_THAT(text, Catch::Contains("(asked of leaders only)"));
  CHECK_THAT(text, Catch::Contains("Alpha is new here"));
  CHECK_THAT(text, Catch::Contains("Owner: Department head"));
  const std::string polish = render_questionnaire(features(), "pl", TextStyle{});
  CHECK_THAT(polish, Catch::Contains("„nie wiem”"));
  CHECK_THAT(polish, Catch::Contains("(tylko dla kadry kierowniczej)"));
}
