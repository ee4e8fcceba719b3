// `centric assess` as a user sees it: exit codes, what goes to stdout and stderr, the
// input forms, --output, the JSON report's shape, colour and the text report's width.
#include <fmt/format.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "e2e/e2e_common.hpp"
#include "support/process.hpp"

using namespace centric::test;
using nlohmann::json;
namespace fs = std::filesystem;
using namespace std::string_literals;

namespace {

// A run over the examples plus `more`, run inside `dir` so that stderr shows the short names.
ProcessResult run_examples_in(const TempDir& dir, const std::vector<std::string>& more) {
  ProcessOptions options;
  options.working_directory = dir.path();
  return run_centric(with(with({"assess"}, example_inputs()), more), options);
}

// The report's departments: id -> entry.
std::map<std::string, json> departments_by_id(const json& report) {
  std::map<std::string, json> by_id;
  for (const auto& d : report["departments"]) by_id[d["id"].get<std::string>()] = d;
  return by_id;
}

// The groups that carry scores and recommendations: the organisation, every shown
// department and the role subgroups when shown.
std::vector<std::pair<std::string, json>> shown_groups(const json& report) {
  std::vector<std::pair<std::string, json>> groups{{"organisation", report["organisation"]}};
  for (const auto& d : report["departments"])
    if (!d["suppressed"].get<bool>()) groups.emplace_back("department " + d["id"].get<std::string>(), d);
  if (report.contains("roles") && report["roles"].is_object())
    for (const auto& [name, group] : report["roles"].items()) groups.emplace_back("role " + name, group);
  return groups;
}

std::string strip_escape_codes(const std::string& text) {
  static const std::regex sgr("\x1b\\[[0-9;]*[A-Za-z]");
  return std::regex_replace(text, sgr, "");
}

}  // namespace

// ---------------------------------------------------------------------------------------
// Exit 0

TEST_CASE("assess: the examples are all accepted: exit 0, the report on stdout, nothing on stderr", "[assess]") {
  const auto r = run_centric(with({"assess"}, example_inputs()));
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(contains(r.out, "Customer-centricity self-assessment"));
  CHECK(contains(r.out, "50 respondents"));
  CHECK(contains(r.out, "Inputs: 50 answer sets accepted"));
}

TEST_CASE("assess: the examples as JSON: exit 0, 50 accepted, nothing rejected", "[assess][json]") {
  const auto r = run_centric(with({"assess", "--format", "json"}, example_inputs()));
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  const json report = parse_report(r.out);
  CHECK(report["format"] == "centric-report/1");
  CHECK(report["organisation"]["n"] == 50);
  CHECK(report["inputs"]["accepted"] == 50);
  CHECK(report["inputs"]["sources"] == 50);
  CHECK(report["inputs"]["rejected"].empty());
}

// ---------------------------------------------------------------------------------------
// Exit 3: done, but some inputs were rejected

TEST_CASE("assess: a value off the scale and a broken JSON line give exit 3, each named on stderr and in the report",
          "[assess][exit3]") {
  TempDir dir;
  json bad = answer_set("bad-1");
  bad["answers"]["culture.values-known"] = 9;
  dir.write("bad.json", bad.dump(2));
  dir.write("broken.jsonl",
            answer_set("line-1").dump() + "\n" + "{\"format\": broken\n" + "\n" + answer_set("line-4").dump() + "\n");

  SECTION("JSON report") {
    const auto r = run_examples_in(dir, {"bad.json", "broken.jsonl", "--format", "json"});
    CHECK(r.exit_code == 3);
    const json report = parse_report(r.out);

    // stderr: the file, the question id and the value; the .jsonl line with its number.
    const auto lines = split_lines(r.err);
    const std::string value_prefix = "centric: error: bad.json: answers[\"culture.values-known\"]: ";
    const auto value_line =
        std::find_if(lines.begin(), lines.end(), [&](auto& l) { return starts_with(l, value_prefix); });
    REQUIRE(value_line != lines.end());
    CHECK(contains(value_line->substr(value_prefix.size()), "9"));
    CHECK(has_line_starting_with(r.err, "centric: error: broken.jsonl:2:"));
    // The good lines around the broken one are not reported.
    CHECK_FALSE(has_line_starting_with(r.err, "centric: error: broken.jsonl:1"));
    CHECK_FALSE(has_line_starting_with(r.err, "centric: error: broken.jsonl:4"));

    CHECK(rejected_sources(report) == std::vector<std::string>{"bad.json", "broken.jsonl:2"});
    const auto& inputs = report["inputs"];
    CHECK(inputs["accepted"] == 52);  // the examples and the two good lines
    CHECK(inputs["sources"].get<int>() == inputs["accepted"].get<int>() + static_cast<int>(inputs["rejected"].size()));
    CHECK(report["organisation"]["n"] == 52);
    for (const auto& entry : inputs["rejected"]) CHECK_FALSE(entry["error"].get<std::string>().empty());
  }

  SECTION("text report is still printed") {
    const auto r = run_examples_in(dir, {"bad.json", "broken.jsonl"});
    CHECK(r.exit_code == 3);
    CHECK(contains(r.out, "52 respondents"));
    CHECK(contains(r.out, "Silo spread"));
    CHECK(has_line_starting_with(r.err, "centric: error: bad.json: "));
    CHECK(has_line_starting_with(r.err, "centric: error: broken.jsonl:2:"));
  }
}

TEST_CASE("assess: an array element that is not an object is one rejected entry FILE[INDEX]", "[assess][exit3]") {
  TempDir dir;
  dir.write("array.json", json::array({answer_set("a-1"), 42, answer_set("a-3")}).dump());
  ProcessOptions options;
  options.working_directory = dir.path();
  const auto r = run_centric(with(with({"assess", "--format", "json"}, example_inputs()), {"array.json"}), options);
  CHECK(r.exit_code == 3);
  const json report = parse_report(r.out);
  CHECK(rejected_sources(report) == std::vector<std::string>{"array.json[1]"});
  CHECK(report["organisation"]["n"] == 52);
  CHECK(has_line_starting_with(r.err, "centric: error: array.json[1]: "));
}

