// The Markdown report (render_markdown) over a tiny questionnaire and answers built in
// code: its tables, the escaping of user-provided strings and the anonymity rules.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "centric/report.hpp"
#include "centric/scoring.hpp"
#include "support/text_lines.hpp"

using namespace centric;
using centric::test::split_lines;

namespace {

LocalizedText en(const std::string& s) {
  LocalizedText t;
  t.by_language["en"] = s;
  return t;
}

// Scale 1..5; two dimensions of two questions each (the second's short name holds a
// pipe); three levels; one recommendation per dimension and level.
Questionnaire sample() {
  Questionnaire q;
  q.id = "t";
  q.version = "1.0.0";
  q.title = en("Tiny *survey*");
  q.scale = {1, 5, {}, true};
  q.levels = {{1, 0, en("Low"), {}}, {2, 40, en("Mid"), {}}, {3, 70, en("High"), {}}};
  q.departments = {{"tiny1", en("Secret team")}};
  Dimension a;
  a.id = "a";
  a.name = en("Alpha");
  a.questions = {{"a1", en("x"), {}, 1, false}, {"a2", en("x"), {}, 1, false}};
  Dimension b;
  b.id = "b";
  b.name = en("Beta");
  b.short_name = en("B|eta");
  b.questions = {{"b1", en("x"), {}, 1, false}, {"b2", en("x"), {}, 1, false}};
  for (int level = 1; level <= 3; ++level) {
    a.recommendations.push_back({{level}, en("do <b>a</b> at " + std::to_string(level))});
    b.recommendations.push_back({{level}, en("do b at " + std::to_string(level))});
  }
  q.dimensions = {a, b};
  return q;
}

AnswerSet answers(const std::string& department, Role role, std::vector<int> values) {
  AnswerSet s;
  s.respondent.department = department;
  s.respondent.role = role;
  for (int v : values) s.answers.push_back(AnswerValue::of(v));
  return s;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// The cells of a table row: split at pipes that are not backslash-escaped, without the
// empty pieces before the leading and after the trailing pipe.
std::vector<std::string> cells(const std::string& row) {
  std::vector<std::string> out;
  std::string cell;
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (row[i] == '\\' && i + 1 < row.size()) {
      cell += row.substr(i, 2);
      ++i;
    } else if (row[i] == '|') {
      out.push_back(cell);
      cell.clear();
    } else {
      cell += row[i];
    }
  }
  out.push_back(cell);
  if (!out.empty() && out.front().empty()) out.erase(out.begin());
  if (!out.empty() && out.back().empty()) out.pop_back();
  return out;
}

struct Rendered {
  std::string text;
  Assessment assessment;
};

// Departments "a|b", "<script>", "*x*" with two respondents each and "tiny1", "tiny2"
// with one each: with min_group 2 the tiny ones are suppressed (together they hold 2, so
// nothing else is). `leaders` respondents of the shown departments are leaders.
Rendered render(int leaders) {
  const Questionnaire q = sample();
  Tally tally(q);
  int k = 0;
  for (const std::string dept : {"a|b", "<script>", "*x*"})
    for (int i = 0; i < 2; ++i, ++k)
      tally.add(answers(dept, k < leaders ? Role::leader : Role::employee, {4, 4, 2 + i, 3}));
  tally.add(answers("tiny1", Role::employee, {5, 5, 5, 5}));
  tally.add(answers("tiny2", Role::employee, {1, 1, 1, 1}));
  InputSummary inputs;
  inputs.sources = 9;
  inputs.accepted = 8;
  inputs.rejected = {{"bad.json", "broken"}};
  Rendered r{{}, assess(tally, ScoringOptions{2, 3})};
  const Report report{q, r.assessment, inputs, "en", {}};
  r.text = render_markdown(report);
  return r;
}

}  // namespace

