// Departments that look like another one mistyped (formats.md §2, issue 16): a warning
// naming both spellings, their counts and where the odd one was first seen.
#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "centric/answers_io.hpp"
#include "centric/questionnaire_io.hpp"
#include "support/small_questionnaire.hpp"
#include "support/temp_dir.hpp"

using namespace centric;

namespace {

const Questionnaire& built_in() {
  static const Questionnaire q = *load_default_questionnaire().questionnaire;
  return q;
}

const Questionnaire& without_departments() {
  static const Questionnaire q = centric::test::small_questionnaire();
  return q;
}

std::vector<std::string> messages(const std::vector<Diagnostic>& warnings) {
  std::vector<std::string> out;
  for (const auto& w : warnings) out.push_back(describe(w));
  return out;
}

}  // namespace

TEST_CASE("department warnings: spellings that differ only in case or white space") {
  const std::vector<DepartmentSeen> seen = {
      {"HR", 12, "answers/a.jsonl:1"},
      {"Logistics & Warehouse", 11, "answers/a.jsonl:3"},
      {"logistics & Warehouse ", 1, "answers/b.jsonl:7"},
  };
  const auto warnings = department_warnings(without_departments(), seen);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].severity == Diagnostic::Severity::warning);
  CHECK(warnings[0].source == "answers/b.jsonl:7");
  CHECK(warnings[0].path == "respondent.department");
  CHECK(warnings[0].message ==
        "department \"logistics & Warehouse \" (1 answer set) differs only in case or white space from "
        "\"Logistics & Warehouse\" (11, first in answers/a.jsonl:3): did you mean \"Logistics & Warehouse\"?");
}

TEST_CASE("department warnings: the odd one of two is the rarer, else the later") {
  // The rarer was seen first: the warning is still about it, at its own source.
  auto warnings = department_warnings(without_departments(), {{"sales", 2, "x.json"}, {"Sales", 9, "y.jsonl:4"}});
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].source == "x.json");
  CHECK(warnings[0].message.starts_with("department \"sales\" (2 answer sets) differs only"));
  CHECK(warnings[0].message.ends_with("(9, first in y.jsonl:4): did you mean \"Sales\"?"));
  // As many: the later is the odd one.
  warnings = department_warnings(without_departments(), {{"sales", 3, "x.json"}, {"Sales", 3, "y.jsonl:4"}});
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].source == "y.jsonl:4");
  // Three spellings: each odd one against the most common, not each pair.
  warnings = department_warnings(without_departments(),
                                 {{"sales", 3, "a.json"}, {"Sales", 7, "b.json"}, {" SALES", 1, "c.json"}});
  CHECK(messages(warnings) ==
        std::vector<std::string>{"a.json: respondent.department: department \"sales\" (3 answer sets) differs only in "
                                 "case or white space from \"Sales\" (7, first in b.json): did you mean \"Sales\"?",
                                 "c.json: respondent.department: department \" SALES\" (1 answer set) differs only in "
                                 "case or white space from \"Sales\" (7, first in b.json): did you mean \"Sales\"?"});
}

TEST_CASE("department warnings: spellings a few edits apart, once a pair") {
  const std::vector<DepartmentSeen> seen = {
      {"Logistics & Warehouse", 11, "a.jsonl:3"},
      {"Logistcs & Warehouse", 2, "b.jsonl:1"},
      {"Finance", 8, "a.jsonl:5"},
      {"Research", 6, "a.jsonl:9"},  // far from all others
  };
  const auto warnings = department_warnings(without_departments(), seen);
  REQUIRE(warnings.size() == 1);
  CHECK(describe(warnings[0]) ==
        "b.jsonl:1: respondent.department: department \"Logistcs & Warehouse\" (2 answer sets) is close to "
        "\"Logistics & Warehouse\" (11, first in a.jsonl:3): did you mean \"Logistics & Warehouse\"?");
}

