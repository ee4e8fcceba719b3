// Why each hidden department is hidden, in the words every report uses (formats.md §3.9).
#pragma once

#include <string>
#include <vector>

#include "centric/messages.hpp"
#include "centric/scoring.hpp"

namespace centric {

struct SuppressionNote {
  const GroupResult* department;  // suppressed: only its id and n may be shown
  std::string reason;             // "fewer than 5 respondents." or why it is hidden as well
};

// The departments below min_group first, then those hidden to protect them; empty when
// nothing is hidden.
std::vector<SuppressionNote> suppression_notes(const Assessment& a, const Messages& m);

}  // namespace centric
