#include "report/suppression_notes.hpp"

namespace centric {

std::vector<SuppressionNote> suppression_notes(const Assessment& a, const Messages& m) {
  std::vector<SuppressionNote> small, protecting;
  for (const auto& d : a.departments) {
    if (!d.suppressed) continue;
    if (d.n < a.options.min_group)
      small.push_back({&d, m.plural("suppression.small", a.options.min_group)});
    else
      protecting.push_back({&d, m("suppression.complementary")});
  }
  small.insert(small.end(), protecting.begin(), protecting.end());
  return small;
}

}  // namespace centric
