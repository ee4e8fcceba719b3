// The questionnaire's departments as people write them (formats.md §2, import.md §3):
// "Sprzedaż", " SALES " and "sales" are all the listed department "sales".
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "centric/questionnaire.hpp"

namespace centric {

class DepartmentNames {
 public:
  // Keeps pointers into `questionnaire`, which must outlive this object.
  explicit DepartmentNames(const Questionnaire& questionnaire);

  // The id of the listed department that `value` names: its id or its name in any
  // language, both compared normalised. An id wins over a name, and an earlier department
  // over a later one, should two departments share a spelling.
  std::optional<std::string_view> listed(std::string_view value) const;

  // No department is listed: listed() never finds one.
  bool empty() const { return exact_.empty(); }

 private:
  std::unordered_map<std::string_view, const std::string*> exact_;  // ids as written
  std::unordered_map<std::string, const std::string*> normal_;      // normalised ids and names
};

// listed() remembered for the last values seen, for readers that meet the same few
// departments in every answer set: most sets cost a compare or a hash, not a normalised().
// One per thread. Bounded: a value seen again after many others is looked up anew.
class DepartmentMemo {
 public:
  explicit DepartmentMemo(const DepartmentNames& names) : names_(names) {}

  // The listed id for `value`, or `value` itself. Valid until the next call.
  std::string_view resolve(std::string_view value);

 private:
  static constexpr std::size_t slots = 64;
  struct Slot {
    std::string value;
    std::optional<std::string_view> id;  // a view of the questionnaire's id
    bool used = false;
  };
  const DepartmentNames& names_;
  Slot slots_[slots];
  const Slot* last_ = nullptr;
};

}  // namespace centric