TEST_CASE("assess: a repeated respondent id rejects the later answer set, naming both sources", "[assess][exit3]") {
  TempDir dir;
  // Written b first: the directory is read in path order, not in creation order.
  dir.write("answers/b.json", answer_set("same-id", "it").dump());
  dir.write("answers/a.json", answer_set("same-id", "sales").dump());
  ProcessOptions options;
  options.working_directory = dir.path();

  SECTION("inside a directory: sorted by path, so b.json is the later one") {
    const auto r = run_centric({"assess", "--format", "json", "answers"}, options);
    CHECK(r.exit_code == 3);
    const json report = parse_report(r.out);
    REQUIRE(rejected_sources(report) == std::vector<std::string>{"answers/b.json"});
    CHECK(contains(report["inputs"]["rejected"][0]["error"].get<std::string>(), "answers/a.json"));
    CHECK(departments_by_id(report).count("it") == 0);
  }
  SECTION("across arguments: the argument order decides") {
    const auto r = run_centric({"assess", "--format", "json", "answers/b.json", "answers/a.json"}, options);
    CHECK(r.exit_code == 3);
    const json report = parse_report(r.out);
    REQUIRE(rejected_sources(report) == std::vector<std::string>{"answers/a.json"});
    CHECK(contains(report["inputs"]["rejected"][0]["error"].get<std::string>(), "answers/b.json"));
    CHECK(departments_by_id(report).count("sales") == 0);
  }
}

// ---------------------------------------------------------------------------------------
// Exit 1: nothing could be done

TEST_CASE("assess: only bad inputs: exit 1, no report", "[assess][exit1]") {
  TempDir dir;
  json bad = answer_set("bad-1");
  bad["answers"]["culture.values-known"] = 9;
  dir.write("bad.json", bad.dump());
  dir.write("broken.jsonl", "{\"format\": broken\n");
  ProcessOptions options;
  options.working_directory = dir.path();
  const auto r = run_centric({"assess", "bad.json", "broken.jsonl"}, options);
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(has_line_starting_with(r.err, "centric: error: bad.json: "));
  CHECK(has_line_starting_with(r.err, "centric: error: broken.jsonl:1:"));
}

TEST_CASE("assess: an empty directory and an empty .jsonl give nothing to report: exit 1", "[assess][exit1]") {
  TempDir dir;
  fs::create_directories(dir.file("empty-dir"));
  dir.write("empty.jsonl", "\n\n");
  ProcessOptions options;
  options.working_directory = dir.path();
  const auto r = run_centric({"assess", "empty-dir", "empty.jsonl"}, options);
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(starts_with(r.err, "centric: error:"));
}

TEST_CASE("assess: a missing input file is rejected and named", "[assess][exit1]") {
  TempDir dir;
  ProcessOptions options;
  options.working_directory = dir.path();
  const auto alone = run_centric({"assess", "no-such-file.json"}, options);
  CHECK(alone.exit_code == 1);
  CHECK(has_line_starting_with(alone.err, "centric: error: no-such-file.json: "));
  const auto mixed = run_examples_in(dir, {"no-such-file.json"});
  CHECK(mixed.exit_code == 3);
}

TEST_CASE("assess: an invalid --questionnaire is refused with the JSON path of each problem: exit 1",
          "[assess][exit1][questionnaire]") {
  TempDir dir;
  json q = builtin_questionnaire();
  q["dimensions"][0]["id"] = "Not A Valid Id";
  q["levels"][1]["min"] = 0;  // not strictly ascending
  dir.write("q.json", q.dump(2));
  ProcessOptions options;
  options.working_directory = dir.path();
  const auto r = run_centric(with({"assess", "--questionnaire", "q.json"}, example_inputs()), options);
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(has_line_starting_with(r.err, "centric: error: q.json: dimensions[0].id: "));
  CHECK(has_line_starting_with(r.err, "centric: error: q.json: levels[1].min: "));
}

TEST_CASE("assess: a --questionnaire that is not JSON is refused with line and column: exit 1",
          "[assess][exit1][questionnaire]") {
  TempDir dir;
  dir.write("q.json", "{\n  \"format\": \"centric-questionnaire/1\",\n  \"id\": oops\n}\n");
  ProcessOptions options;
  options.working_directory = dir.path();
  const auto r = run_centric(with({"assess", "-q", "q.json"}, example_inputs()), options);
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(has_line_starting_with(r.err, "centric: error: q.json:3:"));
}

TEST_CASE("assess: --output into a directory that does not exist: exit 1 and nothing written",
          "[assess][exit1][output]") {
  TempDir dir;
  ProcessOptions options;
  options.working_directory = dir.path();
  const auto r =
      run_centric(with({"assess", "--output", "missing/report.json", "--format", "json"}, example_inputs()), options);
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(has_line_starting_with(r.err, "centric: error: missing/report.json: "));
  CHECK(list_directory(dir.path()).empty());
}

TEST_CASE("assess: --output naming an existing directory: exit 1 and no temporary file left",
          "[assess][exit1][output]") {
  TempDir dir;
  std::filesystem::create_directories(dir.file("reports"));
  ProcessOptions options;
  options.working_directory = dir.path();
  const auto r = run_centric(with({"assess", "--output", "reports"}, example_inputs()), options);
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(has_line_starting_with(r.err, "centric: error: reports: "));
  CHECK(list_directory(dir.path()) == std::vector<std::string>{"reports"});
  CHECK(list_directory(dir.file("reports")).empty());
}

