#include <fmt/color.h>
#include <fmt/format.h>

#include <algorithm>

#include "centric/messages.hpp"
#include "centric/report.hpp"
#include "centric/text.hpp"
#include "centric/text_table.hpp"
#include "report/gap_readings.hpp"
#include "report/names.hpp"
#include "report/suppression_notes.hpp"
#include "report/text_writer.hpp"

namespace centric {
namespace {

// Department ids come from answer files and may be of any length; in running text (the
// "not shown" list, recommendation headings) their names are cut to this many columns.
constexpr int name_columns = 60;

fmt::text_style level_style(int level, int levels) {
  if (levels <= 1) return {};
  // Lowest level red, highest green, the middle yellow.
  const double position = static_cast<double>(level - 1) / (levels - 1);
  if (position < 0.25) return fmt::fg(fmt::terminal_color::red) | fmt::emphasis::bold;
  if (position < 0.5) return fmt::fg(fmt::terminal_color::red);
  if (position < 0.75) return fmt::fg(fmt::terminal_color::yellow);
  if (position < 1) return fmt::fg(fmt::terminal_color::green);
  return fmt::fg(fmt::terminal_color::green) | fmt::emphasis::bold;
}

class TextRenderer {
 public:
  TextRenderer(const Report& r, const TextStyle& style)
      : r_(r), q_(r.questionnaire), a_(r.assessment), m_(Messages::built_in(r.language)), out_(style) {}

  std::string render() {
    header();
    table();
    suppressed();
    gaps();
    weakest();
    recommendations();
    inputs();
    return out_.take();
  }

 private:
  // Every questionnaire text the report shows comes through here, spelled out for the
  // terminal (formats.md §5e): widths are measured, and colour added, on what is shown.
  std::string t(const LocalizedText& text) const { return terminal_text(q_, text, r_.language); }
  std::string short_name(std::size_t dimension) const {
    const Dimension& d = q_.dimensions[dimension];
    return d.short_name.empty() ? t(d.name) : t(d.short_name);
  }
  std::string department_name(const std::string& id) const {
    // Ids come from answer files: escape control characters so none reaches the terminal.
    return printable(centric::department_name(q_, id, r_.language));
  }
  // The same, cut to fit in running text.
  std::string short_department_name(const std::string& id) const {
    return truncate_to_width(department_name(id), name_columns);
  }
  std::string styled(const fmt::text_style& s, const std::string& text) const { return out_.styled(s, text); }
  std::string bold(const std::string& text) const { return out_.bold(text); }
  int levels() const { return static_cast<int>(q_.levels.size()); }
  std::string level_label(int level) const {
    return m_("level.label", fmt::arg("number", level),
              fmt::arg("name", printable(level_name(q_, level, r_.language))));
  }
  void paragraph(const std::string& text, const std::string& indent = "", const std::string& first_indent = "") {
    out_.paragraph(text, indent, first_indent);
  }
  void heading(const std::string& text) { out_.heading(text); }

  void header() {
    out_ += bold(t(q_.title)) + "\n";
    // First, before any figure: a warning may say that the figures below are not what the
    // reader thinks (a misspelt department counted apart, a tiny organisation).
    for (const auto& w : r_.warnings) paragraph(m_("report.warning", fmt::arg("text", w)));
    if (!r_.warnings.empty()) out_ += "\n";
    const GroupResult& org = a_.organisation;
    const std::string partial =
        org.partial > 0 ? m_("text.partial_in_brackets", fmt::arg("partial", m_.plural("count.partial", org.partial)))
                        : "";
    out_ += m_("text.population", fmt::arg("respondents", m_.plural("count.respondents", org.n)),
               fmt::arg("partial", partial),
               fmt::arg("departments", m_.plural("count.departments", static_cast<long long>(a_.departments.size())))) +
            "\n";
    if (org.overall) {
      const std::string score = m_.number(org.overall->score);
      out_ +=
          m_("text.overall", fmt::arg("score", styled(level_style(org.overall->level, levels()), score)),
             fmt::arg("level", styled(level_style(org.overall->level, levels()), level_label(org.overall->level)))) +
          "\n";
    } else {
      // Wrapped: the reason it is hidden is a sentence, longer in some languages.
      paragraph(m_(org.overall_hidden == Hidden::shown ? "text.overall_none" : "text.overall_hidden"));
    }
  }

