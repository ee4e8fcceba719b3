// formats.md §2: the rules of one answer set (AnswerSetReader) and every input form
// `centric assess` takes (AnswerInputs): files, arrays, JSON Lines, directories, stdin.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "centric/answers.hpp"
#include "centric/answers_io.hpp"
#include "centric/diagnostic.hpp"
#include "centric/questionnaire.hpp"
#include "centric/questionnaire_io.hpp"
#include "support/small_questionnaire.hpp"
#include "support/temp_dir.hpp"

using namespace centric;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

const Questionnaire& questionnaire() {
  static const Questionnaire q = test::small_questionnaire();
  return q;
}

const Questionnaire& questionnaire_without_na() {
  static const Questionnaire q = test::small_questionnaire("1.0.0", false);
  return q;
}

json valid_answers(const std::string& respondent_id = "r-1") {
  json doc = json::parse(R"({
    "format": "centric-answers/1",
    "questionnaire": {"id": "test-q", "version": "1.0.0"},
    "respondent": {"department": "sales", "role": "employee"},
    "complete": true,
    "submitted_at": "2026-11-20T10:15:00Z",
    "answers": {"alpha.one": 4, "beta.one": 2}
  })");
  if (!respondent_id.empty()) doc["respondent"]["id"] = respondent_id;
  return doc;
}

using ReadResult = std::variant<AnswerSet, std::vector<Diagnostic>>;

ReadResult read(const json& doc, const Questionnaire& q = questionnaire()) {
  return AnswerSetReader(q).read(doc, "a.json");
}

std::string listing(const std::vector<Diagnostic>& diagnostics) {
  std::string out = "diagnostics:\n";
  for (const auto& d : diagnostics) out += "  " + format_for_stderr(d) + "\n";
  return out;
}

std::string listing(const ReadResult& r) {
  if (const auto* problems = std::get_if<std::vector<Diagnostic>>(&r)) return listing(*problems);
  return "accepted";
}

const Diagnostic* find_problem(const ReadResult& r, std::string_view path, std::string_view fragment) {
  if (const auto* problems = std::get_if<std::vector<Diagnostic>>(&r))
    for (const auto& d : *problems)
      if (d.path == path && d.message.find(fragment) != std::string::npos) return &d;
  return nullptr;
}

// The answer set is rejected with a problem at `path` whose message holds `fragment`.
void check_rejected(const json& doc, std::string_view path, std::string_view fragment,
                    const Questionnaire& q = questionnaire()) {
  const auto r = read(doc, q);
  INFO("expected a problem at " << path << " mentioning \"" << fragment << "\"\n" << listing(r));
  REQUIRE(std::holds_alternative<std::vector<Diagnostic>>(r));
  CHECK_FALSE(std::get<std::vector<Diagnostic>>(r).empty());
  const Diagnostic* d = find_problem(r, path, fragment);
  REQUIRE(d != nullptr);
  CHECK(d->severity == Diagnostic::Severity::error);
  CHECK(d->source == "a.json");
}

AnswerSet check_accepted(const json& doc, const Questionnaire& q = questionnaire()) {
  const auto r = read(doc, q);
  INFO(listing(r));
  REQUIRE(std::holds_alternative<AnswerSet>(r));
  return std::get<AnswerSet>(r);
}

// ---------------------------------------------------------------------------------------
// Input forms

using TempDir = centric::test::UnitTempDir;

// AnswerInputs with a sink that records, in order, the respondent id of each accepted set.
struct Reading {
  std::vector<std::string> accepted_ids;
  std::vector<AnswerSet> accepted;
  std::vector<std::vector<Diagnostic>> problems;  // one list per rejected entry, in order
  AnswerInputs inputs;

  explicit Reading(const Questionnaire& q = questionnaire())
      : inputs(
            q,
            [this](const AnswerSet& a) {
              accepted_ids.push_back(a.respondent.id.value_or("<none>"));
              accepted.push_back(a);
            },
            [this](const std::vector<Diagnostic>& p) { problems.push_back(p); }) {}

  const InputSummary& summary() const { return inputs.summary(); }

  std::string describe_all() const {
    std::string out = "accepted:";
    for (const auto& id : accepted_ids) out += " " + id;
    out += "\nrejected:\n";
    for (const auto& r : summary().rejected) out += "  " + r.source + ": " + r.reason + "\n";
    return out;
  }

