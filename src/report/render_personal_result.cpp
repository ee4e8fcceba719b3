#include <fmt/color.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "centric/report.hpp"
#include "centric/text.hpp"
#include "report/names.hpp"
#include "report/text_writer.hpp"

namespace centric {
namespace {

// A bar of `width` cells filled in proportion to `score` (0..100).
std::string bar(double score, int width) {
  const int filled = static_cast<int>(std::lround(std::clamp(score, 0.0, 100.0) / 100.0 * width));
  std::string out;
  for (int i = 0; i < width; ++i) out += i < filled ? "\u2588" : "\u2591";
  return out;
}

}  // namespace

std::string render_personal_result(const Questionnaire& q, const Assessment& a, const std::string& language,
                                   const TextStyle& style) {
  TextWriter w(style);
  const GroupResult& me = a.organisation;
  const auto level_label = [&](int level) { return fmt::format("level {} {}", level, level_name(q, level, language)); };
  w.heading("Your result");
  if (me.overall)
    w += fmt::format("Overall: {:.1f} / 100, {}\n", me.overall->score, level_label(me.overall->level));
  else
    w += "Overall: no score (too few questions answered)\n";
  w += "\n";

  int name_width = 0;
  for (const auto& d : q.dimensions) name_width = std::max(name_width, display_width(q.text(d.name, language)));
  name_width = std::min(name_width, std::max(12, style.width / 3));
  for (std::size_t i = 0; i < q.dimensions.size(); ++i) {
    const std::string name =
        pad_right(truncate_to_width(q.text(q.dimensions[i].name, language), name_width), name_width);
    const auto& d = me.dimensions[i];
    if (!d) {
      w += fmt::format("{}  no score: fewer than half of its questions answered\n", name);
      continue;
    }
    w += fmt::format("{}  {} {:>5.1f}  {}\n", name, bar(d->score, 10), d->score, level_label(d->level));
  }

  if (!me.recommendations.empty()) {
    w.heading("What to work on first");
    for (const auto& rec : me.recommendations) {
      const Dimension& d = q.dimensions[rec.dimension];
      w.paragraph(fmt::format("{} (L{}): {}", q.text(d.name, language), rec.level,
                              q.text(d.recommendations[rec.recommendation].text, language)),
                  "    ", "  - ");
    }
  }
  return w.take();
}

}  // namespace centric
