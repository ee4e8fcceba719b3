#include "report/svg_charts.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "centric/text.hpp"
#include "report/html_text.hpp"
#include "report/level_colors.hpp"

namespace centric {
namespace {

// SVG cannot measure text before the browser lays it out; an average glyph is about this
// wide for the page's sans-serif fonts, per display column and pixel of font size.
constexpr double glyph_width = 0.6;
constexpr const char* grid_color = "#c8c8c8";
constexpr const char* ink = "#1a1a1a";
constexpr const char* muted_ink = "#4d4d4d";  // 8.5:1 on white

// Measured as it will be shown: a control character takes the room of its spelling.
double text_width(std::string_view text, double font_size) {
  return display_width(printable(text)) * font_size * glyph_width;
}

int columns_in(double pixels, double font_size) {
  return std::max(4, static_cast<int>(pixels / (font_size * glyph_width)));
}

// The widest label in pixels, bounded: long department names are cut (their full name stays
// in the tooltip and in the table).
double label_column(const std::vector<std::string>& labels, double font_size, double least, double most) {
  double widest = 0;
  for (const auto& l : labels) widest = std::max(widest, text_width(l, font_size));
  return std::clamp(widest + 24, least, most);
}

std::string num(double v) { return fmt::format("{:.1f}", v); }

class Svg {
 public:
  Svg(const ChartText& text, double width, double height) {
    const std::string id = html_escape(text.id);
    out_ = fmt::format(
        "<svg id=\"{0}\" class=\"chart {1}\" role=\"img\" aria-labelledby=\"{0}-title\" "
        "aria-describedby=\"{0}-desc\" "
        "viewBox=\"0 0 {2:.0f} {3:.0f}\" width=\"{2:.0f}\" height=\"{3:.0f}\">\n"
        "<title id=\"{0}-title\">{4}</title>\n<desc id=\"{0}-desc\">{5}</desc>\n",
        id, html_escape(text.css_class), width, height, html_escape(text.title), html_escape(text.description));
  }

  Svg& operator+=(std::string_view s) {
    out_ += s;
    return *this;
  }

  // `lines` one under the other from (x, y), each a <tspan>; `attributes` go on the <text>.
  void text(double x, double y, const std::vector<std::string>& lines, double line_height,
            std::string_view attributes) {
    out_ += fmt::format("<text x=\"{}\" y=\"{}\" {}>", num(x), num(y), attributes);
    for (std::size_t i = 0; i < lines.size(); ++i)
      out_ += fmt::format("<tspan x=\"{}\" dy=\"{}\">{}</tspan>", num(x), i == 0 ? "0" : num(line_height),
                          html_escape(lines[i]));
    out_ += "</text>\n";
  }
  void text(double x, double y, std::string_view line, std::string_view attributes) {
    out_ += fmt::format("<text x=\"{}\" y=\"{}\" {}>{}</text>\n", num(x), num(y), attributes, html_escape(line));
  }

  std::string finish() {
    out_ += "</svg>\n";
    return std::move(out_);
  }

