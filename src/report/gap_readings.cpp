#include "report/gap_readings.hpp"

#include <fmt/format.h>

#include <cmath>

namespace centric {
namespace {

// Above these, a spread or a gap is a finding worth a sentence.
constexpr double notable_spread = 15;
constexpr double notable_gap = 10;

}  // namespace

GapReadings gap_readings(const Assessment& a, const std::function<std::string(std::size_t)>& dimension_name) {
  std::optional<std::size_t> widest_spread, widest_gap;
  for (std::size_t i = 0; i < a.silo_spread.size(); ++i)
    if (a.silo_spread[i] && (!widest_spread || *a.silo_spread[i] > *a.silo_spread[*widest_spread])) widest_spread = i;
  for (std::size_t i = 0; i < a.leader_gap.size(); ++i)
    if (a.leader_gap[i] && (!widest_gap || std::abs(*a.leader_gap[i]) > std::abs(*a.leader_gap[*widest_gap])))
      widest_gap = i;

  GapReadings readings;
  if (!widest_spread) {
    readings.silo_spread = "Silo spread: fewer than two departments are shown, so departments cannot be compared.";
  } else if (*a.silo_spread[*widest_spread] >= notable_spread) {
    readings.silo_spread = fmt::format(
        "Silo spread is the distance between the highest and the lowest department. It is widest in "
        "{} ({:.1f} points): departments experience it very differently, a sign of silos.",
        dimension_name(*widest_spread), *a.silo_spread[*widest_spread]);
  } else {
    readings.silo_spread = fmt::format(
        "Silo spread is the distance between the highest and the lowest department; at most {:.1f} "
        "points here, so departments see the organisation alike.",
        *a.silo_spread[*widest_spread]);
  }
  if (!a.roles_shown) {
    readings.leader_gap = fmt::format(
        "Leader gap: not shown, because leaders and employees need at least {} respondents each.", a.options.min_group);
  } else if (widest_gap && std::abs(*a.leader_gap[*widest_gap]) >= notable_gap) {
    const double g = *a.leader_gap[*widest_gap];
    readings.leader_gap =
        fmt::format("Leader gap is leaders' score minus employees'. It is largest in {} ({:+.1f}): {}.",
                    dimension_name(*widest_gap), g,
                    g > 0 ? "leaders believe in more than their teams experience"
                          : "employees see more than their leaders give the organisation credit for");
  } else if (widest_gap) {
    readings.leader_gap =
        "Leader gap is leaders' score minus employees'; leaders and employees see the organisation alike.";
  }
  return readings;
}

}  // namespace centric
