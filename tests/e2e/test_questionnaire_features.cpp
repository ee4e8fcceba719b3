// The optional questionnaire features through the real binary (formats.md §1-§3): "dk"
// answers, questions asked of leaders only, a dimension's level texts and recommendations
// with owner and time frame, in assess (JSON and exports), questionnaire and survey.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "e2e/e2e_common.hpp"
#include "support/process.hpp"

using namespace centric::test;
using nlohmann::json;

namespace {

// Scale 1..5 with "na" and "dk". Dimension "alpha": three questions for everyone and one for
// leaders ("alpha.lead"); "beta": two questions.
const char* const questionnaire_text = R"({
  "format": "centric-questionnaire/1", "id": "feat-q", "version": "1.0.0", "default_language": "en",
  "title": "Features", "scale": {"min": 1, "max": 5, "not_applicable": true, "dont_know": true,
  "labels": {"1": "Disagree", "5": "Agree"}},
  "levels": [{"level": 1, "min": 0, "name": "Low"}, {"level": 2, "min": 50, "name": "High", "description": "Good"}],
  "dimensions": [
    {"id": "alpha", "name": "Alpha", "levels": [{"level": 2, "description": "Alpha is doing well"}],
     "questions": [{"id": "alpha.one", "text": "Alpha one"}, {"id": "alpha.two", "text": "Alpha two"},
                   {"id": "alpha.three", "text": "Alpha three"},
                   {"id": "alpha.lead", "text": "I review alpha with my team", "audience": "leaders"}],
     "recommendations": [{"levels": [1, 2], "text": "Work on alpha", "owner": "Department head",
                          "time_frame": "within 3 months", "items": ["alpha.one"]}]},
    {"id": "beta", "name": "Beta", "questions": [{"id": "beta.one", "text": "Beta one"}, {"id": "beta.two", "text": "Beta two"}]}]})";

json answer_set(const std::string& id, const std::string& role, const json& answers) {
  json a = {{"format", "centric-answers/1"},
            {"questionnaire", {{"id", "feat-q"}, {"version", "1.0.0"}}},
            {"respondent", {{"id", id}, {"department", "sales"}}},
            {"answers", answers}};
  if (!role.empty()) a["respondent"]["role"] = role;
  return a;
}

// Five respondents; `skip` is written where an answer is not given ("na" or "dk").
std::string answer_lines(const std::string& skip) {
  std::string text;
  for (int i = 0; i < 5; ++i) {
    const json answers = {
        {"alpha.one", 1 + i % 5}, {"alpha.two", skip}, {"alpha.three", skip}, {"beta.one", 4}, {"beta.two", skip}};
    text += answer_set("r" + std::to_string(i), "leader", answers).dump() + "\n";
  }
  return text;
}

}  // namespace

TEST_CASE("features e2e: assess scores \"dk\" answers exactly as \"na\"", "[features]") {
  TempDir dir;
  const std::string q = dir.write("q.json", questionnaire_text);
  const std::string with_dk = dir.write("dk.jsonl", answer_lines("dk"));
  const std::string with_na = dir.write("na.jsonl", answer_lines("na"));
  const auto dk = run_centric({"assess", "-q", q, "--format", "json", with_dk});
  const auto na = run_centric({"assess", "-q", q, "--format", "json", with_na});
  INFO(dk.err);
  REQUIRE(dk.exit_code == 0);
  REQUIRE(na.exit_code == 0);
  json dk_report = parse_report(dk.out);
  json na_report = parse_report(na.out);
  // Alpha: one answer of four for a leader: fewer than ceil(4/2), no score, in both.
  CHECK(dk_report["organisation"]["dimensions"]["alpha"].is_null());
  CHECK(dk_report["organisation"]["dimensions"]["beta"]["score"] == 75.0);
  CHECK(dk_report["organisation"] == na_report["organisation"]);
  CHECK(dk_report["departments"] == na_report["departments"]);

  // Where the scale has no "dk", the set is rejected naming source, question and value.
  json no_dk = json::parse(questionnaire_text);
  no_dk["scale"].erase("dont_know");
  const std::string strict_q = dir.write("strict.json", no_dk.dump());
  const auto refused = run_centric({"assess", "-q", strict_q, "--format", "json", with_dk});
  CHECK(refused.exit_code == 1);  // nothing accepted
  CHECK(contains(refused.err, "dk.jsonl:1: answers[\"alpha.two\"]: \"dk\" (don't know) is not allowed"));
}

