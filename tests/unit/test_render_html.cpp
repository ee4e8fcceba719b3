// The HTML report (render_html) and its parts — escaping, the level colours and the SVG
// charts — over a tiny questionnaire and answers built in code.
#include <fmt/format.h>

#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "centric/messages.hpp"
#include "centric/report.hpp"
#include "centric/scoring.hpp"
#include "report/html_text.hpp"
#include "report/level_colors.hpp"
#include "report/svg_charts.hpp"

using namespace centric;

namespace {

const Messages& english = Messages::built_in("en");

LocalizedText en(const std::string& s) {
  LocalizedText t;
  t.by_language["en"] = s;
  return t;
}

// Scale 1..5; `dimensions` dimensions of two questions each; three levels.
Questionnaire sample(int dimensions = 3) {
  Questionnaire q;
  q.id = "t";
  q.version = "1.0.0";
  q.title = en("Tiny <survey>");
  q.scale = {1, 5, {}, true};
  q.levels = {{1, 0, en("Low"), en("Little happens.")}, {2, 40, en("Mid"), {}}, {3, 70, en("High"), {}}};
  q.departments = {{"tiny1", en("Secret team")}, {"ops", en("Operations & <Logistics>")}};
  for (int d = 0; d < dimensions; ++d) {
    Dimension dim;
    dim.id = "d" + std::to_string(d);
    dim.name = en("Dimension " + std::to_string(d));
    dim.questions = {{dim.id + ".1", en("x"), {}, 1, false}, {dim.id + ".2", en("x"), {}, 1, false}};
    for (int level = 1; level <= 3; ++level)
      dim.recommendations.push_back({{level}, en("do <b>" + dim.id + "</b> at " + std::to_string(level))});
    q.dimensions.push_back(dim);
  }
  return q;
}

AnswerSet answers(const std::string& department, Role role, const std::vector<int>& values) {
  AnswerSet s;
  s.respondent.department = department;
  s.respondent.role = role;
  for (int v : values) s.answers.push_back(AnswerValue::of(v));
  return s;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

std::size_t count(const std::string& s, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t i = s.find(part); i != std::string::npos; i = s.find(part, i + part.size())) ++n;
  return n;
}

struct Rendered {
  std::string html;
  Assessment assessment;
};

// Departments "<script>alert(1)</script>" and "ops" with three respondents each (the
// first of the first a leader) and "tiny1", "tiny2" with one each: with min_group 2 the
// tiny ones are suppressed (together they hold 2, so nothing else is), and one leader is
// too few to show the roles.
Rendered render(int dimensions = 3, int top = 3, const std::string& language = "en") {
  const Questionnaire q = sample(dimensions);
  Tally tally(q);
  for (const std::string dept : {"<script>alert(1)</script>", "ops"})
    for (int i = 0; i < 3; ++i) {
      std::vector<int> values;
      for (int d = 0; d < dimensions; ++d) {
        values.push_back(2 + i);
        values.push_back(3 + d % 3);
      }
      tally.add(answers(dept, i == 0 && dept == "ops" ? Role::leader : Role::employee, values));
    }
  tally.add(answers("tiny1", Role::employee, std::vector<int>(2 * dimensions, 5)));
  tally.add(answers("tiny2", Role::employee, std::vector<int>(2 * dimensions, 1)));
  InputSummary inputs;
  inputs.sources = 8;
  inputs.accepted = 8;
  Rendered r{{}, assess(tally, ScoringOptions{2, top})};
  r.html = render_html(Report{q, r.assessment, inputs, language, {}});
  return r;
}

// The elements of an HTML document checked for nesting: every non-void element closed in
// order ("<x/>" inside SVG closes itself). Returns the first problem, or "".
std::string nesting_problem(const std::string& html) {
  static const std::set<std::string> void_elements{"meta", "br", "link", "img", "hr", "input"};
  std::vector<std::string> open;
  const std::regex tag(R"(<(/?)([a-zA-Z][a-zA-Z0-9]*)([^>]*)>)");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), tag); it != std::sregex_iterator(); ++it) {
    const auto& m = *it;
    const std::string name = m[2];
    const std::string rest = m[3];
    if (m[1].length() == 0) {
      if (void_elements.count(name) || (!rest.empty() && rest.back() == '/')) continue;
      open.push_back(name);
    } else {
      if (open.empty() || open.back() != name)
        return "</" + name + "> closes " + (open.empty() ? std::string("nothing") : "<" + open.back() + ">");
      open.pop_back();
    }
  }
  return open.empty() ? "" : "<" + open.back() + "> is never closed";
}

