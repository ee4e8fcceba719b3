#include <fmt/format.h>

#include <algorithm>

#include "centric/messages.hpp"
#include "centric/report.hpp"
#include "report/gap_readings.hpp"
#include "report/html_text.hpp"
#include "report/level_colors.hpp"
#include "report/names.hpp"
#include "report/suppression_notes.hpp"
#include "report/svg_charts.hpp"

namespace centric {
namespace {

// No script and no request of any kind: the policy makes a browser refuse anything but
// the inline style, even if some text slipped through unescaped.
constexpr const char* content_security_policy = "default-src 'none'; style-src 'unsafe-inline'";

// Readable on a laptop and on paper: system fonts, dark text on white (16:1), tables with
// tabular figures; in print, sections are not split and the data tables folded under the
// charts (which carry their figures) are left out.
constexpr const char* page_style = R"(
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; background: #ffffff; color: #1a1a1a;
  font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; }
header, nav, main, footer { max-width: 66rem; margin: 0 auto; padding: 0 1.5rem; }
header { padding-top: 2rem; }
h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 .25rem; }
h2 { font-size: 1.5rem; margin: 2.5rem 0 .75rem; padding-bottom: .25rem; border-bottom: 2px solid #1f4e79; }
h3 { font-size: 1.25rem; margin: 0 0 .5rem; }
h4 { font-size: 1rem; margin: 1rem 0 .25rem; }
.subtitle { color: #4d4d4d; margin: 0; }
nav ul { list-style: none; padding: 0; margin: 1rem 0 0; display: flex; flex-wrap: wrap; gap: .25rem 1.25rem; }
a { color: #1f4e79; }
.kpis { display: flex; flex-wrap: wrap; gap: 1rem; margin: 1rem 0; }
.kpi { border: 1px solid #c8c8c8; border-radius: 6px; padding: .75rem 1rem; min-width: 11rem; }
.kpi-value { display: block; font-size: 2rem; font-weight: 700; line-height: 1.1; }
.kpi-label { color: #4d4d4d; font-size: .9rem; }
.badge { display: inline-block; white-space: nowrap; padding: .05rem .5rem; border-radius: 4px; font-weight: 600; font-size: .9rem;
  border: 1px solid #4d4d4d; }
.level-meaning { color: #4d4d4d; font-size: .95rem; }
.warning { border-left: 4px solid #b35806; background: #fff4e5; padding: .5rem .75rem; }
figure { margin: 1rem 0; }
figcaption { color: #4d4d4d; font-size: .95rem; margin: .25rem 0 .75rem; }
svg.chart { display: block; max-width: 100%; height: auto; font-family: inherit; }
table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .9rem; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border: 1px solid #c8c8c8; padding: .3rem .6rem; vertical-align: top; }
thead th { background: #eef2f7; text-align: left; }
tbody th { text-align: left; font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; }
.table-scroll { overflow-x: auto; }
details { margin: .5rem 0 1rem; }
summary { cursor: pointer; color: #1f4e79; }
.department { border: 1px solid #c8c8c8; border-radius: 6px; padding: 1rem 1.25rem; margin: 1rem 0; }
.recommendations li { margin: .35rem 0; }
dl.levels dt { font-weight: 600; margin-top: .5rem; }
dl.levels dd { margin: 0 0 0 1.5rem; }
footer { color: #4d4d4d; font-size: .9rem; margin-top: 3rem; padding-bottom: 2rem; border-top: 1px solid #c8c8c8; }
@media print {
  body { font-size: 11pt; }
  nav, details { display: none; }
  .table-scroll { overflow: visible; }
  h2 { break-after: avoid; }
  figure, .department, table, .kpis { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  @page { margin: 15mm; }
}
)";

constexpr const char* no_value = "\u2014";  // em dash

class HtmlRenderer {
 public:
  explicit HtmlRenderer(const Report& r)
      : r_(r), q_(r.questionnaire), a_(r.assessment), m_(Messages::built_in(r.language)) {
    scale_.levels = static_cast<int>(q_.levels.size());
    for (const auto& l : q_.levels) {
      scale_.minimums.push_back(l.min);
      level_names_.push_back(t(l.name));
    }
    for (const auto& d : a_.departments)
      if (!d.suppressed) shown_.push_back(&d);
    // Every part escaped here: the section's items are HTML.
    not_shown_ = not_shown_section(a_, m_,
                                   {[](const GroupResult& d) { return "<code>" + html_escape(d.id) + "</code>"; },
                                    [&](const GroupResult& g) { return html_escape(department_name(g)); },
                                    [&](std::size_t i) { return html_escape(dimension_name(i)); },
                                    [](const std::string& sentence) { return html_escape(sentence); }});
  }

  std::string render() {
    head();
    out_ += "<main>\n";
    summary();
    organisation();
    heatmap();
    distribution();
    gaps();
    recommendations();
    departments();
    hidden();
    levels();
    out_ += "</main>\n";
    footer();
    out_ += "</body>\n</html>\n";
    return std::move(out_);
  }

 private:
  const std::string& t(const LocalizedText& text) const { return q_.text(text, r_.language); }
  std::string dimension_name(std::size_t i) const { return t(q_.dimensions[i].name); }
  std::string short_name(std::size_t i) const {
    const Dimension& d = q_.dimensions[i];
    return d.short_name.empty() ? t(d.name) : t(d.short_name);
  }
  std::string department_name(const GroupResult& g) const { return centric::department_name(q_, g.id, r_.language); }
  std::string level_label(int level) const {
    return m_("level.short_label", fmt::arg("number", level), fmt::arg("name", level_name(q_, level, r_.language)));
  }
  // A catalogue text, escaped: the arguments are raw text too.
  template <typename... Args>
  std::string w(std::string_view key, const Args&... args) const {
    return html_escape(m_(key, args...));
  }
  template <typename... Args>
  std::string wp(std::string_view key, long long n, const Args&... args) const {
    return html_escape(m_.plural(key, n, args...));
  }
  std::string num(double v) const { return m_.number(v); }
  std::string percent(double v) const { return w("html.percent", fmt::arg("share", m_.number(v))); }
  std::string short_level(int level) const { return m_("level.short", fmt::arg("number", level)); }
  std::string badge(int level) const {
    return fmt::format("<span class=\"badge lv{}\">{}</span>", level, html_escape(level_label(level)));
  }
  std::string score_with_badge(const std::optional<Overall>& o, Hidden why) const {
    return o ? fmt::format("{} {}", num(o->score), badge(o->level)) : empty_value(why);
  }
  // In place of a figure that is undefined, or hidden to protect anonymity.
  std::string empty_value(Hidden why) const {
    return why == Hidden::shown ? std::string(no_value) : fmt::format("<em>{}</em>", w("hidden.cell"));
  }
  static std::vector<bool> hidden_cells(const GroupResult& g) {
    std::vector<bool> hidden;
    for (const Hidden h : g.hidden) hidden.push_back(h != Hidden::shown);
    hidden.push_back(g.overall_hidden != Hidden::shown);
    return hidden;
  }
  static std::optional<LevelScore> level_score(const std::optional<DimensionResult>& d) {
    if (!d) return std::nullopt;
    return LevelScore{d->score, d->level};
  }
  static std::optional<LevelScore> level_score(const std::optional<Overall>& o) {
    if (!o) return std::nullopt;
    return LevelScore{o->score, o->level};
  }
  bool show_recommendations() const { return a_.options.top > 0; }

  void head() {
    const GroupResult& org = a_.organisation;
    std::string level_classes;
    for (int level = 1; level <= scale_.levels; ++level) {
      const Rgb fill = level_fill(level, scale_.levels);
      level_classes +=
          fmt::format(".lv{} {{ background: {}; color: {}; }}\n", level, fill.hex(), text_color_on(fill).hex());
    }
    out_ += fmt::format(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n"
        "<meta name=\"generator\" content=\"centric\">\n<title>{} \u2014 {}</title>\n"
        "<style>{}{}</style>\n</head>\n<body>\n",
        html_escape(r_.language), content_security_policy, html_escape(t(q_.title)), wp("count.respondents", org.n),
        page_style, level_classes);
    out_ += fmt::format("<header>\n<h1>{}</h1>\n<p class=\"subtitle\">{}</p>\n", html_escape(t(q_.title)),
                        w("html.subtitle", fmt::arg("id", q_.id), fmt::arg("version", q_.version)));
    // First, before any figure: a warning may say that the figures below are not what the
    // reader thinks (a misspelt department counted apart, a tiny organisation).
    for (const auto& warning : r_.warnings)
      out_ += fmt::format("<p class=\"warning\" role=\"note\"><strong>{}</strong> {}</p>\n", w("md.warning"),
                          html_escape(warning));
    out_ += "</header>\n";
    out_ += fmt::format("<nav aria-label=\"{}\">\n<ul>\n", w("html.nav.label"));
    const auto item = [&](const char* id, const char* key) {
      out_ += fmt::format("<li><a href=\"#{}\">{}</a></li>\n", id, w(key));
    };
    item("summary", "html.nav.summary");
    item("organisation", "html.nav.organisation");
    item("heatmap", "html.nav.heatmap");
    item("distribution", "html.nav.distribution");
    item("gaps", "html.nav.gaps");
    if (show_recommendations()) item("recommendations", "html.nav.recommendations");
    if (!shown_.empty()) item("departments", "html.nav.departments");
    if (!not_shown_.empty()) item("hidden", "html.nav.hidden");
    item("levels", "html.nav.levels");
    out_ += "</ul>\n</nav>\n";
  }

  void section(const char* id, const std::string& heading) {
    out_ += fmt::format("<section id=\"{0}\" aria-labelledby=\"{0}-heading\">\n<h2 id=\"{0}-heading\">{1}</h2>\n", id,
                        heading);
  }
  void end_section() { out_ += "</section>\n"; }

  // A figure opens with its caption (`text` is raw): a chart and the table behind it follow.
  void open_figure(const std::string& caption) {
    out_ += fmt::format("<figure>\n<figcaption>{}</figcaption>\n", html_escape(caption));
  }

  void summary() {
    const GroupResult& org = a_.organisation;
    section("summary", w("html.heading.summary"));
    out_ += "<div class=\"kpis\">\n";
    if (org.overall)
      out_ += fmt::format(
          "<div class=\"kpi\"><span class=\"kpi-value\">{}</span><span class=\"kpi-label\">{}</span><br>{}</div>\n",
          num(org.overall->score), w("html.kpi.overall"), badge(org.overall->level));
    else
      out_ += fmt::format(
          "<div class=\"kpi\"><span class=\"kpi-value\">\u2014</span><span class=\"kpi-label\">{}</span></div>\n",
          w(org.overall_hidden == Hidden::shown ? "html.kpi.overall_none" : "text.overall_hidden"));
    out_ += fmt::format(
        "<div class=\"kpi\"><span class=\"kpi-value\">{}</span><span class=\"kpi-label\">{}{}</span></div>\n", org.n,
        wp("html.kpi.respondents", org.n), org.partial > 0 ? ", " + wp("count.partial", org.partial) : "");
    out_ += fmt::format(
        "<div class=\"kpi\"><span class=\"kpi-value\">{}</span><span class=\"kpi-label\">{}{}</span></div>\n",
        shown_.size(), wp("html.kpi.departments_shown", static_cast<long long>(shown_.size())),
        shown_.size() == a_.departments.size()
            ? ""
            : ", " + wp("html.kpi.not_shown", static_cast<long long>(a_.departments.size() - shown_.size())));
    out_ += "</div>\n";
    if (org.overall) {
      const Level& level = q_.levels[static_cast<std::size_t>(org.overall->level) - 1];
      if (!level.description.empty())
        out_ += fmt::format("<p><strong>{}:</strong> {}</p>\n", html_escape(level_label(org.overall->level)),
                            html_escape(t(level.description)));
    }
    if (!org.weakest.empty() && show_recommendations()) {
      out_ += fmt::format("<h3>{}</h3>\n<ol>\n", w("md.heading.weakest"));
      const std::size_t count = std::min(org.weakest.size(), static_cast<std::size_t>(a_.options.top));
      for (std::size_t k = 0; k < count; ++k) {
        const std::size_t i = org.weakest[k];
        std::string meaning;
        if (const int level = org.dimensions[i]->level; level > 0) {
          const LocalizedText& text = q_.level_description(q_.dimensions[i], level);
          if (!text.empty()) meaning = fmt::format("<br><span class=\"level-meaning\">{}</span>", html_escape(t(text)));
        }
        out_ += fmt::format("<li>{}: {} {}{}</li>\n", html_escape(dimension_name(i)), num(org.dimensions[i]->score),
                            badge(org.dimensions[i]->level), meaning);
      }
      out_ += "</ol>\n";
    }
    end_section();
  }

  void organisation() {
    section("organisation", w("html.heading.organisation"));
    const std::string title = m_("html.organisation.title");
    std::vector<RadarSeries> series{{m_("group.organisation"), {}}};
    if (a_.roles_shown) {
      series.push_back({m_("group.leaders"), {}});
      series.push_back({m_("group.employees"), {}});
    }
    const auto values = [](const GroupResult& g) {
      std::vector<std::optional<double>> v;
      for (const auto& d : g.dimensions) v.push_back(d ? std::optional<double>(d->score) : std::nullopt);
      return v;
    };
    series[0].values = values(a_.organisation);
    if (a_.roles_shown) {
      series[1].values = values(a_.leaders);
      series[2].values = values(a_.employees);
    }
    std::vector<std::string> axes;
    for (std::size_t i = 0; i < q_.dimensions.size(); ++i) axes.push_back(short_name(i));
    const std::string description =
        m_(a_.roles_shown ? "html.organisation.radar_with_roles" : "html.organisation.radar");
    open_figure(m_("html.caption", fmt::arg("title", title), fmt::arg("description", description)));
    if (axes.size() >= 3) {
      out_ += radar_chart({"chart-organisation", "chart-radar", title, description}, axes, scale_, series, m_);
    } else {
      std::vector<BarRow> rows;
      for (std::size_t i = 0; i < axes.size(); ++i)
        rows.push_back({axes[i], level_score(a_.organisation.dimensions[i]), std::nullopt});
      out_ +=
          bar_chart({"chart-organisation", "chart-bars", title, m_("html.organisation.bars")}, rows, "", scale_, m_);
    }
    out_ += fmt::format(
        "<div class=\"table-scroll\">\n<table>\n<caption>{}</caption>\n<thead><tr>"
        "<th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th><th scope=\"col\">{}</th>"
        "<th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th>"
        "<th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th>"
        "<th scope=\"col\" class=\"num\">{}</th>",
        w("html.heading.organisation"), w("table.dimension"), w("table.score"), w("table.level"), w("table.n"),
        w("table.sd"), w("table.ci95"), w("table.alpha"), w("table.favourable"));
    if (a_.roles_shown)
      out_ += fmt::format("<th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th>",
                          w("group.leaders"), w("group.employees"));
    out_ += "</tr></thead>\n<tbody>\n";
    const auto optional_num = [&](const std::optional<double>& v, int decimals) {
      return v ? m_.number(*v, decimals) : std::string(no_value);
    };
    for (std::size_t i = 0; i < q_.dimensions.size(); ++i) {
      const auto& d = a_.organisation.dimensions[i];
      out_ += fmt::format("<tr><th scope=\"row\">{}</th>", html_escape(dimension_name(i)));
      if (d)
        out_ += fmt::format(
            "<td class=\"num\">{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
            "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>",
            num(d->score), badge(d->level), d->n, optional_num(d->sd, 1),
            d->ci95 ? w("html.range", fmt::arg("low", num(d->ci95->first)), fmt::arg("high", num(d->ci95->second)))
                    : no_value,
            optional_num(d->alpha, 2), percent(d->favorable));
      else if (a_.organisation.hidden[i] != Hidden::shown)  // n too: it is one of the figures of the cell
        out_ += fmt::format(
            "<td class=\"num\">{0}</td><td>{0}</td><td class=\"num\">{0}</td><td class=\"num\">{0}</td>"
            "<td class=\"num\">{0}</td><td class=\"num\">{0}</td><td class=\"num\">{0}</td>",
            empty_value(a_.organisation.hidden[i]));
      else  // no respondent answered enough of it: n is 0 and nothing else is defined
        out_ += fmt::format(
            "<td class=\"num\">{0}</td><td>{0}</td><td class=\"num\">0</td><td class=\"num\">{0}</td>"
            "<td class=\"num\">{0}</td><td class=\"num\">{0}</td><td class=\"num\">{0}</td>",
            no_value);
      if (a_.roles_shown) {
        const auto& l = a_.leaders.dimensions[i];
        const auto& e = a_.employees.dimensions[i];
        out_ += fmt::format("<td class=\"num\">{}</td><td class=\"num\">{}</td>",
                            l ? num(l->score) : empty_value(a_.leaders.hidden[i]),
                            e ? num(e->score) : empty_value(a_.employees.hidden[i]));
      }
      out_ += "</tr>\n";
    }
    out_ += fmt::format(
        "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td>{}</td>", w("table.overall"),
        a_.organisation.overall ? num(a_.organisation.overall->score) : empty_value(a_.organisation.overall_hidden),
        a_.organisation.overall ? badge(a_.organisation.overall->level) : empty_value(a_.organisation.overall_hidden));
    out_ += fmt::format("<td class=\"num\">{}</td><td colspan=\"4\"></td>", a_.organisation.n);
    if (a_.roles_shown)
      out_ += fmt::format(
          "<td class=\"num\">{}</td><td class=\"num\">{}</td>",
          a_.leaders.overall ? num(a_.leaders.overall->score) : empty_value(a_.leaders.overall_hidden),
          a_.employees.overall ? num(a_.employees.overall->score) : empty_value(a_.employees.overall_hidden));
    out_ += "</tr>\n</tbody>\n</table>\n</div>\n</figure>\n";
    end_section();
  }

  // The rows of the heatmap and of the table behind it: shown departments, then the totals.
  struct NamedGroup {
    std::string name;
    const GroupResult* group;
    bool total;
  };
  std::vector<NamedGroup> heatmap_groups() const {
    std::vector<NamedGroup> groups;
    for (const GroupResult* d : shown_) groups.push_back({department_name(*d), d, false});
    groups.push_back({m_("group.organisation"), &a_.organisation, true});
    if (a_.roles_shown) {
      groups.push_back({m_("group.leaders"), &a_.leaders, true});
      groups.push_back({m_("group.employees"), &a_.employees, true});
    }
    return groups;
  }

  void heatmap() {
    section("heatmap", w("html.heading.heatmap"));
    std::vector<std::string> columns;
    for (std::size_t i = 0; i < q_.dimensions.size(); ++i) columns.push_back(short_name(i));
    columns.push_back(m_("table.overall"));
    const auto groups = heatmap_groups();
    std::vector<HeatmapRow> rows;
    for (const auto& g : groups) {
      HeatmapRow row{g.name, {}, g.total, hidden_cells(*g.group)};
      for (const auto& d : g.group->dimensions) row.cells.push_back(level_score(d));
      row.cells.push_back(level_score(g.group->overall));
      rows.push_back(std::move(row));
    }
    const std::string title = m_("html.heatmap.title");
    open_figure(m_("html.caption", fmt::arg("title", title),
                   fmt::arg("description", m_.plural("html.heatmap.hidden", a_.options.min_group))));
    out_ += heatmap_chart({"chart-heatmap", "chart-heatmap", title, m_("html.heatmap.description")}, columns, rows,
                          scale_, level_names_, m_);
    out_ += fmt::format(
        "<details>\n<summary>{}</summary>\n<div class=\"table-scroll\">\n<table>\n"
        "<caption>{}</caption>\n<thead><tr><th scope=\"col\">{}</th>"
        "<th scope=\"col\" class=\"num\">{}</th>",
        w("html.heatmap.table"), w("md.heading.scores"), w("table.department"), w("table.n"));
    for (std::size_t i = 0; i < q_.dimensions.size(); ++i)
      out_ += fmt::format("<th scope=\"col\" class=\"num\">{}</th>", html_escape(short_name(i)));
    out_ += fmt::format("<th scope=\"col\" class=\"num\">{}</th></tr></thead>\n<tbody>\n", w("table.overall"));
    for (const auto& g : groups) {
      out_ += fmt::format("<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td>", html_escape(g.name), g.group->n);
      for (std::size_t i = 0; i < g.group->dimensions.size(); ++i) {
        const auto& d = g.group->dimensions[i];
        out_ += fmt::format("<td class=\"num\">{}</td>", d ? fmt::format("{} {}", num(d->score), short_level(d->level))
                                                           : empty_value(g.group->hidden[i]));
      }
      out_ += fmt::format("<td class=\"num\">{}</td></tr>\n",
                          g.group->overall
                              ? fmt::format("{} {}", num(g.group->overall->score), short_level(g.group->overall->level))
                              : empty_value(g.group->overall_hidden));
    }
    out_ += "</tbody>\n</table>\n</div>\n</details>\n</figure>\n";
    if (const std::string legend = hidden_cells_legend(a_, m_); !legend.empty())
      out_ += fmt::format("<p>{}</p>\n", html_escape(legend));
    end_section();
  }

  void distribution() {
    section("distribution", w("html.heading.distribution"));
    std::vector<DistributionRow> rows;
    for (std::size_t i = 0; i < q_.dimensions.size(); ++i) {
      const auto& d = a_.organisation.dimensions[i];
      rows.push_back({short_name(i),
                      d ? std::optional<AnswerShares>({d->favorable, d->neutral, d->unfavorable}) : std::nullopt,
                      a_.organisation.hidden[i] != Hidden::shown});
    }
    const std::string title = m_("html.distribution.title");
    open_figure(m_("html.caption", fmt::arg("title", title), fmt::arg("description", m_("html.distribution.caption"))));
    out_ += distribution_chart({"chart-distribution", "chart-distribution", title, m_("html.distribution.description")},
                               rows, m_);
    out_ += fmt::format(
        "<details>\n<summary>{}</summary>\n<table>\n<caption>{}</caption>\n"
        "<thead><tr><th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th>"
        "<th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th></tr>"
        "</thead>\n<tbody>\n",
        w("html.distribution.table"), w("html.distribution.table_caption"), w("table.dimension"), w("table.favourable"),
        w("table.neutral"), w("table.unfavourable"));
    for (std::size_t i = 0; i < q_.dimensions.size(); ++i) {
      const auto& d = a_.organisation.dimensions[i];
      out_ += fmt::format("<tr><th scope=\"row\">{}</th>", html_escape(dimension_name(i)));
      if (d)
        out_ += fmt::format("<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
                            percent(d->favorable), percent(d->neutral), percent(d->unfavorable));
      else
        out_ += fmt::format("<td class=\"num\">{0}</td><td class=\"num\">{0}</td><td class=\"num\">{0}</td></tr>\n",
                            empty_value(a_.organisation.hidden[i]));
    }
    out_ += "</tbody>\n</table>\n</details>\n</figure>\n";
    end_section();
  }

  void gaps() {
    section("gaps", w("report.heading.gaps"));
    out_ += fmt::format(
        "<table>\n<caption>{}</caption>\n<thead><tr>"
        "<th scope=\"col\">{}</th><th scope=\"col\" class=\"num\">{}</th>"
        "<th scope=\"col\" class=\"num\">{}</th></tr></thead>\n<tbody>\n",
        w("html.gaps.caption"), w("table.dimension"), w("table.silo_spread"), w("table.leader_gap"));
    for (std::size_t i = 0; i < q_.dimensions.size(); ++i)
      out_ += fmt::format("<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
                          html_escape(dimension_name(i)), a_.silo_spread[i] ? num(*a_.silo_spread[i]) : no_value,
                          a_.leader_gap[i]           ? m_.signed_number(*a_.leader_gap[i])
                          : leader_gap_hidden(a_, i) ? empty_value(Hidden::small)
                                                     : std::string(no_value));
    out_ += "</tbody>\n</table>\n";
    const GapReadings readings = gap_readings(a_, m_, [&](std::size_t i) { return dimension_name(i); });
    out_ += fmt::format("<p>{}</p>\n", html_escape(readings.silo_spread));
    if (readings.leader_gap) out_ += fmt::format("<p>{}</p>\n", html_escape(*readings.leader_gap));
    end_section();
  }

  void recommendation_list(const GroupResult& g) {
    if (g.recommendations.empty()) return;
    out_ += "<ul class=\"recommendations\">\n";
    for (const auto& rec : g.recommendations) {
      const Dimension& d = q_.dimensions[rec.dimension];
      const Recommendation& r = d.recommendations[rec.recommendation];
      out_ += fmt::format("<li><strong>{}</strong> {}: {}{}</li>\n", html_escape(t(d.name)), badge(rec.level),
                          html_escape(t(r.text)),
                          html_escape(recommendation_details(m_, t(r.owner), t(r.time_frame), short_item_ids(d, r))));
    }
    out_ += "</ul>\n";
  }

  void recommendations() {
    if (!show_recommendations()) return;
    section("recommendations", w("html.heading.recommendations"));
    out_ += fmt::format("<p>{}</p>\n", w("html.recommendations.intro"));
    recommendation_list(a_.organisation);
    end_section();
  }

  void departments() {
    if (shown_.empty()) return;
    section("departments", w("html.heading.departments"));
    for (std::size_t k = 0; k < shown_.size(); ++k) {
      const GroupResult& g = *shown_[k];
      const std::string name = department_name(g);
      const std::string id = fmt::format("department-{}", k + 1);
      out_ += fmt::format(
          "<article class=\"department\" id=\"{0}\" aria-labelledby=\"{0}-heading\">\n"
          "<h3 id=\"{0}-heading\">{1}</h3>\n",
          id, html_escape(name));
      out_ += fmt::format(
          "<p>{}{} \u00b7 {} {}</p>\n", wp("count.respondents", g.n),
          g.partial > 0 ? w("text.partial_in_brackets", fmt::arg("partial", m_.plural("count.partial", g.partial)))
                        : "",
          w("html.department.overall"), score_with_badge(g.overall, g.overall_hidden));
      std::vector<BarRow> rows;
      for (std::size_t i = 0; i < q_.dimensions.size(); ++i) {
        const auto& org = a_.organisation.dimensions[i];
        rows.push_back({short_name(i), level_score(g.dimensions[i]),
                        org ? std::optional<double>(org->score) : std::nullopt, g.hidden[i] != Hidden::shown});
      }
      const std::string title = m_("html.department.title", fmt::arg("name", name));
      open_figure(m_("html.department.caption", fmt::arg("title", title)));
      out_ += bar_chart({fmt::format("chart-{}", id), "chart-department", title, m_("html.department.description")},
                        rows, m_("group.organisation"), scale_, m_);
      out_ += fmt::format(
          "<table>\n<caption>{}</caption>\n<thead><tr><th scope=\"col\">{}</th>"
          "<th scope=\"col\" class=\"num\">{}</th><th scope=\"col\">{}</th>"
          "<th scope=\"col\" class=\"num\">{}</th><th scope=\"col\" class=\"num\">{}</th>"
          "<th scope=\"col\" class=\"num\">{}</th></tr></thead>\n<tbody>\n",
          w("html.department.table", fmt::arg("name", name)), w("table.dimension"), w("table.score"), w("table.level"),
          w("group.organisation"), w("table.difference"), w("table.favourable"));
      for (std::size_t i = 0; i < q_.dimensions.size(); ++i) {
        const auto& d = g.dimensions[i];
        const auto& org = a_.organisation.dimensions[i];
        out_ += fmt::format(
            "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td>{}</td><td class=\"num\">{}</td>"
            "<td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
            html_escape(dimension_name(i)), d ? num(d->score) : empty_value(g.hidden[i]),
            d ? badge(d->level) : empty_value(g.hidden[i]),
            org ? num(org->score) : empty_value(a_.organisation.hidden[i]),
            d && org ? m_.signed_number(d->score - org->score) : std::string(no_value),
            d ? percent(d->favorable) : empty_value(g.hidden[i]));
      }
      out_ += "</tbody>\n</table>\n</figure>\n";
      if (show_recommendations() && !g.recommendations.empty()) {
        out_ += fmt::format("<h4>{}</h4>\n", w("md.heading.recommendations"));
        recommendation_list(g);
      }
      out_ += "</article>\n";
    }
    end_section();
  }

  void hidden() {
    if (not_shown_.empty()) return;
    section("hidden", w("report.heading.not_shown"));
    // Only the id and n of a hidden department (formats.md §3.9).
    out_ += "<ul>\n";
    for (const auto& item : not_shown_.items) out_ += fmt::format("<li>{}</li>\n", item);
    out_ += "</ul>\n";
    if (!not_shown_.footer.empty()) out_ += fmt::format("<p>{}</p>\n", not_shown_.footer);
    end_section();
  }

  void levels() {
    section("levels", w("html.heading.levels"));
    out_ += "<dl class=\"levels\">\n";
    for (const auto& l : q_.levels) {
      out_ += fmt::format("<dt>{} <span class=\"level-range\">{}</span></dt>\n", badge(l.number),
                          w("html.level.from", fmt::arg("min", fmt::format("{:g}", l.min))));
      if (!l.description.empty()) out_ += fmt::format("<dd>{}</dd>\n", html_escape(t(l.description)));
    }
    out_ += "</dl>\n";
    end_section();
  }

  void footer() {
    const InputSummary& in = r_.inputs;
    out_ += fmt::format(
        "<footer>\n<p>{} {}</p>\n</footer>\n", wp("md.inputs", in.accepted, fmt::arg("rejected", in.rejected.size())),
        wp("html.footer", a_.options.min_group, fmt::arg("id", q_.id), fmt::arg("version", q_.version)));
  }

  const Report& r_;
  const Questionnaire& q_;
  const Assessment& a_;
  const Messages& m_;
  LevelScale scale_;
  std::vector<std::string> level_names_;
  std::vector<const GroupResult*> shown_;
  NotShownSection not_shown_;
  std::string out_;
};

}  // namespace

std::string render_html(const Report& report) { return HtmlRenderer(report).render(); }

}  // namespace centric