TEST_CASE("features e2e: an employee answering a leaders-only question is a rejected entry", "[features]") {
  TempDir dir;
  const std::string q = dir.write("q.json", questionnaire_text);
  std::string text;
  for (int i = 0; i < 5; ++i)
    text += answer_set("e" + std::to_string(i), "employee",
                       {{"alpha.one", 4}, {"alpha.two", 4}, {"alpha.three", 4}, {"beta.one", 4}})
                .dump() +
            "\n";
  text += answer_set("bad", "employee", {{"alpha.one", 4}, {"alpha.lead", 2}}).dump() + "\n";
  text += answer_set("ok-leader", "leader", {{"alpha.lead", 2}, {"alpha.one", 2}}).dump() + "\n";
  text += answer_set("ok-none", "", {{"alpha.lead", 2}}).dump() + "\n";
  const std::string answers = dir.write("a.jsonl", text);
  const auto r = run_centric({"assess", "-q", q, "--format", "json", answers});
  INFO(r.err);
  // The employee's answer to the leaders-only question is not counted, the rest of their set is.
  CHECK(r.exit_code == 0);
  const std::string warning = "centric: warning: " + answers +
                              ":6: 1 answer of 1 employee to questions asked of leaders only was not counted (the "
                              "first here); leave those questions out of the employees' form, or check the role column";
  CHECK(contains(r.err, warning));
  const json report = parse_report(r.out);
  CHECK(report["inputs"]["accepted"] == 8);
  CHECK(report["inputs"]["rejected"].empty());
  CHECK(contains(report["inputs"]["warnings"].dump(), "to questions asked of leaders only was not counted"));
  // The employees answered 3 of their 3 questions of alpha: a score (k = 3, not 4); the one
  // whose leaders-only answer was left out, 1 of 3: none; the leader 2 of 4: a score; the
  // one without a role 1 of 3: none.
  CHECK(report["organisation"]["dimensions"]["alpha"]["n"] == 6);
  CHECK(report["organisation"]["dimensions"]["alpha"]["level_description"] == "Alpha is doing well");
  const json& recommendation = report["organisation"]["recommendations"][0];
  CHECK(recommendation["owner"] == "Department head");
  CHECK(recommendation["time_frame"] == "within 3 months");
  CHECK(recommendation["items"] == json::array({"alpha.one"}));
  // The text report shows owner and time frame.
  const auto text_report = run_centric({"assess", "-q", q, answers});
  CHECK(contains(text_report.out, "Owner: Department head \u00b7 within 3 months"));
}

