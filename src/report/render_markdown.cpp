#include <fmt/format.h>

#include <algorithm>

#include "centric/messages.hpp"
#include "centric/report.hpp"
#include "centric/text.hpp"
#include "report/gap_readings.hpp"
#include "report/names.hpp"
#include "report/suppression_notes.hpp"

namespace centric {
namespace {

// `text` (user-provided: ids, names, questionnaire texts) safe inside Markdown running
// text, headings and table cells: line breaks become spaces, control characters are
// spelled out (printable()), and every character that could start markup, a table cell
// or HTML is backslash-escaped.
std::string escape(std::string_view text) {
  std::string flat;
  flat.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;  // "\r\n" is one break
    flat.push_back(text[i] == '\n' || text[i] == '\r' ? ' ' : text[i]);
  }
  const std::string safe = printable(flat);
  std::string out;
  out.reserve(safe.size());
  for (char c : safe) {
    switch (c) {
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '<':
      case '>':
      case '#':
      case '|':
        out.push_back('\\');
        break;
      default:
        break;
    }
    out.push_back(c);
  }
  return out;
}

constexpr const char* undefined_cell = "\u2014";  // em dash

class MarkdownRenderer {
 public:
  explicit MarkdownRenderer(const Report& r)
      : r_(r), q_(r.questionnaire), a_(r.assessment), m_(Messages::built_in(r.language)) {}

  std::string render() {
    header();
    table();
    suppressed();
    gaps();
    weakest();
    recommendations();
    inputs();
    return std::move(out_);
  }

 private:
  const std::string& t(const LocalizedText& text) const { return q_.text(text, r_.language); }
  std::string dimension_name(std::size_t i) const { return escape(t(q_.dimensions[i].name)); }
  std::string short_name(std::size_t i) const {
    const Dimension& d = q_.dimensions[i];
    return escape(d.short_name.empty() ? t(d.name) : t(d.short_name));
  }
  std::string department_name(const std::string& id) const {
    return escape(centric::department_name(q_, id, r_.language));
  }
  std::string level_label(int level) const {
    return m_("level.label", fmt::arg("number", level), fmt::arg("name", escape(level_name(q_, level, r_.language))));
  }
  // A score with its level, as in a table cell: "57.3 (L3 Developing)".
  std::string score_cell(double score, int level) const {
    return fmt::format("{} ({})", m_.number(score),
                       m_("level.short_label", fmt::arg("number", level),
                          fmt::arg("name", escape(level_name(q_, level, r_.language)))));
  }
  // A cell without a figure: undefined, or hidden to protect anonymity.
  std::string empty_cell(Hidden why) const {
    return why == Hidden::shown ? std::string(undefined_cell) : "*" + hidden_cell_marker(m_) + "*";
  }
  void line(const std::string& text) { out_ += text + "\n"; }
  void blank() { out_ += "\n"; }
  void heading(const std::string& text) {
    blank();
    line("## " + text);
    blank();
  }
  static std::string row(const std::vector<std::string>& cells) {
    std::string s = "|";
    for (const auto& c : cells) s += " " + c + " |";
    return s;
  }

  void header() {
    line("# " + escape(t(q_.title)));
    blank();
    // First, before any figure: a warning may say that the figures below are not what the
    // reader thinks (a misspelt department counted apart, a tiny organisation).
    // One quote each, so that two warnings do not run together as one paragraph.
    for (const auto& w : r_.warnings) {
      line("> **" + m_("md.warning") + "** " + escape(w));
      blank();
    }
    const GroupResult& org = a_.organisation;
    std::string respondents = "- " + m_("md.respondents", fmt::arg("n", org.n));
    if (org.partial > 0)
      respondents += m_("text.partial_in_brackets", fmt::arg("partial", m_.plural("count.partial", org.partial)));
    line(respondents);
    line("- " + m_("md.departments", fmt::arg("n", a_.departments.size())));
    if (org.overall)
      line("- " + m_("text.overall", fmt::arg("score", "**" + m_.number(org.overall->score) + "**"),
                     fmt::arg("level", level_label(org.overall->level))));
    else
      line("- " + m_(org.overall_hidden == Hidden::shown ? "text.overall_none" : "text.overall_hidden"));
  }

  void score_row(const std::string& name, const GroupResult& g) {
    std::vector<std::string> cells{name, std::to_string(g.n)};
    for (std::size_t i = 0; i < q_.dimensions.size(); ++i) {
      const auto& d = g.dimensions[i];
      cells.push_back(d ? score_cell(d->score, d->level) : empty_cell(g.hidden[i]));
    }
    cells.push_back(g.overall ? score_cell(g.overall->score, g.overall->level) : empty_cell(g.overall_hidden));
    line(row(cells));
  }

