#include "fuzz/fuzz_support.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <set>

#include "centric/questionnaire_io.hpp"
#include "centric/scoring.hpp"
#include "centric/text.hpp"

namespace centric::fuzz {

using nlohmann::json;

void fail(const char* file, int line, const char* condition, std::string_view detail) {
  std::fprintf(stderr, "\n==== fuzz check failed at %s:%d: %s\n", file, line, condition);
  if (!detail.empty()) {
    const std::string_view shown = detail.substr(0, 4000);
    std::fprintf(stderr, "%.*s%s\n", static_cast<int>(shown.size()), shown.data(),
                 shown.size() < detail.size() ? " ..." : "");
  }
  std::abort();
}

const Questionnaire& builtin_questionnaire() {
  static const Questionnaire questionnaire = [] {
    auto load = load_default_questionnaire();
    FUZZ_CHECK(load.ok(), "the built-in questionnaire does not load");
    return std::move(*load.questionnaire);
  }();
  return questionnaire;
}

RunOptions options_for(std::string_view input, const Questionnaire& q) {
  std::uint64_t hash = 14695981039346656037ull;  // FNV-1a
  for (char c : input) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  const auto pick = [&hash](std::uint64_t n) {
    const std::uint64_t k = hash % n;
    hash /= n;
    return static_cast<std::size_t>(k);
  };
  RunOptions o;
  std::vector<std::string> languages = q.languages;
  if (std::find(languages.begin(), languages.end(), q.default_language) == languages.end())
    languages.push_back(q.default_language);
  o.language = languages[pick(languages.size())];
  constexpr int min_groups[] = {1, 2, 3, 5};
  o.min_group = min_groups[pick(4)];
  constexpr int tops[] = {0, 1, 3, 100};
  o.top = tops[pick(4)];
  constexpr int widths[] = {1, 19, 40, 80, 132, 400};
  o.width = widths[pick(6)];
  return o;
}

void check_diagnostic(const Diagnostic& d) {
  const std::string line = format_for_stderr(d);
  FUZZ_CHECK(printable(line) == line, line);  // no control, C1 or bidi character, valid UTF-8, one line
  FUZZ_CHECK(!d.message.empty(), line);
}

void check_summary(const InputSummary& s, long accepted_calls, long problem_calls) {
  const std::string figures = "sources " + std::to_string(s.sources) + ", accepted " + std::to_string(s.accepted) +
                              ", rejected " + std::to_string(s.rejected.size());
  FUZZ_CHECK(s.sources == s.accepted + static_cast<long>(s.rejected.size()), figures);
  FUZZ_CHECK(s.accepted == accepted_calls, figures);
  FUZZ_CHECK(static_cast<long>(s.rejected.size()) == problem_calls, figures);
  FUZZ_CHECK(s.partial >= 0 && s.partial <= s.accepted, figures);
  for (const auto& r : s.rejected) {
    FUZZ_CHECK(!r.source.empty());
    FUZZ_CHECK(!r.reason.empty(), r.source);
  }
  for (const auto& w : s.warnings) {
    FUZZ_CHECK(w.severity == Diagnostic::Severity::warning, describe(w));
    check_diagnostic(w);
  }
}

void check_answer_set(const Questionnaire& q, const AnswerSet& a) {
  FUZZ_CHECK(a.answers.size() == q.question_count());
  FUZZ_CHECK(!a.respondent.department.empty());
  FUZZ_CHECK(!a.respondent.id || !a.respondent.id->empty());
  FUZZ_CHECK(a.questionnaire_id == q.id, a.questionnaire_id);
  FUZZ_CHECK(Questionnaire::major_version(a.questionnaire_version) == Questionnaire::major_version(q.version),
             a.questionnaire_version);
  for (const auto& v : a.answers) {
    if (v.kind == AnswerValue::Kind::value) FUZZ_CHECK(v.value >= q.scale.min && v.value <= q.scale.max);
    if (v.kind == AnswerValue::Kind::not_applicable) FUZZ_CHECK(q.scale.not_applicable);
  }
}

// Each line as printable() leaves it: no control, C1 or bidirectional character.
void check_printable_lines(const std::string& text) {
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view line = std::string_view(text).substr(start, end - start);
    FUZZ_CHECK(printable(line) == line, std::string(line.substr(0, 2000)));
    start = end + 1;
  }
}

