// `centric validate` as a user sees it: "FILE: ok" on stdout, each problem on stderr with
// its JSON path (or line and column), exit 0 only when every file is fine.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

#include "e2e/e2e_common.hpp"
#include "support/process.hpp"

using namespace centric::test;
using nlohmann::json;

namespace {

ProcessResult validate_in(const TempDir& dir, const std::vector<std::string>& args,
                          const std::string& stdin_text = "") {
  ProcessOptions options;
  options.working_directory = dir.path();
  options.stdin_text = stdin_text;
  return run_centric(with({"validate"}, args), options);
}

// The built-in questionnaire as `centric questionnaire --json` prints it.
std::string printed_questionnaire() {
  const auto r = run_centric({"questionnaire", "--json"});
  REQUIRE(r.exit_code == 0);
  return r.out;
}

}  // namespace

TEST_CASE("validate: a good answers file is ok: exit 0", "[validate]") {
  TempDir dir;
  dir.write("a.json", answer_set("r-1").dump(2));
  const auto r = validate_in(dir, {"a.json"});
  CHECK(r.exit_code == 0);
  CHECK(has_line_starting_with(r.out, "a.json: ok"));
  CHECK(r.err.empty());
}

TEST_CASE("validate: the example directory and JSON Lines file are ok", "[validate]") {
  const auto r = run_centric(with({"validate"}, example_inputs()));
  CHECK(r.exit_code == 0);
  CHECK(has_line_starting_with(r.out, source_path("examples/acme") + ": ok"));
  CHECK(has_line_starting_with(r.out, source_path("examples/acme-extra.jsonl") + ": ok"));
  CHECK(r.err.empty());
}

TEST_CASE("validate: answers on standard input", "[validate]") {
  TempDir dir;
  const auto good = validate_in(dir, {"-"}, answer_set("in-1").dump() + "\n" + answer_set("in-2").dump() + "\n");
  CHECK(good.exit_code == 0);
  CHECK(contains(good.out, "ok"));

  json bad = answer_set("in-1");
  bad["answers"]["culture.values-known"] = "na";
  bad["answers"]["no.such-question"] = 3;
  const auto r = validate_in(dir, {"-"}, bad.dump());
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "answers[\"no.such-question\"]"));
}

TEST_CASE("validate: the questionnaire printed by `questionnaire --json` is ok as a questionnaire", "[validate]") {
  TempDir dir;
  dir.write("q.json", printed_questionnaire());
  const auto r = validate_in(dir, {"q.json"});
  CHECK(r.exit_code == 0);
  // The built-in questionnaire claims four languages, and every text has all four.
  CHECK(split_lines(r.out) ==
        std::vector<std::string>{"q.json: ok (questionnaire customer-centricity 2.0.0, complete in en, pl, ru, hu)"});
  CHECK(r.err.empty());

  // One text without its Hungarian: named, and the questionnaire is not ok.
  json q = json::parse(printed_questionnaire());
  q["dimensions"][5]["recommendations"][2]["owner"].erase("hu");
  dir.write("q.json", q.dump(2));
  const auto missing = validate_in(dir, {"q.json"});
  CHECK(missing.exit_code == 1);
  CHECK(contains(missing.err, "dimensions[5].recommendations[2].owner: has no \"hu\" text (\"languages\" claims it)"));
}

TEST_CASE("validate: a broken questionnaire lists every problem with its JSON path: exit 1", "[validate]") {
  TempDir dir;
  json q = json::parse(printed_questionnaire());
  q["dimensions"][0]["id"] = "Bad Id";
  q["dimensions"][1]["questions"][0]["id"] = q["dimensions"][0]["questions"][0]["id"];  // duplicate
  q["levels"][0]["min"] = 5;
  q["dimensions"][2]["weight"] = 0;
  q["dimensions"][3]["id"] = "overall";
  q["dimensions"][4]["recommendations"][0]["levels"] = json::array({9});
  dir.write("q.json", q.dump(2));
  const auto r = validate_in(dir, {"q.json"});
  CHECK(r.exit_code == 1);
  CHECK_FALSE(contains(r.out, "q.json: ok"));
  for (const char* path : {"dimensions[0].id", "dimensions[1].questions[0].id", "levels[0].min", "dimensions[2].weight",
                           "dimensions[3].id", "dimensions[4].recommendations[0].levels[0]"}) {
    INFO(path);
    CHECK(has_line_starting_with(r.err, std::string("centric: error: q.json: ") + path + ": "));
  }
}

