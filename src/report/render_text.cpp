#include <fmt/color.h>
#include <fmt/format.h>

#include <algorithm>

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
  TextRenderer(const Report& r, const TextStyle& style) : r_(r), q_(r.questionnaire), a_(r.assessment), out_(style) {}

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
  const std::string& t(const LocalizedText& text) const { return q_.text(text, r_.language); }
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
    return fmt::format("level {} {}", level, level_name(q_, level, r_.language));
  }
  void paragraph(const std::string& text, const std::string& indent = "", const std::string& first_indent = "") {
    out_.paragraph(text, indent, first_indent);
  }
  void heading(const std::string& text) { out_.heading(text); }

  void header() {
    out_ += bold(t(q_.title)) + "\n";
    const GroupResult& org = a_.organisation;
    std::string line = fmt::format("{} respondent{}", org.n, org.n == 1 ? "" : "s");
    if (org.partial > 0) line += fmt::format(" ({} partial)", org.partial);
    line += fmt::format(" in {} department{}", a_.departments.size(), a_.departments.size() == 1 ? "" : "s");
    out_ += line + "\n";
    if (org.overall) {
      const std::string score = fmt::format("{:.1f}", org.overall->score);
      out_ += fmt::format("Overall: {} / 100, {}\n", styled(level_style(org.overall->level, levels()), score),
                          styled(level_style(org.overall->level, levels()), level_label(org.overall->level)));
    } else {
      out_ += "Overall: no score (too few questions answered)\n";
    }
  }

  void score_row(TextTable& table, const std::string& name, const GroupResult& g) {
    std::vector<TextTable::Cell> row;
    row.push_back({name});
    row.push_back({std::to_string(g.n), TextTable::Align::right});
    for (std::size_t i = 0; i < q_.dimensions.size(); ++i) {
      const auto& d = g.dimensions[i];
      if (d)
        row.push_back(
            {fmt::format("{:.0f} L{}", d->score, d->level), TextTable::Align::right, level_style(d->level, levels())});
      else
        row.push_back({"-", TextTable::Align::right});
    }
    if (g.overall)
      row.push_back({fmt::format("{:.0f} L{}", g.overall->score, g.overall->level), TextTable::Align::right,
                     level_style(g.overall->level, levels()) | fmt::emphasis::bold});
    else
      row.push_back({"-", TextTable::Align::right});
    table.add_row(std::move(row));
  }

  void table() {
    heading("Scores by department (0-100, L = level)");
    // One space between columns: the headers are wider than the scores under them, so
    // the columns stay apart, and long department names keep their room at 80 columns.
    TextTable table(1);
    std::vector<TextTable::Cell> head{{"Department"}, {"n", TextTable::Align::right}};
    for (std::size_t i = 0; i < q_.dimensions.size(); ++i) head.push_back({short_name(i), TextTable::Align::right});
    head.push_back({"Overall", TextTable::Align::right});
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
    score_row(table, "Organisation", a_.organisation);
    if (a_.roles_shown) {
      score_row(table, "Leaders", a_.leaders);
      score_row(table, "Employees", a_.employees);
    }
    out_ += table.render(out_.style().width, out_.style().color);
    std::string legend = "Levels:";
    for (const auto& l : q_.levels)
      legend += fmt::format(" L{} {} ({:g}+){}", l.number, t(l.name), l.min, l.number == levels() ? "" : ",");
    paragraph(legend);
    if (any_suppressed) paragraph("Departments not in the table are listed below.");
  }

  void suppressed() {
    const auto notes = suppression_notes(a_);
    if (notes.empty()) return;
    heading("Not shown, to protect anonymity");
    for (const auto& note : notes)
      paragraph(
          fmt::format("{} (n={}): {}", short_department_name(note.department->id), note.department->n, note.reason),
          "    ", "  - ");
    paragraph(suppression_footer, "  ");
  }

  void gaps() {
    heading("Gaps");
    TextTable table;
    table.add_row({{"Dimension"}, {"Silo spread", TextTable::Align::right}, {"Leader gap", TextTable::Align::right}});
    table.add_rule();
    const auto cell = [](const std::optional<double>& v, bool sign) {
      if (!v) return std::string("-");
      return sign ? fmt::format("{:+.1f}", *v) : fmt::format("{:.1f}", *v);
    };
    for (std::size_t i = 0; i < q_.dimensions.size(); ++i)
      table.add_row({{t(q_.dimensions[i].name)},
                     {cell(a_.silo_spread[i], false), TextTable::Align::right},
                     {cell(a_.leader_gap[i], true), TextTable::Align::right}});
    out_ += table.render(out_.style().width, out_.style().color);

    const GapReadings readings = gap_readings(a_, [&](std::size_t i) { return t(q_.dimensions[i].name); });
    paragraph(readings.silo_spread);
    if (readings.leader_gap) paragraph(*readings.leader_gap);
  }

  void weakest() {
    const GroupResult& org = a_.organisation;
    // --top 0 asks for no weakest dimensions: the section is left out.
    if (org.weakest.empty() || a_.options.top <= 0) return;
    heading("Weakest dimensions of the organisation");
    const std::size_t count = std::min(org.weakest.size(), static_cast<std::size_t>(a_.options.top));
    for (std::size_t k = 0; k < count; ++k) {
      const std::size_t i = org.weakest[k];
      const auto& d = *org.dimensions[i];
      out_ += fmt::format("  {}. {}: {} / 100, {}\n", k + 1, t(q_.dimensions[i].name),
                          styled(level_style(d.level, levels()), fmt::format("{:.1f}", d.score)), level_label(d.level));
    }
  }

  void group_recommendations(const std::string& name, const GroupResult& g) {
    if (g.recommendations.empty()) return;
    std::string title = name;
    if (g.overall) title += fmt::format(" (overall {:.1f}, {})", g.overall->score, level_label(g.overall->level));
    heading(title);
    for (const auto& rec : g.recommendations) {
      const Dimension& d = q_.dimensions[rec.dimension];
      paragraph(fmt::format("{} (L{}): {}", t(d.name), rec.level, t(d.recommendations[rec.recommendation].text)),
                "    ", "  - ");
    }
  }

  void recommendations() {
    if (a_.options.top <= 0) return;  // none asked for: no empty section
    heading("Recommendations, weakest dimension first");
    group_recommendations("Organisation", a_.organisation);
    for (const auto& d : a_.departments)
      if (!d.suppressed) group_recommendations(short_department_name(d.id), d);
  }

  void inputs() {
    const InputSummary& in = r_.inputs;
    out_ += "\n";
    std::string line = fmt::format("Inputs: {} answer set{} accepted", in.accepted, in.accepted == 1 ? "" : "s");
    if (!in.rejected.empty()) line += fmt::format(", {} rejected (listed on standard error)", in.rejected.size());
    paragraph(line + ".");
    for (const auto& w : r_.warnings) paragraph("Warning: " + w);
  }

  const Report& r_;
  const Questionnaire& q_;
  const Assessment& a_;
  TextWriter out_;
};

}  // namespace

std::string render_text(const Report& report, const TextStyle& style) { return TextRenderer(report, style).render(); }

}  // namespace centric
