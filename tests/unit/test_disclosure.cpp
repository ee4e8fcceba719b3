// Disclosure control (formats.md §3.9): the five structures that broke the old rules, a
// difference of two groups that is two people, the complementary rule per dimension, and
// smallest_recoverable against a brute force that knows nothing of its coefficients: every
// set of cells tested, by exact Gaussian elimination over the rationals, for holding the
// support of a non-zero combination of the published groups.
#include <catch2/catch.hpp>

#include <cstdint>
#include <numeric>
#include <random>
#include <vector>

#include "centric/disclosure.hpp"

using namespace centric;

namespace {

constexpr std::size_t L = RoleCells::leader, E = RoleCells::employee, N = RoleCells::none;

RoleCells cells(std::int64_t leaders, std::int64_t employees, std::int64_t none = 0) {
  RoleCells c;
  c.n[L] = leaders;
  c.n[E] = employees;
  c.n[N] = none;
  return c;
}

// Everyone answered every dimension (one dimension here).
DisclosureInput everyone(const Population& p, int min_group = 5) { return DisclosureInput{min_group, p, {p}, {p}}; }

// --- the brute force -------------------------------------------------------------------

// Exact rationals are overkill for 0/1 vectors of a few dozen cells, but cost nothing and
// leave no doubt: fractions of 64-bit integers, reduced at every step.
struct Fraction {
  std::int64_t num = 0, den = 1;
  Fraction(std::int64_t n = 0, std::int64_t d = 1) : num(n), den(d) { reduce(); }
  void reduce() {
    if (den < 0) num = -num, den = -den;
    const std::int64_t g = std::gcd(num < 0 ? -num : num, den);
    if (g > 1) num /= g, den /= g;
  }
  friend Fraction operator-(Fraction a, Fraction b) { return {a.num * b.den - b.num * a.den, a.den * b.den}; }
  friend Fraction operator*(Fraction a, Fraction b) { return {a.num * b.num, a.den * b.den}; }
  friend Fraction operator/(Fraction a, Fraction b) { return {a.num * b.den, a.den * b.num}; }
  bool zero() const { return num == 0; }
};

std::size_t rank(std::vector<std::vector<Fraction>> rows) {
  std::size_t r = 0;
  const std::size_t columns = rows.empty() ? 0 : rows[0].size();
  for (std::size_t c = 0; c < columns && r < rows.size(); ++c) {
    std::size_t pivot = r;
    while (pivot < rows.size() && rows[pivot][c].zero()) ++pivot;
    if (pivot == rows.size()) continue;
    std::swap(rows[r], rows[pivot]);
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (i == r || rows[i][c].zero()) continue;
      const Fraction f = rows[i][c] / rows[r][c];
      for (std::size_t k = c; k < columns; ++k) rows[i][k] = rows[i][k] - f * rows[r][k];
    }
    ++r;
  }
  return r;
}

// The fewest respondents, 1..min_group−1, that a non-zero combination of the published
// groups' indicator vectors depends on; 0 when none. A set T of cells holds the support of
// such a combination exactly when dropping T's columns lowers the rank: the combinations
// that vanish outside T form a space of dimension rank(G) − rank(G without T).
std::int64_t brute_force(const Publication& pub, int min_group) {
  struct Cell {
    std::size_t department, role;
    std::int64_t n;
  };
  std::vector<Cell> cells;
  for (std::size_t i = 0; i < pub.population->size(); ++i)
    for (std::size_t r = 0; r < 3; ++r)
      if ((*pub.population)[i].n[r] > 0) cells.push_back({i, r, (*pub.population)[i].n[r]});
  std::vector<std::vector<bool>> groups;
  const auto group = [&](auto member) {
    std::vector<bool> v;
    for (const Cell& c : cells) v.push_back(member(c));
    groups.push_back(v);
  };
  if (pub.organisation) group([](const Cell&) { return true; });
  for (std::size_t i = 0; i < pub.departments.size(); ++i)
    if (pub.departments[i]) group([i](const Cell& c) { return c.department == i; });
  if (pub.leaders) group([](const Cell& c) { return c.role == L; });
  if (pub.employees) group([](const Cell& c) { return c.role == E; });
  // The groups' matrix without the columns in `dropped`.
  const auto without = [&](std::uint32_t dropped) {
    std::vector<std::vector<Fraction>> rows;
    for (const auto& g : groups) {
      std::vector<Fraction> row;
      for (std::size_t k = 0; k < cells.size(); ++k)
        if (!((dropped >> k) & 1u)) row.emplace_back(g[k] ? 1 : 0);
      rows.push_back(row);
    }
    return rows;
  };
  const std::size_t base = rank(without(0));
  std::int64_t smallest = 0;
  for (std::uint32_t subset = 1; subset < (1u << cells.size()); ++subset) {
    std::int64_t size = 0;
    for (std::size_t k = 0; k < cells.size(); ++k)
      if ((subset >> k) & 1u) size += cells[k].n;
    if (size >= min_group || (smallest != 0 && size >= smallest)) continue;
    if (rank(without(subset)) < base) smallest = size;
  }
  return smallest;
}

