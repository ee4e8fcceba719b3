// The CSV report (formats.md §4b) of the examples, read back with a small RFC 4180 reader
// written here and compared row by row with the JSON report of the same inputs: both
// formats must say the same thing. The names (groups, levels, dimensions) are in the
// report's language and are checked against the questionnaire the binary prints; the ids
// and numbers are the same in every language.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "e2e/e2e_common.hpp"
#include "support/csv_reader.hpp"
#include "support/process.hpp"

using namespace centric::test;
using nlohmann::json;

namespace {

using Row = centric::test::CsvRow;
using centric::test::parse_csv;

const Row header{"group_kind",     "group_id", "group_name", "n",       "dimension",
                 "score",          "level",    "level_name", "sd",      "ci95_low",
                 "ci95_high",      "alpha",    "favorable",  "neutral", "unfavorable",
                 "dimension_name", "hidden"};
enum Column : std::size_t {
  kind,
  group_id,
  group_name,
  n,
  dimension,
  score,
  level,
  level_name,
  sd,
  ci95_low,
  ci95_high,
  alpha,
  favorable,
  neutral,
  unfavorable,
  dimension_name,
  hidden
};

// What the name cells must say in one language. An empty group or overall word stands for
// "any non-empty text": those come from the message catalogue, which translators may not
// have finished; the others come from the questionnaire.
struct Names {
  std::string organisation;
  std::string leaders;
  std::string employees;
  std::string overall;
  std::map<std::string, std::string> dimensions;   // by dimension id
  std::map<std::string, std::string> levels;       // by level number, as the CSV writes it
  std::map<std::string, std::string> departments;  // by department id
};

// The questionnaire as the binary has it (`centric questionnaire --json`).
const json& questionnaire() {
  static const json q = [] {
    const auto r = run_centric({"questionnaire", "--json"});
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    return parse_report(r.out);
  }();
  return q;
}

Names names_in(const std::string& language) {
  const json& q = questionnaire();
  Names names;
  if (language == "en") {
    names.organisation = "Organisation";
    names.leaders = "Leaders";
    names.employees = "Employees";
    names.overall = "Overall";
  }
  for (const auto& d : q["dimensions"])
    names.dimensions[d["id"].get<std::string>()] = d["name"].at(language).get<std::string>();
  for (const auto& l : q["levels"])
    names.levels[std::to_string(l["level"].get<int>())] = l["name"].at(language).get<std::string>();
  for (const auto& d : q["departments"])
    names.departments[d["id"].get<std::string>()] = d["name"].at(language).get<std::string>();
  return names;
}

// A department's name: the questionnaire's, or its id when the questionnaire lacks it (the
// examples have answers from "legal", which it does not list).
std::string department_name(const Names& names, const std::string& id) {
  const auto found = names.departments.find(id);
  return found == names.departments.end() ? id : found->second;
}

// The name cell against the expected word; an empty word: anything but empty.
void check_word(const Row& row, std::size_t column, const std::string& expected) {
  INFO("row " << json(row).dump() << ", column " << header[column]);
  if (expected.empty()) {
    CHECK_FALSE(row[column].empty());
  } else {
    CHECK(row[column] == expected);
  }
}

// A number cell against the JSON value: empty exactly when the JSON has null, otherwise
// the same number within 1e-9.
void check_number(const Row& row, std::size_t column, const json& expected) {
  INFO("row " << json(row).dump() << ", column " << header[column]);
  if (expected.is_null()) {
    CHECK(row[column].empty());
    return;
  }
  REQUIRE(expected.is_number());
  REQUIRE_FALSE(row[column].empty());
  CHECK(row[column].find_first_not_of("0123456789.-+eE") == std::string::npos);  // a dot, no locale
  char* end = nullptr;
  const double value = std::strtod(row[column].c_str(), &end);
  CHECK(*end == '\0');
  const double want = expected.get<double>();
  CHECK(std::fabs(value - want) <= 1e-9 * std::max(1.0, std::fabs(want)));
}

// The cells from `first` to `last` (both included) are empty.
void check_empty(const Row& row, std::size_t first, std::size_t last) {
  INFO("row " << json(row).dump());
  for (std::size_t c = first; c <= last; ++c) CHECK(row[c].empty());
}

// The rows the JSON report says the CSV must have, checked one by one against `rows`
// from `at` on; returns the index after the group.
// `name` is the group's name; empty: any non-empty text.
std::size_t check_group(const std::vector<Row>& rows, std::size_t at, const std::string& group_kind,
                        const std::string& id, const std::string& name, const json& group, const Names& names) {
  const auto dimensions = dimension_ids();
  INFO("group " << group_kind << " " << id);
  if (group.value("suppressed", false)) {
    // Every cell but the kind, the id, n and why it is hidden is empty: no name, no
    // dimension, no dimension name.
    REQUIRE(at < rows.size());
    Row expected{group_kind, id, "", std::to_string(group["n"].get<long>()), "", "", "", "", "", "", "", "", "",
                 "",         "", ""};
    expected.push_back(rows[at].back());
    CHECK(rows[at] == expected);
    CHECK_FALSE(rows[at].back().empty());
    return at + 1;
  }
  REQUIRE(at + dimensions.size() + 1 <= rows.size());
  for (std::size_t k = 0; k <= dimensions.size(); ++k) {
    const Row& row = rows[at + k];
    CHECK(row[kind] == group_kind);
    CHECK(row[group_id] == id);
    check_word(row, group_name, name);
    CHECK(row[group_name] == rows[at][group_name]);  // the same name on each of the group's rows
    CHECK(row[n] == std::to_string(group["n"].get<long>()));
  }
  for (std::size_t k = 0; k < dimensions.size(); ++k) {
    const Row& row = rows[at + k];
    CHECK(row[dimension] == dimensions[k]);
    // The dimension is named on its row even when the group has no score in it.
    CHECK(row[dimension_name] == names.dimensions.at(dimensions[k]));
    const json& d = group["dimensions"][dimensions[k]];
    // Hidden to protect anonymity exactly where the JSON report says so, with a reason.
    CHECK(row[hidden].empty() == !group["hidden"].contains(dimensions[k]));
    if (d.is_null()) {
      check_empty(row, score, unfavorable);
      continue;
    }
    CHECK(d.value("dimension_name", "") == row[dimension_name]);
    check_number(row, score, d["score"]);
    CHECK(row[level] == std::to_string(d["level"].get<int>()));
    CHECK(row[level_name] == d["level_name"].get<std::string>());
    CHECK(row[level_name] == names.levels.at(row[level]));
    check_number(row, sd, d["sd"]);
    check_number(row, ci95_low, d["ci95"].is_null() ? json() : d["ci95"][0]);
    check_number(row, ci95_high, d["ci95"].is_null() ? json() : d["ci95"][1]);
    check_number(row, alpha, d["alpha"]);
    check_number(row, favorable, d["favorable"]);
    check_number(row, neutral, d["neutral"]);
    check_number(row, unfavorable, d["unfavorable"]);
  }
  const Row& overall = rows[at + dimensions.size()];
  CHECK(overall[dimension] == "overall");
  check_word(overall, dimension_name, names.overall);
  check_number(overall, score, group["overall"]["score"]);
  if (group["overall"]["level"].is_null()) {
    CHECK(overall[level].empty());
    CHECK(overall[level_name].empty());
  } else {
    CHECK(overall[level] == std::to_string(group["overall"]["level"].get<int>()));
    CHECK(overall[level_name] == group["overall"]["level_name"].get<std::string>());
    CHECK(overall[level_name] == names.levels.at(overall[level]));
  }
  check_empty(overall, sd, unfavorable);
  CHECK(overall[hidden].empty() == !group["hidden"].contains("overall"));
  return at + dimensions.size() + 1;
}

struct Reports {
  std::string csv_text;
  std::vector<Row> rows;  // without the header
  json report;
};

Reports run_both(const std::vector<std::string>& extra) {
  const auto csv = run_centric(with(with({"assess"}, example_inputs()), with({"--format", "csv"}, extra)));
  INFO("stderr: " << csv.err);
  REQUIRE(csv.exit_code == 0);
  const auto js = run_centric(with(with({"assess"}, example_inputs()), with({"--format", "json"}, extra)));
  REQUIRE(js.exit_code == 0);
  Reports r;
  r.csv_text = csv.out;
  r.report = parse_report(js.out);
  REQUIRE(starts_with(r.csv_text, "\xEF\xBB\xBF"));
  auto rows = parse_csv(r.csv_text.substr(3));
  REQUIRE_FALSE(rows.empty());
  CHECK(rows.front() == header);
  for (const auto& row : rows) {
    INFO("row " << json(row).dump());
    REQUIRE(row.size() == header.size());
  }
  r.rows.assign(rows.begin() + 1, rows.end());
  return r;
}

void check_against_json(const Reports& r, const Names& names) {
  const json& report = r.report;
  std::size_t at =
      check_group(r.rows, 0, "organisation", "organisation", names.organisation, report["organisation"], names);
  for (const auto& d : report["departments"]) {
    const std::string id = d["id"].get<std::string>();
    if (!d["suppressed"].get<bool>()) {
      INFO("department " << id);
      CHECK(d.value("name", "") == department_name(names, id));
    }
    at = check_group(r.rows, at, "department", id, d.value("name", ""), d, names);
  }
  if (!report["roles"].is_null()) {
    at = check_group(r.rows, at, "role", "leaders", names.leaders, report["roles"]["leaders"], names);
    at = check_group(r.rows, at, "role", "employees", names.employees, report["roles"]["employees"], names);
  }
  CHECK(at == r.rows.size());  // nothing more than the JSON report has
}

}  // namespace

