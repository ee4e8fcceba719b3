// The one-line readings under the gaps table (silo spread, leader gap), shared by the
// text, Markdown and HTML reports so that all say the same things in the same words.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include "centric/messages.hpp"
#include "centric/scoring.hpp"

namespace centric {

struct GapReadings {
  std::string silo_spread;                // always present
  std::optional<std::string> leader_gap;  // absent when the roles are shown but no gap is defined
};

// `dimension_name(i)` is the name of dimension i as the renderer shows it (escaped for its
// format where that needs escaping).
GapReadings gap_readings(const Assessment& a, const Messages& m,
                         const std::function<std::string(std::size_t)>& dimension_name);

}  // namespace centric
