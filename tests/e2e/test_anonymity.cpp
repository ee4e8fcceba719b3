// The anonymity promise through the real binary, in every format (formats.md §3.9,
// docs/anonymity.md): a cell of one person is hidden with the cell that would give it away,
// the role subgroups are hidden when they would single out the people without a role, and
// every format hides the same figures and says why. (The independent attack over many
// random organisations is tests/anonymity/check_recoverability.py.)
#include "e2e/e2e_common.hpp"
#include "support/csv_reader.hpp"

using namespace centric::test;

namespace {

// A department of 5 ("small") in which only one person answered the leadership questions,
// and one of 10 ("big") in which everyone did; nobody is a leader.
std::string one_person_answered_leadership() {
  std::string lines;
  for (int i = 0; i < 15; ++i) {
    json a = answer_set("r" + std::to_string(i), i < 5 ? "small" : "big", "employee");
    if (i > 0 && i < 5) {
      json kept = json::object();
      for (const auto& [question, value] : a["answers"].items())
        if (!starts_with(question, "leadership.")) kept[question] = value;
      a["answers"] = kept;
    }
    lines += a.dump() + "\n";
  }
  return lines;
}

// Two departments of 5 leaders and 5 employees; two people in "a" gave no role:
// organisation − leaders − employees would be those two.
std::string two_without_a_role() {
  std::string lines;
  int k = 0;
  for (const char* department : {"a", "b"})
    for (const char* role : {"leader", "employee"})
      for (int i = 0; i < 5; ++i) lines += answer_set("p" + std::to_string(k++), department, role).dump() + "\n";
  for (int i = 0; i < 2; ++i) {
    json a = answer_set("p" + std::to_string(k++), "a", "employee");
    a["respondent"].erase("role");
    lines += a.dump() + "\n";
  }
  return lines;
}

const json* department(const json& report, const std::string& id) {
  for (const auto& d : report["departments"])
    if (d["id"] == id) return &d;
  return nullptr;
}

}  // namespace

TEST_CASE("anonymity: a cell of one person is hidden, with the cell that would give it away", "[assess][anonymity]") {
  TempDir dir;
  const std::string input = dir.write("answers.jsonl", one_person_answered_leadership());

  const auto r = run_centric({"assess", "--format", "json", input});
  REQUIRE(r.exit_code == 0);
  const json report = parse_report(r.out);
  const json* small = department(report, "small");
  const json* big = department(report, "big");
  REQUIRE(small);
  REQUIRE(big);
  CHECK((*small)["suppressed"] == false);                 // 5 answer sets: the department is shown...
  CHECK((*small)["dimensions"]["leadership"].is_null());  // ...but not its cell of one
  CHECK((*small)["hidden"]["leadership"] == "small");
  // The organisation's cell holds 11; without hiding big's, organisation − big = the one.
  CHECK((*big)["dimensions"]["leadership"].is_null());
  CHECK((*big)["hidden"]["leadership"] == "complementary");
  CHECK(report["organisation"]["dimensions"]["leadership"]["n"] == 11);
  // A group with a hidden dimension has no overall score; the others stay.
  for (const json* d : {small, big}) {
    CHECK((*d)["overall"]["score"].is_null());
    CHECK((*d)["hidden"]["overall"] == "incomplete");
    CHECK((*d)["dimensions"]["culture"]["score"].is_number());
    for (const auto& rec : (*d)["recommendations"]) CHECK(rec["dimension"] != "leadership");
  }
  CHECK(report["organisation"]["hidden"] == json::object());
  CHECK(report["organisation"]["overall"]["score"].is_number());
  // The silo spread of leadership has no department to compare.
  CHECK(report["gaps"]["silo_spread"]["leadership"].is_null());

  SECTION("CSV: the same cells empty, and why") {
    const auto csv = run_centric({"assess", "--format", "csv", input});
    REQUIRE(csv.exit_code == 0);
    REQUIRE(starts_with(csv.out, "\xEF\xBB\xBF"));
    const auto rows = parse_csv(csv.out.substr(3));
    REQUIRE(!rows.empty());
    const auto& header = rows[0];
    const auto column = [&](const std::string& name) {
      return static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
    };
    REQUIRE(column("hidden") < header.size());
    int hidden_rows = 0;
    for (const auto& row : rows) {
      if (row[column("group_kind")] != "department") continue;
      const std::string& dim = row[column("dimension")];
      INFO(row[column("group_id")] << " " << dim);
      if (dim == "leadership" || dim == "overall") {
        CHECK(row[column("score")].empty());
        CHECK(row[column("level")].empty());
        CHECK_FALSE(row[column("hidden")].empty());
        ++hidden_rows;
      } else {
        CHECK_FALSE(row[column("score")].empty());
        CHECK(row[column("hidden")].empty());
      }
    }
    CHECK(hidden_rows == 4);
  }

  SECTION("text, Markdown and HTML: \"hidden\" in place of the figure, and why") {
    const auto text = run_centric({"assess", "--no-color", input});
    REQUIRE(text.exit_code == 0);
    CHECK(contains(text.out, "hidden"));
    CHECK(contains(text.out, "Not shown, to protect anonymity"));
    // (The text report wraps at 80 columns: the start of each line.)
    CHECK(contains(text.out, "  - small, Leadership commitment: fewer than 5 respondents answered enough"));
    CHECK(contains(text.out, "  - big, Leadership commitment: hidden as well"));
    for (const char* format : {"md", "html"}) {
      INFO(format);
      const auto out = run_centric({"assess", "--format", format, input});
      REQUIRE(out.exit_code == 0);
      CHECK(contains(out.out, "hidden"));
      CHECK(contains(out.out, "fewer than 5 respondents answered enough of its questions."));
    }
  }
}