TEST_CASE("csv: the report of the examples says what the JSON report says", "[csv]") {
  const Reports r = run_both({});
  check_against_json(r, names_in("en"));
  // The examples have suppressed departments and shown roles, so both shapes are covered.
  const auto& departments = r.report["departments"];
  CHECK(std::any_of(departments.begin(), departments.end(), [](const json& d) { return d["suppressed"] == true; }));
  CHECK_FALSE(r.report["roles"].is_null());
}

TEST_CASE("csv: with --min-group 1 every department has its rows", "[csv]") {
  const Reports r = run_both({"--min-group", "1"});
  check_against_json(r, names_in("en"));
  for (const auto& d : r.report["departments"]) CHECK(d["suppressed"] == false);
}

TEST_CASE("csv: with a large --min-group there are no role rows and departments are one row each", "[csv]") {
  const Reports r = run_both({"--min-group", "1000"});
  check_against_json(r, names_in("en"));
  CHECK(r.report["roles"].is_null());
  for (const auto& row : r.rows) CHECK(row[kind] != "role");
}

TEST_CASE("csv: every line ends in CRLF and the report is written to --output as printed", "[csv]") {
  const Reports r = run_both({});
  CHECK(r.csv_text.size() >= 2);
  CHECK(r.csv_text.substr(r.csv_text.size() - 2) == "\r\n");
  for (std::size_t i = 0; i < r.csv_text.size(); ++i)
    if (r.csv_text[i] == '\n') CHECK(r.csv_text[i - 1] == '\r');
  TempDir dir;
  const auto written =
      run_centric(with(with({"assess"}, example_inputs()), {"--format", "csv", "--output", dir.file("report.csv")}));
  REQUIRE(written.exit_code == 0);
  CHECK(read_text_file(dir.file("report.csv")) == r.csv_text);
}