namespace {

bool is_score(const json& v) {
  return v.is_number() && std::isfinite(v.get<double>()) && v.get<double>() >= -1e-9 && v.get<double>() <= 100 + 1e-9;
}

bool is_share(const json& v) { return is_score(v); }

// One group of the JSON report that is not suppressed (formats.md §5).
void check_group(const Report& r, const json& g, std::int64_t parent_n) {
  const Questionnaire& q = r.questionnaire;
  const int levels = static_cast<int>(q.levels.size());
  const std::string where = g.dump().substr(0, 3000);
  FUZZ_CHECK(g.contains("n") && g["n"].is_number_integer(), where);
  const auto n = g["n"].get<std::int64_t>();
  FUZZ_CHECK(n >= 0 && n <= parent_n, where);
  FUZZ_CHECK(g["partial"].is_number_integer() && g["partial"].get<std::int64_t>() <= n, where);
  const json& overall = g["overall"];
  FUZZ_CHECK(overall.is_object(), where);
  FUZZ_CHECK(overall["score"].is_null() == overall["level"].is_null(), where);
  FUZZ_CHECK(overall["score"].is_null() == overall["level_name"].is_null(), where);
  if (!overall["score"].is_null()) {
    FUZZ_CHECK(is_score(overall["score"]), where);
    FUZZ_CHECK(overall["level"].get<int>() >= 1 && overall["level"].get<int>() <= levels, where);
  }
  const json& dimensions = g["dimensions"];
  FUZZ_CHECK(dimensions.is_object() && dimensions.size() == q.dimensions.size(), where);
  const json& hidden = g["hidden"];
  FUZZ_CHECK(hidden.is_object(), where);
  // formats.md §3.9 a: no shown cell describes fewer than min_group respondents, not even
  // the organisation's.
  const int min_group = r.assessment.options.min_group;
  bool any_score = false;
  for (const auto& d : q.dimensions) {
    FUZZ_CHECK(dimensions.contains(d.id), d.id + " in " + where);
    const json& s = dimensions[d.id];
    if (hidden.contains(d.id)) FUZZ_CHECK(s.is_null(), where);
    if (s.is_null()) continue;
    any_score = true;
    FUZZ_CHECK(s["n"].get<std::int64_t>() >= min_group, "a cell below min_group is shown: " + where);
    FUZZ_CHECK(is_score(s["score"]), where);
    FUZZ_CHECK(s["level"].is_number_integer() && s["level"].get<int>() >= 1 && s["level"].get<int>() <= levels, where);
    FUZZ_CHECK(s["n"].is_number_integer() && s["n"].get<std::int64_t>() >= 1 && s["n"].get<std::int64_t>() <= n, where);
    FUZZ_CHECK(s["sd"].is_null() || (s["sd"].is_number() && s["sd"].get<double>() >= 0), where);
    if (!s["ci95"].is_null()) {
      FUZZ_CHECK(s["ci95"].is_array() && s["ci95"].size() == 2, where);
      const double low = s["ci95"][0].get<double>(), high = s["ci95"][1].get<double>();
      const double score = s["score"].get<double>();
      FUZZ_CHECK(low <= score + 1e-9 && score <= high + 1e-9, where);
    }
    FUZZ_CHECK(s["alpha"].is_null() || s["alpha"].is_number(), where);
    FUZZ_CHECK(is_share(s["favorable"]) && is_share(s["neutral"]) && is_share(s["unfavorable"]), where);
    const double shares = s["favorable"].get<double>() + s["neutral"].get<double>() + s["unfavorable"].get<double>();
    FUZZ_CHECK(std::abs(shares - 100) < 1e-6, where);
  }
  if (hidden.empty())
    FUZZ_CHECK(any_score == !overall["score"].is_null(), where);
  else  // a group with a hidden dimension shows no overall score
    FUZZ_CHECK(overall["score"].is_null() && hidden.contains("overall"), where);
  const json& recommendations = g["recommendations"];
  FUZZ_CHECK(recommendations.is_array(), where);
  std::set<std::string> recommended;
  for (const auto& rec : recommendations) {
    const std::string id = rec["dimension"].get<std::string>();
    FUZZ_CHECK(dimensions.contains(id) && !dimensions[id].is_null(), where);
    FUZZ_CHECK(rec["level"] == dimensions[id]["level"], where);
    recommended.insert(id);
  }
  FUZZ_CHECK(static_cast<long>(recommended.size()) <= std::max(0, r.assessment.options.top), where);
}

void check_json_report(const Report& r, const std::string& text) {
  const json doc = json::parse(text, nullptr, false);
  FUZZ_CHECK(!doc.is_discarded(), text);
  FUZZ_CHECK(!text.empty() && text.back() == '\n');
  FUZZ_CHECK(doc["format"] == "centric-report/1");
  FUZZ_CHECK(doc["language"] == r.language);
  FUZZ_CHECK(doc["min_group"] == r.assessment.options.min_group);
  FUZZ_CHECK(doc["top"] == r.assessment.options.top);
  const int min_group = r.assessment.options.min_group;

  const json& inputs = doc["inputs"];
  FUZZ_CHECK(inputs["sources"] == r.inputs.sources && inputs["accepted"] == r.inputs.accepted &&
                 inputs["partial"] == r.inputs.partial && inputs["rejected"].size() == r.inputs.rejected.size(),
             inputs.dump());
  FUZZ_CHECK(
      inputs["sources"].get<long>() == inputs["accepted"].get<long>() + static_cast<long>(inputs["rejected"].size()),
      inputs.dump());
  for (const auto& rejected : inputs["rejected"])
    FUZZ_CHECK(rejected["source"].is_string() && rejected["error"].is_string(), rejected.dump());

  const json& organisation = doc["organisation"];
  FUZZ_CHECK(organisation["n"] == r.inputs.accepted, organisation.dump().substr(0, 2000));
  FUZZ_CHECK(organisation["partial"] == r.inputs.partial);
  check_group(r, organisation, organisation["n"].get<std::int64_t>());
  const auto org_n = organisation["n"].get<std::int64_t>();

  // Departments: sorted by id as bytes, adding up to the organisation; anonymity (§4.1).
  const json& departments = doc["departments"];
  FUZZ_CHECK(departments.is_array());
  std::int64_t total = 0, suppressed_total = 0;
  std::size_t suppressed_count = 0;
  const std::string* previous = nullptr;
  for (const auto& d : departments) {
    const std::string& id = d["id"].get_ref<const std::string&>();
    FUZZ_CHECK(previous == nullptr || *previous < id, "departments out of order: " + id);
    previous = &id;
    const auto n = d["n"].get<std::int64_t>();
    FUZZ_CHECK(n >= 1, d.dump().substr(0, 2000));
    total += n;
    if (d["suppressed"] == true) {
      FUZZ_CHECK(d.size() == 3, "a suppressed department shows more than id, n, suppressed: " + d.dump());
      suppressed_total += n;
      ++suppressed_count;
      continue;
    }
    FUZZ_CHECK(d["suppressed"] == false);
    FUZZ_CHECK(n >= min_group, "a department below min_group is shown: " + d.dump().substr(0, 2000));
    check_group(r, d, org_n);
  }
  FUZZ_CHECK(total == org_n, "the departments do not add up to the organisation");
  FUZZ_CHECK(suppressed_total == 0 || suppressed_total >= min_group || suppressed_count == departments.size(),
             "complementary suppression: the suppressed departments hold " + std::to_string(suppressed_total));

  const json& roles = doc["roles"];
  if (!roles.is_null()) {
    for (const char* role : {"leaders", "employees"}) {
      FUZZ_CHECK(roles[role]["n"].get<std::int64_t>() >= min_group, roles.dump().substr(0, 2000));
      check_group(r, roles[role], org_n);
    }
    FUZZ_CHECK(roles["leaders"]["n"].get<std::int64_t>() + roles["employees"]["n"].get<std::int64_t>() <= org_n);
  }
  for (const char* gap : {"silo_spread", "leader_gap"}) {
    const json& values = doc["gaps"][gap];
    FUZZ_CHECK(values.size() == r.questionnaire.dimensions.size(), values.dump());
    for (const auto& d : r.questionnaire.dimensions) {
      FUZZ_CHECK(values.contains(d.id), values.dump());
      FUZZ_CHECK(values[d.id].is_null() || values[d.id].is_number(), values.dump());
    }
  }
  for (const auto& d : r.questionnaire.dimensions) {
    const json& spread = doc["gaps"]["silo_spread"][d.id];
    FUZZ_CHECK(spread.is_null() || (spread.get<double>() >= 0 && spread.get<double>() <= 100 + 1e-9), spread.dump());
    if (roles.is_null()) FUZZ_CHECK(doc["gaps"]["leader_gap"][d.id].is_null());
  }
}

// A strict RFC 4180 reader: records end in CRLF; false when the text is not well formed.
bool parse_csv(std::string_view text, std::vector<std::vector<std::string>>& rows) {
  std::vector<std::string> row;
  std::string cell;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '"') {
      ++i;
      for (;;) {
        if (i >= text.size()) return false;
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            cell += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        cell += text[i++];
      }
    } else {
      while (i < text.size() && text[i] != ',' && text[i] != '\r' && text[i] != '\n' && text[i] != '"')
        cell += text[i++];
    }
    if (i >= text.size()) return false;
    if (text[i] == ',') {
      row.push_back(std::move(cell));
      cell.clear();
      ++i;
      continue;
    }
    if (text.substr(i, 2) != "\r\n") return false;
    row.push_back(std::move(cell));
    cell.clear();
    rows.push_back(std::move(row));
    row.clear();
    i += 2;
  }
  return true;
}