std::vector<std::string> attribute_values(const std::string& html, const std::string& attribute) {
  std::vector<std::string> values;
  const std::regex re("\\s" + attribute + "=\"([^\"]*)\"");
  for (auto it = std::sregex_iterator(html.begin(), html.end(), re); it != std::sregex_iterator(); ++it)
    values.push_back((*it)[1]);
  return values;
}

}  // namespace

TEST_CASE("html escape: markup characters become references, controls are spelled out", "[html]") {
  CHECK(html_escape("<script>alert('x') & \"y\"</script>") ==
        "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
  CHECK(html_escape("plain text, żółć, ёж") == "plain text, żółć, ёж");
  CHECK(html_escape("a\x01z") == "a\\x01z");
  // A right-to-left override could reorder what a reader sees.
  CHECK(html_escape("a\u202Ez") == "a\\u{202E}z");
}

TEST_CASE("level colours: the lowest level red, the highest blue, text contrast at least 4.5:1", "[html]") {
  CHECK(contrast_ratio({255, 255, 255}, {0, 0, 0}) == Approx(21.0));
  CHECK(contrast_ratio({10, 20, 30}, {10, 20, 30}) == Approx(1.0));
  for (int levels = 2; levels <= 9; ++levels) {
    std::set<std::string> fills;
    for (int level = 1; level <= levels; ++level) {
      const Rgb fill = level_fill(level, levels);
      INFO(levels << " levels, level " << level << ": " << fill.hex());
      CHECK(contrast_ratio(fill, text_color_on(fill)) >= 4.5);
      fills.insert(fill.hex());
    }
    CHECK(fills.size() == static_cast<std::size_t>(levels));  // every level told apart
    CHECK(level_fill(1, levels).hex() == "#d73027");
    CHECK(level_fill(levels, levels).hex() == "#4575b4");
  }
  // Out-of-range levels are clamped, never read past the palette.
  CHECK(level_fill(0, 5) == level_fill(1, 5));
  CHECK(level_fill(7, 5) == level_fill(5, 5));
  CHECK(text_color_on({69, 117, 180}).hex() == "#ffffff");
  CHECK(text_color_on({254, 224, 144}).hex() == "#000000");
}

TEST_CASE("radar chart: a polygon per complete series, points only where a value is missing", "[html]") {
  const LevelScale scale{3, {0, 40, 70}};
  const std::vector<std::string> axes{"One", "Two", "Three", "Four"};
  const std::string complete =
      radar_chart({"r", "x", "Title <1>", "Desc"}, axes, scale, {{"Org", {50.0, 60.0, 70.0, 80.0}}}, english);
  CHECK(
      contains(complete,
               "<svg id=\"r\" class=\"chart x\" role=\"img\" aria-labelledby=\"r-title\" aria-describedby=\"r-desc\""));
  CHECK(contains(complete, "<title id=\"r-title\">Title &lt;1&gt;</title>"));
  // Two rings (40 and 70), the outer edge, and the series.
  CHECK(count(complete, "<polygon") == 4);
  CHECK(count(complete, "<circle") == 4);
  // The first axis points up from the centre: a value of 50 lies half a radius above it.
  const std::string gap =
      radar_chart({"r", "x", "T", "D"}, axes, scale, {{"Org", {50.0, std::nullopt, 70.0, 80.0}}}, english);
  CHECK(count(gap, "<polygon") == 3);
  CHECK(count(gap, "<circle") == 3);
  for (const auto& axis : axes) CHECK(contains(complete, ">" + axis + "</tspan>"));
}

TEST_CASE("bar chart: bar lengths follow the scores, a row without a score says so", "[html]") {
  const LevelScale scale{3, {0, 40, 70}};
  const std::string svg = bar_chart(
      {"b", "x", "T", "D"},
      {{"Full", LevelScore{100, 3}, 50.0}, {"Half", LevelScore{50, 2}, std::nullopt}, {"None", std::nullopt, 20.0}},
      "Reference", scale, english);
  const std::regex bar(
      R"re(<rect x="([0-9.]+)" y="[0-9.]+" width="([0-9.]+)" height="[0-9.]+" fill="(#[0-9a-f]{6})")re");
  std::vector<std::pair<double, std::string>> bars;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), bar); it != std::sregex_iterator(); ++it)
    bars.emplace_back(std::stod((*it)[2]), (*it)[3]);
  REQUIRE(bars.size() == 2);
  CHECK(bars[0].first == Approx(2 * bars[1].first).epsilon(0.01));
  CHECK(bars[0].second == level_fill(3, 3).hex());
  CHECK(bars[1].second == level_fill(2, 3).hex());
  CHECK(contains(svg, ">no score</text>"));
  CHECK(contains(svg, "100.0 \u00b7 L3"));
  CHECK(contains(svg, "<title>Reference: 20.0</title>"));
}

