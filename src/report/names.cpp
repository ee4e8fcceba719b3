#include "report/names.hpp"

#include <fmt/format.h>

#include "centric/messages.hpp"
#include "centric/report.hpp"
#include "centric/text.hpp"

namespace centric {

std::string level_name(const Questionnaire& q, int level, const std::string& language) {
  if (level < 1 || static_cast<std::size_t>(level) > q.levels.size()) return {};
  return q.text(q.levels[static_cast<std::size_t>(level) - 1].name, language);
}

std::string department_name(const Questionnaire& q, const std::string& id, const std::string& language) {
  const Department* listed = q.find_department(id);
  return listed != nullptr && !listed->name.empty() ? q.text(listed->name, language) : id;
}

std::string terminal_text(const Questionnaire& q, const LocalizedText& text, std::string_view language) {
  return printable(q.text(text, language));
}

std::string recommendation_details(const Messages& m, const std::string& owner, const std::string& time_frame,
                                   const std::string& items) {
  std::string out;
  if (!owner.empty()) out = m("recommendation.owner", fmt::arg("owner", owner));
  if (!time_frame.empty()) out += (out.empty() ? "" : " \u00b7 ") + time_frame;
  if (!items.empty()) out += (out.empty() ? "" : " \u00b7 ") + m("recommendation.items", fmt::arg("items", items));
  return out.empty() ? out : " \u2014 " + out;
}

std::string short_item_ids(const Dimension& dimension, const Recommendation& recommendation) {
  const std::string prefix = dimension.id + ".";
  std::string out;
  for (const auto& id : recommendation.items) {
    const bool prefixed = id.size() > prefix.size() && id.compare(0, prefix.size(), prefix) == 0;
    out += (out.empty() ? "" : ", ") + (prefixed ? id.substr(prefix.size()) : id);
  }
  return out;
}

}  // namespace centric