TEST_CASE("assess: --strict refuses to report when an input is rejected", "[assess][exit1][strict]") {
  TempDir dir;
  json bad = answer_set("bad-1");
  bad["answers"]["culture.values-known"] = 9;
  dir.write("bad.json", bad.dump());

  SECTION("one bad input: exit 1, no report, the rejection on stderr") {
    const auto r = run_examples_in(dir, {"--strict", "bad.json"});
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
    CHECK(has_line_starting_with(r.err, "centric: error: bad.json: answers[\"culture.values-known\"]: "));
  }
  SECTION("with --output nothing is written either") {
    const auto r = run_examples_in(dir, {"--strict", "bad.json", "--output", "report.json"});
    CHECK(r.exit_code == 1);
    CHECK(list_directory(dir.path()) == std::vector<std::string>{"bad.json"});
  }
  SECTION("all inputs good: --strict changes nothing") {
    const auto r = run_examples_in(dir, {"--strict"});
    CHECK(r.exit_code == 0);
    CHECK(contains(r.out, "50 respondents"));
  }
}

// ---------------------------------------------------------------------------------------
// Exit 2: usage errors

TEST_CASE("assess: usage errors exit 2 with a centric error on stderr and nothing on stdout", "[usage]") {
  const std::string examples = source_path("examples/acme");
  const std::vector<std::pair<std::string, std::vector<std::string>>> cases{
      {"unknown option", {"assess", "--no-such-option", examples}},
      {"missing INPUT", {"assess"}},
      {"--min-group 0", {"assess", "--min-group", "0", examples}},
      {"--min-group not a number", {"assess", "--min-group", "five", examples}},
      {"--min-group without a value", {"assess", examples, "--min-group"}},
      {"--top negative", {"assess", "--top", "-1", examples}},
      {"--jobs 0", {"assess", "--jobs", "0", examples}},
      {"--jobs not a number", {"assess", "-j", "all", examples}},
      {"--format xml", {"assess", "--format", "xml", examples}},
      {"unknown subcommand", {"frobnicate", examples}},
      {"no subcommand", {}},
      {"unknown global option", {"--no-such-option"}},
      {"standard input twice", {"assess", "-", "-"}},
      {"-o \"\"", {"assess", "-o", "", examples}},
      {"--output \"\"", {"assess", "--output", "", examples}},
      {"--output=", {"assess", "--output=", examples}},
      {"-q \"\"", {"assess", "-q", "", examples}},
      {"validate -q \"\"", {"validate", "-q", "", examples}},
      {"questionnaire -q \"\"", {"questionnaire", "-q", ""}},
  };
  for (const auto& [name, args] : cases) {
    INFO(name);
    const auto r = run_centric(args);
    CHECK(r.exit_code == 2);
    CHECK(starts_with(r.err, "centric: error:"));
    CHECK(r.out.empty());
  }
}

TEST_CASE("assess: an empty --output is a usage error, not standard output", "[usage]") {
  const auto r = run_centric(with({"assess", "-o", ""}, example_inputs()));
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(split_lines(r.err).front() == "centric: error: --output: needs a file name, not an empty string");
}

TEST_CASE("assess: --min-group below 3 warns that anonymity is weak, and still runs", "[assess][anonymity]") {
  const std::string warning_1 =
      "centric: warning: --min-group 1: groups this small give weak anonymity, since a reader may recognise a "
      "person's answers; use 3 or more (the default is 5)";
  for (const char* min_group : {"1", "2"}) {
    INFO(min_group);
    const auto r = run_centric(with({"assess", "--format", "json", "--min-group", min_group}, example_inputs()));
    CHECK(r.exit_code == 0);
    const auto lines = split_lines(r.err);
    REQUIRE(lines.size() == 1);
    CHECK(lines[0] == fmt::format("centric: warning: --min-group {}: groups this small give weak anonymity, since a "
                                  "reader may recognise a person's answers; use 3 or more (the default is 5)",
                                  min_group));
    CHECK(parse_report(r.out)["min_group"] == std::stoi(min_group));
  }
  CHECK(run_centric(with({"assess", "--min-group", "1"}, example_inputs())).err.find(warning_1) == 0);
  for (const char* min_group : {"3", "5"})
    CHECK(run_centric(with({"assess", "--format", "json", "--min-group", min_group}, example_inputs())).err.empty());
}