  // The invariant of every input: each source is either accepted or one rejection, and
  // the sink saw exactly the accepted ones.
  void check_counts(long accepted_sets, std::size_t rejections) const {
    INFO(describe_all());
    CHECK(summary().accepted == accepted_sets);
    REQUIRE(summary().rejected.size() == rejections);
    CHECK(summary().sources == summary().accepted + static_cast<long>(summary().rejected.size()));
    CHECK(static_cast<long>(accepted_ids.size()) == summary().accepted);
    REQUIRE(problems.size() == summary().rejected.size());
    for (std::size_t i = 0; i < problems.size(); ++i) {
      CHECK_FALSE(problems[i].empty());
      CHECK_FALSE(summary().rejected[i].reason.empty());
    }
  }
};

std::string line_of(const json& doc) { return doc.dump() + "\n"; }

}  // namespace

// =======================================================================================
// One answer set

TEST_CASE("answers: a valid answer set is read in questionnaire order") {
  const AnswerSet a = check_accepted(valid_answers());
  CHECK(a.questionnaire_id == "test-q");
  CHECK(a.questionnaire_version == "1.0.0");
  REQUIRE(a.respondent.id.has_value());
  CHECK(*a.respondent.id == "r-1");
  CHECK(a.respondent.department == "sales");
  CHECK(a.respondent.role == Role::employee);
  CHECK(a.complete);
  CHECK(a.submitted_at == std::optional<std::string>("2026-11-20T10:15:00Z"));
  REQUIRE(a.answers.size() == 3);
  CHECK(a.answers[0].kind == AnswerValue::Kind::value);
  CHECK(a.answers[0].value == 4);
  CHECK(a.answers[1].kind == AnswerValue::Kind::absent);  // skipped
  CHECK(a.answers[2].kind == AnswerValue::Kind::value);
  CHECK(a.answers[2].value == 2);
}

TEST_CASE("answers: the department is required and not empty") {
  SECTION("missing") {
    json doc = valid_answers();
    doc["respondent"].erase("department");
    check_rejected(doc, "respondent.department", "missing");
  }
  SECTION("empty") {
    json doc = valid_answers();
    doc["respondent"]["department"] = "";
    check_rejected(doc, "respondent.department", "empty");
  }
  SECTION("not a string") {
    json doc = valid_answers();
    doc["respondent"]["department"] = 7;
    check_rejected(doc, "respondent.department", "must be a string");
  }
  SECTION("a department not in the questionnaire's list is fine") {
    json doc = valid_answers();
    doc["respondent"]["department"] = "warehouse-north";
    CHECK(check_accepted(doc).respondent.department == "warehouse-north");
  }
}

TEST_CASE("answers: a role is \"leader\", \"employee\" or absent") {
  SECTION("\"boss\" is rejected") {
    json doc = valid_answers();
    doc["respondent"]["role"] = "boss";
    check_rejected(doc, "respondent.role", "\"boss\"");
  }
  SECTION("null is rejected") {
    json doc = valid_answers();
    doc["respondent"]["role"] = nullptr;
    check_rejected(doc, "respondent.role", "null");
  }
  SECTION("\"Leader\" (capitalised) is rejected") {
    json doc = valid_answers();
    doc["respondent"]["role"] = "Leader";
    check_rejected(doc, "respondent.role", "\"Leader\"");
  }
  SECTION("absent: neither role") {
    json doc = valid_answers();
    doc["respondent"].erase("role");
    CHECK(check_accepted(doc).respondent.role == Role::none);
  }
  SECTION("\"leader\"") {
    json doc = valid_answers();
    doc["respondent"]["role"] = "leader";
    CHECK(check_accepted(doc).respondent.role == Role::leader);
  }
}

TEST_CASE("answers: the respondent id is optional") {
  json doc = valid_answers();
  doc["respondent"].erase("id");
  CHECK_FALSE(check_accepted(doc).respondent.id.has_value());
}

TEST_CASE("answers: \"answers\" is required") {
  json doc = valid_answers();
  doc.erase("answers");
  check_rejected(doc, "answers", "missing");
}

TEST_CASE("answers: \"answers\" must be an object") {
  json doc = valid_answers();
  doc["answers"] = json::array({4, 2});
  check_rejected(doc, "answers", "must be an object");
}

TEST_CASE("answers: an empty \"answers\" object is accepted and counts") {
  json doc = valid_answers();
  doc["answers"] = json::object();
  const AnswerSet a = check_accepted(doc);
  REQUIRE(a.answers.size() == 3);
  for (const auto& v : a.answers) CHECK_FALSE(v.given());

  Reading reading;
  reading.inputs.read_text(doc.dump(), "empty.json", InputForm::detect);
  reading.check_counts(1, 0);
}

TEST_CASE("answers: an unknown question id rejects the set, naming the source, the id and the value") {
  json doc = valid_answers();
  doc["answers"]["alpha.nine"] = 3;
  const auto r = read(doc);
  INFO(listing(r));
  const Diagnostic* d = find_problem(r, "answers[\"alpha.nine\"]", "alpha.nine");
  REQUIRE(d != nullptr);
  const std::string text = describe(*d);
  CHECK(text.find("a.json") != std::string::npos);
  CHECK(d->message.find("unknown question") != std::string::npos);
  CHECK(d->message.find('3') != std::string::npos);
}

