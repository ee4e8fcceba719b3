// Scoring cases computed by hand (formats.md §3). Each expected number is worked out in
// the comment above it, not taken from the program.
#include <catch2/catch.hpp>

#include "centric/scoring.hpp"

using namespace centric;
using Catch::Detail::Approx;

namespace {

LocalizedText en(const std::string& s) {
  LocalizedText t;
  t.by_language["en"] = s;
  return t;
}

// Scale 1..5 with N/A; dimension "a" has four questions (q2 weighs 2, q3 is reversed),
// dimension "b" three plain ones; five levels from 0, 20, 40, 60, 80.
Questionnaire sample() {
  Questionnaire q;
  q.id = "t";
  q.version = "1.0.0";
  q.scale = {1, 5, {}, true};
  for (int i = 0; i < 5; ++i) q.levels.push_back({i + 1, 20.0 * i, en("L" + std::to_string(i + 1)), {}});
  Dimension a;
  a.id = "a";
  a.questions = {{"a1", en("x"), {}, 1, false},
                 {"a2", en("x"), {}, 2, false},
                 {"a3", en("x"), {}, 1, true},
                 {"a4", en("x"), {}, 1, false}};
  Dimension b;
  b.id = "b";
  b.questions = {{"b1", en("x"), {}, 1, false}, {"b2", en("x"), {}, 1, false}, {"b3", en("x"), {}, 1, false}};
  for (int level = 1; level <= 5; ++level) {
    a.recommendations.push_back({{level}, en("a at " + std::to_string(level))});
    b.recommendations.push_back({{level}, en("b at " + std::to_string(level))});
  }
  q.dimensions = {a, b};
  return q;
}

constexpr int na = -1;
constexpr int skip = 0;

AnswerSet answers(const std::string& department, Role role, std::vector<int> values, bool complete = true) {
  AnswerSet s;
  s.respondent.department = department;
  s.respondent.role = role;
  s.complete = complete;
  for (int v : values)
    s.answers.push_back(v == na ? AnswerValue::na() : v == skip ? AnswerValue::skipped() : AnswerValue::of(v));
  return s;
}

}  // namespace

TEST_CASE("a respondent's dimension score uses reverse items, weights and skips N/A") {
  const Questionnaire q = sample();
  // a1=5 -> 100; a2=3 -> 50 (weight 2); a3=2 reversed -> 4 -> 75; a4 n/a.
  // S = (100 + 2*50 + 75) / (1 + 2 + 1) = 68.75
  const auto s = respondent_scores(q, answers("x", Role::none, {5, 3, 2, na, 1, 1, 1}));
  REQUIRE(s[0]);
  CHECK(*s[0] == Approx(68.75));
  // b: all 1 -> 0
  REQUIRE(s[1]);
  CHECK(*s[1] == Approx(0));
}

TEST_CASE("a dimension score needs ceil(k/2) answers, and N/A does not count") {
  const Questionnaire q = sample();
  // a has k=4: two answers are enough, one is not.
  CHECK(respondent_scores(q, answers("x", Role::none, {5, 5, skip, skip, 1, 1, 1}))[0].has_value());
  CHECK_FALSE(respondent_scores(q, answers("x", Role::none, {5, na, na, na, 1, 1, 1}))[0].has_value());
  // b has k=3: ceil(3/2) = 2.
  CHECK(respondent_scores(q, answers("x", Role::none, {1, 1, 1, 1, 4, 4, skip}))[1].has_value());
  CHECK_FALSE(respondent_scores(q, answers("x", Role::none, {1, 1, 1, 1, 4, na, skip}))[1].has_value());
  CHECK_FALSE(respondent_scores(q, answers("x", Role::none, {1, 1, 1, 1, skip, skip, skip}))[1].has_value());
}

