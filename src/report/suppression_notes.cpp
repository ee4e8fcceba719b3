#include "report/suppression_notes.hpp"

#include <fmt/format.h>

namespace centric {

std::vector<SuppressionNote> suppression_notes(const Assessment& a) {
  std::vector<SuppressionNote> small, protecting;
  for (const auto& d : a.departments) {
    if (!d.suppressed) continue;
    if (d.n < a.options.min_group)
      small.push_back({&d, fmt::format("fewer than {} respondents.", a.options.min_group)});
    else
      protecting.push_back({&d,
                            "hidden as well, so that the smaller groups cannot be worked out by subtracting the "
                            "shown departments from the organisation."});
  }
  small.insert(small.end(), protecting.begin(), protecting.end());
  return small;
}

}  // namespace centric