 private:
  std::string out_;
};

// At most `max_lines` lines of at most `columns` columns; the last one cut with an ellipsis.
std::vector<std::string> wrap_lines(std::string_view text, int columns, std::size_t max_lines) {
  std::vector<std::string> lines = wrap(text, columns);
  if (lines.empty()) lines.emplace_back();
  if (lines.size() > max_lines) {
    std::string last = lines[max_lines - 1] + " " + lines[max_lines];
    lines.resize(max_lines);
    lines.back() = truncate_to_width(last, columns - 1);
    if (display_width(lines.back()) < display_width(last)) lines.back() = truncate_to_width(last + "\u2026", columns);
  }
  return lines;
}

std::string cut(std::string_view text, double pixels, double font_size) {
  return truncate_to_width(printable(text), columns_in(pixels, font_size));
}

struct SeriesLook {
  const char* stroke;
  const char* dash;
  double fill_opacity;
};
// Told apart by line style as well as colour; each colour is above 3:1 against white.
constexpr SeriesLook series_looks[] = {{"#1f4e79", "", 0.18}, {"#b35806", "7 4", 0}, {"#542788", "2 3", 0}};

}  // namespace

std::string radar_chart(const ChartText& text, const std::vector<std::string>& axes, const LevelScale& scale,
                        const std::vector<RadarSeries>& series, const Messages& m) {
  constexpr double width = 640, cx = 320, radius = 160, font = 14, line_height = 16, label_columns = 20;
  const std::size_t n = axes.size();
  // Room above and below the rings for the labels of the axes that point up or down.
  std::size_t lines_above = 1, lines_below = 1;
  for (std::size_t i = 0; i < n; ++i) {
    const double s = std::sin(-std::numbers::pi / 2 + 2 * std::numbers::pi * static_cast<double>(i) / n);
    const std::size_t lines = wrap_lines(axes[i], label_columns, 3).size();
    if (s < -0.3) lines_above = std::max(lines_above, lines);
    if (s > 0.3) lines_below = std::max(lines_below, lines);
  }
  const double cy = 24 + line_height * static_cast<double>(lines_above) + radius;
  const double legend_y = cy + radius + 22 + line_height * static_cast<double>(lines_below) + 14;
  const double height = legend_y + 12;
  Svg svg(text, width, height);
  const auto point = [&](std::size_t i, double value) {
    const double angle = -std::numbers::pi / 2 + 2 * std::numbers::pi * static_cast<double>(i) / n;
    const double r = radius * std::clamp(value, 0.0, 100.0) / 100;
    return std::pair{cx + r * std::cos(angle), cy + r * std::sin(angle)};
  };
  const auto polygon_at = [&](double value) {
    std::string points;
    for (std::size_t i = 0; i < n; ++i) {
      const auto [x, y] = point(i, value);
      points += fmt::format("{}{},{}", i ? " " : "", num(x), num(y));
    }
    return points;
  };

  // Rings at each level's lowest score, and the outer edge.
  std::vector<double> rings;
  for (double minimum : scale.minimums)
    if (minimum > 0 && minimum < 100) rings.push_back(minimum);
  rings.push_back(100);
  for (double ring : rings) {
    svg += fmt::format("<polygon points=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"1\"/>\n", polygon_at(ring),
                       grid_color);
    if (ring >= 100) continue;  // the outer ring's label would sit on the first axis's name
    const auto [x, y] = point(0, ring);
    // A white halo keeps the figure readable where a series' line crosses it.
    svg.text(x + 4, y - 3, fmt::format("{:g}", ring),
             fmt::format("font-size=\"11\" fill=\"{}\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\"",
                         muted_ink));
  }
  for (std::size_t i = 0; i < n; ++i) {
    const auto [x, y] = point(i, 100);
    svg += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"1\"/>\n", num(cx),
                       num(cy), num(x), num(y), grid_color);
  }

  // Axis labels outside the outer ring, anchored away from the centre.
  for (std::size_t i = 0; i < n; ++i) {
    const double angle = -std::numbers::pi / 2 + 2 * std::numbers::pi * static_cast<double>(i) / n;
    const double c = std::cos(angle), s = std::sin(angle);
    const auto lines = wrap_lines(axes[i], label_columns, 3);
    double x = cx + (radius + 14) * c;
    double y = cy + (radius + 14) * s + 4;
    if (s < -0.3)
      y -= static_cast<double>(lines.size() - 1) * line_height;
    else if (s > 0.3)
      y += 8;
    else
      y -= static_cast<double>(lines.size() - 1) * line_height / 2;
    const char* anchor = c > 0.3 ? "start" : c < -0.3 ? "end" : "middle";
    svg.text(x, y, lines, line_height,
             fmt::format("font-size=\"{}\" text-anchor=\"{}\" fill=\"{}\"", font, anchor, ink));
  }

  for (std::size_t k = 0; k < series.size() && k < std::size(series_looks); ++k) {
    const SeriesLook& look = series_looks[k];
    const RadarSeries& s = series[k];
    const std::string dash = *look.dash ? fmt::format(" stroke-dasharray=\"{}\"", look.dash) : "";
    const bool complete = s.values.size() == n &&
                          std::all_of(s.values.begin(), s.values.end(), [](const auto& v) { return v.has_value(); });
    if (complete) {
      std::string points;
      for (std::size_t i = 0; i < n; ++i) {
        const auto [x, y] = point(i, *s.values[i]);
        points += fmt::format("{}{},{}", i ? " " : "", num(x), num(y));
      }
      svg +=
          fmt::format("<polygon points=\"{}\" fill=\"{}\" fill-opacity=\"{}\" stroke=\"{}\" stroke-width=\"2.5\"{}/>\n",
                      points, look.stroke, look.fill_opacity, look.stroke, dash);
    }
    for (std::size_t i = 0; i < n && i < s.values.size(); ++i) {
      if (!s.values[i]) continue;
      const auto [x, y] = point(i, *s.values[i]);
      svg += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"3.5\" fill=\"{}\"><title>{}: {} {}</title></circle>\n",
                         num(x), num(y), look.stroke, html_escape(s.name), html_escape(axes[i]),
                         html_escape(m.number(*s.values[i])));
    }
  }

  // Legend under the chart.
  double x = 24;
  const double y = legend_y;
  for (std::size_t k = 0; k < series.size() && k < std::size(series_looks); ++k) {
    const SeriesLook& look = series_looks[k];
    const std::string dash = *look.dash ? fmt::format(" stroke-dasharray=\"{}\"", look.dash) : "";
    svg += fmt::format("<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"2.5\"{}/>\n", num(x),
                       num(y - 4), num(x + 28), num(y - 4), look.stroke, dash);
    svg.text(x + 34, y, series[k].name, fmt::format("font-size=\"{}\" fill=\"{}\"", font, ink));
    x += 34 + text_width(series[k].name, font) + 24;
  }
  return svg.finish();
}