TEST_CASE("levels: the largest min not above the score, with a 1e-9 tolerance") {
  Questionnaire q = sample();
  q.levels = {{1, 0, en("low"), {}}, {2, 55, en("mid"), {}}, {3, 80, en("high"), {}}};
  CHECK(level_of(q, 0) == 1);
  CHECK(level_of(q, 54.9) == 1);
  CHECK(level_of(q, 54.99999999999999) == 2);
  CHECK(level_of(q, 55) == 2);
  CHECK(level_of(q, 79.999) == 2);
  CHECK(level_of(q, 100) == 3);
}

TEST_CASE("group statistics: mean, sd, ci95, alpha and favourable shares") {
  const Questionnaire q = sample();
  Tally tally(q);
  // Dimension b, three respondents answering (1,2,3), (2,2,5), (3,4,5):
  // item scores (0,25,50), (25,25,100), (50,75,100) -> S = 25, 50, 75.
  tally.add(answers("d", Role::none, {3, 3, 3, 3, 1, 2, 3}));
  tally.add(answers("d", Role::none, {3, 3, 3, 3, 2, 2, 5}));
  tally.add(answers("d", Role::none, {3, 3, 3, 3, 3, 4, 5}));
  const Assessment a = assess(tally, {1, 3});
  const auto& b = a.organisation.dimensions[1];
  REQUIRE(b);
  CHECK(b->n == 3);
  // mean 50; deviations -25, 0, 25 -> sample variance 1250 / 2 = 625 -> sd 25
  CHECK(b->score == Approx(50));
  REQUIRE(b->sd);
  CHECK(*b->sd == Approx(25));
  // ci95 = 50 -+ 1.96 * 25 / sqrt(3) = 50 -+ 28.290
  REQUIRE(b->ci95);
  CHECK(b->ci95->first == Approx(21.709836809));
  CHECK(b->ci95->second == Approx(78.290163190));
  // items by column: i1 = 1,2,3 (var 1); i2 = 2,2,4 (var 4/3); i3 = 3,5,5 (var 4/3)
  // totals: 6, 9, 12 (var 9); alpha = 3/2 * (1 - (1 + 4/3 + 4/3) / 9) = 1.5 * (1 - 11/27) = 0.8888...
  REQUIRE(b->alpha);
  CHECK(*b->alpha == Approx(1.5 * (1 - 11.0 / 27.0)));
  // item scores: 0,25,50 | 25,25,100 | 50,75,100 -> favourable 75,100,100 = 3 of 9,
  // unfavourable 0,25,25,25 = 4, neutral 50,50 = 2.
  CHECK(b->favorable == Approx(100.0 * 3 / 9));
  CHECK(b->unfavorable == Approx(100.0 * 4 / 9));
  CHECK(b->neutral == Approx(100.0 * 2 / 9));
}

TEST_CASE("alpha uses only respondents who answered every question, after reversal") {
  const Questionnaire q = sample();
  Tally tally(q);
  // Dimension a, a3 reversed (v -> 6 - v). Full answers after reversal:
  //   r1: 1,2,(6-5=1),2 -> total 6;  r2: 3,3,(6-3=3),4 -> 13;  r3: 5,4,(6-1=5),5 -> 19
  // item variances: (1,3,5)=4, (2,3,4)=1, (1,3,5)=4, (2,4,5)=2.333; total (6,13,19) var 42.333
  // alpha = 4/3 * (1 - 11.333/42.333)
  tally.add(answers("d", Role::none, {1, 2, 5, 2, 3, 3, 3}));
  tally.add(answers("d", Role::none, {3, 3, 3, 4, 3, 3, 3}));
  tally.add(answers("d", Role::none, {5, 4, 1, 5, 3, 3, 3}));
  // A respondent with a skipped item does not enter alpha.
  tally.add(answers("d", Role::none, {1, 5, skip, 1, 3, 3, 3}));
  const Assessment a = assess(tally, {1, 3});
  REQUIRE(a.organisation.dimensions[0]->alpha);
  CHECK(*a.organisation.dimensions[0]->alpha == Approx(4.0 / 3.0 * (1 - (4 + 1 + 4 + 7.0 / 3.0) / (127.0 / 3.0))));
  // b: everyone answered 3,3,3: total variance 0 -> alpha undefined.
  CHECK_FALSE(a.organisation.dimensions[1]->alpha.has_value());
}

