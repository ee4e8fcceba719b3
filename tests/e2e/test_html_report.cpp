// `centric assess --format html` through the real binary: a self-contained page that makes
// no request, escapes every text from the inputs, hides suppressed departments, has the
// structure assistive technology needs (one h1, a labelled image and a table for every
// chart), and shows the JSON report's numbers rounded to one decimal.
//
// The page is read with a few small helpers below instead of an HTML parser: the renderer
// escapes '<' in every text, so every '<' in its output starts a tag.
#include <fmt/format.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cctype>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "e2e/e2e_common.hpp"
#include "support/process.hpp"

using namespace centric::test;
using nlohmann::json;

namespace {

// ---------------------------------------------------------------------------------------
// Reading the page

struct Tag {
  std::string name;  // lower case; "/p" for an end tag, "!doctype" for the doctype
  std::map<std::string, std::string> attributes;
  std::size_t position;  // of its '<' in the page
};

// Every tag of the page, in order, with its attributes (names lower case, values as written).
std::vector<Tag> tags_of(const std::string& html) {
  std::vector<Tag> tags;
  std::size_t i = 0;
  while ((i = html.find('<', i)) != std::string::npos) {
    Tag tag;
    tag.position = i;
    std::size_t p = i + 1;
    while (p < html.size() && !std::isspace(static_cast<unsigned char>(html[p])) && html[p] != '>' &&
           !(html[p] == '/' && p > i + 1))
      tag.name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(html[p++]))));
    for (;;) {
      while (p < html.size() && (std::isspace(static_cast<unsigned char>(html[p])) || html[p] == '/')) ++p;
      if (p >= html.size() || html[p] == '>') break;
      std::string name;
      while (p < html.size() && !std::isspace(static_cast<unsigned char>(html[p])) && html[p] != '=' &&
             html[p] != '>' && html[p] != '/')
        name.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(html[p++]))));
      std::string value;
      if (p < html.size() && html[p] == '=') {
        ++p;
        if (p < html.size() && (html[p] == '"' || html[p] == '\'')) {
          const char quote = html[p++];
          const std::size_t end = html.find(quote, p);
          value = html.substr(p, end - p);
          p = end == std::string::npos ? html.size() : end + 1;
        } else {
          while (p < html.size() && !std::isspace(static_cast<unsigned char>(html[p])) && html[p] != '>')
            value.push_back(html[p++]);
        }
      }
      tag.attributes[name] = value;
    }
    tags.push_back(std::move(tag));
    i = p;
  }
  return tags;
}

std::size_t count_of(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + part.size())) ++n;
  return n;
}

// The pieces of `html` from each `open` to the following `close` (inclusive); not nested.
std::vector<std::string> blocks(const std::string& html, const std::string& open, const std::string& close) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while ((at = html.find(open, at)) != std::string::npos) {
    const std::size_t end = html.find(close, at);
    if (end == std::string::npos) break;
    out.push_back(html.substr(at, end + close.size() - at));
    at = end + close.size();
  }
  return out;
}

// The <section> with this id, or "" when there is none.
std::string section(const std::string& html, const std::string& id) {
  const auto found = blocks(html, "<section id=\"" + id + "\"", "</section>");
  return found.empty() ? std::string() : found.front();
}

// Text without tags, the renderer's five entities decoded.
std::string text_of(const std::string& fragment) {
  std::string out;
  bool in_tag = false;
  for (char c : fragment) {
    if (c == '<') in_tag = true;
    if (!in_tag) out.push_back(c);
    if (c == '>') in_tag = false;
  }
  const std::pair<const char*, const char*> entities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#39;", "'"}, {"&amp;", "&"}};
  for (const auto& [entity, character] : entities) {
    std::string decoded;
    std::size_t start = 0;
    for (std::size_t at = out.find(entity); at != std::string::npos; at = out.find(entity, start)) {
      decoded += out.substr(start, at - start) + character;
      start = at + std::string(entity).size();
    }
    out = decoded + out.substr(start);
  }
  return out;
}