std::string bar_chart(const ChartText& text, const std::vector<BarRow>& rows, const std::string& reference_name,
                      const LevelScale& scale, const Messages& m) {
  constexpr double width = 640, font = 13, top = 44, row_height = 30, bar_height = 18, value_width = 96;
  std::vector<std::string> labels;
  for (const auto& r : rows) labels.push_back(r.label);
  const double label_width = label_column(labels, font, 120, 240);
  const double x0 = label_width;
  const double bar_width = width - label_width - value_width;
  const double height = top + row_height * static_cast<double>(rows.size()) + 8;
  Svg svg(text, width, height);
  const auto x_of = [&](double score) { return x0 + bar_width * std::clamp(score, 0.0, 100.0) / 100; };

  // The reference marker's key, then a grid line at each level's lowest score.
  svg += fmt::format("<line x1=\"{}\" y1=\"6\" x2=\"{}\" y2=\"20\" stroke=\"{}\" stroke-width=\"3\"/>\n", num(x0),
                     num(x0), ink);
  svg.text(x0 + 8, 18, reference_name, fmt::format("font-size=\"12\" fill=\"{}\"", ink));
  std::vector<double> ticks{0};
  for (double minimum : scale.minimums)
    if (minimum > 0 && minimum < 100) ticks.push_back(minimum);
  ticks.push_back(100);
  for (double tick : ticks) {
    svg += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"{3}\" stroke-width=\"1\"/>\n",
                       num(x_of(tick)), num(top - 4), num(height - 6), grid_color);
    svg.text(x_of(tick), top - 8, fmt::format("{:g}", tick),
             fmt::format("font-size=\"10\" text-anchor=\"middle\" fill=\"{}\"", muted_ink));
  }

  for (std::size_t i = 0; i < rows.size(); ++i) {
    const BarRow& row = rows[i];
    const double y = top + row_height * static_cast<double>(i);
    const double middle = y + row_height / 2;
    // The tooltip first in its group, where SVG 1.1 viewers look for it.
    svg += fmt::format(
        "<g><title>{}</title>",
        html_escape(
            row.value
                ? m("chart.tooltip.score", fmt::arg("label", row.label), fmt::arg("score", m.number(row.value->score)),
                    fmt::arg("level", m("level.tooltip", fmt::arg("number", row.value->level))))
                : m(row.hidden ? "chart.tooltip.hidden" : "chart.tooltip.no_score", fmt::arg("label", row.label))));
    svg.text(label_width - 8, middle + 4, cut(row.label, label_width - 12, font),
             fmt::format("font-size=\"{}\" text-anchor=\"end\" fill=\"{}\"", font, ink));
    if (row.value) {
      const Rgb fill = level_fill(row.value->level, scale.levels);
      const double end = x_of(row.value->score);
      svg += fmt::format(
          "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" stroke=\"{}\" stroke-width=\"0.75\"/>\n",
          num(x0), num(middle - bar_height / 2), num(end - x0), num(bar_height), fill.hex(), muted_ink);
      svg.text(std::max(end, row.reference ? x_of(*row.reference) : end) + 8, middle + 4,
               fmt::format("{} \u00b7 {}", m.number(row.value->score),
                           m("level.short", fmt::arg("number", row.value->level))),
               fmt::format("font-size=\"{}\" fill=\"{}\"", font, ink));
    } else {
      svg.text(x0 + 6, middle + 4, m(row.hidden ? "hidden.cell" : "chart.no_score"),
               fmt::format("font-size=\"{}\" font-style=\"italic\" fill=\"{}\"", font, muted_ink));
    }
    if (row.reference) {
      const double x = x_of(*row.reference);
      svg += fmt::format(
          "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"{3}\" stroke-width=\"3\">"
          "<title>{4}: {5}</title></line>\n",
          num(x), num(y + 3), num(y + row_height - 3), ink, html_escape(reference_name), m.number(*row.reference));
    }
    svg += "</g>\n";
  }
  return svg.finish();
}

