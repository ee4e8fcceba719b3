#include "text/edit_distance.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdlib>
#include <string>

namespace centric {
namespace {

std::string ascii_lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::size_t allowed_edits(std::string_view candidate) {
  const std::size_t relative = candidate.size() / 5;
  const std::size_t absolute = candidate.size() > 4 ? 2 : (candidate.size() - 1) / 2;
  return std::max(relative, absolute);
}

std::size_t length_difference(std::string_view a, std::string_view b) {
  return a.size() > b.size() ? a.size() - b.size() : b.size() - a.size();
}

}  // namespace

std::size_t edit_distance(std::string_view a, std::string_view b) {
  // Three rows of the full table: a swap looks two rows back.
  std::vector<std::size_t> before(b.size() + 1), previous(b.size() + 1), current(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) previous[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    current[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t substitution = a[i - 1] == b[j - 1] ? 0 : 1;
      current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + substitution});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
        current[j] = std::min(current[j], before[j - 2] + 1);
    }
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return previous[b.size()];
}

namespace {

// The distance of `a` and `b` when it is at most `k`, else k + 1: only the cells of the table
// within k of its diagonal can hold k or less, and once two rows in a row are all above k,
// so is the rest. `rows`: three rows' memory, reused.
std::size_t edit_distance_at_most(std::string_view a, std::string_view b, std::size_t k,
                                  std::vector<std::size_t>& rows) {
  if (length_difference(a, b) > k) return k + 1;
  const std::size_t far = k + 1;
  const std::size_t width = b.size() + 2;  // one more than a row: the cell right of the band
  rows.assign(3 * width, far);
  std::size_t* before = rows.data();
  std::size_t* previous = before + width;
  std::size_t* current = previous + width;
  for (std::size_t j = 0; j <= std::min(b.size(), k); ++j) previous[j] = j;
  std::size_t previous_min = 0;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    const std::size_t lo = i > k ? i - k : 1;
    const std::size_t hi = std::min(b.size(), i + k);
    current[0] = i <= k ? i : far;
    if (lo > 1) current[lo - 1] = far;
    std::size_t row_min = current[0];
    for (std::size_t j = lo; j <= hi; ++j) {
      const std::size_t substitution = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t d = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + substitution});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d = std::min(d, before[j - 2] + 1);
      current[j] = std::min(d, far);
      row_min = std::min(row_min, current[j]);
    }
    current[hi + 1] = far;
    if (row_min > k && previous_min > k) return far;
    previous_min = row_min;
    std::swap(before, previous);
    std::swap(previous, current);
  }
  return std::min(previous[b.size()], far);
}

// Characters counted in 64 classes (letters, digits and '.', '-', '_' each in their own):
// an edit changes the counts by at most 2 in all (a swap by none), so half the summed
// difference of two words' counts is at most their distance. Cheap to compare, and it
// rules out most candidates of a large questionnaire before any table is filled.
std::uint8_t character_class(unsigned char c) {
  if (c >= 'a' && c <= 'z') return static_cast<std::uint8_t>(c - 'a');
  if (c >= '0' && c <= '9') return static_cast<std::uint8_t>(26 + c - '0');
  if (c == '.') return 36;
  if (c == '-') return 37;
  if (c == '_') return 38;
  return static_cast<std::uint8_t>(39 + c % 25);
}

using Counts = std::array<std::uint8_t, 64>;

Counts counts_of(std::string_view lowered) {
  Counts counts{};
  for (const char c : lowered) {
    std::uint8_t& n = counts[character_class(static_cast<unsigned char>(c))];
    if (n < 255) ++n;  // saturated counts still bound the distance from below
  }
  return counts;
}

std::size_t counts_difference(const Counts& a, const Counts& b) {
  int sum = 0;  // written so that the compiler sums absolute differences a vector at a time
  for (std::size_t i = 0; i < a.size(); ++i) sum += std::abs(int{a[i]} - int{b[i]});
  return static_cast<std::size_t>(sum);
}

}  // namespace

LikelyMeant::LikelyMeant(const std::vector<std::string_view>& candidates) {
  by_length_.reserve(candidates.size());
  for (const std::string_view c : candidates)
    if (!c.empty()) by_length_.push_back({ascii_lower(c), c});
  std::stable_sort(by_length_.begin(), by_length_.end(),
                   [](const Candidate& x, const Candidate& y) { return x.lowered.size() < y.lowered.size(); });
  counts_.reserve(by_length_.size());
  for (const Candidate& c : by_length_) counts_.push_back(counts_of(c.lowered));
  for (std::size_t first = 0; first < by_length_.size();) {
    std::size_t last = first + 1;
    while (last < by_length_.size() && by_length_[last].lowered.size() == by_length_[first].lowered.size()) ++last;
    lengths_.push_back({first, last});
    first = last;
  }
}

std::optional<std::string_view> LikelyMeant::find(std::string_view word, std::size_t& budget,
                                                  std::string_view except) const {
  const std::string lowered = ascii_lower(word);
  const Counts word_counts = counts_of(lowered);
  // The lengths a candidate may have to be near enough (allowed_edits depends on the
  // candidate's length alone), nearest first, so that the nearest candidate so far soon
  // bounds how far the others are followed.
  struct Group {
    std::size_t offset;
    std::size_t allowed;
    std::size_t first, last;
  };
  std::vector<Group> groups;
  for (const Length& length : lengths_) {
    const std::size_t offset = length_difference(lowered, by_length_[length.first].lowered);
    const std::size_t allowed = allowed_edits(by_length_[length.first].lowered);
    if (offset <= allowed) groups.push_back({offset, allowed, length.first, length.last});
  }
  std::stable_sort(groups.begin(), groups.end(), [](const Group& x, const Group& y) { return x.offset < y.offset; });

  std::optional<std::string_view> best;
  std::size_t best_distance = 0;
  bool tie = false;
  std::vector<std::size_t> rows;
  for (const Group& group : groups) {
    const std::size_t bound = best ? std::min(group.allowed, best_distance) : group.allowed;
    if (group.offset > bound) continue;
    for (std::size_t i = group.first; i < group.last; ++i) {
      if (except.data() != nullptr && by_length_[i].original.data() == except.data()) continue;
      if (budget < cost_of_counts) return std::nullopt;
      budget -= cost_of_counts;
      const std::size_t limit = best ? std::min(group.allowed, best_distance) : group.allowed;
      if (counts_difference(word_counts, counts_[i]) > 2 * limit) continue;
      if (budget < cost_of_distance) return std::nullopt;
      budget -= cost_of_distance;
      const std::size_t d = edit_distance_at_most(lowered, by_length_[i].lowered, limit, rows);
      if (d > limit) continue;
      if (!best || d < best_distance) {
        best = by_length_[i].original;
        best_distance = d;
        tie = false;
      } else if (d == best_distance) {
        tie = true;
      }
    }
  }
  if (tie) return std::nullopt;
  return best;
}

std::optional<std::string_view> likely_meant(std::string_view word, const std::vector<std::string_view>& candidates) {
  std::size_t unlimited = static_cast<std::size_t>(-1);
  return LikelyMeant(candidates).find(word, unlimited);
}

}  // namespace centric