TEST_CASE("markdown report: the title, the score table and a column per dimension", "[markdown]") {
  const Rendered r = render(0);
  const auto lines = split_lines(r.text);
  REQUIRE_FALSE(lines.empty());
  CHECK(lines.front() == "# Tiny \\*survey\\*");
  const auto head =
      std::find_if(lines.begin(), lines.end(), [](const std::string& l) { return l.rfind("| Department |", 0) == 0; });
  REQUIRE(head != lines.end());
  // Department, n, one per dimension, Overall; the short name's pipe does not split it.
  CHECK(cells(*head) == std::vector<std::string>{" Department ", " n ", " Alpha ", " B\\|eta ", " Overall "});
  // Every row of every table has as many cells as its header.
  std::size_t header_cells = 0;
  for (const auto& l : lines) {
    if (l.empty() || l[0] != '|') {
      header_cells = 0;
      continue;
    }
    if (header_cells == 0)
      header_cells = cells(l).size();
    else
      CHECK(cells(l).size() == header_cells);
  }
  CHECK(contains(r.text, "## Scores by department"));
  CHECK(contains(r.text, "## Gaps"));
  CHECK(contains(r.text, "## Weakest dimensions"));
  CHECK(contains(r.text, "## Recommendations"));
  CHECK(contains(r.text, "### Organisation"));
  CHECK(contains(r.text, "Inputs: 8 answer sets accepted, 1 rejected."));
  REQUIRE(r.assessment.organisation.overall);
  const auto org = std::find_if(lines.begin(), lines.end(),
                                [](const std::string& l) { return l.rfind("| **Organisation** |", 0) == 0; });
  REQUIRE(org != lines.end());
  CHECK(contains(*org, " 8 "));
}

TEST_CASE("markdown report: user strings are escaped, so they cannot break a table or inject HTML", "[markdown]") {
  const std::string text = render(0).text;
  CHECK(contains(text, "| a\\|b | 2 |"));
  CHECK(contains(text, "| \\<script\\> | 2 |"));
  CHECK(contains(text, "| \\*x\\* | 2 |"));
  CHECK(contains(text, "### a\\|b"));
  CHECK(contains(text, "do \\<b\\>a\\</b\\> at"));
  // The renderer writes no '<' of its own: every one comes from a user string, escaped.
  for (std::size_t i = text.find('<'); i != std::string::npos; i = text.find('<', i + 1)) {
    INFO("at " << i << ": " << text.substr(i > 20 ? i - 20 : 0, 40));
    CHECK((i > 0 && text[i - 1] == '\\'));
  }
}

TEST_CASE("markdown report: a newline in a user string becomes a space", "[markdown]") {
  Questionnaire q = sample();
  q.title = en("Two\nlines\r\nhere");
  Tally tally(q);
  tally.add(answers("d", Role::employee, {3, 3, 3, 3}));
  const InputSummary inputs;
  const Assessment a = assess(tally, ScoringOptions{1, 3});
  const std::string text = render_markdown(Report{q, a, inputs, "en", {}});
  CHECK(split_lines(text).front() == "# Two lines here");
}

TEST_CASE("markdown report: a suppressed department shows only its id and n", "[markdown]") {
  const std::string text = render(0).text;
  CHECK(contains(text, "## Not shown, to protect anonymity"));
  CHECK(contains(text, "\n- tiny1 (n=1): fewer than 2 respondents.\n"));
  CHECK(contains(text, "\n- tiny2 (n=1): fewer than 2 respondents.\n"));
  // Not its display name, no table row, no recommendations.
  CHECK_FALSE(contains(text, "Secret team"));
  for (const auto& l : split_lines(text)) {
    if (!contains(l, "tiny")) continue;
    INFO(l);
    CHECK(l.rfind("- tiny", 0) == 0);
  }
}

TEST_CASE("markdown report: leader and employee rows only where both groups are large enough", "[markdown]") {
  SECTION("no leaders: no role rows, and the gap reading says why") {
    const Rendered r = render(0);
    CHECK_FALSE(r.assessment.roles_shown);
    CHECK_FALSE(contains(r.text, "| Leaders |"));
    CHECK_FALSE(contains(r.text, "| Employees |"));
    CHECK(contains(r.text, "Leader gap: not shown, because leaders and employees need at least 2 respondents each."));
  }
  SECTION("four leaders and four employees, no cell of one: both rows") {
    const Rendered r = render(4);
    REQUIRE(r.assessment.roles_shown);
    CHECK(contains(r.text, "| Leaders | 4 |"));
    CHECK(contains(r.text, "| Employees | 4 |"));
  }
  SECTION("three leaders, one of them beside an employee: leaders − a|b would be one person") {
    const Rendered r = render(3);
    CHECK_FALSE(r.assessment.roles_shown);
    CHECK_FALSE(contains(r.text, "| Leaders |"));
    CHECK(contains(r.text, "- Leaders and employees: not shown, because together with the departments shown"));
    CHECK(contains(r.text, "Leader gap: not shown, because leaders' and employees' figures"));
  }
}