TEST_CASE("validate: a questionnaire that claims a language reports every string missing it", "[validate]") {
  TempDir dir;
  json q = json::parse(printed_questionnaire());
  // The bundled questionnaire has en, pl, ru and hu; claim German as well.
  q["languages"] = json::array({"en", "pl", "ru", "hu", "de"});
  q["title"]["de"] = "Titel";
  dir.write("q.json", q.dump(2));
  const auto r = validate_in(dir, {"q.json"});
  CHECK(r.exit_code == 1);
  CHECK_FALSE(has_line_starting_with(r.err, "centric: error: q.json: title: "));  // has de now
  CHECK(has_line_starting_with(r.err, "centric: error: q.json: intro: "));
  CHECK(has_line_starting_with(r.err, "centric: error: q.json: dimensions[4].questions[6].text: "));
  // One line per string: the built-in questionnaire has dozens of them.
  CHECK(split_lines(r.err).size() > 50);
}

TEST_CASE("validate: a questionnaire with a syntax error is reported with line and column", "[validate]") {
  TempDir dir;
  dir.write("q.json", "{\n  \"format\": \"centric-questionnaire/1\",\n  \"id\": \n");
  const auto r = validate_in(dir, {"q.json"});
  CHECK(r.exit_code == 1);
  CHECK(std::regex_search(r.err, std::regex("(^|\n)centric: error: q\\.json:[34]:[0-9]+: ")));
  CHECK_FALSE(contains(r.out, "ok"));
}

TEST_CASE("validate: a file with an unknown \"format\" is refused: exit 1", "[validate]") {
  TempDir dir;
  dir.write("other.json", R"({"format": "centric-report/1", "organisation": {}})");
  const auto r = validate_in(dir, {"other.json"});
  CHECK(r.exit_code == 1);
  CHECK(has_line_starting_with(r.err, "centric: error: other.json: format: "));
  CHECK_FALSE(contains(r.out, "ok"));
}

TEST_CASE("validate: a missing file is an error: exit 1", "[validate]") {
  TempDir dir;
  const auto r = validate_in(dir, {"missing.json"});
  CHECK(r.exit_code == 1);
  CHECK(has_line_starting_with(r.err, "centric: error: missing.json: "));
  CHECK(contains(r.out, "missing.json: invalid"));  // not "1 of 1 answer set rejected"
}

TEST_CASE("validate: one good and one bad file: exit 1 and both reported", "[validate]") {
  TempDir dir;
  dir.write("good.json", answer_set("g").dump(2));
  json bad = answer_set("b");
  bad["answers"]["culture.values-known"] = 9;
  dir.write("bad.json", bad.dump(2));
  dir.write("q.json", printed_questionnaire());

  for (const auto& order : {std::vector<std::string>{"good.json", "bad.json", "q.json"},
                            std::vector<std::string>{"bad.json", "q.json", "good.json"}}) {
    INFO(order[0] << " " << order[1] << " " << order[2]);
    const auto r = validate_in(dir, order);
    CHECK(r.exit_code == 1);
    CHECK(has_line_starting_with(r.out, "good.json: ok"));
    CHECK(has_line_starting_with(r.out, "q.json: ok (questionnaire"));
    CHECK_FALSE(has_line_starting_with(r.out, "bad.json: ok"));
    CHECK(has_line_starting_with(r.out, "bad.json: "));
    const auto lines = split_lines(r.err);
    const std::string prefix = "centric: error: bad.json: answers[\"culture.values-known\"]: ";
    const auto line = std::find_if(lines.begin(), lines.end(), [&](auto& l) { return starts_with(l, prefix); });
    REQUIRE(line != lines.end());
    CHECK(contains(line->substr(prefix.size()), "9"));
  }
}