  void score_row(TextTable& table, const std::string& name, const GroupResult& g) {
    std::vector<TextTable::Cell> row;
    row.push_back({name});
    row.push_back({std::to_string(g.n), TextTable::Align::right});
    for (std::size_t i = 0; i < q_.dimensions.size(); ++i) {
      const auto& d = g.dimensions[i];
      if (d)
        row.push_back({fmt::format("{} {}", m_.number(d->score, 0), m_("level.short", fmt::arg("number", d->level))),
                       TextTable::Align::right, level_style(d->level, levels())});
      else
        row.push_back({g.hidden[i] == Hidden::shown ? "-" : hidden_cell_marker(m_), TextTable::Align::right});
    }
    if (g.overall)
      row.push_back({fmt::format("{} {}", m_.number(g.overall->score, 0),
                                 m_("level.short", fmt::arg("number", g.overall->level))),
                     TextTable::Align::right, level_style(g.overall->level, levels()) | fmt::emphasis::bold});
    else
      row.push_back({g.overall_hidden == Hidden::shown ? "-" : hidden_cell_marker(m_), TextTable::Align::right});
    table.add_row(std::move(row));
  }

  void table() {
    heading(m_("text.heading.scores"));
    // One space between columns: the headers are wider than the scores under them, so
    // the columns stay apart, and long department names keep their room at 80 columns.
    TextTable table(1);
    std::vector<TextTable::Cell> head{{m_("table.department")}, {m_("table.n"), TextTable::Align::right}};
    for (std::size_t i = 0; i < q_.dimensions.size(); ++i) head.push_back({short_name(i), TextTable::Align::right});
    head.push_back({m_("table.overall"), TextTable::Align::right});
    table.add_row(std::move(head));
    table.add_rule();
    bool any_suppressed = false;
    bool any_shown = false;
    for (const auto& d : a_.departments) {
      if (d.suppressed) {
        any_suppressed = true;
        continue;
      }
      score_row(table, department_name(d.id), d);
      any_shown = true;
    }
    if (any_shown) table.add_rule();  // no empty section between two rules when all are hidden
    score_row(table, m_("group.organisation"), a_.organisation);
    if (a_.roles_shown) {
      score_row(table, m_("group.leaders"), a_.leaders);
      score_row(table, m_("group.employees"), a_.employees);
    }
    out_ += table.render(out_.style().width, out_.style().color);
    std::string legend = m_("report.levels");
    for (const auto& l : q_.levels)
      legend += " " +
                m_("level.legend_item", fmt::arg("number", l.number), fmt::arg("name", t(l.name)),
                   fmt::arg("min", fmt::format("{:g}", l.min))) +
                (l.number == levels() ? "" : ",");
    paragraph(legend);
    if (const std::string hidden = hidden_cells_legend(a_, m_); !hidden.empty()) paragraph(hidden);
    if (any_suppressed) paragraph(m_("report.not_in_table"));
  }

  void suppressed() {
    const NotShownSection section =
        not_shown_section(a_, m_,
                          {[](const GroupResult& d) { return truncate_to_width(printable(d.id), name_columns); },
                           [&](const GroupResult& g) { return short_department_name(g.id); },
                           [&](std::size_t i) { return t(q_.dimensions[i].name); }});
    if (section.empty()) return;
    heading(m_("report.heading.not_shown"));
    for (const auto& item : section.items) paragraph(item, "    ", "  - ");
    if (!section.footer.empty()) paragraph(section.footer, "  ");
  }

