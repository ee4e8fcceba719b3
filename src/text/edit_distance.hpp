// How far apart two words are, to suggest what a mistyped id was meant to be.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
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

// likely_meant() for many words against the same candidates (a questionnaire's question
// ids): lower-cased and ordered by length once, so a word is compared only with candidates
// of a length it could have meant, nearest length first, each only as far as it could still
// be the answer (at most as far as the nearest one so far).
class LikelyMeant {
 public:
  // The candidates' text must outlive this object.
  explicit LikelyMeant(const std::vector<std::string_view>& candidates);

  // What likely_meant(word, candidates) says, within `budget`: a candidate of a length that
  // could be meant costs cost_of_counts to rule out by its characters, and cost_of_distance
  // more when its edit distance must be computed. When a word needs more than is left, it
  // gets none (a guess that has not seen every candidate could be wrong) and the budget is
  // used up. Keeps unknown ids against a huge questionnaire from costing a pass over all of
  // it each.
  static constexpr std::size_t cost_of_counts = 1;
  static constexpr std::size_t cost_of_distance = 16;
  // `except`: a candidate to leave out, known by its text's address (not an equal text):
  // the word itself, when words are looked up among each other.
  std::optional<std::string_view> find(std::string_view word, std::size_t& budget, std::string_view except = {}) const;

 private:
  struct Candidate {
    std::string lowered;
    std::string_view original;
  };
  struct Length {
    std::size_t first, last;  // the candidates of one length in by_length_
  };
  std::vector<Candidate> by_length_;  // shortest first
  std::vector<Length> lengths_;
  std::vector<std::array<std::uint8_t, 64>> counts_;  // of each candidate's characters, in by_length_ order
};

}  // namespace centric