void check_csv_report(const Report& r, const std::string& text) {
  constexpr std::string_view bom = "\xEF\xBB\xBF";
  constexpr std::string_view header =
      "group_kind,group_id,group_name,n,dimension,score,level,level_name,sd,ci95_low,ci95_high,alpha,favorable,"
      "neutral,unfavorable,dimension_name,hidden\r\n";
  FUZZ_CHECK(std::string_view(text).substr(0, bom.size()) == bom);
  FUZZ_CHECK(std::string_view(text).substr(bom.size(), header.size()) == header);
  FUZZ_CHECK(is_valid_utf8(text));
  std::vector<std::vector<std::string>> rows;
  FUZZ_CHECK(parse_csv(std::string_view(text).substr(bom.size()), rows), text.substr(0, 4000));
  const Assessment& a = r.assessment;
  const std::size_t per_group = r.questionnaire.dimensions.size() + 1;
  std::size_t expected = 1 + per_group;
  for (const auto& d : a.departments) expected += d.suppressed ? 1 : per_group;
  if (a.roles_shown) expected += 2 * per_group;
  FUZZ_CHECK(rows.size() == expected, std::to_string(rows.size()) + " rows, expected " + std::to_string(expected));
  for (const auto& row : rows) FUZZ_CHECK(row.size() == 17, row.empty() ? "" : row[1]);
  // No text cell starts a formula (formats.md §5b): one that starts with = + - @ TAB CR
  // has a ' in front. The number columns (n, score, level, sd, ci95, alpha, shares) are left.
  for (const auto& row : rows)
    for (std::size_t c : {0, 1, 2, 4, 7, 15, 16})
      if (c < row.size() && !row[c].empty())
        FUZZ_CHECK(std::string_view("=+-@\t\r").find(row[c].front()) == std::string_view::npos, row[c]);
}