  void table() {
    heading(m_("md.heading.scores"));
    line(m_("md.scores_explained", fmt::arg("none", undefined_cell)));
    blank();
    std::vector<std::string> head{m_("table.department"), m_("table.n")};
    std::vector<std::string> rule{"---", "---:"};
    for (std::size_t i = 0; i < q_.dimensions.size(); ++i) {
      head.push_back(short_name(i));
      rule.push_back("---:");
    }
    head.push_back(m_("table.overall"));
    rule.push_back("---:");
    line(row(head));
    line(row(rule));
    bool any_suppressed = false;
    for (const auto& d : a_.departments) {
      if (d.suppressed) {
        any_suppressed = true;
        continue;
      }
      score_row(department_name(d.id), d);
    }
    score_row("**" + m_("group.organisation") + "**", a_.organisation);
    if (a_.roles_shown) {
      score_row(m_("group.leaders"), a_.leaders);
      score_row(m_("group.employees"), a_.employees);
    }
    blank();
    std::string legend = m_("report.levels");
    for (const auto& l : q_.levels)
      legend += " " +
                m_("level.legend_item", fmt::arg("number", l.number), fmt::arg("name", escape(t(l.name))),
                   fmt::arg("min", fmt::format("{:g}", l.min))) +
                (l.number == static_cast<int>(q_.levels.size()) ? "" : ",");
    line(legend);
    if (const std::string hidden = hidden_cells_legend(a_, m_); !hidden.empty()) {
      blank();
      line(escape(hidden));
    }
    if (any_suppressed) {
      blank();
      line(m_("report.not_in_table"));
    }
  }

  void suppressed() {
    const NotShownSection section = not_shown_section(
        a_, m_,
        {[](const GroupResult& d) { return escape(d.id); }, [&](const GroupResult& g) { return department_name(g.id); },
         [&](std::size_t i) { return dimension_name(i); }});
    if (section.empty()) return;
    heading(m_("report.heading.not_shown"));
    // Only the id and n of a suppressed department (formats.md §3.9).
    for (const auto& item : section.items) line("- " + item);
    if (!section.footer.empty()) {
      blank();
      line(section.footer);
    }
  }

  void gaps() {
    heading(m_("report.heading.gaps"));
    line(row({m_("table.dimension"), m_("table.silo_spread"), m_("table.leader_gap")}));
    line(row({"---", "---:", "---:"}));
    const auto cell = [&](const std::optional<double>& v, bool sign) {
      if (!v) return std::string(undefined_cell);
      return sign ? m_.signed_number(*v) : m_.number(*v);
    };
    for (std::size_t i = 0; i < q_.dimensions.size(); ++i)
      line(row({dimension_name(i), cell(a_.silo_spread[i], false),
                leader_gap_hidden(a_, i) ? empty_cell(Hidden::small) : cell(a_.leader_gap[i], true)}));
    const GapReadings readings = gap_readings(a_, m_, [&](std::size_t i) { return dimension_name(i); });
    blank();
    line(readings.silo_spread);
    if (readings.leader_gap) {
      blank();
      line(*readings.leader_gap);
    }
  }

  void weakest() {
    const GroupResult& org = a_.organisation;
    // --top 0 asks for no weakest dimensions: the section is left out, as in the text report.
    if (org.weakest.empty() || a_.options.top <= 0) return;
    heading(m_("md.heading.weakest"));
    const std::size_t count = std::min(org.weakest.size(), static_cast<std::size_t>(a_.options.top));
    for (std::size_t k = 0; k < count; ++k) {
      const std::size_t i = org.weakest[k];
      const auto& d = *org.dimensions[i];
      line(fmt::format("{}. {}: {}, {}", k + 1, dimension_name(i),
                       m_("score.of_100", fmt::arg("score", m_.number(d.score))), level_label(d.level)));
      if (d.level > 0) {
        const LocalizedText& meaning = q_.level_description(q_.dimensions[i], d.level);
        if (!meaning.empty()) line("   " + escape(t(meaning)));
      }
    }
  }

  void group_recommendations(const std::string& name, const GroupResult& g) {
    if (g.recommendations.empty()) return;
    blank();
    line("### " + name);
    blank();
    if (g.overall) {
      line(m_("md.group_overall", fmt::arg("score", m_.number(g.overall->score)),
              fmt::arg("level", level_label(g.overall->level))));
      blank();
    }
    for (const auto& rec : g.recommendations) {
      const Dimension& d = q_.dimensions[rec.dimension];
      const Recommendation& r = d.recommendations[rec.recommendation];
      line(fmt::format("- **{}** ({}): {}{}", escape(t(d.name)), m_("level.short", fmt::arg("number", rec.level)),
                       escape(t(r.text)),
                       escape(recommendation_details(m_, t(r.owner), t(r.time_frame), short_item_ids(d, r)))));
    }
  }

  void recommendations() {
    if (a_.options.top <= 0) return;  // none asked for: no empty section
    heading(m_("md.heading.recommendations"));
    line(m_("md.weakest_first"));
    group_recommendations(m_("group.organisation"), a_.organisation);
    for (const auto& d : a_.departments)
      if (!d.suppressed) group_recommendations(department_name(d.id), d);
  }

  void inputs() {
    const InputSummary& in = r_.inputs;
    blank();
    line(m_.plural("md.inputs", in.accepted, fmt::arg("rejected", in.rejected.size())));
  }

  const Report& r_;
  const Questionnaire& q_;
  const Assessment& a_;
  const Messages& m_;
  std::string out_;
};

}  // namespace

std::string render_markdown(const Report& report) { return MarkdownRenderer(report).render(); }

}  // namespace centric
