// Golden tests for the document formats: the Markdown, CSV and HTML reports of the example
// data, compared BYTE FOR BYTE with tests/golden/acme-report.md, .csv and .html. (The JSON
// report has its own golden test with a numeric tolerance, test_golden_report.cpp.)
//
// The binary runs in the source directory with the same relative inputs as the JSON golden
// test (examples/acme examples/acme-extra.jsonl), so nothing depends on where the tree is
// checked out. A difference is reported as the first differing line, with its number, the
// column, and the expected and the actual line (cut around the difference, control
// characters spelled out), not as a dump of the whole report.
//
// When a change to a report is intended, regenerate the golden files and review the diff:
//
//     CENTRIC_UPDATE_GOLDEN=1 build/release/tests/centric_e2e_tests "golden*"
//
// With CENTRIC_UPDATE_GOLDEN=1 each golden test rewrites its file from the binary's
// standard output (instead of comparing) and then passes. The "plausible on its own" tests
// below still check the rewritten files, so a broken report accepted that way is caught.
//
// The files are exact bytes (the CSV has a byte-order mark and CRLF line ends):
// .gitattributes marks tests/golden/* as -text so git never converts them.
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "e2e/e2e_common.hpp"
#include "support/process.hpp"

using namespace centric::test;
using nlohmann::json;

namespace {

const char* const json_golden = "tests/golden/acme-report.json";
const char* const bom = "\xEF\xBB\xBF";

// The pieces of `text` up to and including each '\n' (the last one without it when the
// text does not end in one), so that a missing final newline or a CR is a difference too.
std::vector<std::string> raw_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    if (end == std::string::npos) {
      lines.push_back(text.substr(start));
      break;
    }
    lines.push_back(text.substr(start, end - start + 1));
    start = end + 1;
  }
  return lines;
}

// A line as it can be shown in a test failure: control characters, the byte-order mark
// and bytes of other lines spelled out; long lines cut to a window around `column`.
std::string visible(const std::string& line, std::size_t column) {
  constexpr std::size_t window = 160;
  std::size_t from = 0;
  std::string prefix;
  if (line.size() > window && column > 60) {
    from = column - 60;
    prefix = "\u2026";
  }
  const std::string part = line.substr(from, window);
  std::string out = prefix;
  for (std::size_t i = 0; i < part.size(); ++i) {
    const auto c = static_cast<unsigned char>(part[i]);
    if (part.compare(i, 3, bom) == 0) {
      out += "\\uFEFF";
      i += 2;
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7f) {
      out += fmt::format("\\x{:02x}", c);
    } else {
      out.push_back(part[i]);
    }
  }
  if (from + window < line.size()) out += "\u2026";
  return out;
}

// Nothing when the texts are equal byte for byte; otherwise the first line that differs:
// "line N, column C:\n  expected: ...\n  actual:   ...", lines and columns counted from 1.
std::optional<std::string> first_line_difference(const std::string& expected, const std::string& actual) {
  if (expected == actual) return std::nullopt;
  const auto want = raw_lines(expected);
  const auto got = raw_lines(actual);
  for (std::size_t i = 0; i < std::max(want.size(), got.size()); ++i) {
    const std::string* w = i < want.size() ? &want[i] : nullptr;
    const std::string* g = i < got.size() ? &got[i] : nullptr;
    if (w != nullptr && g != nullptr && *w == *g) continue;
    std::size_t column = 0;
    if (w != nullptr && g != nullptr)
      while (column < w->size() && column < g->size() && (*w)[column] == (*g)[column]) ++column;
    const auto show = [column](const std::string* line) {
      return line != nullptr ? "\"" + visible(*line, column) + "\"" : std::string("(end of file)");
    };
    return fmt::format("line {}, column {}:\n  expected: {}\n  actual:   {}", i + 1, column + 1, show(w), show(g));
  }
  return "the texts differ but no line does";  // not reached: equal lines make equal texts
}

std::string golden_path(const std::string& extension) { return "tests/golden/acme-report." + extension; }

ProcessResult run_acme(const std::string& format) {
  ProcessOptions options;
  options.working_directory = source_path("");
  return run_centric({"assess", "examples/acme", "examples/acme-extra.jsonl", "--format", format}, options);
}

bool updating() {
  const char* update = std::getenv("CENTRIC_UPDATE_GOLDEN");
  return update != nullptr && std::string(update) == "1";
}