std::string heatmap_chart(const ChartText& text, const std::vector<std::string>& columns,
                          const std::vector<HeatmapRow>& rows, const LevelScale& scale,
                          const std::vector<std::string>& level_names, const Messages& m) {
  constexpr double width = 960, font = 13, line_height = 15, row_height = 38, legend_row = 24;
  std::vector<std::string> labels;
  for (const auto& r : rows) labels.push_back(r.label);
  const double label_width = label_column(labels, font, 140, 280);
  const double column_width = (width - label_width) / static_cast<double>(std::max<std::size_t>(columns.size(), 1));

  std::vector<std::vector<std::string>> headers;
  std::size_t header_lines = 1;
  for (const auto& c : columns) {
    headers.push_back(wrap_lines(c, columns_in(column_width - 8, 12), 3));
    header_lines = std::max(header_lines, headers.back().size());
  }
  const double top = 8 + line_height * static_cast<double>(header_lines);

  // The legend: one item per level, wrapped into rows across the width.
  struct LegendItem {
    double x, y;
    int level;
    std::string label;
  };
  std::vector<LegendItem> legend;
  double lx = 0, ly = 0;
  for (int level = 1; level <= scale.levels; ++level) {
    const std::string name = static_cast<std::size_t>(level) <= level_names.size() ? level_names[level - 1] : "";
    const double min = static_cast<std::size_t>(level) <= scale.minimums.size() ? scale.minimums[level - 1] : 0;
    std::string label = m("level.legend_item", fmt::arg("number", level), fmt::arg("name", truncate_to_width(name, 40)),
                          fmt::arg("min", fmt::format("{:g}", min)));
    const double item_width = 22 + text_width(label, 12) + 20;
    if (lx > 0 && lx + item_width > width) {
      lx = 0;
      ly += legend_row;
    }
    legend.push_back({lx, ly, level, std::move(label)});
    lx += item_width;
  }

  double body = 0;
  bool separated = false;
  std::vector<double> row_y;
  for (const auto& r : rows) {
    if (r.emphasised && !separated && !row_y.empty()) body += 10;  // the totals set apart
    separated = separated || r.emphasised;
    row_y.push_back(top + body);
    body += row_height;
  }
  const double legend_top = top + body + 20;
  const double height = legend_top + ly + legend_row + 4;
  Svg svg(text, width, height);

  for (std::size_t j = 0; j < columns.size(); ++j)
    svg.text(label_width + column_width * (static_cast<double>(j) + 0.5),
             top - 6 - line_height * static_cast<double>(headers[j].size() - 1), headers[j], line_height,
             fmt::format("font-size=\"12\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"{}\"", ink));

  for (std::size_t i = 0; i < rows.size(); ++i) {
    const HeatmapRow& row = rows[i];
    const double y = row_y[i];
    svg.text(label_width - 10, y + row_height / 2 + 4, cut(row.label, label_width - 14, font),
             fmt::format("font-size=\"{}\" text-anchor=\"end\" fill=\"{}\"{}", font, ink,
                         row.emphasised ? " font-weight=\"bold\"" : ""));
    for (std::size_t j = 0; j < columns.size() && j < row.cells.size(); ++j) {
      const double x = label_width + column_width * static_cast<double>(j);
      const double cx = x + column_width / 2;
      const auto& cell = row.cells[j];
      const bool hidden = j < row.hidden.size() && row.hidden[j];
      if (cell) {
        const Rgb fill = level_fill(cell->level, scale.levels);
        const std::string on = text_color_on(fill).hex();
        svg += fmt::format(
            "<g><title>{}</title>",
            html_escape(m("chart.tooltip.score", fmt::arg("label", fmt::format("{}, {}", row.label, columns[j])),
                          fmt::arg("score", m.number(cell->score)),
                          fmt::arg("level", m("level.tooltip", fmt::arg("number", cell->level))))));
        svg += fmt::format(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" stroke=\"#ffffff\" "
            "stroke-width=\"2\"/>",
            num(x), num(y), num(column_width), num(row_height), fill.hex());
        svg.text(cx, y + 17, m.number(cell->score),
                 fmt::format("font-size=\"{}\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"{}\"", font, on));
        svg.text(cx, y + 31, m("level.short", fmt::arg("number", cell->level)),
                 fmt::format("font-size=\"10\" text-anchor=\"middle\" fill=\"{}\"", on));
        svg += "</g>\n";
      } else {
        svg += fmt::format("<g><title>{}</title>",
                           html_escape(m(hidden ? "chart.tooltip.hidden" : "chart.tooltip.no_score",
                                         fmt::arg("label", fmt::format("{}, {}", row.label, columns[j])))));
        svg += fmt::format(
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"#f2f2f2\" stroke=\"#ffffff\" "
            "stroke-width=\"2\"/>",
            num(x), num(y), num(column_width), num(row_height));
        svg.text(cx, y + row_height / 2 + 4, hidden ? m("hidden.cell") : "\u2014",
                 fmt::format("font-size=\"{}\" text-anchor=\"middle\" fill=\"{}\"", font, muted_ink));
        svg += "</g>\n";
      }
    }
  }

  for (const auto& item : legend) {
    const Rgb fill = level_fill(item.level, scale.levels);
    svg += fmt::format(
        "<rect x=\"{}\" y=\"{}\" width=\"16\" height=\"16\" fill=\"{}\" stroke=\"{}\" "
        "stroke-width=\"0.75\"/>\n",
        num(item.x), num(legend_top + item.y), fill.hex(), muted_ink);
    svg.text(item.x + 22, legend_top + item.y + 13, item.label, fmt::format("font-size=\"12\" fill=\"{}\"", ink));
  }
  return svg.finish();
}

