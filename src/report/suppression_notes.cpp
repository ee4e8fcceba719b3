#include "report/suppression_notes.hpp"

#include <fmt/format.h>

namespace centric {

std::string hidden_reason(Hidden why, const Assessment& a, const Messages& m) {
  switch (why) {
    case Hidden::small:
      return m.plural("hidden.reason.small", a.options.min_group);
    case Hidden::complementary:
      return m("hidden.reason.complementary");
    case Hidden::recoverable:
      return m.plural("hidden.reason.recoverable", a.options.min_group);
    case Hidden::incomplete:
      return m("hidden.reason.incomplete");
    case Hidden::shown:
      break;
  }
  return {};
}

namespace {

void add_group(std::vector<HiddenCellsNote>& notes, GroupKind kind, const GroupResult& g, const Assessment& a,
               const Messages& m) {
  for (const Hidden why : {Hidden::small, Hidden::complementary, Hidden::recoverable}) {
    HiddenCellsNote note{kind, &g, {}, hidden_reason(why, a, m)};
    for (std::size_t i = 0; i < g.hidden.size(); ++i)
      if (g.hidden[i] == why) note.dimensions.push_back(i);
    if (!note.dimensions.empty()) notes.push_back(std::move(note));
  }
}

}  // namespace

std::string suppression_reason(const GroupResult& department, const Assessment& a, const Messages& m) {
  if (!department.suppressed) return {};
  return department.suppressed_because == Hidden::small ? m.plural("suppression.small", a.options.min_group)
                                                        : m("suppression.complementary");
}

std::vector<SuppressionNote> suppression_notes(const Assessment& a, const Messages& m) {
  std::vector<SuppressionNote> small, protecting;
  for (const auto& d : a.departments) {
    if (!d.suppressed) continue;
    (d.suppressed_because == Hidden::small ? small : protecting).push_back({&d, suppression_reason(d, a, m)});
  }
  small.insert(small.end(), protecting.begin(), protecting.end());
  return small;
}

std::vector<HiddenCellsNote> hidden_cells_notes(const Assessment& a, const Messages& m) {
  std::vector<HiddenCellsNote> notes;
  add_group(notes, GroupKind::organisation, a.organisation, a, m);
  for (const auto& d : a.departments)
    if (!d.suppressed) add_group(notes, GroupKind::department, d, a, m);
  if (a.roles_shown) {
    add_group(notes, GroupKind::leaders, a.leaders, a, m);
    add_group(notes, GroupKind::employees, a.employees, a, m);
  }
  return notes;
}

std::string roles_hidden_note(const Assessment& a, const Messages& m) {
  if (a.roles_shown || a.roles_hidden != Hidden::recoverable) return {};
  return m.plural("hidden.roles.recoverable", a.options.min_group);
}

std::string hidden_cell_marker(const Messages& m) { return m("hidden.cell"); }

bool any_hidden_cells(const Assessment& a) {
  if (a.organisation.any_hidden()) return true;
  for (const auto& d : a.departments)
    if (!d.suppressed && d.any_hidden()) return true;
  return a.roles_shown && (a.leaders.any_hidden() || a.employees.any_hidden());
}

bool leader_gap_hidden(const Assessment& a, std::size_t i) {
  return a.roles_shown && (a.leaders.hidden[i] != Hidden::shown || a.employees.hidden[i] != Hidden::shown);
}

std::string hidden_cells_legend(const Assessment& a, const Messages& m) {
  if (!any_hidden_cells(a)) return {};
  return m("hidden.legend", fmt::arg("marker", hidden_cell_marker(m)));
}

NotShownSection not_shown_section(const Assessment& a, const Messages& m, const NotShownNames& names) {
  NotShownSection section;
  const auto departments = suppression_notes(a, m);
  for (const auto& note : departments)
    section.items.push_back(fmt::format("{} (n={}): {}", names.department_id(*note.department), note.department->n,
                                        names.sentence(note.reason)));
  for (const auto& note : hidden_cells_notes(a, m)) {
    std::string dimensions;
    for (const std::size_t i : note.dimensions) dimensions += (dimensions.empty() ? "" : ", ") + names.dimension(i);
    // The names are the caller's, already escaped; the template holds no markup.
    std::string group;
    switch (note.kind) {
      case GroupKind::organisation:
        group = names.sentence(m("group.organisation"));
        break;
      case GroupKind::leaders:
        group = names.sentence(m("group.leaders"));
        break;
      case GroupKind::employees:
        group = names.sentence(m("group.employees"));
        break;
      case GroupKind::department:
        group = names.department(*note.group);
        break;
    }
    section.items.push_back(m("hidden.line", fmt::arg("group", group), fmt::arg("dimensions", dimensions),
                              fmt::arg("reason", names.sentence(note.reason))));
  }
  if (const std::string roles = roles_hidden_note(a, m); !roles.empty()) section.items.push_back(names.sentence(roles));
  if (!departments.empty()) section.footer = names.sentence(m("suppression.footer"));
  return section;
}

}  // namespace centric
