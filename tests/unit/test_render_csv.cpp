// The CSV report (formats.md §4b) of a small assessment built in code: the header, RFC 4180
// quoting, names kept byte for byte, the dimension names, suppressed departments, role rows
// and a report in another language.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>
#include <vector>

#include "centric/report.hpp"
#include "centric/scoring.hpp"
#include "support/csv_reader.hpp"

using namespace centric;

namespace {

using Row = centric::test::CsvRow;
using centric::test::parse_csv;

const std::string header =
    "group_kind,group_id,group_name,n,dimension,score,level,level_name,sd,ci95_low,ci95_high,alpha,favorable,"
    "neutral,unfavorable,dimension_name,hidden";
constexpr std::size_t columns = 17;
constexpr std::size_t dimension_name = 15;
constexpr std::size_t hidden = 16;
const std::string odd_id = "sales, \"north\"\nteam";
const std::string cyrillic_name = "Отдел продаж";  // UTF-8 bytes, kept as they are

LocalizedText en(const std::string& s) {
  LocalizedText t;
  t.by_language["en"] = s;
  return t;
}

LocalizedText en_pl(const std::string& english, const std::string& polish) {
  LocalizedText t = en(english);
  t.by_language["pl"] = polish;
  return t;
}

// The dimensions' names: the second one with a comma and quotes, so that it is quoted.
const std::string name_a = "Customer focus";
const std::string name_b = "Voice, \"of\" the customer";
const std::string name_a_pl = "Orientacja na klienta";
const std::string name_b_pl = "Głos klienta";

// Scale 1..5 with N/A; dimensions "a" and "b" with two questions each (names in English
// and Polish); five levels from 0, 20, 40, 60, 80, the third one named with a comma and
// quotes (and in Polish too).
Questionnaire sample() {
  Questionnaire q;
  q.id = "t";
  q.version = "1.0.0";
  q.scale = {1, 5, {}, true};
  for (int i = 0; i < 5; ++i) q.levels.push_back({i + 1, 20.0 * i, en("L" + std::to_string(i + 1)), {}});
  q.levels[2].name = en("Developing, \"mostly\"");
  for (auto& level : q.levels) level.name.by_language["pl"] = "Poziom " + std::to_string(level.number);
  q.languages = {"en", "pl"};
  Dimension a;
  a.id = "a";
  a.name = en_pl(name_a, name_a_pl);
  a.questions = {{"a1", en("x"), {}, 1, false}, {"a2", en("x"), {}, 1, false}};
  Dimension b;
  b.id = "b";
  b.name = en_pl(name_b, name_b_pl);
  b.questions = {{"b1", en("x"), {}, 1, false}, {"b2", en("x"), {}, 1, false}};
  for (int level = 1; level <= 5; ++level) {
    a.recommendations.push_back({{level}, en("a at " + std::to_string(level))});
    b.recommendations.push_back({{level}, en("b at " + std::to_string(level))});
  }
  q.dimensions = {a, b};
  q.departments = {{odd_id, en(cyrillic_name)}};
  return q;
}

AnswerSet answers(const std::string& department, Role role, std::vector<int> values) {
  AnswerSet s;
  s.respondent.department = department;
  s.respondent.role = role;
  s.complete = true;
  for (int v : values) s.answers.push_back(v == 0 ? AnswerValue::skipped() : AnswerValue::of(v));
  return s;
}

struct Rendered {
  std::string text;
  std::vector<Row> rows;  // without the header
};

Rendered render(const Assessment& a, const Questionnaire& q, const std::string& language = "en") {
  const InputSummary inputs{};
  const Report report{q, a, inputs, language, {}};
  Rendered r;
  r.text = render_csv(report);
  REQUIRE(r.text.rfind("\xEF\xBB\xBF", 0) == 0);
  auto rows = parse_csv(r.text.substr(3));
  REQUIRE_FALSE(rows.empty());
  for (const auto& row : rows) REQUIRE(row.size() == columns);
  r.rows.assign(rows.begin() + 1, rows.end());
  return r;
}

std::vector<Row> rows_of(const std::vector<Row>& rows, const std::string& kind, const std::string& id) {
  std::vector<Row> found;
  for (const auto& row : rows)
    if (row[0] == kind && row[1] == id) found.push_back(row);
  return found;
}

// Three departments: the odd id (2 leaders and 1 or 2 employees), "tiny-1" and "tiny-2"
// (1 each, no role). With min_group 2 both tiny ones are suppressed (together they hold 2,
// so the odd one stays shown); the roles are shown when both have >= min_group (nothing
// can then be recovered: every cell holds 2). Only the tiny ones answer dimension b.
Tally sample_tally(const Questionnaire& q, bool second_employee) {
  Tally tally(q);
  tally.add(answers(odd_id, Role::leader, {5, 4, 0, 0}));
  tally.add(answers(odd_id, Role::leader, {4, 4, 0, 0}));
  tally.add(answers(odd_id, Role::employee, {2, 3, 0, 0}));
  if (second_employee) tally.add(answers(odd_id, Role::employee, {3, 3, 0, 0}));
  tally.add(answers("tiny-1", Role::none, {1, 1, 3, 4}));
  tally.add(answers("tiny-2", Role::none, {2, 2, 4, 4}));
  return tally;
}

}  // namespace