TEST_CASE("answers: an unknown question id close to a known one suggests it") {
  SECTION("one close id") {
    json doc = valid_answers();
    doc["answers"]["beta.onw"] = 3;
    check_rejected(doc, "answers[\"beta.onw\"]",
                   "unknown question id \"beta.onw\" (answered 3); did you mean \"beta.one\"?");
  }
  SECTION("two as close: no guess") {
    json doc = valid_answers();
    doc["answers"]["alpha.o"] = 3;  // two letters short of both alpha.one and alpha.two
    check_rejected(doc, "answers[\"alpha.o\"]", "unknown question id \"alpha.o\" (answered 3)");
    CHECK(find_problem(read(doc), "answers[\"alpha.o\"]", "did you mean") == nullptr);
  }
  SECTION("nothing close: no guess") {
    json doc = valid_answers();
    doc["answers"]["gamma.seven"] = 3;
    CHECK(find_problem(read(doc), "answers[\"gamma.seven\"]", "did you mean") == nullptr);
  }
}

TEST_CASE("answers: a value outside the scale rejects the set, naming the value") {
  for (int value : {0, 6, -1, 100}) {
    json doc = valid_answers();
    doc["answers"]["alpha.two"] = value;
    INFO("value " << value);
    check_rejected(doc, "answers[\"alpha.two\"]", std::to_string(value) + " is outside the scale 1..5");
  }
}

TEST_CASE("answers: the scale's ends are inside it") {
  json doc = valid_answers();
  doc["answers"] = {{"alpha.one", 1}, {"alpha.two", 5}};
  const AnswerSet a = check_accepted(doc);
  CHECK(a.answers[0].value == 1);
  CHECK(a.answers[1].value == 5);
}

TEST_CASE("answers: a non-integer rejects the set") {
  SECTION("4.5") {
    json doc = valid_answers();
    doc["answers"]["alpha.one"] = 4.5;
    check_rejected(doc, "answers[\"alpha.one\"]", "4.5");
  }
  SECTION("the string \"4\"") {
    json doc = valid_answers();
    doc["answers"]["alpha.one"] = "4";
    check_rejected(doc, "answers[\"alpha.one\"]", "\"4\"");
  }
  SECTION("true") {
    json doc = valid_answers();
    doc["answers"]["alpha.one"] = true;
    check_rejected(doc, "answers[\"alpha.one\"]", "true");
  }
  SECTION("null") {
    json doc = valid_answers();
    doc["answers"]["alpha.one"] = nullptr;
    check_rejected(doc, "answers[\"alpha.one\"]", "null");
  }
  SECTION("\"NA\" is not \"na\"") {
    json doc = valid_answers();
    doc["answers"]["alpha.one"] = "NA";
    check_rejected(doc, "answers[\"alpha.one\"]", "\"NA\"");
  }
}

TEST_CASE("answers: 4.0 is the integer 4") {
  json doc = valid_answers();
  doc["answers"]["alpha.two"] = 4.0;
  REQUIRE(doc["answers"]["alpha.two"].is_number_float());
  const AnswerSet a = check_accepted(doc);
  CHECK(a.answers[1].kind == AnswerValue::Kind::value);
  CHECK(a.answers[1].value == 4);
}

TEST_CASE("answers: \"na\" where the scale allows it is not applicable") {
  json doc = valid_answers();
  doc["answers"]["alpha.two"] = "na";
  const AnswerSet a = check_accepted(doc);
  CHECK(a.answers[1].kind == AnswerValue::Kind::not_applicable);
  CHECK(a.answers[1].given());
  CHECK_FALSE(a.answers[1].answered());
}

TEST_CASE("answers: \"na\" where the scale does not allow it rejects the set") {
  json doc = valid_answers();
  doc["answers"]["alpha.two"] = "na";
  check_rejected(doc, "answers[\"alpha.two\"]", "\"na\"", questionnaire_without_na());
}

TEST_CASE("answers: every bad answer in a set is reported") {
  json doc = valid_answers();
  doc["answers"] = {{"alpha.one", 9}, {"alpha.two", "x"}, {"gamma.one", 1}};
  const auto r = read(doc);
  INFO(listing(r));
  REQUIRE(std::holds_alternative<std::vector<Diagnostic>>(r));
  CHECK(std::get<std::vector<Diagnostic>>(r).size() == 3);
}