  void gaps() {
    heading(m_("report.heading.gaps"));
    TextTable table;
    table.add_row({{m_("table.dimension")},
                   {m_("table.silo_spread"), TextTable::Align::right},
                   {m_("table.leader_gap"), TextTable::Align::right}});
    table.add_rule();
    const auto cell = [&](const std::optional<double>& v, bool sign) {
      if (!v) return std::string("-");
      return sign ? m_.signed_number(*v) : m_.number(*v);
    };
    for (std::size_t i = 0; i < q_.dimensions.size(); ++i)
      table.add_row({{t(q_.dimensions[i].name)},
                     {cell(a_.silo_spread[i], false), TextTable::Align::right},
                     {leader_gap_hidden(a_, i) ? hidden_cell_marker(m_) : cell(a_.leader_gap[i], true),
                      TextTable::Align::right}});
    out_ += table.render(out_.style().width, out_.style().color);

    const GapReadings readings = gap_readings(a_, m_, [&](std::size_t i) { return t(q_.dimensions[i].name); });
    paragraph(readings.silo_spread);
    if (readings.leader_gap) paragraph(*readings.leader_gap);
  }

  void weakest() {
    const GroupResult& org = a_.organisation;
    // --top 0 asks for no weakest dimensions: the section is left out.
    if (org.weakest.empty() || a_.options.top <= 0) return;
    heading(m_("text.heading.weakest"));
    const std::size_t count = std::min(org.weakest.size(), static_cast<std::size_t>(a_.options.top));
    for (std::size_t k = 0; k < count; ++k) {
      const std::size_t i = org.weakest[k];
      const auto& d = *org.dimensions[i];
      out_ +=
          fmt::format("  {}. {}: {}, {}\n", k + 1, t(q_.dimensions[i].name),
                      m_("score.of_100", fmt::arg("score", styled(level_style(d.level, levels()), m_.number(d.score)))),
                      level_label(d.level));
      // What the level means in this dimension: the board reads where it stands, not a number.
      if (d.level > 0) {
        const LocalizedText& meaning = q_.level_description(q_.dimensions[i], d.level);
        if (!meaning.empty()) paragraph(t(meaning), "     ");
      }
    }
  }

  void group_recommendations(const std::string& name, const GroupResult& g) {
    if (g.recommendations.empty()) return;
    std::string title = name;
    if (g.overall)
      title += " " + m_("text.group_overall", fmt::arg("score", m_.number(g.overall->score)),
                        fmt::arg("level", level_label(g.overall->level)));
    heading(title);
    for (const auto& rec : g.recommendations) {
      const Dimension& d = q_.dimensions[rec.dimension];
      const Recommendation& r = d.recommendations[rec.recommendation];
      paragraph(fmt::format("{} ({}): {}{}", t(d.name), m_("level.short", fmt::arg("number", rec.level)), t(r.text),
                            recommendation_details(m_, t(r.owner), t(r.time_frame), printable(short_item_ids(d, r)))),
                "    ", "  - ");
    }
  }

  void recommendations() {
    if (a_.options.top <= 0) return;  // none asked for: no empty section
    heading(m_("text.heading.recommendations"));
    group_recommendations(m_("group.organisation"), a_.organisation);
    for (const auto& d : a_.departments)
      if (!d.suppressed) group_recommendations(short_department_name(d.id), d);
  }

  void inputs() {
    const InputSummary& in = r_.inputs;
    out_ += "\n";
    paragraph(in.rejected.empty() ? m_.plural("text.inputs", in.accepted)
                                  : m_.plural("text.inputs_rejected", in.accepted,
                                              fmt::arg("rejected", static_cast<long long>(in.rejected.size()))));
  }

  const Report& r_;
  const Questionnaire& q_;
  const Assessment& a_;
  const Messages& m_;
  TextWriter out_;
};

}  // namespace

std::string render_text(const Report& report, const TextStyle& style) { return TextRenderer(report, style).render(); }

}  // namespace centric
