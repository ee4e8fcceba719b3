// Departments as people write them in answer sets (formats.md §2, issue 16): a listed
// department's name is reported under its id; a spelling that looks like another one
// mistyped gives a warning — on stderr, in the JSON report and above every other report —
// before anything is suppressed because of it.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "e2e/e2e_common.hpp"
#include "support/process.hpp"

using namespace centric::test;
using nlohmann::json;

namespace {

std::string line_of(const std::string& id, const std::string& department) {
  return answer_set(id, department).dump() + "\n";
}

// The story: 12 in HR, 11 in "Logistics & Warehouse" and one more who typed
// "logistics & Warehouse " (a stray capital and space), in answers/a.jsonl and
// answers/b.jsonl; the questionnaire lists no departments (or, with `listed`, the
// built-in ones, where "Logistics & warehouse" is the department "logistics").
struct Story {
  TempDir dir;
  explicit Story(bool listed = false) {
    json questionnaire = builtin_questionnaire();
    if (!listed) questionnaire.erase("departments");
    dir.write("q.json", questionnaire.dump());
    std::string a = line_of("h1", "HR") + line_of("h2", "HR");
    for (int i = 0; i < 11; ++i) a += line_of("l" + std::to_string(i), "Logistics & Warehouse");
    for (int i = 3; i <= 12; ++i) a += line_of("h" + std::to_string(i), "HR");
    dir.write("answers/a.jsonl", a);
    dir.write("answers/b.jsonl", line_of("h13", "HR") + line_of("x1", "logistics & Warehouse "));
  }
  ProcessResult run(const std::vector<std::string>& more = {}) const {
    ProcessOptions options;
    options.working_directory = dir.path();
    return run_centric(with({"assess", "-q", "q.json", "answers"}, more), options);
  }
};

const std::string story_warning =
    "answers/b.jsonl:2: respondent.department: department \"logistics & Warehouse \" (1 answer set) differs only "
    "in case or white space from \"Logistics & Warehouse\" (11, first in answers/a.jsonl:3): did you mean "
    "\"Logistics & Warehouse\"?";

}  // namespace

TEST_CASE("departments: a stray capital and space give a warning on stderr naming both spellings and counts",
          "[departments]") {
  const Story story;
  for (const std::string jobs : {"1", "2"}) {
    INFO("jobs " << jobs);
    const auto r = story.run({"--format", "json", "--jobs", jobs});
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(contains(r.err, "centric: warning: " + story_warning + "\n"));
    CHECK(split_lines(r.err).size() == 1);  // said once
    const json report = parse_report(r.out);
    CHECK(report["inputs"]["warnings"] == json::array({story_warning}));
  }
  CHECK(contains(read_text_file(source_path("docs/bad-inputs.md")), "`centric: warning: " + story_warning + "`"));
}

TEST_CASE("departments: the warning comes first in the text, Markdown and HTML reports", "[departments]") {
  const Story story;
  {
    const auto r = story.run();
    REQUIRE(r.exit_code == 0);
    const std::string text = unwrapped(r.out);
    const auto warning = text.find("Warning: " + story_warning);
    REQUIRE(warning != std::string::npos);
    CHECK(warning < text.find("Scores by department"));
    CHECK(warning < text.find("respondents"));
  }
  {
    const auto r = story.run({"--format", "md"});
    REQUIRE(r.exit_code == 0);
    const auto warning = r.out.find("> **Warning:** answers/b.jsonl:2: respondent.department: department");
    REQUIRE(warning != std::string::npos);
    CHECK(contains(r.out, "(1 answer set) differs only in case or white space from"));
    CHECK(contains(r.out, "(11, first in answers/a.jsonl:3)"));
    CHECK(warning < r.out.find("\n- "));  // before the first figure
    CHECK(warning < r.out.find("\n|"));
  }
  {
    const auto r = story.run({"--format", "html"});
    REQUIRE(r.exit_code == 0);
    const auto warning = r.out.find("<p class=\"warning\" role=\"note\"><strong>Warning:</strong> answers/b.jsonl:2");
    REQUIRE(warning != std::string::npos);
    CHECK(contains(r.out, "(1 answer set) differs only in case or white space from"));
    CHECK(warning < r.out.find("</header>"));
    CHECK(warning < r.out.find("<main>"));
  }
}

TEST_CASE("departments: with the built-in questionnaire both spellings are the listed department", "[departments]") {
  const Story story(true);
  const auto r = story.run({"--format", "json"});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  const json report = parse_report(r.out);
  CHECK(report["inputs"]["warnings"].empty());
  std::map<std::string, long> n;
  for (const auto& d : report["departments"]) n[d["id"].get<std::string>()] = d["n"].get<long>();
  CHECK(n == std::map<std::string, long>{{"hr", 13}, {"logistics", 12}});
}

TEST_CASE("departments: a listed department's name in any language is reported under its id", "[departments]") {
  TempDir dir;
  std::string lines;
  int id = 0;
  for (const std::string department : {"Sprzedaż", "sales", " SALES", "Продажи", "Értékesítés", "Kadra zarządzająca", "kadra ZARZĄDZAJĄCA",
                                       "Management", "management ", "Руководство"})
    lines += line_of("r" + std::to_string(++id), department);
  dir.write("answers.jsonl", lines);
  // The same as one array in a .json file: the other reader.
  json array = json::array();
  for (const auto& l : split_lines(lines)) {
    json set = json::parse(l);
    set["respondent"]["id"] = "a-" + set["respondent"]["id"].get<std::string>();
    set["unknown key"] = true;  // taken the diagnosing way
    array.push_back(set);
  }
  dir.write("more.json", array.dump());
  ProcessOptions options;
  options.working_directory = dir.path();
  const auto r = run_centric({"assess", "--format", "json", "answers.jsonl", "more.json"}, options);
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  const json report = parse_report(r.out);
  std::map<std::string, std::pair<long, std::string>> seen;
  for (const auto& d : report["departments"])
    seen[d["id"].get<std::string>()] = {d["n"].get<long>(), d.value("name", "")};
  CHECK(seen == std::map<std::string, std::pair<long, std::string>>{{"management", {10, "Management"}},
                                                                    {"sales", {10, "Sales"}}});
}

TEST_CASE("departments: a department near a listed one is named with the listed one's id", "[departments]") {
  TempDir dir;
  std::string lines;
  for (int i = 0; i < 6; ++i) lines += line_of("s" + std::to_string(i), "sales");
  lines += line_of("x", "Sprzedaz");
  dir.write("answers.jsonl", lines);
  ProcessOptions options;
  options.working_directory = dir.path();
  const auto r = run_centric({"assess", "--format", "json", "answers.jsonl"}, options);
  CHECK(r.exit_code == 0);
  const std::string expected =
      "centric: warning: answers.jsonl:7: respondent.department: department \"Sprzedaz\" (1 answer set) is not "
      "listed in the questionnaire but is close to the listed department \"sales\" (\"Sprzedaż\", 6 answer sets, "
      "first in answers.jsonl:1): did you mean \"sales\"?";
  CHECK(r.err == expected + "\n");
  CHECK(contains(read_text_file(source_path("docs/bad-inputs.md")), "`" + expected + "`"));
}