TEST_CASE("answers: the questionnaire id must match") {
  json doc = valid_answers();
  doc["questionnaire"]["id"] = "other-q";
  check_rejected(doc, "questionnaire.id", "other-q");
}

TEST_CASE("answers: only the major part of the questionnaire version must match") {
  SECTION("1.3.0 answers a 1.0.0 questionnaire") {
    json doc = valid_answers();
    doc["questionnaire"]["version"] = "1.3.0";
    check_accepted(doc);
  }
  SECTION("2.0.0 does not") {
    json doc = valid_answers();
    doc["questionnaire"]["version"] = "2.0.0";
    check_rejected(doc, "questionnaire.version", "2.0.0");
  }
  SECTION("10.0.0 does not (1 is not a prefix match)") {
    json doc = valid_answers();
    doc["questionnaire"]["version"] = "10.0.0";
    check_rejected(doc, "questionnaire.version", "10.0.0");
  }
}

TEST_CASE("answers: the format must be centric-answers/1") {
  SECTION("wrong") {
    json doc = valid_answers();
    doc["format"] = "centric-answers/2";
    check_rejected(doc, "format", "is \"centric-answers/2\", expected \"centric-answers/1\"");
  }
  SECTION("an answer set that claims to be a questionnaire") {
    json doc = valid_answers();
    doc["format"] = "centric-questionnaire/1";
    check_rejected(doc, "format", "is \"centric-questionnaire/1\", expected \"centric-answers/1\"");
  }
  SECTION("a questionnaire: one problem, which says so, not one for each key it lacks") {
    const json doc = {{"format", "centric-questionnaire/1"}, {"id", "test-q"}, {"dimensions", json::array()}};
    const auto r = read(doc);
    REQUIRE(std::holds_alternative<std::vector<Diagnostic>>(r));
    const auto& problems = std::get<std::vector<Diagnostic>>(r);
    INFO(listing(r));
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].path == "format");
    CHECK(problems[0].message == "this is a questionnaire, not answers (use it with --questionnaire FILE)");
  }
  SECTION("missing") {
    json doc = valid_answers();
    doc.erase("format");
    check_rejected(doc, "format", "missing");
  }
}

TEST_CASE("answers: complete:false is accepted and counted as partial") {
  json doc = valid_answers();
  doc["complete"] = false;
  CHECK_FALSE(check_accepted(doc).complete);

  Reading reading;
  json second = valid_answers("r-2");
  reading.inputs.read_text(json::array({doc, second}).dump(), "all.json", InputForm::detect);
  reading.check_counts(2, 0);
  CHECK(reading.summary().partial == 1);
}

TEST_CASE("answers: complete must be a boolean") {
  json doc = valid_answers();
  doc["complete"] = "no";
  check_rejected(doc, "complete", "true or false");
}

// =======================================================================================
// Duplicates of a respondent id

TEST_CASE("answers: a repeated respondent id rejects the later set, naming both sources") {
  Reading reading;
  reading.inputs.read_text(valid_answers("r-7").dump(), "first.json", InputForm::detect);
  reading.inputs.read_text(valid_answers("r-7").dump(), "second.json", InputForm::detect);
  reading.check_counts(1, 1);
  REQUIRE(reading.summary().rejected.size() == 1);
  const Rejection& r = reading.summary().rejected[0];
  CHECK(r.source == "second.json");
  REQUIRE(reading.problems.at(0).size() == 1);
  const std::string text = describe(reading.problems[0][0]);
  INFO(text);
  CHECK(text.find("second.json") != std::string::npos);
  CHECK(text.find("first.json") != std::string::npos);
  CHECK(text.find("r-7") != std::string::npos);
  CHECK(text.find("duplicate") != std::string::npos);
}

TEST_CASE("answers: duplicates inside one array name both elements") {
  Reading reading;
  reading.inputs.read_text(json::array({valid_answers("x"), valid_answers("y"), valid_answers("x")}).dump(), "all.json",
                           InputForm::detect);
  reading.check_counts(2, 1);
  CHECK(reading.accepted_ids == std::vector<std::string>{"x", "y"});
  REQUIRE(reading.summary().rejected.size() == 1);
  CHECK(reading.summary().rejected[0].source == "all.json[2]");
  CHECK(reading.summary().rejected[0].reason.find("all.json[0]") != std::string::npos);
}

TEST_CASE("answers: a rejected set does not claim its respondent id") {
  json bad = valid_answers("x");
  bad["answers"]["alpha.one"] = 99;
  const json good = valid_answers("x");
  Reading reading;
  reading.inputs.read_text(json::array({bad, good}).dump(), "all.json", InputForm::detect);
  reading.check_counts(1, 1);
  CHECK(reading.accepted_ids == std::vector<std::string>{"x"});
  REQUIRE(reading.summary().rejected.size() == 1);
  CHECK(reading.summary().rejected[0].source == "all.json[0]");
}

