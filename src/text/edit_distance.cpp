#include "text/edit_distance.hpp"

#include <algorithm>
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

std::optional<std::string_view> likely_meant(std::string_view word, const std::vector<std::string_view>& candidates) {
  const std::string lowered = ascii_lower(word);
  std::optional<std::string_view> best;
  std::size_t best_distance = 0;
  bool tie = false;
  for (const std::string_view candidate : candidates) {
    if (candidate.empty()) continue;
    const std::size_t allowed = allowed_edits(candidate);
    // Also keeps a hostile megabyte-long key from costing a megabyte-sized table.
    if (length_difference(lowered, candidate) > allowed) continue;
    const std::size_t d = edit_distance(lowered, ascii_lower(candidate));
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

}  // namespace centric