TEST_CASE("csv: with --lang hu the ids and numbers stay and the names are Hungarian", "[csv]") {
  // centric assess examples/acme examples/acme-extra.jsonl --format csv --lang hu (and json)
  const Reports english = run_both({});
  const Reports hungarian = run_both({"--lang", "hu"});
  const Names hu = names_in("hu");
  CHECK(hungarian.report["language"] == "hu");
  check_against_json(hungarian, hu);  // the Hungarian CSV says what the Hungarian JSON says

  REQUIRE(hungarian.rows.size() == english.rows.size());
  for (std::size_t i = 0; i < english.rows.size(); ++i) {
    const Row& en = english.rows[i];
    const Row& h = hungarian.rows[i];
    INFO("row " << i + 2 << ": " << json(en).dump() << " / " << json(h).dump());
    // Ids, n and every number: the same bytes.
    for (const Column c :
         {kind, group_id, n, dimension, score, level, sd, ci95_low, ci95_high, alpha, favorable, neutral, unfavorable})
      CHECK(h[c] == en[c]);
    if (en[kind] == "department") {
      // Empty for a suppressed department, otherwise the questionnaire's Hungarian name.
      CHECK(h[group_name] == (en[group_name].empty() ? "" : department_name(hu, en[group_id])));
    } else {
      CHECK_FALSE(h[group_name].empty());
    }
    CHECK(h[level_name] == (en[level].empty() ? "" : hu.levels.at(en[level])));
    if (en[dimension] == "overall") {
      CHECK_FALSE(h[dimension_name].empty());
    } else {
      CHECK(h[dimension_name] == (en[dimension].empty() ? "" : hu.dimensions.at(en[dimension])));
    }
  }
  // The names did change: the questionnaire's Hungarian names are not its English ones.
  const Names english_names = names_in("en");
  CHECK(hu.dimensions.at("culture") != english_names.dimensions.at("culture"));
  CHECK(hungarian.rows.front()[dimension_name] != english.rows.front()[dimension_name]);
}