TEST_CASE("heatmap: one cell per row and column, coloured by level, with its score and level", "[html]") {
  const LevelScale scale{3, {0, 40, 70}};
  const std::string svg = heatmap_chart({"h", "x", "T", "D"}, {"A", "B"},
                                        {{"Sales & <Co>", {LevelScore{75.5, 3}, std::nullopt}, false, {}},
                                         {"Total", {LevelScore{20, 1}, LevelScore{45, 2}}, true, {}},
                                         {"Small", {std::nullopt, std::nullopt}, false, {true, false}}},
                                        scale, {"Low", "Mid", "High"}, english);
  CHECK(count(svg, "<g><title>") == 6);
  // A cell hidden for anonymity says so, in the cell and its tooltip; an undefined one does not.
  CHECK(contains(svg, "<title>Small, A: hidden to protect anonymity</title>"));
  CHECK(count(svg, ">hidden</text>") == 1);
  CHECK(contains(svg, "<title>Small, B: no score</title>"));
  CHECK(contains(svg, "<title>Sales &amp; &lt;Co&gt;, A: 75.5, level 3</title>"));
  CHECK(contains(svg, "<title>Sales &amp; &lt;Co&gt;, B: no score</title>"));
  CHECK(contains(svg, "fill=\"" + level_fill(3, 3).hex() + "\""));
  CHECK(contains(svg, ">75.5</text>"));
  CHECK(contains(svg, ">L3</text>"));
  // The legend names every level with the score it starts at.
  CHECK(contains(svg, ">L1 Low (0+)</text>"));
  CHECK(contains(svg, ">L3 High (70+)</text>"));
}

TEST_CASE("distribution chart: the three shares side by side in proportion", "[html]") {
  const std::string svg =
      distribution_chart({"d", "x", "T", "D"}, {{"Row", AnswerShares{50, 25, 25}}, {"Empty", std::nullopt}}, english);
  const std::regex segment(R"re(<rect x="([0-9.]+)" y="[0-9.]+" width="([0-9.]+)" height="22.0")re");
  std::vector<double> x, w;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), segment); it != std::sregex_iterator(); ++it) {
    x.push_back(std::stod((*it)[1]));
    w.push_back(std::stod((*it)[2]));
  }
  REQUIRE(w.size() == 3);
  // Unfavourable, neutral, favourable from left to right, each starting where the last ends.
  CHECK(w[0] == Approx(w[1]).epsilon(0.01));
  CHECK(w[2] == Approx(2 * w[0]).epsilon(0.01));
  CHECK(x[1] == Approx(x[0] + w[0]).margin(0.11));
  CHECK(x[2] == Approx(x[1] + w[1]).margin(0.11));
  CHECK(contains(svg, ">50%</text>"));
  CHECK(contains(svg, ">no answers</text>"));
}