Publication publish_all(const Population& p, const Disclosure& d) {
  Publication pub{&p, true, {}, d.roles_shown(), d.roles_shown()};
  for (std::size_t i = 0; i < p.size(); ++i) pub.departments.push_back(d.department_shown(i));
  return pub;
}

}  // namespace

TEST_CASE("disclosure: two suppressed departments, and Employees minus Sales is hr's one person") {
  // legal: 4 leaders, hr: 1 employee (both below 5, together 5: the old complementary rule
  // is satisfied), ops: 6 leaders, sales: 10 employees. Employees (11) − sales = hr.
  const Population p{cells(0, 1), cells(4, 0), cells(6, 0), cells(0, 10)};  // hr, legal, ops, sales
  const Disclosure d = decide_disclosure(everyone(p));
  CHECK(d.departments == std::vector<Hidden>{Hidden::small, Hidden::small, Hidden::shown, Hidden::shown});
  CHECK(d.roles == Hidden::recoverable);
  Publication with_roles = publish_all(p, d);
  with_roles.leaders = with_roles.employees = true;
  CHECK(smallest_recoverable(with_roles, 5) == 1);  // hr's one employee
  CHECK(brute_force(with_roles, 5) == 1);
  CHECK(smallest_recoverable(publish_all(p, d), 5) == 0);  // without the roles, nothing
}

TEST_CASE("disclosure: all five leaders in one department with one employee") {
  // x: 5 leaders + 1 employee, y: 10 employees. x × 6 − Leaders × 5 is the one employee.
  const Population p{cells(5, 1), cells(0, 10)};
  const Disclosure d = decide_disclosure(everyone(p));
  CHECK(d.department_shown(0));
  CHECK(d.department_shown(1));
  CHECK(d.roles == Hidden::recoverable);
}

TEST_CASE("disclosure: the organisation minus leaders minus employees is the people without a role") {
  for (std::int64_t none = 1; none <= 4; ++none) {
    const Population p{cells(5, 5, none), cells(5, 6)};
    const Disclosure d = decide_disclosure(everyone(p));
    CHECK(d.roles == Hidden::recoverable);
  }
  // Five without a role are a group large enough: nothing to hide.
  const Population p{cells(5, 5, 5), cells(5, 6)};
  CHECK(decide_disclosure(everyone(p)).roles == Hidden::shown);
}

TEST_CASE("disclosure: a department of 5 where one person answered a dimension") {
  // a: 5 respondents, one of them with a score in the dimension; b: 10, all with one.
  const Population sets{cells(2, 3), cells(4, 6)};
  const Population scored{cells(1, 0), cells(4, 6)};
  const DisclosureInput in{5, sets, {scored}, {scored}};
  const Disclosure d = decide_disclosure(in);
  CHECK(d.department_shown(0));  // the department itself is shown...
  REQUIRE(d.dimensions.size() == 1);
  CHECK(d.dimensions[0].departments[0] == Hidden::small);  // ...but not its cell of one
  // b's cell too: the organisation's minus b's would be that one person.
  CHECK(d.dimensions[0].departments[1] == Hidden::complementary);
  CHECK(d.dimensions[0].organisation == Hidden::shown);  // 11 people
  // The leaders' cell holds 5 and the employees' 6, but organisation − employees − b
  // recovers nothing while b is hidden; leaders − employees patterns are the test's job:
  Publication pub{&scored,
                  true,
                  {false, false},
                  d.dimensions[0].leaders == Hidden::shown,
                  d.dimensions[0].employees == Hidden::shown};
  CHECK(smallest_recoverable(pub, 5) == 0);
  CHECK(brute_force(pub, 5) == 0);
}

