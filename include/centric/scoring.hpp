// The scoring engine (formats.md §3): pure functions over the model, no I/O.
//
// Answer sets are folded into a Tally as they are read; a Tally holds only sums and
// counts, so its size does not depend on the number of respondents, and two Tallies can
// be merged (one per worker). assess() turns a Tally into scores, levels, statistics,
// gaps and recommendations, applying the anonymity rules.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "centric/answers.hpp"
#include "centric/disclosure.hpp"
#include "centric/questionnaire.hpp"

namespace centric {

struct ScoringOptions {
  int min_group = 5;  // no figure may describe fewer respondents (formats.md §3.9)
  int top = 3;        // dimensions that get recommendations, weakest first
};

// The level whose `min` is the largest one not above `score` (with a 1e-9 tolerance).
int level_of(const Questionnaire& q, double score);

// A respondent's score in each dimension: empty where fewer than ceil(k/2) of its k
// questions were answered.
std::vector<std::optional<double>> respondent_scores(const Questionnaire& q, const AnswerSet& a);
void respondent_scores(const Questionnaire& q, const AnswerSet& a, std::vector<std::optional<double>>& out);

// Sums and counts for one dimension in one group.
struct DimensionTally {
  // Respondent scores S (Welford's running mean and squared deviations, mergeable).
  std::int64_t n = 0;
  double mean = 0;
  double m2 = 0;
  // Every answered item, also of respondents whose S is undefined.
  std::int64_t favorable = 0;
  std::int64_t neutral = 0;
  std::int64_t unfavorable = 0;
  // Cronbach's alpha: respondents who answered every question asked of everyone (a
  // leaders-only question is left out); values after reversal, one entry per such question.
  std::int64_t full_n = 0;
  std::vector<std::int64_t> item_sum;
  std::vector<std::int64_t> item_sum_squares;
  std::int64_t total_sum = 0;
  std::int64_t total_sum_squares = 0;
  // Per question: answers "na" and answers "dk" (counted, not yet published).
  std::vector<std::int64_t> item_not_applicable;
  std::vector<std::int64_t> item_dont_know;
  // What the anonymity rules count (formats.md §3.9), by role (leaders, employees, no role:
  // RoleCells' order): respondents whose S is defined, and respondents who answered one
  // item or more (the population of the favourable shares).
  std::array<std::int64_t, 3> scored_by_role{};
  std::array<std::int64_t, 3> answered_by_role{};

  void add_score(double s);
  void merge(const DimensionTally& other);
  void clear();  // keeps the memory
};

struct GroupTally {
  std::int64_t n = 0;        // accepted answer sets
  std::int64_t partial = 0;  // of which "complete": false
  std::vector<DimensionTally> dimensions;
  std::array<std::int64_t, 3> n_by_role{};  // leaders, employees, no role (RoleCells' order)

  void merge(const GroupTally& other);
  void clear();
};

class Tally {
 public:
  explicit Tally(const Questionnaire& q);

  void add(const AnswerSet& a);
  // Adds the other's sets as if they had been added here after this one's. Exact when
  // this one is empty.
  void merge(const Tally& other);
  // Empty again, but keeps its memory, and its departments with nothing in them (which
  // merge leaves out), so that a tally reused for batch after batch allocates nothing.
  void clear();
  // The department `from` counted as `into` from now on: one department spelled two ways
  // in an export (import.md §3). Its sets are added to `into`'s, after them.
  void merge_department(const std::string& from, const std::string& into);

  const Questionnaire& questionnaire() const { return *questionnaire_; }
  const GroupTally& organisation() const { return organisation_; }
  const GroupTally& leaders() const { return leaders_; }
  const GroupTally& employees() const { return employees_; }
  // By department id; std::map keeps ids in byte order (formats.md §3.12).
  const std::map<std::string, GroupTally>& departments() const { return departments_; }

 private:
  GroupTally empty_group() const;

  const Questionnaire* questionnaire_;
  GroupTally organisation_;
  GroupTally leaders_;
  GroupTally employees_;
  std::map<std::string, GroupTally> departments_;
  std::vector<std::optional<double>> scores_;  // add's, kept to save an allocation a set
};

struct DimensionResult {
  double score = 0;
  int level = 0;
  std::int64_t n = 0;
  std::optional<double> sd;
  std::optional<std::pair<double, double>> ci95;
  std::optional<double> alpha;
  double favorable = 0;  // shares in %, of answered items
  double neutral = 0;
  double unfavorable = 0;
};

struct Overall {
  double score = 0;
  int level = 0;
};

struct RecommendationResult {
  std::size_t dimension = 0;       // index into Questionnaire::dimensions
  int level = 0;                   // the dimension's level in the group
  std::size_t recommendation = 0;  // index into that dimension's recommendations
};

struct GroupResult {
  std::string id;
  std::int64_t n = 0;
  std::int64_t partial = 0;
  bool suppressed = false;                    // a department hidden whole: only its id and n are shown
  Hidden suppressed_because = Hidden::shown;  // small or complementary
  std::optional<Overall> overall;
  Hidden overall_hidden = Hidden::shown;                   // incomplete when a dimension is hidden
  std::vector<std::optional<DimensionResult>> dimensions;  // one per questionnaire dimension; empty when
                                                           // undefined or hidden
  std::vector<Hidden> hidden;                              // per dimension: why it is not shown
  std::vector<std::size_t> weakest;                        // dimensions shown with a score, weakest first (all of them)
  std::vector<RecommendationResult> recommendations;

  bool any_hidden() const;
};

struct Assessment {
  ScoringOptions options;
  GroupResult organisation;
  std::vector<GroupResult> departments;  // sorted by id
  bool roles_shown = false;              // the role subgroups are shown (formats.md §3.9 b)
  Hidden roles_hidden = Hidden::small;   // when they are not: small or recoverable
  GroupResult leaders;
  GroupResult employees;
  std::vector<std::optional<double>> silo_spread;  // per dimension
  std::vector<std::optional<double>> leader_gap;   // per dimension
};

// The figures of every group, with what formats.md §3.9 hides left out (decided by
// decide_disclosure from the tally's counts).
Assessment assess(const Tally& tally, const ScoringOptions& options);

// What decide_disclosure is asked about a tally: its departments' cells.
DisclosureInput disclosure_input(const Tally& tally, int min_group);

}  // namespace centric