TEST_CASE("answers: sets without a respondent id are never duplicates") {
  Reading reading;
  reading.inputs.read_text(json::array({valid_answers(""), valid_answers(""), valid_answers("")}).dump(), "all.json",
                           InputForm::detect);
  reading.check_counts(3, 0);
}

// =======================================================================================
// Input forms

TEST_CASE("inputs: a file holding one object is one answer set") {
  TempDir dir;
  const std::string file = dir.write("one.json", valid_answers("r-1").dump(2));
  Reading reading;
  reading.inputs.read_file(file);
  reading.check_counts(1, 0);
  CHECK(reading.accepted_ids == std::vector<std::string>{"r-1"});
}

TEST_CASE("inputs: an array element that is not an object is one rejection FILE[INDEX]") {
  TempDir dir;
  const std::string file =
      dir.write("all.json", json::array({valid_answers("r-1"), "oops", valid_answers("r-3")}).dump(2));
  Reading reading;
  reading.inputs.read_file(file);
  reading.check_counts(2, 1);
  CHECK(reading.accepted_ids == std::vector<std::string>{"r-1", "r-3"});
  REQUIRE(reading.summary().rejected.size() == 1);
  CHECK(reading.summary().rejected[0].source == file + "[1]");
}

TEST_CASE("inputs: an array element that breaks a rule is rejected as FILE[INDEX]") {
  TempDir dir;
  json bad = valid_answers("r-2");
  bad["respondent"]["role"] = "boss";
  const std::string file = dir.write("all.json", json::array({valid_answers("r-1"), bad}).dump());
  Reading reading;
  reading.inputs.read_file(file);
  reading.check_counts(1, 1);
  REQUIRE(reading.summary().rejected.size() == 1);
  CHECK(reading.summary().rejected[0].source == file + "[1]");
  CHECK(reading.problems.at(0).at(0).source == file + "[1]");
}

TEST_CASE("inputs: an empty array contributes nothing") {
  TempDir dir;
  Reading reading;
  reading.inputs.read_file(dir.write("none.json", "[]"));
  reading.check_counts(0, 0);
  CHECK(reading.summary().sources == 0);
}

TEST_CASE("inputs: in a .jsonl file a bad line is one rejection FILE:LINE, the other lines are read") {
  TempDir dir;
  const std::string file =
      dir.write("team.jsonl", line_of(valid_answers("r-1")) + "{\"format\": \n" + line_of(valid_answers("r-3")));
  Reading reading;
  reading.inputs.read_file(file);
  reading.check_counts(2, 1);
  CHECK(reading.accepted_ids == std::vector<std::string>{"r-1", "r-3"});
  REQUIRE(reading.summary().rejected.size() == 1);
  CHECK(reading.summary().rejected[0].source == file + ":2");
}

TEST_CASE(
    "inputs: a .jsonl file that is one document over many lines: its first line says so, the others point to it") {
  TempDir dir;
  const std::string pretty = valid_answers("r-1").dump(2) + "\n";
  const std::string first_line_message =
      "one answer set is spread over several lines from here; a .jsonl file needs each answer set on one line (or "
      "name the file .json)";
  SECTION("an object, pretty-printed, after a blank line; then a set on one line, which is read") {
    const std::string file = dir.write("team.jsonl", "\n" + pretty + line_of(valid_answers("r-2")));
    Reading reading;
    reading.inputs.read_file(file);
    const auto lines = static_cast<std::size_t>(std::count(pretty.begin(), pretty.end(), '\n'));
    reading.check_counts(1, lines);  // each line is an entry of its own (formats.md §2)
    CHECK(reading.accepted_ids == std::vector<std::string>{"r-2"});
    CHECK(reading.summary().rejected[0].source == file + ":2");
    CHECK(reading.problems[0][0].message == first_line_message);
    CHECK(reading.problems[0][0].line == 0);
    CHECK(reading.summary().rejected[1].source == file + ":3");
    CHECK(reading.problems[1][0].message == "part of what is spread over several lines from line 2 (see there)");
    CHECK(reading.summary().rejected.back().source == file + ":" + std::to_string(lines + 1));
  }
  SECTION("its first line holds more than the brace") {
    Reading reading;
    reading.inputs.read_text("{\"format\": \"centric-answers/1\",\n \"answers\": {}}\n", "team.jsonl",
                             InputForm::json_lines);
    reading.check_counts(0, 2);
    CHECK(reading.summary().rejected[0].source == "team.jsonl:1");
    CHECK(reading.problems[0][0].message == first_line_message);
  }
  SECTION("an array, pretty-printed") {
    const json all = {valid_answers("r-1"), valid_answers("r-2")};
    Reading reading;
    reading.inputs.read_text(all.dump(2), "team.jsonl", InputForm::json_lines);
    REQUIRE(reading.summary().rejected.size() > 2);
    CHECK(reading.summary().accepted == 0);
    CHECK(reading.summary().rejected[0].source == "team.jsonl:1");
    CHECK(reading.problems[0][0].message.starts_with("an array of answer sets is spread over several lines"));
  }
  SECTION("an unfinished first line followed by answer sets on one line each is one broken line") {
    Reading reading;
    reading.inputs.read_text(
        "{\"format\": \"centric-answers/1\",\n\n" + line_of(valid_answers("r-2")) + line_of(valid_answers("r-3")),
        "team.jsonl", InputForm::json_lines);
    reading.check_counts(2, 1);
    CHECK(reading.summary().rejected[0].source == "team.jsonl:1");
    CHECK(reading.accepted_ids == std::vector<std::string>{"r-2", "r-3"});
  }
  SECTION("a lone brace and nothing else is one broken line") {
    Reading reading;
    reading.inputs.read_text("{\n", "team.jsonl", InputForm::json_lines);
    reading.check_counts(0, 1);
    CHECK(reading.summary().rejected[0].source == "team.jsonl:1");
  }
  SECTION("a good first line and a pretty-printed set later: each line on its own, as ever") {
    Reading reading;
    reading.inputs.read_text(line_of(valid_answers("r-1")) + pretty, "team.jsonl", InputForm::json_lines);
    CHECK(reading.summary().accepted == 1);
    CHECK(reading.summary().rejected.size() > 1);
    CHECK(reading.summary().rejected[0].source == "team.jsonl:2");
  }
}

