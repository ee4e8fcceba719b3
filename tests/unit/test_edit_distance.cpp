// The distance behind "did you mean ...?" and the guesses it allows.
#include <catch2/catch.hpp>

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
  CHECK(edit_distance("culture.value-defined", "culture.values-defined") == 1);
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
  const std::vector<std::string_view> ids = {"culture.values-defined",
                                             "culture.behaviours-spelled-out",
                                             "culture.decisions-checked",
                                             "process.q1",
                                             "process.q2",
                                             "ab"};
  SECTION("a typo within two edits") {
    CHECK(likely_meant("culture.value-defined", ids) == "culture.values-defined");
    CHECK(likely_meant("culture.valeus-defind", ids) == "culture.values-defined");
  }
  SECTION("ASCII case does not count") {
    CHECK(likely_meant("Culture.Values-Defined", ids) == "culture.values-defined");
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
  SECTION("no candidates") { CHECK_FALSE(likely_meant("culture.values-defined", {})); }
  SECTION("a very long key is not compared") { CHECK_FALSE(likely_meant(std::string(1 << 20, 'x'), ids)); }
}