TEST_CASE("sd and ci95 are null for one respondent, a dimension nobody scored is null") {
  const Questionnaire q = sample();
  Tally tally(q);
  tally.add(answers("d", Role::none, {5, 5, 1, 5, skip, skip, skip}));
  const Assessment a = assess(tally, {1, 3});
  REQUIRE(a.organisation.dimensions[0]);
  CHECK_FALSE(a.organisation.dimensions[0]->sd.has_value());
  CHECK_FALSE(a.organisation.dimensions[0]->ci95.has_value());
  CHECK_FALSE(a.organisation.dimensions[1].has_value());
  // Overall over the dimensions with a score only: a = 100.
  REQUIRE(a.organisation.overall);
  CHECK(a.organisation.overall->score == Approx(100));
  CHECK(a.organisation.overall->level == 5);
}

TEST_CASE("the overall score weighs dimensions by their weight") {
  Questionnaire q = sample();
  q.dimensions[1].weight = 3;
  Tally tally(q);
  // a: all 5 (a3 reversed from 1) -> 100; b: all 1 -> 0. Overall = (1*100 + 3*0) / 4 = 25
  tally.add(answers("d", Role::none, {5, 5, 1, 5, 1, 1, 1}));
  const Assessment a = assess(tally, {1, 3});
  CHECK(a.organisation.overall->score == Approx(25));
  CHECK(a.organisation.overall->level == 2);
}

TEST_CASE("an answer set with no answers counts in n and defines nothing") {
  const Questionnaire q = sample();
  Tally tally(q);
  tally.add(answers("d", Role::none, {skip, skip, skip, skip, skip, skip, skip}, false));
  const Assessment a = assess(tally, {1, 3});
  CHECK(a.organisation.n == 1);
  CHECK(a.organisation.partial == 1);
  CHECK_FALSE(a.organisation.overall.has_value());
  CHECK(a.organisation.recommendations.empty());
}

namespace {

Assessment with_departments(const std::vector<std::pair<std::string, int>>& sizes, int min_group) {
  static const Questionnaire q = sample();
  Tally tally(q);
  for (const auto& [department, n] : sizes)
    for (int i = 0; i < n; ++i) tally.add(answers(department, Role::none, {3, 3, 3, 3, 3, 3, 3}));
  return assess(tally, {min_group, 3});
}

std::vector<std::string> suppressed_ids(const Assessment& a) {
  std::vector<std::string> ids;
  for (const auto& d : a.departments)
    if (d.suppressed) ids.push_back(d.id);
  return ids;
}

}  // namespace

TEST_CASE("anonymity: small departments are suppressed, with complementary suppression") {
  using V = std::vector<std::string>;
  // 2 hidden < 5: the smallest shown one (b, 5) is hidden too; then 7 >= 5.
  CHECK(suppressed_ids(with_departments({{"a", 2}, {"b", 5}, {"c", 6}, {"d", 7}}, 5)) == V{"a", "b"});
  // Ties on n are broken by id: c before d.
  CHECK(suppressed_ids(with_departments({{"a", 1}, {"d", 6}, {"c", 6}, {"e", 9}}, 5)) == V{"a", "c"});
  // The hidden ones already hold 3 + 4 = 7 >= 5: nothing more is hidden.
  CHECK(suppressed_ids(with_departments({{"a", 3}, {"b", 4}, {"c", 6}}, 5)) == V{"a", "b"});
  // Nothing small: nothing hidden.
  CHECK(suppressed_ids(with_departments({{"a", 5}, {"b", 6}}, 5)).empty());
  // Hiding goes on until all are hidden when needed.
  CHECK(suppressed_ids(with_departments({{"a", 1}, {"b", 2}}, 5)) == V{"a", "b"});
  // min_group 1 hides nothing.
  CHECK(suppressed_ids(with_departments({{"a", 1}, {"b", 2}}, 1)).empty());
}