TEST_CASE("csv report: byte-order mark, exact header and CRLF line endings") {
  const Questionnaire q = sample();
  const Rendered r = render(assess(sample_tally(q, true), {2, 3}), q);
  CHECK(r.text.substr(3, header.size() + 2) == header + "\r\n");
  // Every LF ends a CRLF pair, except the one inside the quoted department id.
  std::size_t bare_lf = 0;
  for (std::size_t i = 0; i < r.text.size(); ++i)
    if (r.text[i] == '\n' && (i == 0 || r.text[i - 1] != '\r')) ++bare_lf;
  CHECK(bare_lf == rows_of(r.rows, "department", odd_id).size());
}

TEST_CASE("csv report: a department id with a comma, quotes and a newline is quoted") {
  const Questionnaire q = sample();
  const Rendered r = render(assess(sample_tally(q, true), {2, 3}), q);
  CHECK(r.text.find("\"sales, \"\"north\"\"\nteam\"") != std::string::npos);
  const auto rows = rows_of(r.rows, "department", odd_id);
  REQUIRE(rows.size() == 3);  // a, b, overall
  CHECK(rows[0][4] == "a");
  CHECK(rows[1][4] == "b");
  CHECK(rows[2][4] == "overall");
  // The level name with a comma is quoted too and reads back whole.
  CHECK(r.text.find("\"Developing, \"\"mostly\"\"\"") != std::string::npos);
  CHECK(rows_of(r.rows, "organisation", "organisation")[0][7] == "Developing, \"mostly\"");
  // So is the dimension name with a comma and quotes, in the last column.
  CHECK(r.text.find(",\"Voice, \"\"of\"\" the customer\",\r\n") != std::string::npos);
  CHECK(rows[1][dimension_name] == name_b);
}

TEST_CASE("csv report: a department's display name keeps its UTF-8 bytes") {
  const Questionnaire q = sample();
  const Rendered r = render(assess(sample_tally(q, true), {2, 3}), q);
  const auto rows = rows_of(r.rows, "department", odd_id);
  REQUIRE_FALSE(rows.empty());
  for (const auto& row : rows) CHECK(row[2] == cyrillic_name);
  CHECK(r.text.find(cyrillic_name) != std::string::npos);
}