// Runs the examples in `format` and compares standard output with the golden file (or
// rewrites the file under CENTRIC_UPDATE_GOLDEN=1).
void check_golden(const std::string& format, const std::string& extension) {
  const auto r = run_acme(format);
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  REQUIRE_FALSE(r.out.empty());
  const std::string file = golden_path(extension);
  if (updating()) {
    std::ofstream out(source_path(file), std::ios::binary | std::ios::trunc);
    out << r.out;
    out.close();
    REQUIRE(out.good());
    WARN("rewrote " << file << "; review the diff before committing it");
    return;
  }
  const std::string golden = read_text_file(source_path(file));
  REQUIRE_FALSE(golden.empty());
  const auto difference = first_line_difference(golden, r.out);
  INFO(file << " differs from the report; regenerate with CENTRIC_UPDATE_GOLDEN=1 if the change is intended");
  CHECK(difference.value_or("") == "");
}

json golden_report() { return json::parse(read_text_file(source_path(json_golden))); }

std::vector<json> departments(const json& report, bool suppressed) {
  std::vector<json> out;
  for (const auto& d : report["departments"])
    if (d["suppressed"].get<bool>() == suppressed) out.push_back(d);
  return out;
}

std::string one_decimal(const json& score) { return fmt::format("{:.1f}", score.get<double>()); }

