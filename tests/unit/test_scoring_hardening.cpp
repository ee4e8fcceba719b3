// Scoring on the edges of floating point: ties that rounding hides, weights near the
// largest double, and a zero total variance that rounding makes look positive.
#include <catch2/catch.hpp>

#include <cmath>

#include "centric/scoring.hpp"

using namespace centric;
using Catch::Detail::Approx;

namespace {

LocalizedText en(const std::string& s) {
  LocalizedText t;
  t.by_language["en"] = s;
  return t;
}

// One dimension per entry of `questions_per_dimension`, every question weighing 1, two
// levels (0 and 50) and a recommendation for each level.
Questionnaire plain(int min, int max, const std::vector<int>& questions_per_dimension) {
  Questionnaire q;
  q.id = "t";
  q.version = "1.0.0";
  q.scale = {min, max, {}, false};
  q.levels = {{1, 0, en("low"), {}}, {2, 50, en("high"), {}}};
  for (std::size_t d = 0; d < questions_per_dimension.size(); ++d) {
    Dimension dimension;
    dimension.id = std::string(1, static_cast<char>('a' + d));
    for (int k = 0; k < questions_per_dimension[d]; ++k)
      dimension.questions.push_back({dimension.id + std::to_string(k), en("x"), {}, 1, false});
    dimension.recommendations = {{{1}, en(dimension.id + " low")}, {{2}, en(dimension.id + " high")}};
    q.dimensions.push_back(dimension);
  }
  return q;
}

AnswerSet answers(const std::vector<int>& values) {
  AnswerSet s;
  s.respondent.department = "d";
  for (int v : values) s.answers.push_back(AnswerValue::of(v));
  return s;
}

}  // namespace

TEST_CASE("dimensions whose means are equal but rounded differently are a tie, kept in questionnaire order") {
  // Scale 0..9, a and b one question each. a's S: 0, 0, 100/9; b's: 0, 100/9, 0. Both D are
  // 100/27, but the running means round differently.
  const Questionnaire q = plain(0, 9, {1, 1});
  Tally tally(q);
  tally.add(answers({0, 0}));
  tally.add(answers({0, 1}));
  tally.add(answers({1, 0}));
  const Assessment a = assess(tally, {1, 1});
  REQUIRE(a.organisation.dimensions[0]);
  REQUIRE(a.organisation.dimensions[1]);
  CHECK(a.organisation.dimensions[0]->score == Approx(100.0 / 27));
  CHECK(a.organisation.dimensions[1]->score == Approx(100.0 / 27));
  REQUIRE(a.organisation.weakest.size() == 2);
  CHECK(a.organisation.weakest[0] == 0);
  CHECK(a.organisation.weakest[1] == 1);
  REQUIRE(a.organisation.recommendations.size() == 1);
  CHECK(a.organisation.recommendations[0].dimension == 0);
}

TEST_CASE("weakest first still orders clearly different scores, ties in questionnaire order") {
  // Scale 0..4, four dimensions of one question: 75, 25, 75, 0.
  const Questionnaire q = plain(0, 4, {1, 1, 1, 1});
  Tally tally(q);
  tally.add(answers({3, 1, 3, 0}));
  const Assessment a = assess(tally, {1, 4});
  CHECK(a.organisation.weakest == std::vector<std::size_t>{3, 1, 0, 2});
}

TEST_CASE("question weights near the largest double give the same score as small ones") {
  // Scale 0..2: answers 0 and 1 are item scores 0 and 50; weights 2:1 -> (2*0 + 1*50) / 3.
  Questionnaire small = plain(0, 2, {2});
  small.dimensions[0].questions[0].weight = 2;
  small.dimensions[0].questions[1].weight = 1;
  Questionnaire huge = small;
  huge.dimensions[0].questions[0].weight = 1e308;
  huge.dimensions[0].questions[1].weight = 5e307;
  const auto expected = respondent_scores(small, answers({0, 1}));
  const auto got = respondent_scores(huge, answers({0, 1}));
  REQUIRE(expected[0]);
  REQUIRE(got[0]);
  CHECK(*expected[0] == Approx(50.0 / 3));
  CHECK(std::isfinite(*got[0]));
  CHECK(*got[0] == Approx(*expected[0]));

  // Two weights of 1e308 sum past the largest double: still the plain mean, 25.
  huge.dimensions[0].questions[1].weight = 1e308;
  const auto equal = respondent_scores(huge, answers({0, 1}));
  REQUIRE(equal[0]);
  CHECK(*equal[0] == Approx(25));

  // Through the tally too: the group's score is finite and the same.
  Tally tally(huge);
  tally.add(answers({0, 1}));
  const Assessment a = assess(tally, {1, 3});
  REQUIRE(a.organisation.dimensions[0]);
  CHECK(a.organisation.dimensions[0]->score == Approx(25));
  REQUIRE(a.organisation.overall);
  CHECK(a.organisation.overall->score == Approx(25));
}

TEST_CASE("dimension weights near the largest double give the same overall score as small ones") {
  // Scale 0..2, two dimensions of one question: 0 and 50; weights 2:1 -> 50 / 3.
  Questionnaire small = plain(0, 2, {1, 1});
  small.dimensions[0].weight = 2;
  small.dimensions[1].weight = 1;
  Questionnaire huge = small;
  huge.dimensions[0].weight = 1e308;
  huge.dimensions[1].weight = 5e307;
  Tally small_tally(small), huge_tally(huge);
  small_tally.add(answers({0, 1}));
  huge_tally.add(answers({0, 1}));
  const Assessment expected = assess(small_tally, {1, 3});
  const Assessment got = assess(huge_tally, {1, 3});
  REQUIRE(expected.organisation.overall);
  REQUIRE(got.organisation.overall);
  CHECK(expected.organisation.overall->score == Approx(50.0 / 3));
  CHECK(std::isfinite(got.organisation.overall->score));
  CHECK(got.organisation.overall->score == Approx(expected.organisation.overall->score));
  CHECK(got.organisation.overall->level == expected.organisation.overall->level);

  huge.dimensions[1].weight = 1e308;
  Tally equal_tally(huge);
  equal_tally.add(answers({0, 1}));
  const Assessment equal = assess(equal_tally, {1, 3});
  REQUIRE(equal.organisation.overall);
  CHECK(equal.organisation.overall->score == Approx(25));
}

TEST_CASE("alpha is null when every respondent has the same total, however many respondents there are") {
  // 50 questions on 0..10, everyone answers 10: totals are all 500, so var_total is 0.
  // With 27874038 respondents, (ΣT)² is not exact in a double and the variance computed
  // from doubles comes out near 3.5e-11, not 0.
  const Questionnaire q = plain(0, 10, {50});
  Tally one(q);
  one.add(answers(std::vector<int>(50, 10)));
  // `count` copies of `one`, by doubling (merging is what a Tally does with workers' tallies).
  const auto times = [&](std::int64_t count) {
    Tally result(q), power = one;
    for (; count > 0; count >>= 1) {
      if (count & 1) result.merge(power);
      const Tally copy = power;
      power.merge(copy);
    }
    return result;
  };
  const Tally tally = times(27874038);
  REQUIRE(tally.organisation().n == 27874038);
  const Assessment a = assess(tally, {1, 3});
  REQUIRE(a.organisation.dimensions[0]);
  CHECK(a.organisation.dimensions[0]->score == Approx(100));
  CHECK_FALSE(a.organisation.dimensions[0]->alpha.has_value());
}