TEST_CASE("inputs: in a .jsonl file a line that breaks a rule is rejected as FILE:LINE") {
  TempDir dir;
  json bad = valid_answers("r-2");
  bad["answers"]["alpha.one"] = 0;
  const std::string file =
      dir.write("team.jsonl", line_of(valid_answers("r-1")) + line_of(bad) + line_of(valid_answers("r-3")));
  Reading reading;
  reading.inputs.read_file(file);
  reading.check_counts(2, 1);
  REQUIRE(reading.summary().rejected.size() == 1);
  CHECK(reading.summary().rejected[0].source == file + ":2");
}

TEST_CASE("inputs: blank lines in a .jsonl file are ignored but still counted for line numbers") {
  TempDir dir;
  const std::string file = dir.write(
      "team.jsonl", "\n" + line_of(valid_answers("r-1")) + "   \n\t\r\n" + line_of(valid_answers("r-2")) + "\n[1]\n\n");
  Reading reading;
  reading.inputs.read_file(file);
  reading.check_counts(2, 1);
  CHECK(reading.accepted_ids == std::vector<std::string>{"r-1", "r-2"});
  REQUIRE(reading.summary().rejected.size() == 1);
  CHECK(reading.summary().rejected[0].source == file + ":7");  // a line that is not an object
}

TEST_CASE("inputs: Windows line endings in a .jsonl file are fine") {
  TempDir dir;
  const std::string file =
      dir.write("team.jsonl", valid_answers("r-1").dump() + "\r\n" + valid_answers("r-2").dump() + "\r\n");
  Reading reading;
  reading.inputs.read_file(file);
  reading.check_counts(2, 0);
}

TEST_CASE("inputs: a .jsonl line with invalid UTF-8 rejects only that line") {
  TempDir dir;
  std::string bad = valid_answers("r-2").dump();
  const auto at = bad.find("sales");
  REQUIRE(at != std::string::npos);
  bad.replace(at, 5, "sa\xFF\xFEles");
  const std::string file =
      dir.write("team.jsonl", line_of(valid_answers("r-1")) + bad + "\n" + line_of(valid_answers("r-3")));
  Reading reading;
  reading.inputs.read_file(file);
  reading.check_counts(2, 1);
  CHECK(reading.accepted_ids == std::vector<std::string>{"r-1", "r-3"});
  REQUIRE(reading.summary().rejected.size() == 1);
  CHECK(reading.summary().rejected[0].source == file + ":2");
  CHECK(reading.summary().rejected[0].reason.find("UTF-8") != std::string::npos);
}

TEST_CASE("inputs: a .jsonl file with no answer sets contributes nothing") {
  TempDir dir;
  Reading reading;
  reading.inputs.read_file(dir.write("empty.jsonl", ""));
  reading.inputs.read_file(dir.write("blank.jsonl", "\n  \n\n"));
  reading.check_counts(0, 0);
}

