#include "report/gap_readings.hpp"

#include <cmath>

namespace centric {
namespace {

// Above these, a spread or a gap is a finding worth a sentence.
constexpr double notable_spread = 15;
constexpr double notable_gap = 10;

}  // namespace

GapReadings gap_readings(const Assessment& a, const Messages& m,
                         const std::function<std::string(std::size_t)>& dimension_name) {
  std::optional<std::size_t> widest_spread, widest_gap;
  for (std::size_t i = 0; i < a.silo_spread.size(); ++i)
    if (a.silo_spread[i] && (!widest_spread || *a.silo_spread[i] > *a.silo_spread[*widest_spread])) widest_spread = i;
  for (std::size_t i = 0; i < a.leader_gap.size(); ++i)
    if (a.leader_gap[i] && (!widest_gap || std::abs(*a.leader_gap[i]) > std::abs(*a.leader_gap[*widest_gap])))
      widest_gap = i;

  GapReadings readings;
  if (!widest_spread) {
    readings.silo_spread = m("gaps.silo.none");
  } else if (*a.silo_spread[*widest_spread] >= notable_spread) {
    readings.silo_spread = m("gaps.silo.notable", fmt::arg("dimension", dimension_name(*widest_spread)),
                             fmt::arg("spread", m.number(*a.silo_spread[*widest_spread])));
  } else {
    readings.silo_spread = m("gaps.silo.small", fmt::arg("spread", m.number(*a.silo_spread[*widest_spread])));
  }
  if (!a.roles_shown) {
    readings.leader_gap =
        m.plural(a.roles_hidden == Hidden::recoverable ? "gaps.leader.recoverable" : "gaps.leader.not_shown",
                 a.options.min_group);
  } else if (widest_gap && std::abs(*a.leader_gap[*widest_gap]) >= notable_gap) {
    const double g = *a.leader_gap[*widest_gap];
    readings.leader_gap = m(g > 0 ? "gaps.leader.notable_positive" : "gaps.leader.notable_negative",
                            fmt::arg("dimension", dimension_name(*widest_gap)), fmt::arg("gap", m.signed_number(g)));
  } else if (widest_gap) {
    readings.leader_gap = m("gaps.leader.alike");
  }
  return readings;
}

}  // namespace centric