TEST_CASE("html report: well-formed, unique ids, an accessible name for every chart", "[html]") {
  const std::string html = render().html;
  CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">", 0) == 0);
  CHECK(nesting_problem(html).empty());
  INFO(nesting_problem(html));
  const auto ids = attribute_values(html, "id");
  const std::set<std::string> unique(ids.begin(), ids.end());
  CHECK(unique.size() == ids.size());
  CHECK(count(html, "<h1>") == 1);
  // Every chart is an image with a name and a description that exist in the page.
  CHECK(count(html, "<svg ") == 3 + 2);  // radar, heatmap, distribution, a chart per shown department
  CHECK(count(html, "role=\"img\"") == count(html, "<svg "));
  auto references = attribute_values(html, "aria-labelledby");
  const auto descriptions = attribute_values(html, "aria-describedby");
  CHECK(descriptions.size() == count(html, "<svg "));
  references.insert(references.end(), descriptions.begin(), descriptions.end());
  for (const auto& labels : references) {
    std::size_t start = 0;
    while (start < labels.size()) {
      const std::size_t end = std::min(labels.find(' ', start), labels.size());
      INFO(labels.substr(start, end - start));
      CHECK(unique.count(labels.substr(start, end - start)) == 1);
      start = end + 1;
    }
  }
  // A caption first in every figure, then the chart, then the table behind it.
  const std::regex figure(R"(<figure>([\s\S]*?)</figure>)");
  int figures = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), figure); it != std::sregex_iterator(); ++it) {
    ++figures;
    const std::string body = (*it)[1];
    CHECK(body.rfind("\n<figcaption>", 0) == 0);
    CHECK(body.find("<svg ") < body.find("<table>"));
    CHECK(contains(body, "<table>"));
  }
  CHECK(figures == 5);
  // Links only within the page, nothing loaded from anywhere, no script.
  for (const auto& href : attribute_values(html, "href")) CHECK(href.rfind("#", 0) == 0);
  CHECK(attribute_values(html, "src").empty());
  CHECK(contains(html, "content=\"default-src 'none'; style-src 'unsafe-inline'\""));
  CHECK_FALSE(contains(html, "http:"));
  CHECK_FALSE(contains(html, "https:"));
}

TEST_CASE("html report: user strings show as text, never as markup", "[html]") {
  const std::string html = render().html;
  std::string lower = html;
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  CHECK_FALSE(contains(lower, "<script"));
  CHECK_FALSE(contains(html, "<b>"));
  CHECK(contains(html, "<h3 id=\"department-1-heading\">&lt;script&gt;alert(1)&lt;/script&gt;</h3>"));
  CHECK(contains(html, "Operations &amp; &lt;Logistics&gt;"));
  CHECK(contains(html, "<title>Tiny &lt;survey&gt; \u2014 8 respondents</title>"));
  CHECK(contains(html, "do &lt;b&gt;d0&lt;/b&gt; at"));
}

TEST_CASE("html report: a suppressed department shows only its id and n", "[html]") {
  const Rendered r = render();
  REQUIRE(r.assessment.departments.size() == 4);
  CHECK(contains(r.html, "<li><code>tiny1</code> (n=1): fewer than 2 respondents.</li>"));
  CHECK(contains(r.html, "<li><code>tiny2</code> (n=1): fewer than 2 respondents.</li>"));
  CHECK(count(r.html, "tiny1") == 1);
  CHECK(count(r.html, "tiny2") == 1);
  CHECK_FALSE(contains(r.html, "Secret team"));
  CHECK(count(r.html, "class=\"department\"") == 2);
}

TEST_CASE("html report: the numbers are the assessment's, rounded to one decimal", "[html]") {
  const Rendered r = render();
  const auto& org = r.assessment.organisation;
  REQUIRE(org.overall);
  CHECK(contains(r.html, fmt::format("<span class=\"kpi-value\">{:.1f}</span>", org.overall->score)));
  for (std::size_t i = 0; i < org.dimensions.size(); ++i) {
    REQUIRE(org.dimensions[i]);
    CHECK(contains(r.html, fmt::format("<tr><th scope=\"row\">Dimension {}</th><td class=\"num\">{:.1f}</td>", i,
                                       org.dimensions[i]->score)));
  }
  // One leader is below min_group: no role series, columns or rows.
  CHECK_FALSE(r.assessment.roles_shown);
  CHECK_FALSE(contains(r.html, ">Leaders<"));
}

TEST_CASE("html report: the lang attribute, --top 0, and bars for fewer than three dimensions", "[html]") {
  CHECK(render(3, 3, "pl").html.rfind("<!DOCTYPE html>\n<html lang=\"pl\">", 0) == 0);

  const std::string none = render(3, 0).html;
  CHECK_FALSE(contains(none, "id=\"recommendations\""));
  CHECK_FALSE(contains(none, "<h4>Recommendations</h4>"));
  CHECK(contains(render().html, "id=\"recommendations\""));

  const std::string two = render(2).html;
  CHECK(contains(two, "class=\"chart chart-bars\""));
  CHECK_FALSE(contains(two, "chart-radar"));
  CHECK(contains(render().html, "class=\"chart chart-radar\""));
}
