#include <nlohmann/json.hpp>

#include "centric/answers_io.hpp"

namespace centric {

namespace {

nlohmann::ordered_json answer_document(const Questionnaire& q, const AnswerSet& a) {
  using ojson = nlohmann::ordered_json;
  ojson doc;
  doc["format"] = "centric-answers/1";
  doc["questionnaire"] = {{"id", q.id}, {"version", q.version}};
  ojson respondent;
  if (a.respondent.id) respondent["id"] = *a.respondent.id;
  respondent["department"] = a.respondent.department;
  if (a.respondent.role != Role::none) respondent["role"] = a.respondent.role == Role::leader ? "leader" : "employee";
  doc["respondent"] = std::move(respondent);
  doc["complete"] = a.complete;
  if (a.submitted_at) doc["submitted_at"] = *a.submitted_at;
  ojson answers = ojson::object();
  std::size_t flat = 0;
  for (const auto& d : q.dimensions) {
    for (const auto& question : d.questions) {
      const AnswerValue& v = a.answers.at(flat++);
      if (v.kind == AnswerValue::Kind::value)
        answers[question.id] = v.value;
      else if (v.kind == AnswerValue::Kind::not_applicable)
        answers[question.id] = "na";
      else if (v.kind == AnswerValue::Kind::dont_know)
        answers[question.id] = "dk";
    }
  }
  doc["answers"] = std::move(answers);
  return doc;
}

}  // namespace

std::string write_answer_set(const Questionnaire& q, const AnswerSet& a) {
  return answer_document(q, a).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string write_answer_line(const Questionnaire& q, const AnswerSet& a) {
  return answer_document(q, a).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace centric
