// `centric assess --format md` over the examples: well-formed tables, the anonymity
// rules, and the same numbers as the JSON report.
#include <fmt/format.h>

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

// The cells of a Markdown table row, split at pipes that are not backslash-escaped.
std::vector<std::string> table_cells(const std::string& row) {
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

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(' ');
  if (first == std::string::npos) return {};
  return s.substr(first, s.find_last_not_of(' ') - first + 1);
}

}  // namespace

TEST_CASE("markdown: the examples as a Markdown report, exit 0, tables well formed", "[markdown]") {
  const auto r = run_centric(with(with({"assess"}, example_inputs()), {"--format", "md"}));
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  const auto lines = split_lines(r.out);
  REQUIRE_FALSE(lines.empty());
  CHECK(starts_with(lines.front(), "# "));
  CHECK(has_line_starting_with(r.out, "## Scores by department"));
  CHECK(has_line_starting_with(r.out, "## Gaps"));
  CHECK(has_line_starting_with(r.out, "## Recommendations"));

  // Every table row has as many cells as its header; the score table has a column per dimension.
  std::size_t header_cells = 0;
  int tables = 0;
  for (const auto& line : lines) {
    if (!starts_with(line, "|")) {
      header_cells = 0;
      continue;
    }
    INFO(line);
    if (header_cells == 0) {
      header_cells = table_cells(line).size();
      ++tables;
      if (starts_with(line, "| Department |")) CHECK(header_cells == dimension_ids().size() + 3);
    } else {
      CHECK(table_cells(line).size() == header_cells);
    }
  }
  CHECK(tables == 2);
}

TEST_CASE("markdown: legal and hr are listed with their n and no score", "[markdown]") {
  const auto r = run_centric(with(with({"assess"}, example_inputs()), {"--format", "md"}));
  REQUIRE(r.exit_code == 0);
  const std::regex legal("\\blegal\\b.*\\bn=2\\b");
  const std::regex hr("\\bhr\\b.*\\bn=5\\b");
  bool legal_listed = false;
  bool hr_listed = false;
  for (const auto& line : split_lines(r.out)) {
    if (!std::regex_search(line, std::regex("\\blegal\\b|\\bhr\\b|\\bHR\\b"))) continue;
    INFO(line);
    legal_listed = legal_listed || std::regex_search(line, legal);
    hr_listed = hr_listed || std::regex_search(line, hr);
    CHECK(starts_with(line, "- "));                                     // the "not shown" list only
    CHECK_FALSE(std::regex_search(line, std::regex("[0-9]\\.[0-9]")));  // no score
    CHECK_FALSE(starts_with(line, "|"));
  }
  CHECK(legal_listed);
  CHECK(hr_listed);
  CHECK_FALSE(has_line_starting_with(r.out, "### HR"));
  CHECK_FALSE(has_line_starting_with(r.out, "### legal"));
}

TEST_CASE("markdown: the overall score is the JSON report's, rounded to one decimal", "[markdown]") {
  const auto md = run_centric(with(with({"assess"}, example_inputs()), {"--format", "md"}));
  const auto js = run_centric(with(with({"assess"}, example_inputs()), {"--format", "json"}));
  REQUIRE(md.exit_code == 0);
  REQUIRE(js.exit_code == 0);
  const json report = parse_report(js.out);
  const std::string score = fmt::format("{:.1f}", report["organisation"]["overall"]["score"].get<double>());
  CHECK(has_line_starting_with(md.out, "- Overall: **" + score + "** / 100"));
  bool row_found = false;
  for (const auto& line : split_lines(md.out)) {
    if (!starts_with(line, "| **Organisation** |")) continue;
    row_found = true;
    const auto cells = table_cells(line);
    REQUIRE_FALSE(cells.empty());
    CHECK(starts_with(trimmed(cells.back()), score + " (L"));
    CHECK(trimmed(cells[1]) == std::to_string(report["organisation"]["n"].get<int>()));
  }
  CHECK(row_found);
}
