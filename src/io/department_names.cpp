#include "io/department_names.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <functional>
#include <nlohmann/json.hpp>
#include <set>
#include <utility>
#include <vector>

#include "centric/answers_io.hpp"
#include "io/json_fields.hpp"
#include "text/edit_distance.hpp"
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

namespace centric {
namespace {

// The work that looking for near spellings may do (LikelyMeant::find), over all the
// departments: thousands of departments cost a fraction of a second, not minutes.
constexpr std::size_t near_spelling_budget = 20'000'000;

std::string spelled(std::string_view text) { return detail::shown(nlohmann::json(std::string(text))); }

std::string answer_sets(long count) { return fmt::format("{} answer set{}", count, count == 1 ? "" : "s"); }

struct Spelling {
  const DepartmentSeen* seen;
  std::size_t order;  // first seen
  std::string normal;
  bool listed;
};

// Of two spellings, the one the other was likely meant to be.
bool likelier(const Spelling& a, const Spelling& b) {
  if (a.listed != b.listed) return a.listed;
  if (a.seen->count != b.seen->count) return a.seen->count > b.seen->count;
  return a.order < b.order;
}

struct Found {
  std::size_t odd_order;
  std::string other;  // for the order of two warnings about one spelling
  Diagnostic warning;
};

}  // namespace

std::vector<Diagnostic> department_warnings(const Questionnaire& questionnaire,
                                            const std::vector<DepartmentSeen>& seen) {
  std::vector<Spelling> spellings;
  for (std::size_t i = 0; i < seen.size(); ++i) {
    if (seen[i].count <= 0) continue;
    std::string normal = normalised(seen[i].department);
    if (normal.empty()) continue;
    spellings.push_back({&seen[i], i, std::move(normal), questionnaire.find_department(seen[i].department) != nullptr});
  }
  std::vector<Found> found;
  std::set<std::pair<std::string_view, std::string_view>> pairs;  // warned about: (odd, other) departments
  const auto warn = [&](const Spelling& odd, std::string_view other, std::string message) {
    if (!pairs.emplace(odd.seen->department, other).second) return;
    found.push_back({odd.order, std::string(other),
                     Diagnostic::warning(odd.seen->first_source, odd.seen->path, std::move(message))});
  };
  const auto about_pair = [&](const Spelling& x, const Spelling& y, std::string_view how) {
    const Spelling& odd = likelier(x, y) ? y : x;
    const Spelling& other = likelier(x, y) ? x : y;
    if (pairs.count({other.seen->department, odd.seen->department})) return;
    warn(odd, other.seen->department,
         fmt::format("department {} ({}) {} {} ({}, first in {}): did you mean {}?", spelled(odd.seen->department),
                     answer_sets(odd.seen->count), how, spelled(other.seen->department), other.seen->count,
                     other.seen->first_source, spelled(other.seen->department)));
  };

  // Spellings that are the same normalised: each against the likeliest of them.
  std::unordered_map<std::string_view, std::size_t> likeliest;  // by normalised spelling
  for (std::size_t i = 0; i < spellings.size(); ++i) {
    auto [at, added] = likeliest.try_emplace(spellings[i].normal, i);
    if (!added && likelier(spellings[i], spellings[at->second])) at->second = i;
  }
  for (std::size_t i = 0; i < spellings.size(); ++i) {
    const std::size_t best = likeliest.at(spellings[i].normal);
    if (best != i) about_pair(spellings[i], spellings[best], "differs only in case or white space from");
  }

  // The likeliest of each normalised spelling stands for them all below, in the order seen
  // (which of them get looked at, should the budget run out, depends on the input alone).
  std::vector<std::size_t> standing;
  for (std::size_t i = 0; i < spellings.size(); ++i)
    if (likeliest.at(spellings[i].normal) == i) standing.push_back(i);
  std::size_t budget = near_spelling_budget;
  // Not listed, but near a listed department's id or name.
  std::vector<std::string> listed_normal;
  std::vector<std::pair<const Department*, const std::string*>> listed_by;  // department, the text near
  for (const Department& d : questionnaire.departments) {
    listed_normal.push_back(normalised(d.id));
    listed_by.emplace_back(&d, &d.id);
    for (const auto& [language, name] : d.name.by_language) {
      listed_normal.push_back(normalised(name));
      listed_by.emplace_back(&d, &name);
    }
  }
  std::vector<std::string_view> listed_views(listed_normal.begin(), listed_normal.end());
  const LikelyMeant near_listed(listed_views);
  const auto index_of = [](const std::vector<std::string_view>& views, std::string_view view) {
    for (std::size_t i = 0; i < views.size(); ++i)
      if (views[i].data() == view.data()) return i;
    return views.size();
  };
  std::unordered_map<std::string_view, const Spelling*> by_department;
  for (const Spelling& s : spellings) by_department.emplace(s.seen->department, &s);
  for (const std::size_t i : standing) {
    const Spelling& s = spellings[i];
    if (s.listed) continue;
    const auto meant = near_listed.find(s.normal, budget);
    if (!meant) continue;
    const auto [department, text] = listed_by[index_of(listed_views, *meant)];
    const auto other = by_department.find(department->id);
    const long count = other == by_department.end() ? 0 : other->second->seen->count;
    const std::string where = other == by_department.end() ? "" : ", first in " + other->second->seen->first_source;
    const std::string named = *text == department->id ? "" : spelled(*text) + ", ";
    warn(s, department->id,
         fmt::format("department {} ({}) is not listed in the questionnaire but is close to the listed department {} "
                     "({}{}{}): did you mean {}?",
                     spelled(s.seen->department), answer_sets(s.seen->count), spelled(department->id), named,
                     answer_sets(count), where, spelled(department->id)));
  }

  // Near one another: each spelling against its nearest other.
  std::vector<std::string_view> standing_views;
  for (const std::size_t i : standing) standing_views.push_back(spellings[i].normal);
  const LikelyMeant near_seen(standing_views);
  for (std::size_t k = 0; k < standing.size(); ++k) {
    const auto meant = near_seen.find(standing_views[k], budget, standing_views[k]);
    if (!meant) continue;
    about_pair(spellings[standing[k]], spellings[standing[index_of(standing_views, *meant)]], "is close to");
  }

  std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
    return a.odd_order != b.odd_order ? a.odd_order < b.odd_order : a.other < b.other;
  });
  std::vector<Diagnostic> warnings;
  warnings.reserve(found.size());
  for (auto& f : found) warnings.push_back(std::move(f.warning));
  return warnings;
}

}  // namespace centric