TEST_CASE("csv report: rows per group, with scores as the assessment has them") {
  const Questionnaire q = sample();
  const Assessment a = assess(sample_tally(q, true), {2, 3});
  const Rendered r = render(a, q);
  const auto org = rows_of(r.rows, "organisation", "organisation");
  REQUIRE(org.size() == 3);
  CHECK(r.rows.front() == org.front());  // the organisation comes first
  for (const auto& row : org) {
    CHECK(row[2] == "Organisation");
    CHECK(row[3] == "6");
  }
  const auto& da = a.organisation.dimensions[0];
  REQUIRE(da);
  CHECK(std::strtod(org[0][5].c_str(), nullptr) == da->score);
  CHECK(org[0][6] == std::to_string(da->level));
  REQUIRE(da->sd);
  CHECK(std::strtod(org[0][8].c_str(), nullptr) == *da->sd);
  REQUIRE(da->ci95);
  CHECK(std::strtod(org[0][9].c_str(), nullptr) == da->ci95->first);
  CHECK(std::strtod(org[0][10].c_str(), nullptr) == da->ci95->second);
  CHECK(std::strtod(org[0][12].c_str(), nullptr) == da->favorable);
  CHECK(std::strtod(org[0][13].c_str(), nullptr) == da->neutral);
  CHECK(std::strtod(org[0][14].c_str(), nullptr) == da->unfavorable);
  // Dimension b: the two of the hidden departments have a score in it.
  const auto& db = a.organisation.dimensions[1];
  REQUIRE(db);
  CHECK(db->n == 2);
  CHECK(std::strtod(org[1][5].c_str(), nullptr) == db->score);
  REQUIRE(db->sd);
  CHECK(std::strtod(org[1][8].c_str(), nullptr) == *db->sd);
  for (const auto& row : org) CHECK(row[hidden] == "");  // nothing hidden
  // The department has no score in b: the row keeps the group and its n, the rest is
  // empty, and it is not hidden, only undefined.
  const auto dept = rows_of(r.rows, "department", odd_id);
  REQUIRE(dept.size() == 3);
  CHECK(dept[1][3] == "4");
  CHECK(dept[1][4] == "b");
  for (std::size_t c = 5; c < 15; ++c) CHECK(dept[1][c] == "");
  CHECK(dept[1][hidden] == "");
  CHECK(dept[1][dimension_name] == name_b);  // the dimension is named even without a score
}

TEST_CASE("csv report: every dimension row names its dimension, every overall row says Overall") {
  const Questionnaire q = sample();
  const Rendered r = render(assess(sample_tally(q, true), {2, 3}), q);
  std::size_t checked = 0;
  for (const auto& row : r.rows) {
    INFO(row[0] << " " << row[1] << " " << row[4]);
    if (row[4] == "a") {
      CHECK(row[dimension_name] == name_a);
    } else if (row[4] == "b") {
      CHECK(row[dimension_name] == name_b);
    } else if (row[4] == "overall") {
      CHECK(row[dimension_name] == "Overall");
    } else {
      CHECK(row[4] == "");  // a suppressed department: no dimension, no name
      CHECK(row[dimension_name] == "");
      continue;
    }
    ++checked;
  }
  CHECK(checked == 3 * 4);  // the organisation, one department, two roles
}

TEST_CASE("csv report: the overall row has a score and level and empty statistics") {
  const Questionnaire q = sample();
  const Assessment a = assess(sample_tally(q, true), {2, 3});
  const Rendered r = render(a, q);
  const auto org = rows_of(r.rows, "organisation", "organisation");
  REQUIRE(org.size() == 3);
  const Row& overall = org[2];
  CHECK(overall[4] == "overall");
  REQUIRE(a.organisation.overall);
  CHECK(std::strtod(overall[5].c_str(), nullptr) == a.organisation.overall->score);
  CHECK(overall[6] == std::to_string(a.organisation.overall->level));
  CHECK_FALSE(overall[7].empty());
  for (std::size_t c = 8; c < 15; ++c) CHECK(overall[c] == "");
  CHECK(overall[dimension_name] == "Overall");
}

TEST_CASE("csv report: a suppressed department is one row with its id and n only") {
  const Questionnaire q = sample();
  const Rendered r = render(assess(sample_tally(q, true), {2, 3}), q);
  for (const std::string id : {"tiny-1", "tiny-2"}) {
    const auto rows = rows_of(r.rows, "department", id);
    REQUIRE(rows.size() == 1);
    // Every cell but the kind, the id, n and why it is hidden is empty: no name, no
    // dimension, no dimension name.
    CHECK(rows[0] ==
          Row{"department", id, "", "1", "", "", "", "", "", "", "", "", "", "", "", "", "fewer than 2 respondents."});
    CHECK(r.text.find("department," + id + ",,1,,,,,,,,,,,,,fewer than 2 respondents.\r\n") != std::string::npos);
  }
}

