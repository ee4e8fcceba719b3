#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>

#include "centric/scoring.hpp"

namespace centric {
namespace {

double sample_variance(double sum, double sum_squares, double n) { return (sum_squares - sum * sum / n) / (n - 1); }

std::optional<double> cronbach_alpha(const DimensionTally& t) {
  const std::size_t k = t.item_sum.size();
  if (k < 2 || t.full_n < 2) return std::nullopt;
  // var_total = 0 exactly when m·ΣT² − (ΣT)² = 0. The sums are integers, and long double
  // holds their products exactly at these magnitudes, so the test is exact, not a threshold.
  const auto lm = static_cast<long double>(t.full_n);
  const auto lsum = static_cast<long double>(t.total_sum);
  if (lm * static_cast<long double>(t.total_sum_squares) - lsum * lsum == 0) return std::nullopt;
  const auto m = static_cast<double>(t.full_n);
  const double total_variance =
      sample_variance(static_cast<double>(t.total_sum), static_cast<double>(t.total_sum_squares), m);
  double item_variances = 0;
  for (std::size_t i = 0; i < k; ++i)
    item_variances +=
        sample_variance(static_cast<double>(t.item_sum[i]), static_cast<double>(t.item_sum_squares[i]), m);
  const auto kd = static_cast<double>(k);
  return kd / (kd - 1) * (1 - item_variances / total_variance);
}

// Scores closer than this are equal: D is a running mean whose last bits depend on the
// order of the answer sets, so mathematically equal means may differ in rounding.
constexpr double score_tie = 1e-9;

// Sorts dimension indices by score ascending, ties (within score_tie) in questionnaire
// order. A tolerance comparison is not a strict weak ordering, so no std::sort: a stable
// insertion sort, which only ever moves an index past one that is clearly higher. There
// are a dozen dimensions at most.
void weakest_first(std::vector<std::size_t>& indices, const std::vector<std::optional<DimensionResult>>& dimensions) {
  const auto score = [&](std::size_t i) { return dimensions[i]->score; };
  for (std::size_t k = 1; k < indices.size(); ++k) {
    const std::size_t current = indices[k];
    std::size_t j = k;
    while (j > 0 && score(indices[j - 1]) - score(current) > score_tie) {
      indices[j] = indices[j - 1];
      --j;
    }
    indices[j] = current;
  }
}

std::optional<DimensionResult> dimension_result(const Questionnaire& q, const DimensionTally& t, int min_group) {
  if (t.n == 0) return std::nullopt;
  DimensionResult r;
  r.score = std::clamp(t.mean, 0.0, 100.0);
  r.level = level_of(q, r.score);
  r.n = t.n;
  if (t.n >= 2) {
    r.sd = std::sqrt(std::max(0.0, t.m2 / static_cast<double>(t.n - 1)));
    const double half = 1.96 * *r.sd / std::sqrt(static_cast<double>(t.n));
    r.ci95 = std::make_pair(r.score - half, r.score + half);
  }
  // Alpha describes only those who answered every question, who may be fewer than n_d.
  if (standalone_figure(t.full_n, min_group) == Hidden::shown) r.alpha = cronbach_alpha(t);
  const std::int64_t items = t.favorable + t.neutral + t.unfavorable;
  if (items > 0) {
    r.favorable = 100.0 * static_cast<double>(t.favorable) / static_cast<double>(items);
    r.neutral = 100.0 * static_cast<double>(t.neutral) / static_cast<double>(items);
    r.unfavorable = 100.0 * static_cast<double>(t.unfavorable) / static_cast<double>(items);
  }
  return r;
}

// A group's figures, leaving out the dimensions that `hidden` hides; the overall score,
// the weakest dimensions and the recommendations come from the shown dimensions only, so
// nothing of a hidden one shows through them.
GroupResult group_result(const Questionnaire& q, std::string id, const GroupTally& g, const ScoringOptions& options,
                         const std::vector<Hidden>& hidden) {
  GroupResult r;
  r.id = std::move(id);
  r.n = g.n;
  r.partial = g.partial;
  r.hidden = hidden;
  for (std::size_t i = 0; i < q.dimensions.size(); ++i) {
    if (hidden[i] != Hidden::shown) {
      r.dimensions.emplace_back();
      continue;
    }
    r.dimensions.push_back(dimension_result(q, g.dimensions[i], options.min_group));
    if (r.dimensions.back()) r.weakest.push_back(i);
  }
  if (r.any_hidden()) {
    r.overall_hidden = Hidden::incomplete;
  } else if (!r.weakest.empty()) {
    // Weights relative to the largest one: the same mean, and no overflow to inf/inf with
    // weights near the largest double.
    double largest = 0;
    for (const std::size_t i : r.weakest) largest = std::max(largest, q.dimensions[i].weight);
    double weighted = 0;
    double weights = 0;
    for (const std::size_t i : r.weakest) {
      const double w = q.dimensions[i].weight / largest;
      weighted += w * r.dimensions[i]->score;
      weights += w;
    }
    const double score = std::clamp(weighted / weights, 0.0, 100.0);
    r.overall = Overall{score, level_of(q, score)};
  }
  weakest_first(r.weakest, r.dimensions);
  const std::size_t top = std::min(r.weakest.size(), static_cast<std::size_t>(std::max(0, options.top)));
  for (std::size_t k = 0; k < top; ++k) {
    const std::size_t di = r.weakest[k];
    const int level = r.dimensions[di]->level;
    const auto& recommendations = q.dimensions[di].recommendations;
    for (std::size_t ri = 0; ri < recommendations.size(); ++ri) {
      const auto& levels = recommendations[ri].levels;
      if (std::find(levels.begin(), levels.end(), level) != levels.end()) r.recommendations.push_back({di, level, ri});
    }
  }
  return r;
}

GroupResult suppressed_group(std::string id, std::int64_t n, Hidden because) {
  GroupResult r;
  r.id = std::move(id);
  r.n = n;
  r.suppressed = true;
  r.suppressed_because = because;
  return r;
}

// Per department, the counts by role that `of` picks from its tally.
Population population(const Tally& tally, const std::function<std::array<std::int64_t, 3>(const GroupTally&)>& of) {
  Population p;
  p.reserve(tally.departments().size());
  for (const auto& [id, group] : tally.departments()) p.push_back(RoleCells{of(group)});
  return p;
}

}  // namespace

bool GroupResult::any_hidden() const {
  return std::any_of(hidden.begin(), hidden.end(), [](Hidden h) { return h != Hidden::shown; });
}

DisclosureInput disclosure_input(const Tally& tally, int min_group) {
  DisclosureInput in;
  in.min_group = min_group;
  in.answer_sets = population(tally, [](const GroupTally& g) { return g.n_by_role; });
  for (std::size_t d = 0; d < tally.questionnaire().dimensions.size(); ++d) {
    in.scored.push_back(population(tally, [d](const GroupTally& g) { return g.dimensions[d].scored_by_role; }));
    in.answered.push_back(population(tally, [d](const GroupTally& g) { return g.dimensions[d].answered_by_role; }));
  }
  return in;
}

Assessment assess(const Tally& tally, const ScoringOptions& options) {
  const Questionnaire& q = tally.questionnaire();
  const std::size_t dimensions = q.dimensions.size();
  const Disclosure disclosure = decide_disclosure(disclosure_input(tally, options.min_group));
  const auto hidden = [&](const auto& of) {
    std::vector<Hidden> h;
    for (const DimensionDisclosure& d : disclosure.dimensions) h.push_back(of(d));
    return h;
  };

  Assessment a;
  a.options = options;
  a.organisation = group_result(q, "organisation", tally.organisation(), options,
                                hidden([](const DimensionDisclosure& d) { return d.organisation; }));

  std::size_t index = 0;
  for (const auto& [id, group] : tally.departments()) {
    const std::size_t i = index++;
    if (!disclosure.department_shown(i)) {
      a.departments.push_back(suppressed_group(id, group.n, disclosure.departments[i]));
      continue;
    }
    a.departments.push_back(
        group_result(q, id, group, options, hidden([i](const DimensionDisclosure& d) { return d.departments[i]; })));
  }

  a.roles_shown = disclosure.roles_shown();
  a.roles_hidden = disclosure.roles;
  if (a.roles_shown) {
    a.leaders = group_result(q, "leaders", tally.leaders(), options,
                             hidden([](const DimensionDisclosure& d) { return d.leaders; }));
    a.employees = group_result(q, "employees", tally.employees(), options,
                               hidden([](const DimensionDisclosure& d) { return d.employees; }));
  }

  // Both gaps are drawn from shown figures only.
  for (std::size_t i = 0; i < dimensions; ++i) {
    std::optional<double> low, high;
    int defined = 0;
    for (const auto& d : a.departments) {
      if (d.suppressed || !d.dimensions[i]) continue;
      const double s = d.dimensions[i]->score;
      low = low ? std::min(*low, s) : s;
      high = high ? std::max(*high, s) : s;
      ++defined;
    }
    a.silo_spread.push_back(defined >= 2 ? std::optional<double>(*high - *low) : std::nullopt);

    std::optional<double> gap;
    if (a.roles_shown && a.leaders.dimensions[i] && a.employees.dimensions[i])
      gap = a.leaders.dimensions[i]->score - a.employees.dimensions[i]->score;
    a.leader_gap.push_back(gap);
  }
  return a;
}

}  // namespace centric