TEST_CASE("inputs: a file whose value is a string or a number is one rejection for the whole file") {
  TempDir dir;
  const std::string text_file = dir.write("text.json", "\"hello\"");
  const std::string number_file = dir.write("number.json", "42");
  Reading reading;
  reading.inputs.read_file(text_file);
  reading.inputs.read_file(number_file);
  reading.check_counts(0, 2);
  REQUIRE(reading.summary().rejected.size() == 2);
  CHECK(reading.summary().rejected[0].source == text_file);
  CHECK(reading.summary().rejected[0].reason.find("a string") != std::string::npos);
  CHECK(reading.summary().rejected[1].source == number_file);
}

TEST_CASE("inputs: an unreadable .json file is one rejection for the whole file") {
  TempDir dir;
  SECTION("empty") {
    const std::string file = dir.write("empty.json", "");
    Reading reading;
    reading.inputs.read_file(file);
    reading.check_counts(0, 1);
    CHECK(reading.summary().rejected[0].source == file);
    CHECK(reading.summary().rejected[0].reason.find("empty") != std::string::npos);
  }
  SECTION("white space only") {
    Reading reading;
    reading.inputs.read_file(dir.write("blank.json", "\n \n"));
    reading.check_counts(0, 1);
  }
  SECTION("a syntax error in an array of good sets: nothing from the file is read") {
    const std::string text = "[" + valid_answers("r-1").dump() + ",\n" + valid_answers("r-2").dump() + ",]";
    const std::string file = dir.write("all.json", text);
    Reading reading;
    reading.inputs.read_file(file);
    reading.check_counts(0, 1);
    REQUIRE(reading.summary().rejected.size() == 1);
    CHECK(reading.problems.at(0).at(0).line == 2);
  }
  SECTION("UTF-16") {
    Reading reading;
    reading.inputs.read_file(dir.write("utf16.json", std::string("\xFF\xFE[\0]\0", 6)));
    reading.check_counts(0, 1);
    CHECK(reading.summary().rejected[0].reason.find("UTF-16") != std::string::npos);
  }
  SECTION("binary junk") {
    Reading reading;
    reading.inputs.read_file(dir.write("junk.json", std::string("\x00\x01\x02\xFF\x00", 5)));
    reading.check_counts(0, 1);
  }
}

TEST_CASE("inputs: a UTF-8 byte-order mark is ignored, with a warning") {
  TempDir dir;
  Reading reading;
  reading.inputs.read_file(dir.write("bom.json", "\xEF\xBB\xBF" + valid_answers("r-1").dump()));
  reading.inputs.read_file(dir.write("bom.jsonl", "\xEF\xBB\xBF" + line_of(valid_answers("r-2"))));
  reading.check_counts(2, 0);
  CHECK(reading.summary().warnings.size() == 2);
}

TEST_CASE("inputs: a missing file is one rejection saying it cannot be read") {
  TempDir dir;
  for (const char* name : {"missing.json", "missing.jsonl"}) {
    const std::string file = dir.path(name);
    Reading reading;
    std::istringstream no_stdin;
    reading.inputs.read_argument(file, no_stdin);
    INFO(name);
    reading.check_counts(0, 1);
    REQUIRE(reading.summary().rejected.size() == 1);
    CHECK(reading.summary().rejected[0].source == file);
    CHECK(reading.summary().rejected[0].reason.find("cannot read") != std::string::npos);
  }
}

TEST_CASE("inputs: a directory is read recursively, *.json and *.jsonl only, sorted by path") {
  TempDir dir;
  // Written out of order, so that creation order cannot pass for sorted order.
  dir.write("z.json", valid_answers("z").dump());
  dir.write("b/d/e.json", json::array({valid_answers("bde-1"), valid_answers("bde-2")}).dump());
  dir.write("README.txt", "not JSON at all {");
  dir.write("b/notes.json.bak", "not JSON either");
  dir.write("m.jsonl", line_of(valid_answers("m-1")) + line_of(valid_answers("m-2")));
  dir.write("b/c.jsonl", line_of(valid_answers("bc")));
  dir.write("a.json", valid_answers("a").dump());
  dir.write("folder.json/inner.json", valid_answers("inner").dump());  // a folder named like a file
  fs::create_directories(dir.path("empty-folder"));
  Reading reading;
  std::istringstream no_stdin;
  reading.inputs.read_argument(dir.path(), no_stdin);
  reading.check_counts(8, 0);
  CHECK(reading.accepted_ids == std::vector<std::string>{"a", "bc", "bde-1", "bde-2", "inner", "m-1", "m-2", "z"});
}

