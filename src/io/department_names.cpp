#include "io/department_names.hpp"

#include <functional>

#include "text/normalised_text.hpp"

namespace centric {

DepartmentNames::DepartmentNames(const Questionnaire& questionnaire) {
  // Ids first, so that a name that happens to be another department's id does not take it.
  for (const Department& d : questionnaire.departments) {
    exact_.emplace(d.id, &d.id);
    normal_.emplace(normalised(d.id), &d.id);
  }
  for (const Department& d : questionnaire.departments)
    for (const auto& [language, name] : d.name.by_language)
      if (std::string key = normalised(name); !key.empty()) normal_.emplace(std::move(key), &d.id);
}

std::optional<std::string_view> DepartmentNames::listed(std::string_view value) const {
  if (exact_.empty()) return std::nullopt;
  if (const auto found = exact_.find(value); found != exact_.end()) return *found->second;
  if (const auto found = normal_.find(normalised(value)); found != normal_.end()) return *found->second;
  return std::nullopt;
}

std::string_view DepartmentMemo::resolve(std::string_view value) {
  if (last_ && last_->value == value) return last_->id.value_or(value);
  Slot& slot = slots_[std::hash<std::string_view>{}(value) % slots];
  if (!slot.used || slot.value != value) {
    slot.value.assign(value);
    slot.id = names_.listed(value);
    slot.used = true;
  }
  last_ = &slot;
  return slot.id.value_or(value);
}

}  // namespace centric