TEST_CASE("features e2e: an export's \"nie wiem\" cells are scored like \"n/a\"", "[features]") {
  TempDir dir;
  const std::string q = dir.write("q.json", questionnaire_text);
  std::string dk_csv = "Department,Role,alpha.one,alpha.two,alpha.three,beta.one,beta.two\n";
  std::string na_csv = dk_csv;
  for (int i = 0; i < 5; ++i) {
    const std::string v = std::to_string(1 + i);
    dk_csv += "Sales,Kierownik," + v + ",Nie wiem,4,Don\u2019t know,3\n";
    na_csv += "Sales,Kierownik," + v + ",n/a,4,n/a,3\n";
  }
  const std::string dk_path = dir.write("dk.csv", dk_csv);
  const std::string na_path = dir.write("na.csv", na_csv);
  const auto dk = run_centric({"assess", "-q", q, "--format", "json", dk_path});
  const auto na = run_centric({"assess", "-q", q, "--format", "json", na_path});
  INFO(dk.err);
  REQUIRE(dk.exit_code == 0);
  REQUIRE(na.exit_code == 0);
  CHECK(parse_report(dk.out)["organisation"] == parse_report(na.out)["organisation"]);

  const auto shown = run_centric({"import", "-q", q, "--show-mapping", dk_path});
  INFO(shown.out << shown.err);
  CHECK(contains(shown.out, "\"Nie wiem\" x5: dk (don't know)"));

  // An employee's answer to the leaders-only question is left out, with one warning for all.
  const std::string form_path = dir.write(
      "form.csv", "Department,Role,alpha.one,alpha.lead\nSales,Employee,4,5\nSales,Leader,4,5\nSales,Employee,2,1\n");
  const auto form = run_centric({"assess", "-q", q, "--format", "json", "--min-group", "1", form_path});
  INFO(form.err);
  CHECK(form.exit_code == 0);
  CHECK(contains(form.err, "form.csv:2: 2 answers of 2 employees to questions asked of leaders only were not counted"));
  CHECK(parse_report(form.out)["inputs"]["accepted"] == 3);
  const auto validated = run_centric({"validate", "-q", q, form_path});
  CHECK(validated.exit_code == 0);
  CHECK(contains(validated.err, "2 answers of 2 employees to questions asked of leaders only were not counted"));
}

TEST_CASE("features e2e: centric questionnaire shows \"dk\" and the leaders-only mark", "[features]") {
  TempDir dir;
  const std::string q = dir.write("q.json", questionnaire_text);
  const auto r = run_centric({"questionnaire", "-q", q, "--lang", "en", "--no-color"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.out, "Scale: 1 to 5, n/a (not applicable) or dk (don't know)"));
  CHECK(contains(r.out, "I review alpha with my team (asked of leaders only)"));
  CHECK(contains(r.out, "Alpha is doing well"));
  CHECK(contains(r.out, "Owner: Department head"));
  for (const auto& line : split_lines(r.out)) CHECK(line.size() < 200);
  CHECK(run_centric({"validate", q}).exit_code == 0);
}

TEST_CASE("features e2e: the piped survey takes d for don't know and skips leaders-only questions",
          "[features][survey][piped]") {
  TempDir dir;
  dir.write("q.json", questionnaire_text);
  ProcessOptions options;
  options.working_directory = dir.path();
  options.unset_env = {"LC_ALL", "LC_MESSAGES", "LANG"};
  options.stdin_text = "d\ndk\n3\n4\nn\n";
  const auto r = run_centric(
      {"survey", "-q", "q.json", "--department", "sales", "--role", "employee", "--output", "a.json"}, options);
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.out, "d: don't know"));
  CHECK(contains(r.out, "    d  Don't know"));
  CHECK(contains(r.out, "1/5"));
  CHECK(contains(r.out, "5/5"));
  CHECK_FALSE(contains(r.out, "6/"));
  CHECK_FALSE(contains(r.out, "I review alpha"));
  const json a = json::parse(read_text_file(dir.file("a.json")));
  CHECK(a["answers"] ==
        json({{"alpha.one", "dk"}, {"alpha.two", "dk"}, {"alpha.three", 3}, {"beta.one", 4}, {"beta.two", "na"}}));
  CHECK(run_centric({"validate", "-q", dir.file("q.json"), dir.file("a.json")}).exit_code == 0);

  // A leader is asked the leaders-only question: six of six.
  options.stdin_text = "1\n2\n3\nd\n5\n5\n";
  const auto leader = run_centric(
      {"survey", "-q", "q.json", "--department", "sales", "--role", "leader", "--output", "l.json"}, options);
  INFO(leader.out << leader.err);
  REQUIRE(leader.exit_code == 0);
  CHECK(contains(leader.out, "I review alpha with my team"));
  CHECK(contains(leader.out, "6/6"));
  CHECK(json::parse(read_text_file(dir.file("l.json")))["answers"]["alpha.lead"] == "dk");
}
