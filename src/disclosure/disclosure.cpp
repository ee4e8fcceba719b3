#include "centric/disclosure.hpp"

#include <algorithm>
#include <array>
#include <numeric>

namespace centric {
namespace {

constexpr std::array<std::size_t, 3> roles = {RoleCells::leader, RoleCells::employee, RoleCells::none};

// A block of cells that the combination treats alike: a published department (free
// coefficient), or all the unpublished ones together (free only through the organisation).
struct Block {
  RoleCells cells;
  bool free = true;
};

// The coefficient the roles take, told apart only by which are equal: every pattern of
// equalities among b_leader, b_employee and b_none (= 0) is one row, as a class per role.
constexpr std::array<std::array<int, 3>, 5> patterns = {{
    {0, 0, 0},  // all equal (to 0)
    {1, 1, 0},  // leaders = employees, not 0
    {0, 1, 0},  // leaders = 0, employees not
    {1, 0, 0},  // employees = 0, leaders not
    {1, 2, 0},  // all three different
}};

// For one pattern of the roles' coefficients, the fewest respondents that a combination
// with that pattern depends on (its support), given that it must depend on someone; 0 when
// no combination of the pattern is non-zero on anyone.
std::int64_t smallest_support_for(const std::vector<Block>& blocks, const std::array<int, 3>& pattern) {
  std::int64_t support = 0;
  std::int64_t cheapest_block = 0;  // the smallest free block, to be made non-zero whole
  for (const Block& block : blocks) {
    if (block.cells.total() == 0) continue;
    if (block.free) {
      // a_i cancels one class of equal b_r (the largest); the others stay non-zero.
      std::array<std::int64_t, 3> by_class{};
      for (const std::size_t r : roles) by_class[static_cast<std::size_t>(pattern[r])] += block.cells.n[r];
      support += block.cells.total() - *std::max_element(by_class.begin(), by_class.end());
      if (cheapest_block == 0 || block.cells.total() < cheapest_block) cheapest_block = block.cells.total();
    } else {
      // No coefficient of its own: a cell is non-zero where its role's b is.
      for (const std::size_t r : roles)
        if (pattern[r] != 0) support += block.cells.n[r];
    }
  }
  // Zero on everyone: then some free block must take a non-zero coefficient of its own,
  // and all its cells become non-zero.
  return support > 0 ? support : cheapest_block;
}

// Hides, one by one, the smallest shown entries (ties: the first) while the hidden
// respondents of any population number between 1 and min_group − 1. `size` orders the
// entries; an entry of size 0 describes nobody and is never chosen (nor shown).
void hide_complementary(std::vector<Hidden>& hidden, const std::vector<std::int64_t>& size,
                        const std::vector<const Population*>& populations, int min_group) {
  const auto unpublished = [&](std::size_t i) { return hidden[i] != Hidden::shown || size[i] == 0; };
  std::vector<std::int64_t> hidden_totals(populations.size(), 0);
  for (std::size_t k = 0; k < populations.size(); ++k)
    for (std::size_t i = 0; i < hidden.size(); ++i)
      if (unpublished(i)) hidden_totals[k] += (*populations[k])[i].total();
  const auto exposed = [&] {
    return std::any_of(hidden_totals.begin(), hidden_totals.end(),
                       [&](std::int64_t total) { return total > 0 && total < min_group; });
  };
  std::vector<std::size_t> order(hidden.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return size[a] < size[b]; });
  for (const std::size_t i : order) {
    if (!exposed()) return;
    if (unpublished(i)) continue;
    hidden[i] = Hidden::complementary;
    for (std::size_t k = 0; k < populations.size(); ++k) hidden_totals[k] += (*populations[k])[i].total();
  }
}

std::int64_t role_total(const Population& p, std::size_t role) {
  std::int64_t total = 0;
  for (const RoleCells& cells : p) total += cells.n[role];
  return total;
}

std::int64_t total(const Population& p) {
  std::int64_t sum = 0;
  for (const RoleCells& cells : p) sum += cells.total();
  return sum;
}

bool small(std::int64_t n, int min_group) { return n > 0 && n < min_group; }

}  // namespace

Hidden standalone_figure(std::int64_t respondents, int min_group) {
  return small(respondents, min_group) ? Hidden::small : Hidden::shown;
}

