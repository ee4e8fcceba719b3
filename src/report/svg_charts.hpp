// The charts of the HTML report, drawn as inline SVG from plain figures. Every text passed
// in is raw (a chart escapes it); every chart has role="img", a <title> and a <desc>, so
// that it has an accessible name; the figures themselves are in the table the page puts
// next to each chart. The charts' own words (legends, "no score") come from `m`, in
// the report's language.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "centric/messages.hpp"

namespace centric {

struct ChartText {
  std::string id;           // of the <svg>; its <title> and <desc> get "-title" and "-desc"
  std::string css_class;    // added to "chart"
  std::string title;        // the accessible name
  std::string description;  // what the chart shows, in a sentence
};

// A score on the 0..100 scale with its level (1..levels), which picks its colour.
struct LevelScore {
  double score = 0;
  int level = 1;
};

// The level scale: `levels` colours, and the lowest score of each level (a grid line).
struct LevelScale {
  int levels = 5;
  std::vector<double> minimums;
};

struct RadarSeries {
  std::string name;
  std::vector<std::optional<double>> values;  // one per axis; empty: no score
};

// A radar of up to three series over three or more axes, with rings at the levels'
// minimums. With fewer than three axes, a radar has no area: draw a bar chart instead.
std::string radar_chart(const ChartText& text, const std::vector<std::string>& axes, const LevelScale& scale,
                        const std::vector<RadarSeries>& series, const Messages& m);

struct BarRow {
  std::string label;
  std::optional<LevelScore> value;  // the bar, coloured by its level
  std::optional<double> reference;  // a marker, e.g. the organisation's score
  bool hidden = false;              // no value because it is hidden to protect anonymity
};

// Horizontal bars from 0 to 100, one per row, with a marker per row for `reference_name`.
std::string bar_chart(const ChartText& text, const std::vector<BarRow>& rows, const std::string& reference_name,
                      const LevelScale& scale, const Messages& m);

struct HeatmapRow {
  std::string label;
  std::vector<std::optional<LevelScore>> cells;  // one per column
  bool emphasised = false;                       // a total (the organisation): bold, set apart
  std::vector<bool> hidden;                      // per cell: hidden to protect anonymity (or empty)
};

// Rows × columns of cells coloured by level, with each score and level written in its cell,
// and a legend of the levels (`level_names[i]` is level i + 1).
std::string heatmap_chart(const ChartText& text, const std::vector<std::string>& columns,
                          const std::vector<HeatmapRow>& rows, const LevelScale& scale,
                          const std::vector<std::string>& level_names, const Messages& m);

// Shares of the answers, in %.
struct AnswerShares {
  double favorable = 0;
  double neutral = 0;
  double unfavorable = 0;
};

struct DistributionRow {
  std::string label;
  std::optional<AnswerShares> shares;  // empty when nothing was answered, or hidden
  bool hidden = false;                 // hidden to protect anonymity
};

// One bar per row split into unfavourable, neutral and favourable shares.
std::string distribution_chart(const ChartText& text, const std::vector<DistributionRow>& rows, const Messages& m);

}  // namespace centric
