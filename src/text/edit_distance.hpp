// How far apart two words are, to suggest what a mistyped id was meant to be.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace centric {

// The optimal string alignment distance: the fewest insertions, deletions, substitutions
// and swaps of two neighbours that turn `a` into `b` ("valeus" -> "values" is 1). Counts
// bytes: ids are ASCII.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The one candidate that `word` most likely meant, compared without regard to ASCII case:
// the nearest, when it is at most 2 edits away (and fewer than half its length) or within
// a fifth of its length, and no other candidate is as near. A guess that could as well be
// another is no help, so a tie gives none.
std::optional<std::string_view> likely_meant(std::string_view word, const std::vector<std::string_view>& candidates);

}  // namespace centric