std::string distribution_chart(const ChartText& text, const std::vector<DistributionRow>& rows, const Messages& m) {
  constexpr double width = 760, font = 13, top = 34, row_height = 32, bar_height = 22;
  std::vector<std::string> labels;
  for (const auto& r : rows) labels.push_back(r.label);
  const double label_width = label_column(labels, font, 140, 280);
  const double bar_width = width - label_width - 12;
  const double height = top + row_height * static_cast<double>(rows.size()) + 6;
  Svg svg(text, width, height);

  struct Part {
    std::string name;
    Rgb fill;
  };
  // Unfavourable, neutral and favourable from left to right, in the levels' red and blue.
  const Part parts[] = {{m("answers.unfavourable"), level_fill(1, 5)},
                        {m("answers.neutral"), {217, 217, 217}},
                        {m("answers.favourable"), level_fill(5, 5)}};
  double lx = label_width;
  for (const Part& p : parts) {
    svg += fmt::format(
        "<rect x=\"{}\" y=\"8\" width=\"14\" height=\"14\" fill=\"{}\" stroke=\"{}\" "
        "stroke-width=\"0.75\"/>\n",
        num(lx), p.fill.hex(), muted_ink);
    svg.text(lx + 20, 20, p.name, fmt::format("font-size=\"12\" fill=\"{}\"", ink));
    lx += 20 + text_width(p.name, 12) + 24;
  }

  for (std::size_t i = 0; i < rows.size(); ++i) {
    const DistributionRow& row = rows[i];
    const double y = top + row_height * static_cast<double>(i);
    const double middle = y + row_height / 2;
    svg.text(label_width - 10, middle + 4, cut(row.label, label_width - 14, font),
             fmt::format("font-size=\"{}\" text-anchor=\"end\" fill=\"{}\"", font, ink));
    if (!row.shares) {
      svg.text(label_width + 6, middle + 4, m(row.hidden ? "hidden.cell" : "chart.no_answers"),
               fmt::format("font-size=\"{}\" font-style=\"italic\" fill=\"{}\"", font, muted_ink));
      continue;
    }
    const double shares[] = {row.shares->unfavorable, row.shares->neutral, row.shares->favorable};
    double x = label_width;
    for (std::size_t k = 0; k < 3; ++k) {
      const double w = bar_width * std::clamp(shares[k], 0.0, 100.0) / 100;
      if (w <= 0) continue;
      svg += fmt::format("<g><title>{}</title>",
                         html_escape(m("chart.tooltip.share", fmt::arg("label", row.label),
                                       fmt::arg("share", m.number(shares[k])), fmt::arg("answers", parts[k].name))));
      svg += fmt::format(
          "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\" stroke=\"#ffffff\" "
          "stroke-width=\"1\"/>",
          num(x), num(middle - bar_height / 2), num(w), num(bar_height), parts[k].fill.hex());
      // A share too narrow for its figure keeps it in the tooltip and the table.
      if (w >= 40)
        svg.text(
            x + w / 2, middle + 4, m("chart.percent", fmt::arg("share", m.number(shares[k], 0))),
            fmt::format("font-size=\"12\" text-anchor=\"middle\" fill=\"{}\"", text_color_on(parts[k].fill).hex()));
      svg += "</g>\n";
      x += w;
    }
  }
  return svg.finish();
}

}  // namespace centric