TEST_CASE("csv: texts a spreadsheet would take as formulas read back with one ', numbers as numbers", "[csv][escape]") {
  // centric assess -q tests/data/hostile/questionnaire.json --min-group 1 tests/data/hostile/answers.jsonl -f csv
  const std::string questionnaire = source_path("tests/data/hostile/questionnaire.json");
  const auto r = run_centric({"assess", "--questionnaire", questionnaire, "--min-group", "1",
                              source_path("tests/data/hostile/answers.jsonl"), "--format", "csv"});
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  REQUIRE(starts_with(r.out, "\xEF\xBB\xBF"));
  const auto all = parse_csv(r.out.substr(3));
  REQUIRE(all.size() > 1);
  const std::vector<Row> rows(all.begin() + 1, all.end());
  std::vector<std::string> ids;
  for (const auto& row : rows)
    if (row[kind] == "department" && row[dimension] == "overall") ids.push_back(row[group_id]);
  // Sorted by the ids as they were: TAB, CR, +, -, =, @, then ops.
  CHECK(ids ==
        std::vector<std::string>{"'\tx", "'\rx", "'+1", "'-2+3", "'=HYPERLINK(\"http://x\")", "'@SUM(A1)", "ops"});
  CHECK(contains(r.out, "\"'=HYPERLINK(\"\"http://x\"\")\""));
  for (const auto& row : rows) {
    INFO(json(row).dump());
    // The names the questionnaire gives start with = + @ TAB (and -, a scale label not in the CSV).
    if (row[kind] == "department" && row[group_id] == "ops") CHECK(starts_with(row[group_name], "'@Ops "));
    if (row[dimension] == "culture") CHECK(starts_with(row[dimension_name], "'=Culture "));
    if (row[dimension] == "people") CHECK(starts_with(row[dimension_name], "'\tPeople "));
    if (!row[level].empty()) CHECK(row[level_name].front() == '\'');
    for (const Column c : {n, score, level, sd, ci95_low, ci95_high, alpha, favorable, neutral, unfavorable}) {
      if (row[c].empty()) continue;
      char* end = nullptr;
      std::strtod(row[c].c_str(), &end);
      CHECK(*end == '\0');  // a plain number, nothing in front
    }
  }
  // Six departments score 0 and one 100: the organisation's interval reaches below 0, and
  // the negative bound is written as a number, unquoted.
  const Row& culture = rows.front();
  REQUIRE(culture[dimension] == "culture");
  REQUIRE(starts_with(culture[ci95_low], "-"));
  CHECK(std::strtod(culture[ci95_low].c_str(), nullptr) < 0);
  CHECK(contains(r.out, "," + culture[ci95_low] + ","));
}
