// The reports against hostile or odd input: file names and department ids that carry
// terminal controls, department ids of any length, and --top 0.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "e2e/e2e_common.hpp"
#include "support/process.hpp"

using namespace centric::test;
using nlohmann::json;

namespace {

// A .jsonl file of `n` valid answer sets, all in `department`.
std::string jsonl_of(const std::string& department, int n, const std::string& id_prefix) {
  std::string text;
  for (int i = 0; i < n; ++i) text += answer_set(id_prefix + std::to_string(i), department).dump() + "\n";
  return text;
}

// The lines of `text` under the line `heading`, up to the next blank line.
std::vector<std::string> section(const std::string& text, const std::string& heading) {
  const auto lines = split_lines(text);
  std::vector<std::string> out;
  bool inside = false;
  for (const auto& line : lines) {
    if (inside && line.empty()) break;
    if (inside) out.push_back(line);
    if (line == heading) inside = true;
  }
  return out;
}

}  // namespace

// ---------------------------------------------------------------------------------------
// Terminal controls

TEST_CASE("report: a rejected file whose name holds ESC is named on stderr with the ESC escaped", "[report][escape]") {
  TempDir dir;
  const std::string name = "evil\x1b[2J.json";
  dir.write(name, "{not json");
  const std::string lines_name = "evil\x1b]0;title\x07.jsonl";
  dir.write(lines_name, answer_set("fine-1").dump() + "\n{broken\n");
  ProcessOptions options;
  options.working_directory = dir.path();
  const auto r = run_centric(with(with({"assess"}, example_inputs()), {name, lines_name}), options);
  CHECK(r.exit_code == 3);
  INFO("stderr: " << r.err);
  CHECK(r.err.find('\x1b') == std::string::npos);
  CHECK(r.err.find('\x07') == std::string::npos);
  CHECK(contains(r.err, "evil\\x1B[2J.json"));
  CHECK(contains(r.err, "evil\\x1B]0;title\\x07.jsonl:2"));
  CHECK(r.out.find('\x1b') == std::string::npos);  // a pipe: no colour either
}

TEST_CASE("report: C1 and bidirectional controls in a department id are escaped in the text report",
          "[report][escape]") {
  TempDir dir;
  // U+009B is an 8-bit CSI; U+202E reverses what follows on screen.
  const std::string department =
      "ops\xC2\x9B"
      "2J\xE2\x80\xAE"
      "tsil";
  const std::string file = dir.write("odd.jsonl", jsonl_of(department, 5, "odd-"));
  const auto r = run_centric(with(with({"assess", "--min-group", "1"}, example_inputs()), {file}));
  REQUIRE(r.exit_code == 0);
  CHECK_FALSE(contains(r.out, "\xC2\x9B"));
  CHECK_FALSE(contains(r.out, "\xE2\x80\xAE"));
  CHECK(contains(r.out, "ops\\u{009B}2J\\u{202E}tsil"));
  // The JSON report keeps the id as it is (JSON strings carry any character safely).
  const auto j = run_centric(with(with({"assess", "--format", "json", "--min-group", "1"}, example_inputs()), {file}));
  REQUIRE(j.exit_code == 0);
  const json report = parse_report(j.out);
  bool found = false;
  for (const auto& d : report["departments"]) found = found || d["id"] == department;
  CHECK(found);
}

// ---------------------------------------------------------------------------------------
// Long department ids

TEST_CASE("report: a department id of 200 KB keeps the text report within 80 columns", "[report][width]") {
  TempDir dir;
  const std::string department = "d" + std::string(200 * 1024, 'x');
  const std::string file = dir.write("long.jsonl", jsonl_of(department, 5, "long-"));

  // Shown (5 respondents, --min-group 1), then hidden (5 < 6).
  for (const char* min_group : {"1", "6"}) {
    INFO("--min-group " << min_group);
    const auto r = run_centric(with(with({"assess", "--min-group", min_group}, example_inputs()), {file}));
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.size() < 100 * 1024);  // the id is never printed whole
    for (const auto& line : split_lines(r.out)) {
      if (code_points(line) > 80) FAIL("a line of " << code_points(line) << " columns: " << line.substr(0, 200));
    }
    CHECK(contains(r.out, "dxxxxxxxxxx"));  // the name is still there, shortened
    CHECK(contains(r.out, "\u2026"));
  }

  // The JSON report has the id whole.
  const auto j = run_centric(with(with({"assess", "--format", "json", "--min-group", "1"}, example_inputs()), {file}));
  REQUIRE(j.exit_code == 0);
  const json report = parse_report(j.out);
  bool found = false;
  for (const auto& d : report["departments"]) found = found || (d["id"] == department && d["name"] == department);
  CHECK(found);
}

// ---------------------------------------------------------------------------------------
// --top

TEST_CASE("report: --top 0 leaves out the weakest dimensions and the recommendations", "[report][top]") {
  const auto r = run_centric(with({"assess", "--top", "0"}, example_inputs()));
  REQUIRE(r.exit_code == 0);
  CHECK_FALSE(contains(r.out, "Weakest dimensions of the organisation"));
  CHECK_FALSE(contains(r.out, "Recommendations, weakest dimension first"));
  CHECK(contains(r.out, "Scores by department"));
  CHECK(contains(r.out, "Inputs: "));
}

TEST_CASE("report: --top N lists min(N, dimensions) weakest dimensions", "[report][top]") {
  const std::size_t dimensions = dimension_ids().size();
  for (std::size_t top : {std::size_t{1}, std::size_t{2}, dimensions + 5}) {
    INFO("--top " << top);
    const auto r = run_centric(with({"assess", "--top", std::to_string(top)}, example_inputs()));
    REQUIRE(r.exit_code == 0);
    // Each entry is a numbered line, followed by what its level means, indented.
    std::vector<std::string> entries;
    std::size_t meanings = 0;
    for (const auto& line : section(r.out, "Weakest dimensions of the organisation")) {
      if (starts_with(line, "     ")) {
        CHECK_FALSE(entries.empty());
        ++meanings;
        continue;
      }
      entries.push_back(line);
    }
    CHECK(meanings >= entries.size());  // the built-in questionnaire describes every level
    CHECK(entries.size() == std::min(top, dimensions));
    for (std::size_t k = 0; k < entries.size(); ++k)
      CHECK(starts_with(entries[k], "  " + std::to_string(k + 1) + ". "));
    CHECK(contains(r.out, "Recommendations, weakest dimension first"));
  }
}