TEST_CASE("a suppressed department carries no score, and still counts in the organisation") {
  const Assessment a = with_departments({{"a", 2}, {"b", 5}, {"c", 6}}, 5);
  for (const auto& d : a.departments) {
    if (!d.suppressed) continue;
    CHECK_FALSE(d.overall.has_value());
    CHECK(d.dimensions.empty());
    CHECK(d.recommendations.empty());
  }
  CHECK(a.organisation.n == 13);
}

TEST_CASE("silo spread is max - min over shown departments, leader gap needs both roles") {
  const Questionnaire q = sample();
  Tally tally(q);
  // Department "hi": b = 100 for 5 leaders; "lo": b = 0 for 5 employees; "tiny": 1 person.
  for (int i = 0; i < 5; ++i) tally.add(answers("hi", Role::leader, {5, 5, 1, 5, 5, 5, 5}));
  for (int i = 0; i < 5; ++i) tally.add(answers("lo", Role::employee, {3, 3, 3, 3, 1, 1, 1}));
  tally.add(answers("tiny", Role::employee, {1, 1, 5, 1, 3, 3, 3}));
  const Assessment a = assess(tally, {5, 3});
  // "tiny" is hidden (1 < 5), and complementary suppression then hides "hi" (tie on n=5, by id),
  // leaving one shown department: no spread.
  CHECK(suppressed_ids(a) == std::vector<std::string>{"hi", "tiny"});
  CHECK_FALSE(a.silo_spread[1].has_value());
  // Roles: 5 leaders, 6 employees, both enough, but Employees (6) − lo (5) would be tiny's one
  // person (formats.md §3.9 b): not shown.
  CHECK_FALSE(a.roles_shown);
  CHECK(a.roles_hidden == Hidden::recoverable);
  CHECK_FALSE(a.leader_gap[1].has_value());

  // Without tiny nothing can be recovered: leaders are hi, employees lo.
  Tally two(q);
  for (int i = 0; i < 5; ++i) two.add(answers("hi", Role::leader, {5, 5, 1, 5, 5, 5, 5}));
  for (int i = 0; i < 5; ++i) two.add(answers("lo", Role::employee, {3, 3, 3, 3, 1, 1, 1}));
  const Assessment both = assess(two, {5, 3});
  REQUIRE(both.roles_shown);
  REQUIRE(both.leader_gap[1]);
  CHECK(*both.leader_gap[1] == Approx(100 - 0));
  // a: leaders 100 (a3 reversed); employees 50
  CHECK(*both.leader_gap[0] == Approx(100 - 50));

  const Assessment all = assess(tally, {1, 3});
  // Shown: hi b=100, lo b=0, tiny b=50 -> spread 100; a: hi 100, lo 50, tiny 0 -> 100.
  CHECK(*all.silo_spread[1] == Approx(100));
  CHECK(*all.silo_spread[0] == Approx(100));

  const Assessment strict = assess(tally, {6, 3});
  CHECK_FALSE(strict.roles_shown);  // 5 leaders < 6
  CHECK_FALSE(strict.leader_gap[0].has_value());
}

TEST_CASE("recommendations: weakest dimensions first, top N, matching the level") {
  Questionnaire q = sample();
  Tally tally(q);
  // a = 25 (level 2), b = 75 (level 4).
  tally.add(answers("d", Role::none, {2, 2, 4, 2, 4, 4, 4}));
  Assessment a = assess(tally, {1, 3});
  REQUIRE(a.organisation.recommendations.size() == 2);
  CHECK(a.organisation.recommendations[0].dimension == 0);
  CHECK(a.organisation.recommendations[0].level == 2);
  CHECK(a.organisation.recommendations[1].dimension == 1);
  CHECK(a.organisation.recommendations[1].level == 4);

  a = assess(tally, {1, 1});
  REQUIRE(a.organisation.recommendations.size() == 1);
  CHECK(a.organisation.recommendations[0].dimension == 0);

  // A dimension with no recommendation for its level still takes its place in the top N.
  q.dimensions[0].recommendations.clear();
  Tally t2(q);
  t2.add(answers("d", Role::none, {2, 2, 4, 2, 4, 4, 4}));
  a = assess(t2, {1, 1});
  CHECK(a.organisation.recommendations.empty());
}