// The plain terminal report: valid UTF-8 and nothing a terminal acts on, whatever the
// questionnaire and the department ids (formats.md §5e); with trusted texts also every line
// within 80 columns, however long a department id is.
void check_text_report(const std::string& text, Texts texts) {
  FUZZ_CHECK(is_valid_utf8(text));
  check_printable_lines(text);
  if (texts != Texts::trusted) return;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    const std::string_view line = std::string_view(text).substr(start, end - start);
    FUZZ_CHECK(printable(line) == line, std::string(line));
    FUZZ_CHECK(display_width(line) <= 80, std::to_string(display_width(line)) + " columns: " + std::string(line));
    start = end + 1;
  }
}

// Markdown: every text from the inputs is escaped, so no '<' starts HTML (formats.md §5b).
void check_markdown_report(const std::string& text) {
  FUZZ_CHECK(is_valid_utf8(text));
  check_printable_lines(text);
  for (std::size_t i = text.find('<'); i != std::string::npos; i = text.find('<', i + 1))
    FUZZ_CHECK(i > 0 && text[i - 1] == '\\', text.substr(i >= 200 ? i - 200 : 0, 400));
}

bool lower_equals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return (x >= 'A' && x <= 'Z' ? x - 'A' + 'a' : x) == y;
         });
}