TEST_CASE("inputs: rejections inside a directory name the file") {
  TempDir dir;
  dir.write("a.json", valid_answers("a").dump());
  const std::string bad = dir.write("b.json", "{");
  Reading reading;
  std::istringstream no_stdin;
  reading.inputs.read_argument(dir.path(), no_stdin);
  reading.check_counts(1, 1);
  REQUIRE(reading.summary().rejected.size() == 1);
  CHECK(reading.summary().rejected[0].source == bad);
}

TEST_CASE("inputs: an empty directory contributes nothing") {
  TempDir dir;
  fs::create_directories(dir.path("sub/deeper"));
  Reading reading;
  std::istringstream no_stdin;
  reading.inputs.read_argument(dir.path(), no_stdin);
  reading.check_counts(0, 0);
  CHECK(reading.summary().sources == 0);
}

TEST_CASE("inputs: arguments are read in order, the first of two duplicates wins") {
  TempDir dir;
  const std::string second = dir.write("2.json", valid_answers("same").dump());
  const std::string first = dir.write("1.json", valid_answers("same").dump());
  Reading reading;
  std::istringstream no_stdin;
  reading.inputs.read_argument(second, no_stdin);
  reading.inputs.read_argument(first, no_stdin);
  reading.check_counts(1, 1);
  REQUIRE(reading.summary().rejected.size() == 1);
  CHECK(reading.summary().rejected[0].source == first);
}

TEST_CASE("inputs: standard input may hold JSON Lines") {
  const std::string text =
      line_of(valid_answers("s-1")) + "\n" + line_of(valid_answers("s-2")) + line_of(valid_answers("s-3"));
  SECTION("through read_text") {
    Reading reading;
    reading.inputs.read_text(text, "<stdin>", InputForm::detect);
    reading.check_counts(3, 0);
    CHECK(reading.accepted_ids == std::vector<std::string>{"s-1", "s-2", "s-3"});
  }
  SECTION("through read_argument(\"-\")") {
    Reading reading;
    std::istringstream in(text);
    reading.inputs.read_argument("-", in);
    reading.check_counts(3, 0);
    CHECK(reading.accepted_ids == std::vector<std::string>{"s-1", "s-2", "s-3"});
  }
  SECTION("a bad line among them is one rejection <stdin>:LINE") {
    const std::string with_bad =
        line_of(valid_answers("s-1")) + line_of(valid_answers("s-2")) + "{nope}\n" + line_of(valid_answers("s-4"));
    Reading reading;
    reading.inputs.read_text(with_bad, "<stdin>", InputForm::detect);
    reading.check_counts(3, 1);
    REQUIRE(reading.summary().rejected.size() == 1);
    CHECK(reading.summary().rejected[0].source == "<stdin>:3");
  }
}

TEST_CASE("inputs: standard input may hold one object, even spread over lines") {
  Reading reading;
  reading.inputs.read_text(valid_answers("s-1").dump(2), "<stdin>", InputForm::detect);
  reading.check_counts(1, 0);
  CHECK(reading.accepted_ids == std::vector<std::string>{"s-1"});
}

TEST_CASE("inputs: standard input may hold an array") {
  SECTION("on one line") {
    Reading reading;
    reading.inputs.read_text(json::array({valid_answers("s-1"), valid_answers("s-2")}).dump(), "<stdin>",
                             InputForm::detect);
    reading.check_counts(2, 0);
    CHECK(reading.accepted_ids == std::vector<std::string>{"s-1", "s-2"});
  }
  SECTION("spread over lines, with an element that is not an object") {
    Reading reading;
    reading.inputs.read_text(json::array({valid_answers("s-1"), 5, valid_answers("s-2")}).dump(2), "<stdin>",
                             InputForm::detect);
    reading.check_counts(2, 1);
    REQUIRE(reading.summary().rejected.size() == 1);
    CHECK(reading.summary().rejected[0].source == "<stdin>[1]");
  }
}

TEST_CASE("inputs: empty or invalid standard input is one rejection") {
  for (const std::string& text : {std::string(), std::string("  \n"), std::string("{\"format\": ")}) {
    Reading reading;
    reading.inputs.read_text(text, "<stdin>", InputForm::detect);
    INFO("stdin: \"" << text << "\"");
    reading.check_counts(0, 1);
    REQUIRE(reading.summary().rejected.size() == 1);
    CHECK(reading.summary().rejected[0].source == "<stdin>");
  }
}

TEST_CASE("inputs: read_text with json_lines=true reads each line on its own") {
  Reading reading;
  reading.inputs.read_text(line_of(valid_answers("l-1")) + "[]\n" + line_of(valid_answers("l-3")), "team.jsonl",
                           InputForm::json_lines);
  reading.check_counts(2, 1);
  REQUIRE(reading.summary().rejected.size() == 1);
  CHECK(reading.summary().rejected[0].source == "team.jsonl:2");
}