TEST_CASE("ties between dimensions keep questionnaire order") {
  const Questionnaire q = sample();
  Tally tally(q);
  tally.add(answers("d", Role::none, {3, 3, 3, 3, 3, 3, 3}));  // both 50
  const Assessment a = assess(tally, {1, 1});
  REQUIRE(a.organisation.recommendations.size() == 1);
  CHECK(a.organisation.recommendations[0].dimension == 0);
}

TEST_CASE("departments come out sorted by id as bytes") {
  const Assessment a = with_departments({{"sales", 1}, {"IT", 1}, {"łódź", 1}, {"finance", 1}}, 1);
  std::vector<std::string> ids;
  for (const auto& d : a.departments) ids.push_back(d.id);
  CHECK(ids == std::vector<std::string>{"IT", "finance", "sales", "łódź"});
}

TEST_CASE("merging two tallies gives the same result as one") {
  const Questionnaire q = sample();
  Tally whole(q), left(q), right(q);
  const std::vector<AnswerSet> sets = {
      answers("x", Role::leader, {1, 2, 3, 4, 5, 4, 3}), answers("x", Role::employee, {5, 5, 1, na, 2, 2, skip}),
      answers("y", Role::leader, {3, 4, 2, 2, 1, 5, 3}), answers("y", Role::none, {2, 2, 2, 2, 2, 2, 2}, false),
      answers("z", Role::employee, {4, skip, 4, 4, 3, 3, 4})};
  for (std::size_t i = 0; i < sets.size(); ++i) {
    whole.add(sets[i]);
    (i % 2 == 0 ? left : right).add(sets[i]);
  }
  left.merge(right);
  const Assessment x = assess(whole, {1, 3}), y = assess(left, {1, 3});
  for (std::size_t d = 0; d < q.dimensions.size(); ++d) {
    REQUIRE(x.organisation.dimensions[d]);
    REQUIRE(y.organisation.dimensions[d]);
    CHECK(x.organisation.dimensions[d]->score == Approx(y.organisation.dimensions[d]->score));
    CHECK(x.organisation.dimensions[d]->sd.value_or(-1) == Approx(y.organisation.dimensions[d]->sd.value_or(-1)));
    CHECK(x.organisation.dimensions[d]->alpha.value_or(-9) == Approx(y.organisation.dimensions[d]->alpha.value_or(-9)));
    CHECK(x.organisation.dimensions[d]->favorable == Approx(y.organisation.dimensions[d]->favorable));
  }
  CHECK(x.departments.size() == y.departments.size());
  CHECK(x.organisation.partial == y.organisation.partial);
}

TEST_CASE("favourable and unfavourable thresholds on an 11-point scale") {
  Questionnaire q = sample();
  q.scale = {0, 10, {}, false};
  q.dimensions.resize(1);
  q.dimensions[0].questions.resize(1);
  q.dimensions[0].questions[0].reverse = false;
  Tally tally(q);
  // x = 10 * v: 25 -> v 2.5, 75 -> v 7.5. So 0,1,2 unfavourable; 3..7 neutral; 8,9,10 favourable.
  for (int v = 0; v <= 10; ++v) {
    AnswerSet s;
    s.respondent.department = "d";
    s.answers = {AnswerValue::of(v)};
    tally.add(s);
  }
  const Assessment a = assess(tally, {1, 3});
  CHECK(a.organisation.dimensions[0]->unfavorable == Approx(100.0 * 3 / 11));
  CHECK(a.organisation.dimensions[0]->neutral == Approx(100.0 * 5 / 11));
  CHECK(a.organisation.dimensions[0]->favorable == Approx(100.0 * 3 / 11));
}
