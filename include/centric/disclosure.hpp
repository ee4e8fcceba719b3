// Disclosure control (formats.md §3.9): which figures of a report may be shown, so that
// no figure, alone or added to and subtracted from the others, describes between 1 and
// min_group − 1 respondents — even for a reader who knows how many leaders, employees
// and people without a role each department has.
//
// It decides from counts alone, never from scores: what may be shown must not depend on
// what the answers were. Every figure a report shows is described by the population it
// is computed over (who it describes, counted per department × role cell) and passes
// through here; the scoring engine only does the arithmetic.
#pragma once

#include <array>
#include <cstdint>
#include <vector>

namespace centric {

// The respondents of one department in one population, by role.
struct RoleCells {
  static constexpr std::size_t leader = 0, employee = 1, none = 2;
  std::array<std::int64_t, 3> n{};

  std::int64_t total() const { return n[leader] + n[employee] + n[none]; }
};

// A population per department, in the departments' order (their ids' byte order).
using Population = std::vector<RoleCells>;

// Why a figure is not shown. `shown` also stands for a figure that is merely undefined
// (nobody to describe): there is nothing to hide.
enum class Hidden : std::uint8_t {
  shown,
  small,          // it would describe fewer than min_group respondents
  complementary,  // hidden as well, so that a smaller hidden group cannot be worked out by subtraction
  recoverable,    // with the other figures shown, it would give away a group smaller than min_group
  incomplete,     // an overall score, and one of the group's dimensions is hidden
};

// What a report publishes of one population: the groups whose figures over it are shown.
struct Publication {
  const Population* population = nullptr;
  bool organisation = false;
  std::vector<bool> departments;  // one per department of the population
  bool leaders = false;
  bool employees = false;
};

// The exact test behind formats.md §3.9 (b): the fewest respondents, between 1 and
// min_group − 1, that some non-zero linear combination of the published groups' figures
// depends on; 0 when every such combination depends on min_group or more. A group's
// figure is a sum over its members (a mean times its n), so a combination is a weighted
// sum over respondents, with one weight per department × role cell: a_i for each
// published department (all unpublished ones together take the organisation's) plus b_r
// for each published role (no role: 0). A combination that depends on few people gives
// them away even when its weights are not 0 and 1: department − leaders can be one
// employee minus one leader, and with the sums of squares behind sd, both their answers.
// (formats.md's test of 0/1 weights alone finds only unions of cells; this one finds
// those too.)
std::int64_t smallest_recoverable(const Publication& publication, int min_group);

// A figure that no sum or difference of others can take apart (a ratio of variances such as
// Cronbach's alpha) still describes the people it is computed over: hidden when they are
// between 1 and min_group − 1.
Hidden standalone_figure(std::int64_t respondents, int min_group);

struct DisclosureInput {
  int min_group = 5;
  Population answer_sets;  // everyone, per department
  // Per dimension: its respondents whose score S is defined (n_d: the population of the
  // score, sd and ci95), and those who answered at least one of its items (the
  // population of the favourable / neutral / unfavourable shares).
  std::vector<Population> scored;
  std::vector<Population> answered;
};

struct DimensionDisclosure {
  Hidden organisation = Hidden::shown;
  std::vector<Hidden> departments;  // per department; `small` also for a suppressed department
  Hidden leaders = Hidden::shown;
  Hidden employees = Hidden::shown;
};

struct Disclosure {
  std::vector<Hidden> departments;  // whole departments: shown, small or complementary
  Hidden roles = Hidden::shown;     // both role subgroups as a whole: shown, small or recoverable
  std::vector<DimensionDisclosure> dimensions;

  bool department_shown(std::size_t i) const { return departments[i] == Hidden::shown; }
  bool roles_shown() const { return roles == Hidden::shown; }
};

// Decides what may be shown: departments below min_group and the complementary rule
// (§3.9), then per dimension the cells below min_group and their complementary cells
// (§3.9 a), then the role subgroups as a whole and per dimension (§3.9 b). Hides no more
// than that: where nothing can be recovered, nothing is hidden.
Disclosure decide_disclosure(const DisclosureInput& input);

}  // namespace centric