// HTML: self-contained and escaped (formats.md §5c). Every tag is one the page is made of,
// no attribute runs a script or loads anything, and every link stays inside the page.
void check_html_report(const std::string& text) {
  static const std::set<std::string, std::less<>> tags = {
      "a",      "article", "body",    "br",         "caption",  "circle", "code", "dd",      "desc",  "details",
      "div",    "dl",      "dt",      "figcaption", "figure",   "footer", "g",    "h1",      "h2",    "h3",
      "h4",     "h5",      "h6",      "head",       "header",   "html",   "li",   "line",    "main",  "meta",
      "nav",    "ol",      "p",       "polygon",    "polyline", "path",   "rect", "section", "small", "span",
      "strong", "style",   "summary", "svg",        "table",    "tbody",  "td",   "text",    "th",    "thead",
      "title",  "tr",      "tspan",   "ul",         "em",       "b",      "i",    "abbr",    "sup",   "sub"};
  FUZZ_CHECK(text.rfind("<!DOCTYPE html>\n", 0) == 0);
  FUZZ_CHECK(text.find("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
                       "'unsafe-inline'\">") != std::string::npos);
  FUZZ_CHECK(is_valid_utf8(text));
  check_printable_lines(text);
  std::size_t styles = 0;
  for (std::size_t i = text.find('<'); i != std::string::npos; i = text.find('<', i + 1)) {
    std::size_t p = i + 1;
    if (text.compare(p, 8, "!DOCTYPE") == 0) continue;
    if (p < text.size() && text[p] == '/') ++p;
    std::size_t name_end = p;
    while (name_end < text.size() && std::isalnum(static_cast<unsigned char>(text[name_end]))) ++name_end;
    const std::string context = text.substr(i, 300);
    const std::string name = text.substr(p, name_end - p);
    FUZZ_CHECK(!name.empty() && tags.count(name) == 1, context);
    if (name == "style" && text[i + 1] != '/') ++styles;
    // Attributes: name="value" (values are escaped, so they hold no quote), up to '>'.
    p = name_end;
    for (;;) {
      while (p < text.size() && (text[p] == ' ' || text[p] == '\n')) ++p;
      FUZZ_CHECK(p < text.size(), context);
      if (text[p] == '>') break;
      if (text.compare(p, 2, "/>") == 0) break;
      const std::size_t attribute_start = p;
      while (p < text.size() && text[p] != '=' && text[p] != ' ' && text[p] != '>' && text[p] != '/') ++p;
      const std::string_view attribute = std::string_view(text).substr(attribute_start, p - attribute_start);
      FUZZ_CHECK(!attribute.empty(), context);
      FUZZ_CHECK(!(attribute.size() > 2 && (attribute[0] == 'o' || attribute[0] == 'O') &&
                   (attribute[1] == 'n' || attribute[1] == 'N')),
                 context);
      for (const char* forbidden :
           {"src", "srcset", "srcdoc", "style", "xlink:href", "action", "formaction", "background", "poster", "data"})
        FUZZ_CHECK(!lower_equals(attribute, forbidden), context);
      if (p < text.size() && text[p] == '=') {
        ++p;
        FUZZ_CHECK(p < text.size() && text[p] == '"', context);
        const std::size_t value_end = text.find('"', p + 1);
        FUZZ_CHECK(value_end != std::string::npos, context);
        const std::string_view value = std::string_view(text).substr(p + 1, value_end - p - 1);
        FUZZ_CHECK(value.find('<') == std::string_view::npos, context);
        if (lower_equals(attribute, "href")) FUZZ_CHECK(value.substr(0, 1) == "#", context);
        p = value_end + 1;
      }
    }
  }
  FUZZ_CHECK(styles == 1, "style elements: " + std::to_string(styles));
}

}  // namespace

void render_and_check(const Report& report, const RunOptions& options, Texts texts) {
  check_json_report(report, render_json(report));
  check_csv_report(report, render_csv(report));
  check_text_report(render_text(report, TextStyle{false, 80}), texts);
  const std::string coloured = render_text(report, TextStyle{true, options.width});
  FUZZ_CHECK(is_valid_utf8(coloured));
  check_markdown_report(render_markdown(report));
  check_html_report(render_html(report));
}

}  // namespace centric::fuzz
