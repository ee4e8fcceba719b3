#include "centric/questionnaire.hpp"

namespace centric {

const Department* Questionnaire::find_department(std::string_view department_id) const {
  for (const auto& d : departments)
    if (d.id == department_id) return &d;
  return nullptr;
}

std::size_t Questionnaire::question_count() const {
  std::size_t count = 0;
  for (const auto& d : dimensions) count += d.questions.size();
  return count;
}

std::string_view Questionnaire::major_version(std::string_view version) { return version.substr(0, version.find('.')); }

}  // namespace centric