std::string html_escaped(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("golden: the Markdown report of the examples equals tests/golden/acme-report.md byte for byte",
          "[golden][markdown]") {
  check_golden("md", "md");
}

TEST_CASE("golden: the CSV report of the examples equals tests/golden/acme-report.csv byte for byte", "[golden][csv]") {
  check_golden("csv", "csv");
}

TEST_CASE("golden: the HTML report of the examples equals tests/golden/acme-report.html byte for byte",
          "[golden][html]") {
  check_golden("html", "html");
}

TEST_CASE("golden: the line comparer names the first differing line and column", "[golden]") {
  const std::string text = "first\nsecond line\nthird\n";
  CHECK_FALSE(first_line_difference(text, text).has_value());

  CHECK(first_line_difference(text, "first\nsecond lime\nthird\n").value_or("") ==
        "line 2, column 10:\n  expected: \"second line\\n\"\n  actual:   \"second lime\\n\"");
  // One more line, one less, no final newline, a CR: each is a difference.
  CHECK(first_line_difference(text, text + "fourth\n").value_or("") ==
        "line 4, column 1:\n  expected: (end of file)\n  actual:   \"fourth\\n\"");
  CHECK(first_line_difference(text, "first\nsecond line\n").value_or("") ==
        "line 3, column 1:\n  expected: \"third\\n\"\n  actual:   (end of file)");
  CHECK(first_line_difference(text, "first\nsecond line\nthird").value_or("").rfind("line 3, column 6:", 0) == 0);
  CHECK(first_line_difference("a\r\nb\r\n", "a\nb\r\n").value_or("") ==
        "line 1, column 2:\n  expected: \"a\\r\\n\"\n  actual:   \"a\\n\"");
  CHECK(first_line_difference(std::string(bom) + "x\n", "x\n").value_or("") ==
        "line 1, column 1:\n  expected: \"\\uFEFFx\\n\"\n  actual:   \"x\\n\"");

  // A long line is shown cut around the difference, not whole.
  const std::string long_line = std::string(5000, 'a') + "X" + std::string(5000, 'b') + "\n";
  std::string changed = long_line;
  changed[5000] = 'Y';
  const std::string message = first_line_difference(long_line, changed).value_or("");
  CHECK(message.rfind("line 1, column 5001:", 0) == 0);
  CHECK(message.size() < 600);
  CHECK(contains(message, "aX"));
  CHECK(contains(message, "aY"));
}

TEST_CASE("golden: the Markdown golden file is plausible on its own", "[golden][markdown]") {
  // Guards against a wrong golden file having been accepted by CENTRIC_UPDATE_GOLDEN=1.
  const std::string md = read_text_file(source_path(golden_path("md")));
  const json g = golden_report();
  CHECK(starts_with(md, "# "));
  CHECK_FALSE(contains(md, "\r"));
  CHECK_FALSE(contains(md, "\x1b["));
  CHECK((md.size() > 1 && md.back() == '\n'));
  CHECK(has_line_starting_with(md, "- Overall: **" + one_decimal(g["organisation"]["overall"]["score"]) + "** / 100"));
  CHECK(has_line_starting_with(md, "## Scores by department"));
  CHECK(has_line_starting_with(md, "## Not shown"));
  CHECK(has_line_starting_with(md, "## Gaps"));
  CHECK(has_line_starting_with(md, "## Recommendations"));
  for (const auto& d : departments(g, false)) {
    INFO(d["id"]);
    CHECK(has_line_starting_with(
        md, "| " + d["name"].get<std::string>() + " | " + std::to_string(d["n"].get<int>()) + " | "));
  }
  for (const auto& d : departments(g, true)) {
    const std::string id = d["id"].get<std::string>();
    INFO(id);
    CHECK(has_line_starting_with(md, "- " + id + " (n=" + std::to_string(d["n"].get<int>()) + "): "));
    for (const auto& line : split_lines(md))
      if (std::regex_search(line, std::regex("\\b" + id + "\\b"))) CHECK(starts_with(line, "- " + id + " "));
  }
}

TEST_CASE("golden: the CSV golden file is plausible on its own", "[golden][csv]") {
  const std::string csv = read_text_file(source_path(golden_path("csv")));
  const json g = golden_report();
  const std::string header =
      "group_kind,group_id,group_name,n,dimension,score,level,level_name,sd,ci95_low,ci95_high,alpha,favorable,"
      "neutral,unfavorable,dimension_name,hidden\r\n";
  CHECK(starts_with(csv, std::string(bom) + header));
  REQUIRE(csv.size() >= 2);
  CHECK(csv.substr(csv.size() - 2) == "\r\n");
  std::size_t lines = 0;
  for (std::size_t i = 0; i < csv.size(); ++i) {
    if (csv[i] != '\n') continue;
    ++lines;
    CHECK(i > 0);
    CHECK(csv[i - 1] == '\r');
  }
  // The header; a row per dimension and one overall for the organisation, each shown
  // department and both roles; one row per suppressed department.
  const std::size_t per_group = dimension_ids().size() + 1;
  const auto shown = departments(g, false);
  const auto hidden = departments(g, true);
  CHECK(lines == 1 + per_group * (1 + shown.size() + 2) + hidden.size());
  const std::string organisation_overall = "\r\norganisation,organisation,Organisation,50,overall,";
  const std::size_t at = csv.find(organisation_overall);
  REQUIRE(at != std::string::npos);
  const double overall = std::strtod(csv.c_str() + at + organisation_overall.size(), nullptr);
  CHECK(overall == Approx(g["organisation"]["overall"]["score"].get<double>()).epsilon(1e-12));
  // The overall row ends in the word "Overall" and an empty "hidden" cell, a dimension's
  // row in the dimension's name and an empty "hidden" cell (nothing of the organisation is hidden).
  CHECK(csv.compare(csv.find("\r\n", at + 2) - 9, 11, ",Overall,\r\n") == 0);
  const json questionnaire = builtin_questionnaire();
  for (const auto& dimension : questionnaire["dimensions"]) {
    const std::string row = "\r\norganisation,organisation,Organisation,50," + dimension["id"].get<std::string>() + ",";
    const std::size_t from = csv.find(row);
    REQUIRE(from != std::string::npos);
    const std::string name = dimension["name"]["en"].get<std::string>();
    INFO(name);
    CHECK(csv.compare(csv.find("\r\n", from + 2) - name.size() - 2, name.size() + 4, "," + name + ",\r\n") == 0);
  }
  for (const auto& d : shown) {
    INFO(d["id"]);
    CHECK(contains(csv, "\r\ndepartment," + d["id"].get<std::string>() + "," + d["name"].get<std::string>() + "," +
                            std::to_string(d["n"].get<int>()) + ",culture,"));
  }
  for (const auto& d : hidden) {
    const std::string id = d["id"].get<std::string>();
    INFO(id);
    // Nothing but the kind, the id, n and why it is hidden.
    CHECK(contains(csv, "\r\ndepartment," + id + ",," + std::to_string(d["n"].get<int>()) + ",,,,,,,,,,,,,"));
    CHECK_FALSE(contains(csv, "," + id + ",," + std::to_string(d["n"].get<int>()) + ",culture"));
  }
  CHECK(contains(csv, "\r\nrole,leaders,Leaders,"));
  CHECK(contains(csv, "\r\nrole,employees,Employees,"));
}

TEST_CASE("golden: the HTML golden file is plausible on its own", "[golden][html]") {
  const std::string html = read_text_file(source_path(golden_path("html")));
  const json g = golden_report();
  CHECK(starts_with(html, "<!DOCTYPE html>\n<html lang=\"en\">\n"));
  CHECK((html.size() > 9 && html.substr(html.size() - 8) == "</html>\n"));
  CHECK(contains(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'"));
  CHECK(contains(html, "<h1>"));
  CHECK_FALSE(contains(html, "\r"));
  CHECK(contains(html, "<span class=\"kpi-value\">" + one_decimal(g["organisation"]["overall"]["score"]) + "</span>"));
  CHECK(contains(html, "<section id=\"hidden\""));
  for (const auto& d : departments(g, false)) {
    INFO(d["id"]);
    CHECK(contains(html, ">" + html_escaped(d["name"].get<std::string>()) + "</h3>"));
  }
  for (const auto& d : departments(g, true)) {
    INFO(d["id"]);
    CHECK(contains(
        html, "<li><code>" + d["id"].get<std::string>() + "</code> (n=" + std::to_string(d["n"].get<int>()) + ")"));
  }
  CHECK_FALSE(std::regex_search(html, std::regex("\\bHR\\b")));  // hr's display name: it is suppressed
}