TEST_CASE("anonymity: leaders and employees are hidden when they would single out the people without a role",
          "[assess][anonymity]") {
  TempDir dir;
  const std::string input = dir.write("answers.jsonl", two_without_a_role());
  const auto r = run_centric({"assess", "--format", "json", input});
  REQUIRE(r.exit_code == 0);
  const json report = parse_report(r.out);
  CHECK(report["roles"].is_null());
  CHECK(report["roles_hidden"] == "recoverable");
  for (const auto& dim : dimension_ids()) CHECK(report["gaps"]["leader_gap"][dim].is_null());
  // The departments are large enough and nothing of theirs can be recovered: all shown.
  for (const auto& d : report["departments"]) {
    CHECK(d["suppressed"] == false);
    CHECK(d["hidden"] == json::object());
  }

  const auto text = run_centric({"assess", "--no-color", input});
  REQUIRE(text.exit_code == 0);
  CHECK(contains(text.out, "Leaders and employees: not shown, because"));
  CHECK(contains(text.out, "Leader gap: not shown, because leaders' and employees' figures"));

  // With five people without a role, leaders and employees can be shown.
  std::string more = two_without_a_role();
  for (int i = 0; i < 3; ++i) {
    json a = answer_set("extra" + std::to_string(i), "b", "employee");
    a["respondent"].erase("role");
    more += a.dump() + "\n";
  }
  const auto shown = run_centric({"assess", "--format", "json", dir.write("more.jsonl", more)});
  REQUIRE(shown.exit_code == 0);
  const json with_roles = parse_report(shown.out);
  CHECK(with_roles["roles"].is_object());
  CHECK(with_roles["roles_hidden"].is_null());
}

TEST_CASE("anonymity: an organisation smaller than --min-group shows its size and no score", "[assess][anonymity]") {
  TempDir dir;
  std::string lines;
  for (int i = 0; i < 3; ++i) lines += answer_set("r" + std::to_string(i)).dump() + "\n";
  const std::string input = dir.write("answers.jsonl", lines);
  const auto r = run_centric({"assess", "--format", "json", input});
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.err, "warning: the organisation has 3 respondents, fewer than 5: no score is shown"));
  const json report = parse_report(r.out);
  CHECK(report["organisation"]["n"] == 3);
  CHECK(report["organisation"]["overall"]["score"].is_null());
  for (const auto& dim : dimension_ids()) CHECK(report["organisation"]["dimensions"][dim].is_null());
  // --min-group 3 is the team's own choice: then the scores show.
  const auto chosen = run_centric({"assess", "--format", "json", "--min-group", "3", input});
  REQUIRE(chosen.exit_code == 0);
  CHECK(parse_report(chosen.out)["organisation"]["overall"]["score"].is_number());
}

TEST_CASE("anonymity: when the organisation's overall is hidden, the text report says why within 80 columns",
          "[assess][anonymity]") {
  // One department of 6, four of whom skipped the leadership questions: the organisation's
  // leadership cell holds 2 and is hidden, so is its overall score.
  TempDir dir;
  std::string lines;
  for (int i = 0; i < 6; ++i) {
    json a = answer_set("r" + std::to_string(i), "ops", "employee");
    if (i < 4) {
      json kept = json::object();
      for (const auto& [question, value] : a["answers"].items())
        if (!starts_with(question, "leadership.")) kept[question] = value;
      a["answers"] = kept;
    }
    lines += a.dump() + "\n";
  }
  const std::string input = dir.write("answers.jsonl", lines);
  const json report = parse_report(run_centric({"assess", "--format", "json", input}).out);
  CHECK(report["organisation"]["hidden"]["leadership"] == "small");
  CHECK(report["organisation"]["hidden"]["overall"] == "incomplete");
  for (const char* language : {"en", "pl", "ru", "hu"}) {
    INFO(language);
    const auto r = run_centric({"assess", "--no-color", "--lang", language, input});
    REQUIRE(r.exit_code == 0);
    for (const auto& line : split_lines(r.out)) {
      INFO(line);
      CHECK(code_points(line) <= 80);
    }
  }
  CHECK(contains(run_centric({"assess", "--no-color", input}).out,
                 "Overall: not shown, because a dimension is hidden to protect anonymity"));
}