TEST_CASE("disclosure: two mixed departments with two leaders each and an all-leader department") {
  // a, b: 2 leaders + 5 employees each; c: 5 leaders. Leaders (9) − c = 4 people.
  const Population p{cells(2, 5), cells(2, 5), cells(5, 0)};
  const Disclosure d = decide_disclosure(everyone(p));
  CHECK(d.roles == Hidden::recoverable);
  Publication pub = publish_all(p, d);
  pub.leaders = pub.employees = true;
  // Leaders − c: the four leaders of a and b (a's two alone would need a coefficient that
  // also takes in b's two).
  CHECK(smallest_recoverable(pub, 5) == 4);
  CHECK(brute_force(pub, 5) == 4);
}

TEST_CASE("disclosure: a difference of two groups that depends on two people") {
  // d1: 4 leaders + 1 employee, d2: 1 leader + 4 employees. Every cell of a 0/1
  // combination holds 4 or 5, but d1 − Leaders is d1's employee minus d2's leader: with
  // the sums and the sums of squares, both their scores.
  const Population p{cells(4, 1), cells(1, 4)};
  Publication pub{&p, true, {true, true}, true, true};
  CHECK(smallest_recoverable(pub, 5) == 2);
  CHECK(brute_force(pub, 5) == 2);
  CHECK(decide_disclosure(everyone(p)).roles == Hidden::recoverable);
  // Without the roles, each department is 5: nothing.
  pub.leaders = pub.employees = false;
  CHECK(smallest_recoverable(pub, 5) == 0);
}

TEST_CASE("disclosure: a large organisation where nothing can be recovered loses nothing") {
  const Population p{cells(6, 20), cells(8, 31), cells(5, 24, 7), cells(9, 12)};
  const Disclosure d = decide_disclosure(everyone(p));
  for (std::size_t i = 0; i < p.size(); ++i) CHECK(d.department_shown(i));
  CHECK(d.roles == Hidden::shown);
  for (const Hidden h : d.dimensions[0].departments) CHECK(h == Hidden::shown);
  CHECK(d.dimensions[0].organisation == Hidden::shown);
  CHECK(d.dimensions[0].leaders == Hidden::shown);
  CHECK(d.dimensions[0].employees == Hidden::shown);
}

TEST_CASE("disclosure: an organisation below min_group shows no score at all") {
  const Population p{cells(1, 2), cells(0, 1)};
  const Disclosure d = decide_disclosure(everyone(p));
  CHECK(d.dimensions[0].organisation == Hidden::small);
  CHECK(!d.department_shown(0));
  CHECK(!d.department_shown(1));
  CHECK(d.roles == Hidden::small);
}

TEST_CASE("disclosure: the complementary rule per dimension hides the smallest shown cell first") {
  // Three departments of 10; in the dimension a has 2 with a score, b 9, c 6: a's cell is
  // hidden (2), then c's (the smallest shown), so the hidden ones hold 8.
  const Population sets{cells(5, 5), cells(5, 5), cells(5, 5)};
  const Population scored{cells(1, 1), cells(4, 5), cells(3, 3)};
  const Disclosure d = decide_disclosure(DisclosureInput{5, sets, {scored}, {scored}});
  CHECK(d.dimensions[0].departments == std::vector<Hidden>{Hidden::small, Hidden::shown, Hidden::complementary});
}

