// What each report says about the figures it hides and why, in the words every format
// uses (formats.md §3.9): whole departments, cells of shown groups, the role subgroups.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "centric/messages.hpp"
#include "centric/scoring.hpp"

namespace centric {

struct SuppressionNote {
  const GroupResult* department;  // suppressed: only its id and n may be shown
  std::string reason;             // "fewer than 5 respondents." or why it is hidden as well
};

// Why a department is hidden whole; empty when it is shown.
std::string suppression_reason(const GroupResult& department, const Assessment& a, const Messages& m);

// The departments below min_group first, then those hidden to protect them; empty when
// nothing is hidden.
std::vector<SuppressionNote> suppression_notes(const Assessment& a, const Messages& m);

// Why a cell of a shown group is hidden, as a sentence; empty when it is shown.
std::string hidden_reason(Hidden why, const Assessment& a, const Messages& m);

enum class GroupKind { organisation, department, leaders, employees };

// Dimensions of a shown group hidden for one reason (§3.9 a, b).
struct HiddenCellsNote {
  GroupKind kind;
  const GroupResult* group;
  std::vector<std::size_t> dimensions;  // in questionnaire order
  std::string reason;
};

// In report order (organisation, departments, leaders, employees), then by reason; empty
// when no cell of a shown group is hidden.
std::vector<HiddenCellsNote> hidden_cells_notes(const Assessment& a, const Messages& m);

// Why the role subgroups are not shown at all; empty when they are, or when there is no
// one to show (fewer than min_group leaders or employees is said by the leader gap's
// reading).
std::string roles_hidden_note(const Assessment& a, const Messages& m);

// What a table cell says in place of a hidden figure ("hidden"), and the sentence that
// explains it under the table; empty when nothing in the report is hidden that way.
std::string hidden_cell_marker(const Messages& m);
std::string hidden_cells_legend(const Assessment& a, const Messages& m);

// The leader gap of dimension i is left out because a role subgroup's cell is hidden.
bool leader_gap_hidden(const Assessment& a, std::size_t i);

// True when any cell of a shown group (or the whole role subgroups) is hidden.
bool any_hidden_cells(const Assessment& a);

// The "Not shown, to protect anonymity" section of every format: one item per hidden
// department ("ID (n=N): why"), per group and reason of hidden cells ("GROUP, DIMENSIONS:
// why") and for the role subgroups, then the footer (empty when no department is hidden).
// The caller names things, escaped for its format; the sentences are the catalogue's.
struct NotShownSection {
  std::vector<std::string> items;
  std::string footer;

  bool empty() const { return items.empty(); }
};

struct NotShownNames {
  std::function<std::string(const GroupResult&)> department_id;  // a suppressed department: only its id
  std::function<std::string(const GroupResult&)> department;     // a shown department's name
  std::function<std::string(std::size_t)> dimension;
  std::function<std::string(const std::string&)> sentence = [](const std::string& s) { return s; };  // the catalogue's
};

NotShownSection not_shown_section(const Assessment& a, const Messages& m, const NotShownNames& names);

}  // namespace centric
