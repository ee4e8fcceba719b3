#include <fmt/color.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "centric/messages.hpp"
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
  // The survey shows the questionnaire in `language`; its own words come in the same one.
  const Messages& m = Messages::built_in(language);
  TextWriter w(style);
  const GroupResult& me = a.organisation;
  // Every questionnaire text is shown spelled out for the terminal (formats.md §5e).
  const auto t = [&](const LocalizedText& text) { return terminal_text(q, text, language); };
  const auto level_label = [&](int level) {
    return m("level.label", fmt::arg("number", level), fmt::arg("name", printable(level_name(q, level, language))));
  };
  w.heading(m("result.heading.your_result"));
  if (me.overall)
    w += m("result.overall.score", fmt::arg("score", m.number(me.overall->score, 1)),
           fmt::arg("level", level_label(me.overall->level))) +
         "\n";
  else
    w += m("result.overall.no_score") + "\n";
  w += "\n";

  int name_width = 0;
  for (const auto& d : q.dimensions) name_width = std::max(name_width, display_width(t(d.name)));
  name_width = std::min(name_width, std::max(12, style.width / 3));
  for (std::size_t i = 0; i < q.dimensions.size(); ++i) {
    const std::string name = pad_right(truncate_to_width(t(q.dimensions[i].name), name_width), name_width);
    const auto& d = me.dimensions[i];
    if (!d) {
      w += fmt::format("{}  {}\n", name, m("result.dimension.no_score"));
      continue;
    }
    w += fmt::format("{}  {} {:>5}  {}\n", name, bar(d->score, 10), m.number(d->score, 1), level_label(d->level));
    // What the level means in this dimension, where the questionnaire says (the levels'
    // own descriptions are the same for every dimension: not repeated on each line).
    if (q.dimensions[i].level_descriptions.count(d->level) != 0) {
      const std::string indent(static_cast<std::size_t>(name_width) + 2, ' ');
      w.paragraph(t(q.level_description(q.dimensions[i], d->level)), indent, indent);
    }
  }

  if (!me.recommendations.empty()) {
    w.heading(m("result.heading.work_on_first"));
    for (const auto& rec : me.recommendations) {
      const Dimension& d = q.dimensions[rec.dimension];
      const Recommendation& r = d.recommendations[rec.recommendation];
      w.paragraph(fmt::format("{} ({}): {}{}", t(d.name), m("level.short", fmt::arg("number", rec.level)), t(r.text),
                              recommendation_details(m, t(r.owner), t(r.time_frame), printable(short_item_ids(d, r)))),
                  "    ", "  - ");
    }
  }
  return w.take();
}

}  // namespace centric