std::int64_t smallest_recoverable(const Publication& publication, int min_group) {
  if (min_group <= 1) return 0;
  const Population& population = *publication.population;
  std::vector<Block> blocks;
  Block unpublished{{}, publication.organisation};
  for (std::size_t i = 0; i < population.size(); ++i) {
    if (publication.departments[i]) {
      blocks.push_back({population[i], true});
    } else {
      for (const std::size_t r : roles) unpublished.cells.n[r] += population[i].n[r];
    }
  }
  blocks.push_back(unpublished);
  std::int64_t smallest = 0;
  for (const auto& pattern : patterns) {
    // An unpublished role has no coefficient: its b is 0.
    if (!publication.leaders && pattern[RoleCells::leader] != 0) continue;
    if (!publication.employees && pattern[RoleCells::employee] != 0) continue;
    const std::int64_t support = smallest_support_for(blocks, pattern);
    if (support > 0 && (smallest == 0 || support < smallest)) smallest = support;
  }
  return smallest < min_group ? smallest : 0;
}

Disclosure decide_disclosure(const DisclosureInput& input) {
  const int min_group = input.min_group;
  const std::size_t departments = input.answer_sets.size();
  Disclosure out;

  // Whole departments, by their number of answer sets (§3.9).
  std::vector<std::int64_t> sizes(departments);
  out.departments.assign(departments, Hidden::shown);
  for (std::size_t i = 0; i < departments; ++i) {
    sizes[i] = input.answer_sets[i].total();
    if (sizes[i] < min_group) out.departments[i] = Hidden::small;
  }
  hide_complementary(out.departments, sizes, {&input.answer_sets}, min_group);

  // The role subgroups as a whole: both large enough, and nothing recovered from their
  // answer-set counts together with the departments' (§3.9 b).
  const std::int64_t leaders = role_total(input.answer_sets, RoleCells::leader);
  const std::int64_t employees = role_total(input.answer_sets, RoleCells::employee);
  if (leaders < min_group || employees < min_group) {
    out.roles = Hidden::small;
  } else {
    Publication sets{&input.answer_sets, true, {}, true, true};
    for (std::size_t i = 0; i < departments; ++i) sets.departments.push_back(out.department_shown(i));
    if (smallest_recoverable(sets, min_group) > 0) out.roles = Hidden::recoverable;
  }

  for (std::size_t d = 0; d < input.scored.size(); ++d) {
    const Population& scored = input.scored[d];
    const Population& answered = input.answered[d];
    DimensionDisclosure dim;
    dim.leaders = dim.employees = out.roles;
    // The organisation is never suppressed (its n is always shown), but its cells follow
    // the promise like any other: with fewer than min_group respondents in all, no score.
    if (small(total(scored), min_group)) dim.organisation = Hidden::small;

    // The departments' cells (§3.9 a): n_d below min_group, then the complementary rule
    // over this dimension's hidden respondents, counted both ways.
    dim.departments = out.departments;
    std::vector<std::int64_t> n_d(departments);
    for (std::size_t i = 0; i < departments; ++i) {
      n_d[i] = scored[i].total();
      if (dim.departments[i] == Hidden::shown && small(n_d[i], min_group)) dim.departments[i] = Hidden::small;
    }
    hide_complementary(dim.departments, n_d, {&scored, &answered}, min_group);

    // The role subgroups' cells: each large enough, then nothing recovered (§3.9 b).
    if (out.roles_shown()) {
      const std::int64_t leaders_d = role_total(scored, RoleCells::leader);
      const std::int64_t employees_d = role_total(scored, RoleCells::employee);
      if (small(leaders_d, min_group)) dim.leaders = Hidden::small;
      if (small(employees_d, min_group)) dim.employees = Hidden::small;
      const auto published = [](Hidden h, std::int64_t n) { return h == Hidden::shown && n > 0; };
      for (const Population* p : {&scored, &answered}) {
        Publication pub{p,
                        published(dim.organisation, total(scored)),
                        {},
                        published(dim.leaders, leaders_d),
                        published(dim.employees, employees_d)};
        if (!pub.leaders && !pub.employees) break;
        for (std::size_t i = 0; i < departments; ++i) pub.departments.push_back(published(dim.departments[i], n_d[i]));
        if (smallest_recoverable(pub, min_group) > 0) {
          if (dim.leaders == Hidden::shown) dim.leaders = Hidden::recoverable;
          if (dim.employees == Hidden::shown) dim.employees = Hidden::recoverable;
          break;
        }
      }
    }
    out.dimensions.push_back(std::move(dim));
  }
  return out;
}

}  // namespace centric