TEST_CASE("usage errors say what is wrong in the user's words", "[usage]") {
  auto r = run_centric({"frobnicate"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("unknown command 'frobnicate'") != std::string::npos);
  r = run_centric({"assess"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("INPUT is required") != std::string::npos);
  r = run_centric({"assess", "-", "-"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("standard input (-) can be read only once") != std::string::npos);
}

TEST_CASE("centric --help and assess --help print usage on stdout and exit 0", "[usage]") {
  const auto top = run_centric({"--help"});
  CHECK(top.exit_code == 0);
  CHECK(contains(top.out, "Usage:"));
  for (const char* command : {"assess", "validate", "questionnaire"}) CHECK(contains(top.out, command));

  const auto assess = run_centric({"assess", "--help"});
  CHECK(assess.exit_code == 0);
  CHECK(contains(assess.out, "Usage:"));
  for (const char* option : {"--format", "--output", "--min-group", "--top", "--strict", "--no-color"})
    CHECK(contains(assess.out, option));
}

TEST_CASE("centric --version prints a version number and exits 0", "[usage]") {
  const auto r = run_centric({"--version"});
  CHECK(r.exit_code == 0);
  CHECK(std::regex_search(r.out, std::regex("^[0-9]+\\.[0-9]+\\.[0-9]+")));
  CHECK(r.err.empty());
}

TEST_CASE("assess: after --, a file called 'assess' is an input, not a subcommand", "[assess][usage]") {
  TempDir dir;
  dir.write("assess", answer_set("only-one").dump(2));
  ProcessOptions options;
  options.working_directory = dir.path();
  const auto r = run_centric({"assess", "--format", "json", "--", "assess"}, options);
  REQUIRE(r.exit_code == 0);
  const json report = parse_report(r.out);
  CHECK(report["organisation"]["n"] == 1);
  CHECK(report["inputs"]["accepted"] == 1);
  // Fewer respondents than --min-group: a warning, not an error.
  CHECK(has_line_starting_with(r.err, "centric: warning: "));
  CHECK_FALSE(contains(r.err, "error"));
}

TEST_CASE("assess: files named like the other subcommands are inputs after --", "[assess][usage]") {
  TempDir dir;
  dir.write("validate", answer_set("v").dump());
  dir.write("questionnaire", answer_set("q").dump());
  ProcessOptions options;
  options.working_directory = dir.path();
  const auto r = run_centric({"assess", "--format", "json", "--", "validate", "questionnaire"}, options);
  REQUIRE(r.exit_code == 0);
  CHECK(parse_report(r.out)["organisation"]["n"] == 2);
}

// ---------------------------------------------------------------------------------------
// Input forms

TEST_CASE("assess: a directory, an object file, an array file, a .jsonl and stdin mixed in one call",
          "[assess][inputs]") {
  TempDir dir;
  dir.write("dir/one.json", answer_set("d-1", "sales").dump(2));
  dir.write("dir/nested/two.json", answer_set("d-2", "it").dump(2));
  dir.write("dir/three.jsonl", answer_set("d-3", "it").dump() + "\n");
  dir.write("dir/notes.txt", "not an answer file, and not read");
  dir.write("single.json", answer_set("s-1", "sales", "leader").dump(2));
  dir.write("array.json", json::array({answer_set("a-1", "hr"), answer_set("a-2", "hr")}).dump(2));
  dir.write("lines.jsonl", answer_set("l-1", "sales").dump() + "\n\n" + answer_set("l-2", "it").dump() + "\n");
  ProcessOptions options;
  options.working_directory = dir.path();

  SECTION("stdin as JSON Lines") {
    options.stdin_text = answer_set("in-1", "hr").dump() + "\n" + answer_set("in-2", "hr").dump() + "\n";
    const auto r =
        run_centric({"assess", "--format", "json", "dir", "single.json", "array.json", "lines.jsonl", "-"}, options);
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    const json report = parse_report(r.out);
    CHECK(report["organisation"]["n"] == 10);
    CHECK(report["inputs"]["accepted"] == 10);
    CHECK(report["inputs"]["sources"] == 10);
    auto by_id = departments_by_id(report);
    CHECK(by_id["sales"]["n"] == 3);
    CHECK(by_id["it"]["n"] == 3);
    CHECK(by_id["hr"]["n"] == 4);
  }
  SECTION("stdin as one pretty-printed object") {
    options.stdin_text = answer_set("in-1", "hr").dump(2);
    const auto r =
        run_centric({"assess", "--format", "json", "-", "dir", "single.json", "array.json", "lines.jsonl"}, options);
    REQUIRE(r.exit_code == 0);
    CHECK(parse_report(r.out)["organisation"]["n"] == 9);
  }
  SECTION("stdin as one object on one line") {
    options.stdin_text = answer_set("in-1", "hr").dump() + "\n";
    const auto r = run_centric({"assess", "--format", "json", "single.json", "-"}, options);
    REQUIRE(r.exit_code == 0);
    CHECK(parse_report(r.out)["organisation"]["n"] == 2);
  }
  SECTION("stdin as an array") {
    options.stdin_text =
        json::array({answer_set("in-1", "hr"), answer_set("in-2", "hr"), answer_set("in-3", "hr")}).dump(2);
    const auto r = run_centric({"assess", "--format", "json", "array.json", "-", "lines.jsonl"}, options);
    REQUIRE(r.exit_code == 0);
    CHECK(parse_report(r.out)["organisation"]["n"] == 7);
  }
  SECTION("a broken line on stdin is one rejected entry, the other lines count") {
    options.stdin_text = answer_set("in-1", "hr").dump() + "\n{oops\n" + answer_set("in-3", "hr").dump() + "\n";
    const auto r = run_centric({"assess", "--format", "json", "single.json", "-"}, options);
    CHECK(r.exit_code == 3);
    const json report = parse_report(r.out);
    CHECK(report["organisation"]["n"] == 3);
    REQUIRE(report["inputs"]["rejected"].size() == 1);
    CHECK(contains(report["inputs"]["rejected"][0]["source"].get<std::string>(), ":2"));
  }
}

TEST_CASE("assess: a UTF-8 byte-order mark at the start of a file is ignored", "[assess][inputs]") {
  TempDir dir;
  dir.write("bom.json", "\xEF\xBB\xBF" + answer_set("bom-1").dump(2));
  ProcessOptions options;
  options.working_directory = dir.path();
  const auto r = run_centric({"assess", "--format", "json", "bom.json"}, options);
  REQUIRE(r.exit_code == 0);
  CHECK(parse_report(r.out)["organisation"]["n"] == 1);
  CHECK_FALSE(contains(r.err, "error"));
}

// ---------------------------------------------------------------------------------------
// --output

TEST_CASE("assess: --output writes the report to the file and nothing to stdout", "[assess][output]") {
  TempDir dir;
  ProcessOptions options;
  options.working_directory = dir.path();
  const auto first =
      run_centric(with({"assess", "--format", "json", "--output", "report.json"}, example_inputs()), options);
  REQUIRE(first.exit_code == 0);
  CHECK(first.out.empty());
  // No temporary file is left beside it.
  CHECK(list_directory(dir.path()) == std::vector<std::string>{"report.json"});
  const json report = parse_report(read_text_file(dir.file("report.json")));
  CHECK(report["format"] == "centric-report/1");
  CHECK(report["min_group"] == 5);
  CHECK(report["organisation"]["n"] == 50);

  // Running again replaces it.
  const auto second = run_centric(
      with({"assess", "--format", "json", "--min-group", "1", "-o", "report.json"}, example_inputs()), options);
  REQUIRE(second.exit_code == 0);
  CHECK(second.out.empty());
  CHECK(list_directory(dir.path()) == std::vector<std::string>{"report.json"});
  const json rewritten = parse_report(read_text_file(dir.file("report.json")));
  CHECK(rewritten["min_group"] == 1);

  // A text report goes to the file the same way, never with colour.
  const auto text = run_centric(with({"assess", "--output", "report.txt"}, example_inputs()), options);
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.empty());
  CHECK(list_directory(dir.path()) == std::vector<std::string>{"report.json", "report.txt"});
  const std::string written = read_text_file(dir.file("report.txt"));
  CHECK(contains(written, "Silo spread"));
  CHECK_FALSE(has_escape_codes(written));
}

TEST_CASE("assess: --output naming an input file is refused and the input is left byte for byte", "[assess][output]") {
  TempDir dir;
  json a = answer_set("keep-me");
  const std::string original = a.dump(2) + "\n";
  dir.write("answers.json", original);
  ProcessOptions options;
  options.working_directory = dir.path();

  for (const std::string& output :
       {std::string("answers.json"), std::string("./answers.json"), dir.file("answers.json")}) {
    INFO("--output " << output);
    const auto r = run_centric({"assess", "answers.json", "--format", "json", "--output", output}, options);
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
    CHECK(starts_with(r.err, "centric: error: "));
    CHECK(read_text_file(dir.file("answers.json")) == original);
    CHECK(list_directory(dir.path()) == std::vector<std::string>{"answers.json"});
  }
}

TEST_CASE("assess: --output as a .json file inside an input directory is refused", "[assess][output]") {
  TempDir dir;
  dir.write("answers/a.json", answer_set("a").dump());
  ProcessOptions options;
  options.working_directory = dir.path();
  for (const std::string& output :
       {std::string("answers/report.json"), std::string("answers/../answers/sub/report.json"),
        dir.file("answers/report.jsonl")}) {
    INFO("--output " << output);
    const auto r = run_centric({"assess", "answers", "--format", "json", "--output", output}, options);
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
    CHECK(list_directory(dir.file("answers")) == std::vector<std::string>{"a.json"});
  }
}

// ---------------------------------------------------------------------------------------
// The JSON report's shape (formats.md §4)

TEST_CASE("assess: the JSON report of the examples has the shape formats.md §4 promises", "[assess][json]") {
  const auto r = run_centric(with({"assess", "--format", "json"}, example_inputs()));
  REQUIRE(r.exit_code == 0);
  const json report = parse_report(r.out);
  const auto dims = dimension_ids();

  CHECK(report["questionnaire"] == json({{"id", "customer-centricity"}, {"version", "2.0.0"}}));
  CHECK(report["min_group"] == 5);
  CHECK(report["organisation"]["n"] == 50);
  CHECK(report["organisation"]["partial"] == 4);

  std::vector<std::string> ids;
  for (const auto& d : report["departments"]) ids.push_back(d["id"].get<std::string>());
  CHECK(ids == std::vector<std::string>{"customer-service", "finance", "hr", "it", "legal", "logistics", "marketing",
                                        "sales"});
  CHECK(std::is_sorted(ids.begin(), ids.end()));

  auto by_id = departments_by_id(report);
  CHECK(by_id["legal"] == json({{"id", "legal"}, {"n", 2}, {"suppressed", true}}));
  // Complementary suppression: hr (n=5) is the smallest shown department; without hiding
  // it too, legal's two answers could be worked out from the organisation's figures.
  CHECK(by_id["hr"] == json({{"id", "hr"}, {"n", 5}, {"suppressed", true}}));

  for (const auto& [id, d] : by_id) {
    if (id == "legal" || id == "hr") continue;
    INFO("department " << id);
    CHECK(d["suppressed"] == false);
    CHECK(d["n"].get<int>() >= 5);
    CHECK(d["name"].is_string());
    CHECK(d["overall"]["score"].is_number());
    CHECK(d["recommendations"].is_array());
    for (const auto& dim : dims) CHECK(d["dimensions"].contains(dim));
  }

  for (const auto& dim : dims) {
    INFO("dimension " << dim);
    const auto& o = report["organisation"]["dimensions"][dim];
    REQUIRE(o.is_object());
    CHECK(o["score"].get<double>() >= 0);
    CHECK(o["score"].get<double>() <= 100);
    CHECK(o["n"].get<int>() <= 50);
    for (const char* key : {"level", "sd", "ci95", "alpha", "favorable", "neutral", "unfavorable"})
      CHECK(o.contains(key));
    CHECK(report["gaps"]["silo_spread"].contains(dim));
    CHECK(report["gaps"]["leader_gap"].contains(dim));
    CHECK(report["gaps"]["silo_spread"][dim].is_number());
    CHECK(report["gaps"]["leader_gap"][dim].is_number());
  }
  CHECK(report["organisation"]["dimensions"].size() == dims.size());
  CHECK(report["gaps"]["silo_spread"].size() == dims.size());
  CHECK(report["gaps"]["leader_gap"].size() == dims.size());
}

TEST_CASE("assess: no score of a suppressed department appears anywhere in the JSON report",
          "[assess][json][anonymity]") {
  const auto r = run_centric(with({"assess", "--format", "json"}, example_inputs()));
  REQUIRE(r.exit_code == 0);
  const json report = parse_report(r.out);
  // Every value under a suppressed department's entry is its id, n or the flag.
  for (const auto& d : report["departments"])
    if (d["suppressed"].get<bool>()) CHECK(d.size() == 3);
  // The silo spread is computed over shown departments only: it equals max - min of theirs.
  for (const auto& dim : dimension_ids()) {
    double lo = 1e9, hi = -1e9;
    for (const auto& d : report["departments"]) {
      if (d["suppressed"].get<bool>() || d["dimensions"][dim].is_null()) continue;
      lo = std::min(lo, d["dimensions"][dim]["score"].get<double>());
      hi = std::max(hi, d["dimensions"][dim]["score"].get<double>());
    }
    CHECK(report["gaps"]["silo_spread"][dim].get<double>() == Approx(hi - lo).epsilon(1e-9));
  }
}

TEST_CASE("assess: --min-group 1 shows every department", "[assess][json][anonymity]") {
  const auto r = run_centric(with({"assess", "--format", "json", "--min-group", "1"}, example_inputs()));
  REQUIRE(r.exit_code == 0);
  const json report = parse_report(r.out);
  CHECK(report["min_group"] == 1);
  REQUIRE(report["departments"].size() == 8);
  for (const auto& d : report["departments"]) {
    INFO("department " << d["id"]);
    CHECK(d["suppressed"] == false);
    CHECK(d["overall"]["score"].is_number());
  }
  CHECK(departments_by_id(report)["legal"]["n"] == 2);
}

TEST_CASE("assess: --top limits recommendations to the N weakest dimensions of each shown group", "[assess][json]") {
  for (int top : {1, 3}) {
    INFO("--top " << top);
    const auto r = run_centric(with({"assess", "--format", "json", "--top", std::to_string(top)}, example_inputs()));
    REQUIRE(r.exit_code == 0);
    const json report = parse_report(r.out);
    const auto groups = shown_groups(report);
    CHECK(groups.size() == 9);  // the organisation, six departments, two roles
    for (const auto& [name, group] : groups) {
      INFO(name);
      std::vector<std::pair<double, std::string>> by_score;
      for (const auto& [dim, v] : group["dimensions"].items())
        if (!v.is_null()) by_score.emplace_back(v["score"].get<double>(), dim);
      std::sort(by_score.begin(), by_score.end());
      std::set<std::string> weakest;
      for (int i = 0; i < top; ++i) weakest.insert(by_score[static_cast<std::size_t>(i)].second);

      std::set<std::string> recommended;
      for (const auto& rec : group["recommendations"]) {
        recommended.insert(rec["dimension"].get<std::string>());
        CHECK(rec["level"] == group["dimensions"][rec["dimension"].get<std::string>()]["level"]);
        CHECK_FALSE(rec["text"].get<std::string>().empty());
      }
      CHECK(recommended == weakest);
    }
  }
  const auto none = run_centric(with({"assess", "--format", "json", "--top", "0"}, example_inputs()));
  REQUIRE(none.exit_code == 0);
  for (const auto& [name, group] : shown_groups(parse_report(none.out))) {
    INFO(name);
    CHECK(group["recommendations"].empty());
  }
}

TEST_CASE("assess: role subgroups are shown only when leaders and employees both reach --min-group",
          "[assess][json][anonymity]") {
  // The examples hold 11 leaders and 39 employees.
  const auto shown = run_centric(with({"assess", "--format", "json", "--min-group", "11"}, example_inputs()));
  REQUIRE(shown.exit_code == 0);
  const json with_roles = parse_report(shown.out);
  REQUIRE(with_roles["roles"].is_object());
  CHECK(with_roles["roles"]["leaders"]["n"] == 11);
  CHECK(with_roles["roles"]["employees"]["n"] == 39);
  // Per dimension, the gap is shown where both roles' cells are; a leader who did not
  // answer enough of a dimension leaves 10 of 11 there, and the leaders' cell is hidden.
  int gaps = 0;
  for (const auto& dim : dimension_ids()) {
    INFO("dimension " << dim);
    const json& leaders = with_roles["roles"]["leaders"];
    const json& employees = with_roles["roles"]["employees"];
    const bool both = !leaders["dimensions"][dim].is_null() && !employees["dimensions"][dim].is_null();
    CHECK(with_roles["gaps"]["leader_gap"][dim].is_number() == both);
    if (leaders["dimensions"][dim].is_null()) CHECK(leaders["hidden"][dim] == "small");
    gaps += both;
  }
  CHECK(gaps > 0);
  // At the default --min-group every gap is there.
  const json defaults = parse_report(run_centric(with({"assess", "--format", "json"}, example_inputs())).out);
  for (const auto& dim : dimension_ids()) CHECK(defaults["gaps"]["leader_gap"][dim].is_number());

  for (const char* min_group : {"12", "20"}) {
    INFO("--min-group " << min_group);
    const auto r = run_centric(with({"assess", "--format", "json", "--min-group", min_group}, example_inputs()));
    REQUIRE(r.exit_code == 0);
    const json report = parse_report(r.out);
    CHECK(report["roles"].is_null());
    for (const auto& dim : dimension_ids()) {
      INFO("dimension " << dim);
      CHECK(report["gaps"]["leader_gap"][dim].is_null());
      // No department has 12 respondents: all hidden, so no silo spread either.
      CHECK(report["gaps"]["silo_spread"][dim].is_null());
    }
    // The organisation itself is never suppressed.
    CHECK(report["organisation"]["n"] == 50);
    CHECK(report["organisation"]["overall"]["score"].is_number());
    for (const auto& d : report["departments"]) CHECK(d["suppressed"] == true);
  }
}

// ---------------------------------------------------------------------------------------
// Colour

TEST_CASE("assess: no colour codes when stdout is a pipe, with --no-color or with NO_COLOR", "[assess][color]") {
  const auto plain = run_centric(with({"assess"}, example_inputs()));
  REQUIRE(plain.exit_code == 0);
  CHECK_FALSE(has_escape_codes(plain.out));

  const auto flag = run_centric(with({"assess", "--no-color"}, example_inputs()));
  REQUIRE(flag.exit_code == 0);
  CHECK_FALSE(has_escape_codes(flag.out));

  ProcessOptions no_color;
  no_color.env["NO_COLOR"] = "1";
  const auto env = run_centric(with({"assess"}, example_inputs()), no_color);
  REQUIRE(env.exit_code == 0);
  CHECK_FALSE(has_escape_codes(env.out));
  CHECK(flag.out == plain.out);
  CHECK(env.out == plain.out);
}

TEST_CASE("assess: on a terminal the report is coloured unless --no-color, NO_COLOR or TERM=dumb says no",
          "[assess][color][terminal]") {
  const auto args = with({"assess"}, example_inputs());
  const auto coloured = run_centric_on_terminal(args, {});
  REQUIRE(coloured.exit_code == 0);
  CHECK(has_escape_codes(coloured.out));
  // On a terminal of 80 columns, no line is wider, colour codes aside.
  for (const auto& line : split_lines(strip_escape_codes(coloured.out))) {
    INFO(line);
    CHECK(code_points(line) <= 80);
  }

  const auto flag = run_centric_on_terminal(with(args, {"--no-color"}), {});
  REQUIRE(flag.exit_code == 0);
  CHECK_FALSE(has_escape_codes(flag.out));
  CHECK(flag.out == strip_escape_codes(coloured.out));

  const auto env = run_centric_on_terminal(args, {{"NO_COLOR", "1"}});
  REQUIRE(env.exit_code == 0);
  CHECK_FALSE(has_escape_codes(env.out));

  const auto dumb = run_centric_on_terminal(args, {{"TERM", "dumb"}});
  REQUIRE(dumb.exit_code == 0);
  CHECK_FALSE(has_escape_codes(dumb.out));
}

// ---------------------------------------------------------------------------------------
// The text report

TEST_CASE("assess: the text report fits 80 columns and names what a reader needs", "[assess][text]") {
  const auto r = run_centric(with({"assess"}, example_inputs()));  // COLUMNS=80
  REQUIRE(r.exit_code == 0);
  for (const auto& line : split_lines(r.out)) {
    INFO(line);
    CHECK(code_points(line) <= 80);
  }
  CHECK(contains(r.out, "Silo spread"));
  CHECK(contains(r.out, "Leader gap"));

  // The suppressed departments are named by their id with their n, and nothing else about
  // them (not even the display name the questionnaire gives "hr").
  const auto lines = split_lines(r.out);
  const std::regex legal("\\blegal\\b.*\\bn=2\\b");
  CHECK(std::any_of(lines.begin(), lines.end(), [&](auto& l) { return std::regex_search(l, legal); }));
  const std::regex hr("\\bhr\\b.*\\bn=5\\b");
  CHECK_FALSE(contains(r.out, "HR"));
  CHECK(std::any_of(lines.begin(), lines.end(), [&](auto& l) { return std::regex_search(l, hr); }));
  const std::regex score("\\bL[1-5]\\b|[0-9]+\\.[0-9]");
  for (const auto& line : lines) {
    if (std::regex_search(line, std::regex("\\blegal\\b|\\bHR\\b"))) {
      INFO(line);
      CHECK_FALSE(std::regex_search(line, score));
    }
  }

  // Every shown department appears by its display name (taken from the JSON report).
  const auto json_run = run_centric(with({"assess", "--format", "json"}, example_inputs()));
  REQUIRE(json_run.exit_code == 0);
  const json report = parse_report(json_run.out);
  int shown = 0;
  for (const auto& d : report["departments"]) {
    if (d["suppressed"].get<bool>()) continue;
    ++shown;
    INFO("department " << d["name"]);
    CHECK(contains(r.out, d["name"].get<std::string>()));
  }
  CHECK(shown == 6);
}

TEST_CASE("assess: the text report follows COLUMNS when it is wider", "[assess][text]") {
  ProcessOptions wide;
  wide.env["COLUMNS"] = "120";
  const auto r = run_centric(with({"assess"}, example_inputs()), wide);
  REQUIRE(r.exit_code == 0);
  std::size_t widest = 0;
  for (const auto& line : split_lines(r.out)) widest = std::max(widest, code_points(line));
  CHECK(widest <= 120);
  CHECK(widest > 80);  // paragraphs use the room
}

TEST_CASE("assess: a text report whose departments are all hidden has no empty table section", "[assess][text]") {
  TempDir dir;
  dir.write("one.json", answer_set("only-one").dump());
  ProcessOptions options;
  options.working_directory = dir.path();
  const auto r = run_centric({"assess", "one.json"}, options);
  REQUIRE(r.exit_code == 0);
  const auto lines = split_lines(r.out);
  const auto is_rule = [](const std::string& l) {
    return !l.empty() && starts_with(l, "\u2500") && l.find_first_not_of("\u2500") == std::string::npos;
  };
  for (std::size_t i = 1; i < lines.size(); ++i) {
    INFO("lines " << i << " and " << i + 1);
    CHECK_FALSE((is_rule(lines[i - 1]) && is_rule(lines[i])));
  }
  CHECK(std::any_of(lines.begin(), lines.end(), [](auto& l) { return starts_with(l, "Organisation "); }));
  // One respondent, in the singular, and warned about.
  CHECK(contains(r.err, "centric: warning: the organisation has 1 respondent,"));
  std::string joined = r.out;
  std::replace(joined.begin(), joined.end(), '\n', ' ');
  CHECK(contains(joined, "has 1 respondent,"));
}

// ---------------------------------------------------------------------------------------
// Bad inputs never crash

namespace {

struct BadInput {
  std::string description;
  std::string file;
  std::string content;
  std::string position;  // regex after "FILE:" for syntax errors, empty when no position is expected
  std::string mentions;  // text the message must contain, if any
};

std::vector<BadInput> bad_inputs() {
  const std::string valid = answer_set("victim").dump(2);
  std::string utf16 = "\xFF\xFE";
  for (char c : std::string("{\"format\": \"centric-answers/1\"}")) {
    utf16.push_back(c);
    utf16.push_back('\0');
  }
  std::string big = valid;
  const std::string key = "\"culture.values-known\": ";
  const auto at = big.find(key) + key.size();
  const auto end = big.find_first_of(",\n", at);
  std::string huge = big;
  huge.replace(at, end - at, "1e999");
  big.replace(at, end - at, "123456789012345678901234567890");
  return {
      {"an empty file", "empty.json", "", "", ""},
      {"white space only", "blank.json", " \n\t \r\n", "", ""},
      {"UTF-16 with a byte-order mark", "utf16.json", utf16, "", "UTF-16"},
      {"binary junk with NUL bytes", "junk.json",
       "\x7f"
       "ELF\0\0\x01\x02\xff\xfe\0junk"s,
       "[0-9]+:[0-9]+", ""},
      {"invalid UTF-8 inside a string", "latin1.json",
       "{\n  \"format\": \"centric-answers/1\",\n  \"x\": \"Gda\xF1sk\"\n}\n", "3:[0-9]+", "UTF-8"},
      {"a trailing comma", "trailing.json", "{\n  \"format\": \"centric-answers/1\",\n}\n", "2:32", "trailing comma"},
      {"a CSV file saved as .json", "survey.json", "id,department,culture.values-known\nr1,sales,4\n", "1:1", "CSV"},
      {"100000 nested arrays", "deep.json", std::string(100000, '['), "", ""},
      {"100000 nested arrays, closed", "deep-closed.json", std::string(100000, '[') + std::string(100000, ']'), "", ""},
      {"a number too large for a double", "huge.json", huge, "[0-9]+:[0-9]+", "culture.values-known"},
      {"an integer too large for 64 bits", "big.json", big, "[0-9]+:[0-9]+", "culture.values-known"},
      {"a JSON string instead of an object", "string.json", "\"centric-answers/1\"", "", ""},
      {"a JSON number", "number.json", "42", "", ""},
      {"null", "null.json", "null", "", ""},
      {"an object with nothing in it", "object.json", "{}", "", ""},
      {"two objects in a .json file", "two.json", valid + "\n" + valid, "[0-9]+:[0-9]+", ""},
  };
}

}  // namespace

TEST_CASE("assess: bad input files are rejected with their name, never a crash", "[assess][robustness]") {
  for (const auto& bad : bad_inputs()) {
    INFO(bad.description << " (" << bad.file << ")");
    TempDir dir;
    dir.write(bad.file, bad.content);
    dir.write("good.json", answer_set("good-1").dump(2));
    ProcessOptions options;
    options.working_directory = dir.path();

    const auto alone = run_centric({"assess", bad.file}, options);
    INFO("stderr alone: " << alone.err);
    CHECK(alone.exit_code == 1);
    CHECK(alone.out.empty());
    CHECK(has_line_starting_with(alone.err, "centric: error: " + bad.file + ":"));

    const auto mixed = run_centric({"assess", "--format", "json", "good.json", bad.file}, options);
    INFO("stderr mixed: " << mixed.err);
    CHECK(mixed.exit_code == 3);
    CHECK(mixed.exit_code < 128);
    const auto lines = split_lines(mixed.err);
    const auto line = std::find_if(lines.begin(), lines.end(),
                                   [&](auto& l) { return starts_with(l, "centric: error: " + bad.file + ":"); });
    REQUIRE(line != lines.end());
    if (!bad.position.empty())
      CHECK(std::regex_search(
          *line, std::regex("^centric: error: " + std::regex_replace(bad.file, std::regex("\\."), "\\.") + ":" +
                            bad.position + ": ")));
    if (!bad.mentions.empty()) CHECK(contains(*line, bad.mentions));
    const json report = parse_report(mixed.out);
    CHECK(rejected_sources(report) == std::vector<std::string>{bad.file});
    CHECK(report["organisation"]["n"] == 1);
    CHECK(report["inputs"]["sources"] == 2);
  }
}

TEST_CASE("assess: bad lines of a .jsonl are rejected one by one with their line number", "[assess][robustness]") {
  TempDir dir;
  std::string text;
  text += answer_set("ok-1").dump() + "\n";          // 1
  text += "{\"format\": \"centric-answers/1\",}\n";  // 2: trailing comma
  text += "\n";                                      // 3: blank, ignored
  text += "{\"x\": \"\xC3\x28\"}\n";                 // 4: invalid UTF-8
  text += std::string(100000, '[') + "\n";           // 5: too deep
  text += "\x01\x02\x00\x03\n"s;                     // 6: binary
  text += "[1, 2]\n";                                // 7: not an object
  text += answer_set("ok-8").dump() + "\n";          // 8
  dir.write("mixed.jsonl", text);
  ProcessOptions options;
  options.working_directory = dir.path();
  const auto r = run_centric({"assess", "--format", "json", "mixed.jsonl"}, options);
  INFO(r.err);
  CHECK(r.exit_code == 3);
  const json report = parse_report(r.out);
  CHECK(report["organisation"]["n"] == 2);
  const auto sources = rejected_sources(report);
  CHECK(sources.size() == 5);
  for (const char* source : {"mixed.jsonl:2", "mixed.jsonl:4", "mixed.jsonl:5", "mixed.jsonl:6"})
    CHECK(std::find(sources.begin(), sources.end(), source) != sources.end());
  CHECK(std::none_of(sources.begin(), sources.end(),
                     [](auto& s) { return contains(s, ":1") || contains(s, ":3") || contains(s, ":8"); }));
  CHECK(has_line_starting_with(r.err, "centric: error: mixed.jsonl:2:"));
  CHECK(has_line_starting_with(r.err, "centric: error: mixed.jsonl:4:"));
  CHECK(report["inputs"]["sources"] == 7);
}

TEST_CASE("assess: bad answer sets on stdin are rejected, never a crash", "[assess][robustness]") {
  for (const std::string& input : {std::string(""), std::string("   \n"), std::string(100000, '['),
                                   std::string("\xFF\xFE{\0}\0", 6), std::string("\x00\x01\x02", 3)}) {
    ProcessOptions options;
    options.stdin_text = input;
    const auto r = run_centric({"assess", "-"}, options);
    CHECK(r.exit_code == 1);
    CHECK(starts_with(r.err, "centric: error: "));
  }
}

TEST_CASE("assess: control characters in a department id never reach the terminal", "[assess][text][robustness]") {
  TempDir dir;
  std::string lines;
  for (int i = 0; i < 5; ++i) lines += answer_set("evil-" + std::to_string(i), "evil\x1b[2J\x07").dump() + "\n";
  dir.write("evil.jsonl", lines);
  const auto r = run_centric({"assess", dir.file("evil.jsonl"), "--min-group", "1"});
  CHECK(r.exit_code == 0);
  CHECK_FALSE(contains(r.out, "\x1b"));
  CHECK_FALSE(contains(r.out, "\x07"));
  CHECK(contains(r.out, "evil\\x1B[2J\\x07"));
}