TEST_CASE("validate: a .jsonl file with one broken line names that line", "[validate]") {
  TempDir dir;
  dir.write("lines.jsonl", answer_set("l-1").dump() + "\n" + answer_set("l-2").dump() + "\n{\"format\": \n");
  const auto r = validate_in(dir, {"lines.jsonl"});
  CHECK(r.exit_code == 1);
  CHECK(has_line_starting_with(r.err, "centric: error: lines.jsonl:3:"));
  CHECK_FALSE(contains(r.err, "lines.jsonl:1"));
  CHECK_FALSE(contains(r.err, "lines.jsonl:2"));
}

TEST_CASE("validate: answers are checked against --questionnaire: only the major version must match", "[validate]") {
  TempDir dir;
  dir.write("a.json", answer_set("r-1").dump(2));  // questionnaire version 2.0.0
  json q = json::parse(printed_questionnaire());
  q["version"] = "2.4.0";
  dir.write("minor.json", q.dump(2));
  q["version"] = "3.0.0";
  dir.write("major.json", q.dump(2));
  q["version"] = "2.0.0";
  q["id"] = "another-questionnaire";
  dir.write("other-id.json", q.dump(2));

  const auto minor = validate_in(dir, {"--questionnaire", "minor.json", "a.json"});
  CHECK(minor.exit_code == 0);
  CHECK(has_line_starting_with(minor.out, "a.json: ok"));

  const auto major = validate_in(dir, {"--questionnaire", "major.json", "a.json"});
  CHECK(major.exit_code == 1);
  CHECK(has_line_starting_with(major.err, "centric: error: a.json: questionnaire.version: "));
  // An earlier wave's answers: the message says how to score them (and only then).
  CHECK(contains(major.err, "score an earlier version's answers with that version's questionnaire"));
  json newer = answer_set("r-1");
  newer["questionnaire"]["version"] = "3.1.0";
  dir.write("newer.json", newer.dump(2));
  const auto ahead = validate_in(dir, {"newer.json"});
  CHECK(ahead.exit_code == 1);
  CHECK(contains(ahead.err, "(the major versions must match)"));
  CHECK_FALSE(contains(ahead.err, "earlier version"));

  // The 1.0.0 questionnaire is kept beside the built-in one, and scores its answers.
  json wave_2025 = answer_set("r-1");
  wave_2025["questionnaire"]["version"] = "1.0.0";
  wave_2025["answers"] = {{"culture.values-defined", 4}, {"people-over-profit.over-promising", 2}};
  dir.write("2025.json", wave_2025.dump(2));
  const auto old = validate_in(dir, {"2025.json"});
  CHECK(old.exit_code == 1);
  CHECK(contains(old.err, "score an earlier version's answers"));
  const auto with_v1 = validate_in(dir, {"-q", source_path("questionnaires/customer-centricity-1.json"), "2025.json"});
  CHECK(with_v1.exit_code == 0);

  const auto other = validate_in(dir, {"-q", "other-id.json", "a.json"});
  CHECK(other.exit_code == 1);
  CHECK(has_line_starting_with(other.err, "centric: error: a.json: questionnaire.id: "));
}

TEST_CASE("validate: usage errors exit 2", "[validate][usage]") {
  for (const auto& args :
       {std::vector<std::string>{"validate"}, std::vector<std::string>{"validate", "--bogus", "x.json"}}) {
    const auto r = run_centric(args);
    CHECK(r.exit_code == 2);
    CHECK(starts_with(r.err, "centric: error:"));
    CHECK(r.out.empty());
  }
}