// The rows of the tables in `fragment`, each as the texts of its th and td cells.
std::vector<std::vector<std::string>> table_rows(const std::string& fragment) {
  std::vector<std::vector<std::string>> rows;
  for (const auto& tr : blocks(fragment, "<tr>", "</tr>")) {
    std::vector<std::string> cells;
    std::size_t at = 0;
    for (;;) {
      const std::size_t th = tr.find("<th", at), td = tr.find("<td", at);
      const std::size_t start = std::min(th, td);
      if (start == std::string::npos) break;
      const std::string close = start == th ? "</th>" : "</td>";
      const std::size_t content = tr.find('>', start) + 1;
      const std::size_t end = tr.find(close, content);
      cells.push_back(text_of(tr.substr(content, end - content)));
      at = end + close.size();
    }
    rows.push_back(std::move(cells));
  }
  return rows;
}

std::optional<std::vector<std::string>> row_named(const std::vector<std::vector<std::string>>& rows,
                                                  const std::string& first_cell) {
  for (const auto& r : rows)
    if (!r.empty() && r.front() == first_cell) return r;
  return std::nullopt;
}

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

// Does `word` occur in `text` with no letter, digit or id character right before or after it?
bool has_word(const std::string& text, const std::string& word) {
  const auto is_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_'; };
  for (std::size_t at = text.find(word); at != std::string::npos; at = text.find(word, at + 1)) {
    const bool before = at > 0 && is_word(text[at - 1]);
    const bool after = at + word.size() < text.size() && is_word(text[at + word.size()]);
    if (!before && !after) return true;
  }
  return false;
}

std::string one_decimal(const json& v) { return fmt::format("{:.1f}", v.get<double>()); }

std::string without(const std::string& text, const std::string& part) {
  std::string out = text;
  const std::size_t at = out.find(part);
  if (!part.empty() && at != std::string::npos) out.erase(at, part.size());
  return out;
}

// ---------------------------------------------------------------------------------------
// Running the binary

ProcessResult run_html(const std::vector<std::string>& extra = {}) {
  return run_centric(with(with({"assess"}, example_inputs()), with({"--format", "html"}, extra)));
}

json run_json(const std::vector<std::string>& extra = {}) {
  const auto r = run_centric(with(with({"assess"}, example_inputs()), with({"--format", "json"}, extra)));
  REQUIRE(r.exit_code == 0);
  return parse_report(r.out);
}

std::vector<json> departments(const json& report, bool suppressed) {
  std::vector<json> out;
  for (const auto& d : report["departments"])
    if (d["suppressed"].get<bool>() == suppressed) out.push_back(d);
  return out;
}

std::string display_name(const json& department) {
  return department.value("name", department["id"].get<std::string>());
}

// The questionnaire's display name of a department id, or "" when it does not list it.
std::string listed_name(const std::string& id) {
  const json questionnaire = builtin_questionnaire();
  for (const auto& d : questionnaire["departments"])
    if (d["id"] == id) return d["name"].is_string() ? d["name"].get<std::string>() : d["name"]["en"].get<std::string>();
  return "";
}

std::string dimension_name(const json& d) {
  return d["name"].is_string() ? d["name"].get<std::string>() : d["name"]["en"].get<std::string>();
}

}  // namespace

// ---------------------------------------------------------------------------------------

TEST_CASE("html: the examples as an HTML report, exit 0, and --output writes the same bytes", "[html]") {
  const auto r = run_html();
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(starts_with(r.out, "<!DOCTYPE html>\n"));
  CHECK(r.out.substr(r.out.size() - 8) == "</html>\n");

  TempDir dir;
  ProcessOptions options;
  options.working_directory = dir.path();
  const auto written =
      run_centric(with(with({"assess"}, example_inputs()), {"--format", "html", "--output", "report.html"}), options);
  REQUIRE(written.exit_code == 0);
  CHECK(written.out.empty());
  CHECK(starts_with(written.err, "centric: "));
  CHECK(contains(written.err, "report written to report.html"));
  // Atomic: the file and nothing beside it (no temporary file left).
  CHECK(list_directory(dir.path()) == std::vector<std::string>{"report.html"});
  CHECK(read_text_file(dir.file("report.html")) == r.out);

  // Written again over the existing file, with other options: replaced as a whole.
  const auto again = run_centric(
      with(with({"assess"}, example_inputs()), {"--format", "html", "--min-group", "1", "-o", "report.html"}), options);
  REQUIRE(again.exit_code == 0);
  CHECK(list_directory(dir.path()) == std::vector<std::string>{"report.html"});
  CHECK(read_text_file(dir.file("report.html")) == run_html({"--min-group", "1"}).out);
}