TEST_CASE("disclosure: answered items of people without a score are protected too") {
  // Nobody in a has a score in the dimension, but 2 answered one of its items: their
  // answers are in the organisation's favourable share, so b's cell must not be the only
  // other one shown.
  const Population sets{cells(3, 3), cells(5, 5)};
  const Population scored{cells(0, 0), cells(5, 5)};
  const Population answered{cells(1, 1), cells(5, 5)};
  const Disclosure d = decide_disclosure(DisclosureInput{5, sets, {scored}, {answered}});
  CHECK(d.dimensions[0].departments[1] == Hidden::complementary);
}

TEST_CASE("disclosure: smallest_recoverable agrees with the brute force on random organisations") {
  std::mt19937 random(20261207);
  const auto pick = [&](int low, int high) { return std::uniform_int_distribution<int>(low, high)(random); };
  int with_a_hit = 0;
  for (int round = 0; round < 1500; ++round) {
    const int min_group = pick(2, 7);
    Population p;
    const int departments = pick(1, 4);
    std::size_t non_empty = 0;
    for (int i = 0; i < departments; ++i) {
      RoleCells c;
      for (std::size_t r = 0; r < 3; ++r) {
        // Many empty cells: they are where the coefficients run free.
        c.n[r] = pick(0, 2) == 0 ? 0 : pick(1, 8);
        if (c.n[r] > 0) ++non_empty;
      }
      p.push_back(c);
    }
    if (non_empty > 12) continue;  // 2^12 subsets at most
    Publication pub{&p, pick(0, 3) > 0, {}, pick(0, 1) == 1, pick(0, 1) == 1};
    for (int i = 0; i < departments; ++i) pub.departments.push_back(pick(0, 2) > 0);
    const std::int64_t expected = brute_force(pub, min_group);
    INFO("round " << round);
    CHECK(smallest_recoverable(pub, min_group) == expected);
    if (expected > 0) ++with_a_hit;
  }
  CHECK(with_a_hit > 100);  // the cases are not all trivially safe
}

TEST_CASE("disclosure: whatever decide_disclosure shows, nothing small can be recovered") {
  std::mt19937 random(7);
  const auto pick = [&](int low, int high) { return std::uniform_int_distribution<int>(low, high)(random); };
  for (int round = 0; round < 400; ++round) {
    const int min_group = pick(3, 6);
    Population sets, scored;
    const int departments = pick(1, 4);
    for (int i = 0; i < departments; ++i) {
      RoleCells c, s;
      for (std::size_t r = 0; r < 3; ++r) {
        c.n[r] = pick(0, 2) == 0 ? 0 : pick(1, 7);
        s.n[r] = pick(0, static_cast<int>(c.n[r]));
      }
      if (c.total() == 0) c.n[N] = 1;
      sets.push_back(c);
      scored.push_back(s);
    }
    const Disclosure d = decide_disclosure(DisclosureInput{min_group, sets, {scored}, {scored}});
    INFO("round " << round);
    // The answer sets: what the departments and roles show (the organisation's own n is
    // always shown, however small: it is never suppressed).
    std::int64_t everybody = 0;
    for (const RoleCells& c : sets) everybody += c.total();
    if (everybody >= min_group) CHECK(brute_force(publish_all(sets, d), min_group) == 0);
    // The dimension: its shown cells.
    const DimensionDisclosure& dim = d.dimensions[0];
    std::int64_t total = 0, leaders = 0, employees = 0;
    for (const RoleCells& c : scored) total += c.total(), leaders += c.n[L], employees += c.n[E];
    Publication cellwise{&scored,
                         dim.organisation == Hidden::shown && total > 0,
                         {},
                         dim.leaders == Hidden::shown && leaders > 0,
                         dim.employees == Hidden::shown && employees > 0};
    for (int i = 0; i < departments; ++i)
      cellwise.departments.push_back(dim.departments[static_cast<std::size_t>(i)] == Hidden::shown &&
                                     scored[static_cast<std::size_t>(i)].total() > 0);
    CHECK(brute_force(cellwise, min_group) == 0);
    // And no shown cell is itself small.
    for (int i = 0; i < departments; ++i)
      if (cellwise.departments[static_cast<std::size_t>(i)])
        CHECK(scored[static_cast<std::size_t>(i)].total() >= min_group);
  }
}