TEST_CASE("department warnings: near a listed department's id or name") {
  const std::vector<DepartmentSeen> seen = {
      {"sales", 11, "a.jsonl:1"},   {"Sprzedaz", 2, "b.jsonl:4"},  // Sprzedaż without its ogonek
      {"Logistcs", 1, "b.jsonl:9"},                                // the id, mistyped; no set of it
      {"hr", 12, "a.jsonl:2"},      {"legal", 3, "a.jsonl:7"},     // not listed, and near nothing
  };
  const auto warnings = department_warnings(built_in(), seen);
  CHECK(messages(warnings) ==
        std::vector<std::string>{
            "b.jsonl:4: respondent.department: department \"Sprzedaz\" (2 answer sets) is not listed in the "
            "questionnaire but is close to the listed department \"sales\" (\"Sprzedaż\", 11 answer sets, first in "
            "a.jsonl:1): did you mean \"sales\"?",
            "b.jsonl:9: respondent.department: department \"Logistcs\" (1 answer set) is not listed in the "
            "questionnaire but is close to the listed department \"logistics\" (0 answer sets): did you mean "
            "\"logistics\"?"});
}

TEST_CASE("department warnings: none for distinct departments, listed ones, or none seen") {
  CHECK(department_warnings(built_in(), {}).empty());
  CHECK(
      department_warnings(built_in(), {{"sales", 5, "a"}, {"hr", 5, "b"}, {"it", 1, "c"}, {"legal", 2, "d"}}).empty());
  // A department whose sets were all rejected after all is not warned about.
  CHECK(department_warnings(without_departments(), {{"Sales", 5, "a"}, {"sales", 0, "b"}}).empty());
}

TEST_CASE("department warnings: 5,000 departments take a bounded time") {
  std::vector<DepartmentSeen> seen;
  for (int i = 0; i < 5000; ++i) seen.push_back({"Department " + std::to_string(10000 + i), 1, "a.jsonl"});
  seen.push_back({"department 10007", 1, "b.jsonl:2"});
  seen.push_back({"Zespół sprzedaży regionu północnego", 4, "b.jsonl:3"});
  seen.push_back({"Zespół sprzedaży regionu pólnocnego", 1, "b.jsonl:4"});
  const auto warnings = department_warnings(without_departments(), seen);
  // The ones that differ in case are always found; the near ones as far as the budget goes.
  REQUIRE_FALSE(warnings.empty());
  CHECK(warnings[0].source == "b.jsonl:2");
}

TEST_CASE("reading answer sets counts the departments and remembers where each was first seen") {
  const Questionnaire& q = built_in();
  const auto line = [](const std::string& id, const std::string& department) {
    nlohmann::json set = {{"format", "centric-answers/1"},
                          {"questionnaire", {{"id", "customer-centricity"}, {"version", "2.0.0"}}},
                          {"respondent", {{"id", id}, {"department", department}}},
                          {"answers", nlohmann::json::object()}};
    return set.dump() + "\n";
  };
  std::string text;
  for (int i = 0; i < 700; ++i)
    text += line("r" + std::to_string(i), i % 3 == 0 ? "Sprzedaż" : "Team " + std::to_string(i % 40));
  text += line("r5", "Odd one");                           // a duplicate id: rejected, so not counted
  text += "{\"format\": \"centric-answers/1\", \"oops\n";  // rejected
  text += line("r-last", "Team 1 ");
  for (const unsigned jobs : {1U, 2U, 3U}) {
    centric::test::UnitTempDir dir;
    const std::string path = dir.write("answers.jsonl", text);
    ReadingOptions options;
    options.jobs = jobs;
    options.chunk_bytes = 4096;  // many chunks, each with its own first sets
    AnswerInputs inputs(
        q, [](const AnswerSet&) {}, {}, options);
    inputs.read_file(path);
    const auto& departments = inputs.summary().departments;
    INFO("jobs " << jobs);
    REQUIRE(departments.size() == 42);
    CHECK(departments[0].department == "sales");
    CHECK(departments[0].count == 234);
    CHECK(departments[0].first_source == path + ":1");
    CHECK(departments[1].department == "Team 1");
    CHECK(departments[1].first_source == path + ":2");
    CHECK(departments[41].department == "Team 1 ");
    CHECK(departments[41].count == 1);
    CHECK(departments[41].first_source == path + ":703");
    long total = 0;
    for (const auto& d : departments) total += d.count;
    CHECK(total == 701);
    const auto warnings = department_warnings(q, departments);
    CHECK(std::count_if(warnings.begin(), warnings.end(),
                        [&](const Diagnostic& w) { return w.source == path + ":703"; }) == 1);
  }
}
