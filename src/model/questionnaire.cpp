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

const LocalizedText& Questionnaire::level_description(const Dimension& dimension, int level) const {
  if (const auto own = dimension.level_descriptions.find(level); own != dimension.level_descriptions.end())
    return own->second;
  static const LocalizedText none;
  if (level < 1 || static_cast<std::size_t>(level) > levels.size()) return none;
  return levels[static_cast<std::size_t>(level) - 1].description;
}

std::size_t Dimension::asked_count(Role role) const {
  std::size_t count = 0;
  for (const auto& q : questions) count += q.asked_of(role) ? 1 : 0;
  return count;
}

std::string_view Questionnaire::major_version(std::string_view version) { return version.substr(0, version.find('.')); }

std::uint32_t clear_answers_not_asked(const Questionnaire& questionnaire, AnswerSet& answers) {
  if (answers.respondent.role == Role::leader) return 0;
  std::uint32_t cleared = 0;
  std::size_t flat = 0;
  for (const auto& d : questionnaire.dimensions)
    for (const auto& q : d.questions) {
      AnswerValue& v = answers.answers[flat++];
      // A respondent without a role may be a leader: only an employee is known not to be asked.
      if (answers.respondent.role == Role::employee && !q.asked_of(Role::employee) && v.given()) {
        v = AnswerValue::skipped();
        ++cleared;
      }
    }
  answers.not_asked += cleared;
  return cleared;
}

}  // namespace centric
