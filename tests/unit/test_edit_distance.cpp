// The distance behind "did you mean ...?" and the guesses it allows.
#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "text/edit_distance.hpp"

using namespace centric;

TEST_CASE("edit distance counts insertions, deletions, substitutions and swaps of neighbours") {
  CHECK(edit_distance("", "") == 0);
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("abc", "") == 3);
  CHECK(edit_distance("values", "values") == 0);
  CHECK(edit_distance("value", "values") == 1);    // an insertion
  CHECK(edit_distance("valuess", "values") == 1);  // a deletion
  CHECK(edit_distance("valies", "values") == 1);   // a substitution
  CHECK(edit_distance("valeus", "values") == 1);   // two neighbours swapped
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("ca", "abc") == 3);  // optimal string alignment: no edit of a swapped pair
  CHECK(edit_distance("abc", "xyz") == 3);
  CHECK(edit_distance("culture.value-known", "culture.values-known") == 1);
}

TEST_CASE("edit distance is symmetric") {
  const std::vector<std::string> words = {"", "a", "ab", "ba", "abc", "values", "valeus", "culture.q1", "x.y-z"};
  for (const auto& a : words)
    for (const auto& b : words) {
      INFO(a << " / " << b);
      CHECK(edit_distance(a, b) == edit_distance(b, a));
    }
}

TEST_CASE("likely_meant: the one nearby id, or none") {
  const std::vector<std::string_view> ids = {"culture.values-known",
                                             "culture.behaviours-spelled-out",
                                             "culture.decisions-checked",
                                             "process.q1",
                                             "process.q2",
                                             "ab"};
  SECTION("a typo within two edits") {
    CHECK(likely_meant("culture.value-known", ids) == "culture.values-known");
    CHECK(likely_meant("culture.valeus-knwon", ids) == "culture.values-known");
  }
  SECTION("ASCII case does not count") {
    CHECK(likely_meant("Culture.Values-Known", ids) == "culture.values-known");
  }
  SECTION("a long id allows a fifth of its length") {
    CHECK(likely_meant("culture.behavior-spelt-out", ids) == "culture.behaviours-spelled-out");
  }
  SECTION("a tie is no guess") { CHECK_FALSE(likely_meant("process.q", ids)); }
  SECTION("nothing close") {
    CHECK_FALSE(likely_meant("customer.feedback-used", ids));
    CHECK_FALSE(likely_meant("", ids));
  }
  SECTION("a short id needs a closer match") {
    CHECK_FALSE(likely_meant("xy", ids));  // two edits from "ab", but that is all of it
    CHECK_FALSE(likely_meant("a", ids));
  }
  SECTION("no candidates") { CHECK_FALSE(likely_meant("culture.values-known", {})); }
  SECTION("a very long key is not compared") { CHECK_FALSE(likely_meant(std::string(1 << 20, 'x'), ids)); }
}

namespace {

// likely_meant as it was before LikelyMeant (a full table against every candidate): the
// reference that the bounded search must agree with.
std::optional<std::string_view> reference_likely_meant(std::string_view word,
                                                       const std::vector<std::string_view>& candidates) {
  const auto lower = [](std::string_view s) {
    std::string out(s);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
  };
  const std::string lowered = lower(word);
  std::optional<std::string_view> best;
  std::size_t best_distance = 0;
  bool tie = false;
  for (const std::string_view candidate : candidates) {
    if (candidate.empty()) continue;
    const std::size_t allowed = std::max(candidate.size() / 5, candidate.size() > 4 ? 2 : (candidate.size() - 1) / 2);
    const std::size_t d = edit_distance(lowered, lower(candidate));
    if (d > allowed) continue;
    if (!best || d < best_distance) {
      best = candidate;
      best_distance = d;
      tie = false;
    } else if (d == best_distance) {
      tie = true;
    }
  }
  if (tie) return std::nullopt;
  return best;
}

}  // namespace

TEST_CASE("LikelyMeant: the same guess as a comparison with every candidate, in a fraction of the work") {
  std::mt19937 random(15);
  const auto word = [&](std::size_t length) {
    static constexpr std::string_view alphabet = "abcAB.-1";  // few letters: many near misses and ties
    std::string w;
    for (std::size_t i = 0; i < length; ++i) w += alphabet[random() % alphabet.size()];
    return w;
  };
  std::vector<std::string> owned;
  for (int i = 0; i < 400; ++i) owned.push_back(word(1 + random() % 14));
  owned.push_back("");
  const std::vector<std::string_view> candidates(owned.begin(), owned.end());
  const LikelyMeant suggestions(candidates);
  int found = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string w = i % 2 == 0 ? word(random() % 16) : owned[random() % owned.size()];
    if (i % 2 == 1 && !w.empty()) w[random() % w.size()] = 'c';  // a typo of a candidate
    std::size_t budget = static_cast<std::size_t>(-1);
    const auto guess = suggestions.find(w, budget);
    INFO(w);
    CHECK(guess == reference_likely_meant(w, candidates));
    found += guess ? 1 : 0;
  }
  CHECK(found > 100);  // the test compares guesses, not only their absence
}

TEST_CASE("LikelyMeant: a word that needs more than the budget gets no guess, and the budget is used up") {
  std::vector<std::string> owned;
  for (int i = 0; i < 1000; ++i) owned.push_back("dimension.question-" + std::to_string(1000 + i));
  const std::vector<std::string_view> candidates(owned.begin(), owned.end());
  const LikelyMeant suggestions(candidates);
  std::size_t plenty = 1'000'000;
  CHECK(suggestions.find("dimension.qeustion-1234", plenty) == "dimension.question-1234");
  CHECK(plenty < 1'000'000);
  std::size_t little = 100;
  CHECK_FALSE(suggestions.find("dimension.qeustion-1234", little));
  CHECK(little < LikelyMeant::cost_of_distance);
}

TEST_CASE("LikelyMeant: a candidate left out by its address, so that words can be looked up among each other") {
  const std::vector<std::string> words = {"finance", "finanse", "sales"};
  const std::vector<std::string_view> views(words.begin(), words.end());
  const LikelyMeant meant(views);
  std::size_t budget = 1'000'000;
  CHECK(meant.find(views[0], budget) == "finance");  // itself
  CHECK(meant.find(views[0], budget, views[0]) == "finanse");
  CHECK(meant.find(views[2], budget, views[2]) == std::nullopt);
  // An equal text elsewhere is not left out.
  const std::string copy = "finance";
  CHECK(meant.find(copy, budget, copy) == "finance");
}
