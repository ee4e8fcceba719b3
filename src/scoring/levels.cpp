#include "centric/scoring.hpp"

namespace centric {

int level_of(const Questionnaire& q, double score) {
  // Scores are sums of fractions: 54.99999999999999 must reach a level whose min is 55.
  constexpr double tolerance = 1e-9;
  int level = q.levels.empty() ? 0 : q.levels.front().number;
  for (const auto& l : q.levels)
    if (l.min <= score + tolerance) level = l.number;
  return level;
}

}  // namespace centric