TEST_CASE("html: department names are escaped, never markup", "[html][escaping]") {
  const std::string script = "<script>alert(1)</script>";
  const std::string quoted = "A & B \"quoted\" <b>bold</b>";
  const std::string control = std::string("line\nbreak\x07") + "bell";  // a line feed and a bell
  const std::string hidden = "<SCRIPT src=x>";
  TempDir dir;
  std::string lines;
  int k = 0;
  const auto add = [&](const std::string& department, int count) {
    for (int i = 0; i < count; ++i)
      lines += answer_set(fmt::format("hostile-{}", ++k), department, i % 2 ? "leader" : "employee").dump() + "\n";
  };
  add(script, 6);
  add(quoted, 6);
  add(control, 6);
  add(hidden, 2);    // too small: suppressed, so its id is listed under "Not shown"
  add("filler", 5);  // the smallest shown one: suppressed with it (complementary)
  const std::string input = dir.write("hostile.jsonl", lines);

  const auto r = run_centric({"assess", input, "--format", "html"});
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  const std::string& html = r.out;

  CHECK_FALSE(std::regex_search(html, std::regex("<script", std::regex::icase)));
  CHECK_FALSE(std::regex_search(html, std::regex("<b[ >/]", std::regex::icase)));
  CHECK(contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;"));
  CHECK(contains(html, "A &amp; B &quot;quoted&quot; &lt;b&gt;bold&lt;/b&gt;"));
  // Control characters are spelled out, as in the terminal report; none reaches the page.
  CHECK(contains(html, "line\\x0Abreak\\x07bell"));
  const auto control_byte = std::find_if(html.begin(), html.end(), [](char c) {
    const auto b = static_cast<unsigned char>(c);
    return (b < 0x20 && b != '\n') || b == 0x7f;
  });
  if (control_byte != html.end()) FAIL_CHECK("a control character at byte " << (control_byte - html.begin()));
  // The three hostile names are shown as departments, as text.
  for (const std::string& name : {script, quoted, std::string("line\\x0Abreak\\x07bell")}) {
    INFO(name);
    CHECK(contains(html, ">" + html_escaped(name) + "</h3>"));
  }
  // The suppressed one is listed by its id, escaped, and nowhere else.
  const std::string hidden_section = section(html, "hidden");
  CHECK(contains(hidden_section, "<code>&lt;SCRIPT src=x&gt;</code> (n=2)"));
  CHECK(count_of(html, "&lt;SCRIPT src=x&gt;") == 1);

  // No element or attribute came from the inputs: the page uses no element the report of
  // the examples does not use, and no event handler attribute.
  std::set<std::string> known;
  for (const auto& tag : tags_of(run_html().out)) known.insert(tag.name);
  for (const auto& tag : tags_of(html)) {
    INFO("<" << tag.name << "> at byte " << tag.position);
    CHECK(known.count(tag.name) == 1);
    for (const auto& [name, value] : tag.attributes) CHECK_FALSE(starts_with(name, "on"));
    CHECK(tag.attributes.count("src") == 0);
  }
}

TEST_CASE("html: a suppressed department appears only by id and n under Not shown", "[html][anonymity]") {
  const json report = run_json();
  const auto r = run_html();
  REQUIRE(r.exit_code == 0);
  const std::string& html = r.out;
  const auto suppressed = departments(report, true);
  const auto shown = departments(report, false);
  REQUIRE(suppressed.size() == 2);  // legal (n=2) and hr (complementary), see the golden JSON report

  const std::string hidden_section = section(html, "hidden");
  REQUIRE_FALSE(hidden_section.empty());
  const std::string elsewhere = without(html, hidden_section);
  for (const auto& d : suppressed) {
    const std::string id = d["id"].get<std::string>();
    INFO(id);
    CHECK(contains(hidden_section, "<code>" + id + "</code> (n=" + std::to_string(d["n"].get<int>()) + ")"));
    CHECK(has_word(hidden_section, id));
    CHECK_FALSE(has_word(elsewhere, id));
    const std::string name = listed_name(id);
    if (!name.empty() && name != id) {
      INFO("display name " << name);
      CHECK_FALSE(has_word(html, html_escaped(name)));
    }
  }
  CHECK(count_of(html, "class=\"chart chart-department\"") == shown.size());
  CHECK(count_of(html, "<article class=\"department\"") == shown.size());
  for (const auto& d : shown) {
    INFO(d["id"]);
    CHECK(contains(html, ">" + html_escaped(display_name(d)) + "</h3>"));
  }

  SECTION("with --min-group 1 every department is shown and nothing is hidden") {
    const json all = run_json({"--min-group", "1"});
    const auto everything = run_html({"--min-group", "1"});
    REQUIRE(everything.exit_code == 0);
    CHECK(departments(all, true).empty());
    CHECK_FALSE(contains(everything.out, "id=\"hidden\""));
    CHECK_FALSE(contains(everything.out, "href=\"#hidden\""));
    CHECK(count_of(everything.out, "class=\"chart chart-department\"") == all["departments"].size());
    CHECK(contains(everything.out, ">HR</h3>"));
  }
}

TEST_CASE("html: headings, a labelled image and a table for every chart, no request", "[html][accessibility]") {
  const auto r = run_html();
  REQUIRE(r.exit_code == 0);
  const std::string& html = r.out;
  const auto tags = tags_of(html);

  CHECK(contains(html, "<html lang=\"en\">"));
  std::map<std::string, int> ids;
  for (const auto& tag : tags)
    if (tag.attributes.count("id")) ++ids[tag.attributes.at("id")];
  for (const auto& [id, n] : ids) {
    INFO("id " << id);
    CHECK(n == 1);  // ids are unique
  }

  // One h1; heading levels never skip one going down.
  int h1 = 0;
  int previous = 1;
  for (const auto& tag : tags) {
    if (tag.name.size() != 2 || tag.name[0] != 'h' || tag.name[1] < '1' || tag.name[1] > '6') continue;
    const int level = tag.name[1] - '0';
    if (level == 1) ++h1;
    INFO("<" << tag.name << "> at byte " << tag.position);
    CHECK(level <= previous + 1);
    previous = level;
  }
  CHECK(h1 == 1);

  // Every chart is an image named by its title and description; every aria-labelledby
  // names elements that exist.
  int svgs = 0;
  for (const auto& tag : tags) {
    if (tag.name == "svg") {
      ++svgs;
      INFO("<svg id=" << (tag.attributes.count("id") ? tag.attributes.at("id") : "") << ">");
      CHECK((tag.attributes.count("role") && tag.attributes.at("role") == "img"));
      CHECK(tag.attributes.count("aria-labelledby") == 1);
    }
    if (tag.attributes.count("aria-labelledby") == 0) continue;
    std::istringstream names(tag.attributes.at("aria-labelledby"));
    int count = 0;
    for (std::string id; names >> id; ++count) {
      INFO("aria-labelledby " << id);
      CHECK(ids.count(id) == 1);
    }
    CHECK(count > 0);
  }
  CHECK(svgs >= 4);

  // Each figure with a chart holds the chart's figures as a table and a caption, and every
  // table says what it is.
  int figures_with_charts = 0;
  for (const auto& figure : blocks(html, "<figure>", "</figure>")) {
    if (!contains(figure, "<svg")) continue;
    ++figures_with_charts;
    INFO(figure.substr(0, 300));
    CHECK(contains(figure, "<table>"));
    CHECK(contains(figure, "<figcaption>"));
  }
  CHECK(figures_with_charts == svgs);
  for (const auto& table : blocks(html, "<table>", "</table>")) CHECK(contains(table, "<caption>"));

  // Self-contained: a policy that forbids every request and every script, set before the
  // style; no element loads anything and every link stays inside the page.
  bool policy = false;
  for (const auto& tag : tags) {
    if (tag.name != "meta" || tag.attributes.count("http-equiv") == 0) continue;
    if (tag.attributes.at("http-equiv") != "Content-Security-Policy") continue;
    policy = true;
    const std::string content = tag.attributes.at("content");
    CHECK(starts_with(content, "default-src 'none'"));
    CHECK_FALSE(contains(content, "script-src"));
    CHECK(tag.position < html.find("<style>"));
  }
  CHECK(policy);
  for (const auto& tag : tags) {
    INFO("<" << tag.name << "> at byte " << tag.position);
    CHECK(tag.attributes.count("src") == 0);
    CHECK(tag.attributes.count("srcset") == 0);
    CHECK(tag.attributes.count("xlink:href") == 0);
    CHECK(tag.name != "script");
    CHECK(tag.name != "link");
    CHECK(tag.name != "img");
    CHECK(tag.name != "iframe");
    CHECK(tag.name != "object");
    CHECK(tag.name != "use");
    CHECK(tag.name != "image");
    if (tag.attributes.count("href")) {
      const std::string target = tag.attributes.at("href");
      INFO("href " << target);
      REQUIRE(starts_with(target, "#"));
      CHECK(ids.count(target.substr(1)) == 1);
    }
  }
  CHECK_FALSE(contains(html, "http://"));
  CHECK_FALSE(contains(html, "https://"));
  CHECK_FALSE(contains(html, "url("));
  CHECK_FALSE(contains(html, "@import"));
  CHECK(contains(html, "@media print"));
}

TEST_CASE("html: the numbers are the JSON report's, rounded to one decimal", "[html]") {
  const json report = run_json();
  const auto r = run_html();
  REQUIRE(r.exit_code == 0);
  const std::string& html = r.out;
  const json questionnaire = builtin_questionnaire();
  const auto dimension_ids_ = dimension_ids();

  // The organisation: its table, and the summary's headline figure.
  const std::string organisation = section(html, "organisation");
  REQUIRE_FALSE(organisation.empty());
  const auto rows = table_rows(organisation);
  for (std::size_t i = 0; i < dimension_ids_.size(); ++i) {
    const json& d = report["organisation"]["dimensions"][dimension_ids_[i]];
    const auto row = row_named(rows, dimension_name(questionnaire["dimensions"][i]));
    INFO(dimension_ids_[i]);
    REQUIRE(row.has_value());
    REQUIRE(row->size() >= 4);
    CHECK((*row)[1] == one_decimal(d["score"]));
    CHECK(starts_with((*row)[2], fmt::format("L{} ", d["level"].get<int>())));
    CHECK((*row)[3] == std::to_string(d["n"].get<int>()));
  }
  const auto overall = row_named(rows, "Overall");
  REQUIRE(overall.has_value());
  CHECK((*overall)[1] == one_decimal(report["organisation"]["overall"]["score"]));
  CHECK(contains(section(html, "summary"),
                 "<span class=\"kpi-value\">" + one_decimal(report["organisation"]["overall"]["score"]) + "</span>"));

  // The gaps.
  const auto gap_rows = table_rows(section(html, "gaps"));
  for (std::size_t i = 0; i < dimension_ids_.size(); ++i) {
    const auto row = row_named(gap_rows, dimension_name(questionnaire["dimensions"][i]));
    INFO(dimension_ids_[i]);
    REQUIRE(row.has_value());
    REQUIRE(row->size() == 3);
    CHECK((*row)[1] == one_decimal(report["gaps"]["silo_spread"][dimension_ids_[i]]));
    CHECK((*row)[2] == fmt::format("{:+.1f}", report["gaps"]["leader_gap"][dimension_ids_[i]].get<double>()));
  }

  // Each shown department: its card's overall score and its table, and its heatmap row.
  const auto cards = blocks(html, "<article class=\"department\"", "</article>");
  const auto heatmap_rows = table_rows(section(html, "heatmap"));
  for (const auto& d : departments(report, false)) {
    const std::string name = display_name(d);
    INFO(name);
    const auto card = std::find_if(cards.begin(), cards.end(), [&](const std::string& c) {
      return contains(c, ">" + html_escaped(name) + "</h3>");
    });
    REQUIRE(card != cards.end());
    CHECK(contains(text_of(*card), "overall " + one_decimal(d["overall"]["score"])));
    const auto card_rows = table_rows(*card);
    const auto heatmap_row = row_named(heatmap_rows, name);
    REQUIRE(heatmap_row.has_value());
    REQUIRE(heatmap_row->size() == dimension_ids_.size() + 3);
    CHECK((*heatmap_row)[1] == std::to_string(d["n"].get<int>()));
    CHECK(starts_with(heatmap_row->back(), one_decimal(d["overall"]["score"]) + " L"));
    for (std::size_t i = 0; i < dimension_ids_.size(); ++i) {
      const json& dim = d["dimensions"][dimension_ids_[i]];
      INFO(dimension_ids_[i]);
      const auto row = row_named(card_rows, dimension_name(questionnaire["dimensions"][i]));
      REQUIRE(row.has_value());
      REQUIRE(row->size() >= 2);
      CHECK((*row)[1] == one_decimal(dim["score"]));
      CHECK((*heatmap_row)[2 + i] == fmt::format("{} L{}", one_decimal(dim["score"]), dim["level"].get<int>()));
    }
  }
}

TEST_CASE("html: --top 0 leaves out every recommendation", "[html]") {
  const auto with_top = run_html();
  REQUIRE(with_top.exit_code == 0);
  CHECK(contains(with_top.out, "<section id=\"recommendations\""));
  CHECK(contains(with_top.out, "<h4>Recommendations</h4>"));

  const auto r = run_html({"--top", "0"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK_FALSE(contains(r.out, "id=\"recommendations\""));
  CHECK_FALSE(contains(r.out, "href=\"#recommendations\""));
  CHECK_FALSE(contains(r.out, "<h4>Recommendations</h4>"));
  CHECK_FALSE(contains(r.out, "class=\"recommendations\""));
  CHECK(count_of(r.out, "<article class=\"department\"") == count_of(with_top.out, "<article class=\"department\""));
}

TEST_CASE("html: with fewer than three dimensions the organisation chart is bars, not a radar", "[html]") {
  const auto q = run_centric({"questionnaire", "--json"});
  REQUIRE(q.exit_code == 0);
  const json builtin = parse_report(q.out);
  const json sample = answer_set("x");

  const auto run_with = [&](std::size_t dimensions) {
    json questionnaire = builtin;
    questionnaire["dimensions"] = json::array();
    std::set<std::string> questions;
    for (std::size_t i = 0; i < dimensions; ++i) {
      questionnaire["dimensions"].push_back(builtin["dimensions"][i]);
      for (const auto& question : builtin["dimensions"][i]["questions"])
        questions.insert(question["id"].get<std::string>());
    }
    TempDir dir;
    const std::string file = dir.write("questionnaire.json", questionnaire.dump(2));
    json answers = json::array();
    for (int k = 0; k < 5; ++k) {
      json a = answer_set(fmt::format("few-{}", k), "sales", k % 2 ? "leader" : "employee");
      a["answers"] = json::object();
      for (const auto& [id, value] : sample["answers"].items())
        if (questions.count(id)) a["answers"][id] = value;
      answers.push_back(a);
    }
    const std::string input = dir.write("answers.json", answers.dump());
    return run_centric({"assess", input, "--questionnaire", file, "--format", "html"});
  };

  SECTION("two dimensions: bars") {
    const auto r = run_with(2);
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(contains(r.out, "<svg id=\"chart-organisation\" class=\"chart chart-bars\""));
    CHECK_FALSE(contains(r.out, "chart-radar"));
    const auto rows = table_rows(section(r.out, "organisation"));
    CHECK(row_named(rows, dimension_name(builtin["dimensions"][0])).has_value());
    CHECK(row_named(rows, dimension_name(builtin["dimensions"][1])).has_value());
    CHECK_FALSE(row_named(rows, dimension_name(builtin["dimensions"][2])).has_value());
  }
  SECTION("three dimensions: a radar") {
    const auto r = run_with(3);
    INFO("stderr: " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(contains(r.out, "<svg id=\"chart-organisation\" class=\"chart chart-radar\""));
    CHECK_FALSE(contains(r.out, "chart-bars"));
  }
}