TEST_CASE("csv report: role rows only when the role subgroups are shown") {
  const Questionnaire q = sample();
  SECTION("two leaders and two employees with min_group 2: shown, leaders first") {
    const Assessment a = assess(sample_tally(q, true), {2, 3});
    REQUIRE(a.roles_shown);
    const Rendered r = render(a, q);
    const auto leaders = rows_of(r.rows, "role", "leaders");
    const auto employees = rows_of(r.rows, "role", "employees");
    REQUIRE(leaders.size() == 3);
    REQUIRE(employees.size() == 3);
    CHECK(leaders[0][2] == "Leaders");
    CHECK(leaders[0][3] == "2");
    CHECK(employees[0][2] == "Employees");
    CHECK(employees[0][3] == "2");
    // The role rows come last: leaders, then employees.
    CHECK(r.rows[r.rows.size() - 6] == leaders[0]);
    CHECK(r.rows.back() == employees.back());
  }
  SECTION("one employee: not shown") {
    const Assessment a = assess(sample_tally(q, false), {2, 3});
    REQUIRE_FALSE(a.roles_shown);
    const Rendered r = render(a, q);
    for (const auto& row : r.rows) CHECK(row[0] != "role");
  }
}

TEST_CASE("csv report: in another language the ids and numbers stay, the names are translated") {
  const Questionnaire q = sample();
  const Assessment a = assess(sample_tally(q, true), {2, 3});
  const Rendered english = render(a, q);
  const Rendered polish = render(a, q, "pl");
  CHECK(polish.text.substr(3, header.size() + 2) == header + "\r\n");  // the header is not translated
  REQUIRE(polish.rows.size() == english.rows.size());
  for (std::size_t i = 0; i < polish.rows.size(); ++i) {
    const Row& pl = polish.rows[i];
    const Row& en = english.rows[i];
    INFO("row " << i << ": " << en[0] << " " << en[1] << " " << en[4]);
    // Kind, id, n, dimension id, the numbers and the level number are the same bytes.
    for (std::size_t c : {0, 1, 3, 4, 5, 6, 8, 9, 10, 11, 12, 13, 14}) CHECK(pl[c] == en[c]);
    CHECK(pl[2].empty() == en[2].empty());  // a group name from the catalogue, whatever its language
    if (en[4] == "a") CHECK(pl[dimension_name] == name_a_pl);
    if (en[4] == "b") CHECK(pl[dimension_name] == name_b_pl);
    if (en[4] == "overall") CHECK_FALSE(pl[dimension_name].empty());
    if (en[4].empty()) CHECK(pl[dimension_name].empty());
    if (en[6].empty()) {
      CHECK(pl[7].empty());
    } else {
      CHECK(pl[7] == "Poziom " + en[6]);
    }
  }
  // A department name the questionnaire has only in English stays English.
  CHECK(rows_of(polish.rows, "department", odd_id)[0][2] == cyrillic_name);
}

TEST_CASE("csv report: a hidden cell keeps its row, with its figures empty and why") {
  const Questionnaire q = sample();
  // x and y have 3 respondents each; in b, one of x's has a score and all of y's. With
  // min_group 3, x's cell of one is hidden, and y's with it (the organisation's 4 minus
  // y's 3 would be that one); both lose their overall score.
  Tally tally(q);
  tally.add(answers("x", Role::none, {4, 4, 5, 5}));
  tally.add(answers("x", Role::none, {3, 3, 0, 0}));
  tally.add(answers("x", Role::none, {2, 2, 0, 0}));
  for (int i = 0; i < 3; ++i) tally.add(answers("y", Role::none, {3, 4, 2, 2}));
  const Assessment a = assess(tally, {3, 3});
  const Rendered r = render(a, q);
  const auto x = rows_of(r.rows, "department", "x");
  const auto y = rows_of(r.rows, "department", "y");
  REQUIRE(x.size() == 3);
  REQUIRE(y.size() == 3);
  for (const auto* rows : {&x, &y}) {
    const auto& rows_ = *rows;
    CHECK_FALSE(rows_[0][5].empty());  // a is shown
    CHECK(rows_[0][hidden].empty());
    CHECK(rows_[1][3] == "3");  // the group's n stays
    for (std::size_t c = 5; c < 15; ++c) CHECK(rows_[1][c].empty());
    for (std::size_t c = 5; c < 15; ++c) CHECK(rows_[2][c].empty());
    CHECK(rows_[2][hidden] == "not shown, because a dimension of this group is hidden.");
  }
  CHECK(x[1][hidden] == "fewer than 3 respondents answered enough of its questions.");
  CHECK(y[1][hidden] ==
        "hidden as well, so that a smaller hidden figure cannot be worked out by subtracting the shown ones from the "
        "organisation's.");
  // The organisation's b holds 4 and is shown.
  const auto org = rows_of(r.rows, "organisation", "organisation");
  CHECK_FALSE(org[1][5].empty());
  CHECK(org[1][hidden].empty());
}

