// The duplicate rule's memory (formats.md §2): every id is told apart from every other,
// and a repeated one gives back where it was first seen, through the table's growth.
#include <catch2/catch.hpp>

#include <string>

#include "io/respondent_ids.hpp"

using namespace centric;

TEST_CASE("respondent ids: a repeated id gives back its first place, a new one nothing") {
  RespondentIds ids;
  const int n = 100000;  // grows the table many times over
  for (int i = 0; i < n; ++i) {
    const auto place = RespondentIds::Place{static_cast<std::uint32_t>(i % 7), static_cast<std::uint32_t>(i),
                                            static_cast<std::uint8_t>(i % 3)};
    INFO(i);
    REQUIRE_FALSE(ids.insert("r-" + std::to_string(i), place));
  }
  CHECK(ids.size() == static_cast<std::size_t>(n));
  for (int i = 0; i < n; i += 997) {
    INFO(i);
    const auto first = ids.insert("r-" + std::to_string(i), {99, 99, 1});
    REQUIRE(first);
    CHECK(first->file == static_cast<std::uint32_t>(i % 7));
    CHECK(first->number == static_cast<std::uint32_t>(i));
    CHECK(first->kind == i % 3);
  }
  CHECK(ids.size() == static_cast<std::size_t>(n));  // a duplicate is not added
}

TEST_CASE("respondent ids: the whole range of a place survives, and ids differ by every byte") {
  RespondentIds ids;
  CHECK_FALSE(ids.insert("", {0, 0, 0}));
  CHECK_FALSE(ids.insert(std::string(1, '\0'), {(1u << 30) - 1, 4000000000u, 3}));
  const auto first = ids.insert(std::string(1, '\0'), {1, 1, 0});
  REQUIRE(first);
  CHECK(first->file == (1u << 30) - 1);
  CHECK(first->number == 4000000000u);
  CHECK(first->kind == 3);
  CHECK(ids.insert("", {5, 5, 2})->file == 0);
  // Ids that differ only in case, a trailing space or one late byte are different ids.
  CHECK_FALSE(ids.insert("Respondent-000000000000000000000000001", {}));
  CHECK_FALSE(ids.insert("respondent-000000000000000000000000001", {}));
  CHECK_FALSE(ids.insert("respondent-000000000000000000000000001 ", {}));
  CHECK_FALSE(ids.insert("respondent-000000000000000000000000002", {}));
}