TEST_CASE("csv report: a text cell a spreadsheet would take as a formula gets one leading ', a number none") {
  Questionnaire q = sample();
  const std::vector<std::string> hostile_ids{
      "=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "'quoted"};
  const std::vector<std::string> level_names{"=L1", "+L2", "-L3", "@L4", "'L5"};
  for (std::size_t i = 0; i < q.levels.size(); ++i) q.levels[i].name = en(level_names[i]);
  q.dimensions[0].name = en("=cmd|' /C calc'!A0");
  q.dimensions[1].name = en("\tb");
  q.departments = {{"plain", en("@Plain team")}};
  Tally tally(q);
  for (const auto& id : hostile_ids) tally.add(answers(id, Role::none, {1, 1, 1, 1}));
  tally.add(answers("plain", Role::none, {5, 5, 5, 5}));
  const Assessment a = assess(tally, {1, 3});
  const Rendered r = render(a, q);

  // Each id is quoted with a ' in front, so the spreadsheet shows the text, not a result.
  CHECK(r.text.find("\"'=HYPERLINK(\"\"http://x\"\")\"") != std::string::npos);
  CHECK(r.text.find(",\"'+1\",") != std::string::npos);
  CHECK(r.text.find(",\"'-2+3\",") != std::string::npos);
  CHECK(r.text.find(",\"'@SUM(A1)\",") != std::string::npos);
  CHECK(r.text.find(",\"'\tx\",") != std::string::npos);
  CHECK(r.text.find(",\"'\rx\",") != std::string::npos);
  CHECK(r.text.find(",\"''quoted\",") != std::string::npos);  // a leading ' is guarded too: the rule undoes exactly
  for (const auto& id : hostile_ids) {
    const auto rows = rows_of(r.rows, "department", "'" + id);
    INFO(id);
    REQUIRE(rows.size() == 3);
    CHECK(rows[0][2] == "'" + id);  // not listed: its name is its id
  }
  const auto plain = rows_of(r.rows, "department", "plain");
  REQUIRE(plain.size() == 3);
  CHECK(plain[0][2] == "'@Plain team");  // a name from the questionnaire
  CHECK(plain[0][dimension_name] == "'=cmd|' /C calc'!A0");
  CHECK(plain[1][dimension_name] == "'\tb");
  CHECK(plain[0][7] == "''L5");  // the level name 'L5 keeps its own '

  const auto org = rows_of(r.rows, "organisation", "organisation");
  REQUIRE(org.size() == 3);
  CHECK(org[0][2] == "Organisation");  // text that starts with nothing of the kind is as it was
  CHECK(org[0][4] == "a");
  CHECK(org[0][7] == "'=L1");
  // Numbers stay numbers: a negative lower bound of the interval is written as it is.
  const auto& da = a.organisation.dimensions[0];
  REQUIRE(da);
  REQUIRE(da->ci95);
  REQUIRE(da->ci95->first < 0);
  CHECK(org[0][9].front() == '-');
  CHECK(std::strtod(org[0][9].c_str(), nullptr) == da->ci95->first);
  CHECK(r.text.find("," + org[0][9] + ",") != std::string::npos);  // unquoted, no '
  for (const auto& row : r.rows)
    for (std::size_t c : {3, 5, 6, 8, 9, 10, 11, 12, 13, 14}) {
      INFO(row[1] << " column " << c << ": " << row[c]);
      CHECK((row[c].empty() || row[c].front() != '\''));
    }
}
