#include <fmt/format.h>

#include <cmath>

#include "centric/answers_io.hpp"
#include "io/department_names.hpp"
#include "io/json_fields.hpp"
#include "text/edit_distance.hpp"

namespace centric {

using detail::shown;
using nlohmann::json;

constexpr std::string_view answers_format = "centric-answers/1";
constexpr std::string_view questionnaire_format = "centric-questionnaire/1";

namespace {

// Whether major version `a` is below `b`, both digits only ("1" < "2" < "10"); false when
// either is not a plain number.
bool older_major(std::string_view a, std::string_view b) {
  const auto digits = [](std::string_view s) {
    return !s.empty() && s.size() < 10 && s.find_first_not_of("0123456789") == std::string_view::npos;
  };
  if (!digits(a) || !digits(b)) return false;
  return std::stoul(std::string(a)) < std::stoul(std::string(b));
}

// The work the "did you mean" of one answer set may do (LikelyMeant::find): enough for
// thousands of unknown ids against a questionnaire of ordinary size, and for ten or so
// against one of 100k questions; beyond it, unknown ids get no suggestion, so an answer set
// full of them costs milliseconds, not seconds.
constexpr std::size_t suggestion_budget = 1'000'000;

std::string unknown_question_message(const LikelyMeant& suggestions, const std::string& question, const json& value,
                                     std::size_t& budget) {
  std::string message = fmt::format("unknown question id {} (answered {})", shown(question), shown(value));
  if (auto meant = suggestions.find(question, budget)) message += fmt::format("; did you mean \"{}\"?", *meant);
  return message;
}

// What a scale allows besides its numbers, for "expected a whole number 1..5{}".
std::string other_answers(const Scale& scale) {
  if (scale.not_applicable && scale.dont_know) return ", \"na\" or \"dk\"";
  if (scale.not_applicable) return " or \"na\"";
  if (scale.dont_know) return " or \"dk\"";
  return "";
}

}  // namespace

AnswerSetReader::AnswerSetReader(const Questionnaire& questionnaire) : questionnaire_(questionnaire) {
  std::size_t flat = 0;
  for (const auto& d : questionnaire.dimensions)
    for (const auto& q : d.questions) {
      question_index_.emplace(q.id, flat++);
      any_leaders_only_ = any_leaders_only_ || q.audience == Audience::leaders;
    }
  std::vector<std::string_view> ids;
  ids.reserve(flat);
  for (const auto& d : questionnaire.dimensions)
    for (const auto& q : d.questions) ids.push_back(q.id);
  suggestions_ = std::make_shared<const LikelyMeant>(ids);
  departments_ = std::make_shared<const DepartmentNames>(questionnaire);
}

std::variant<AnswerSet, std::vector<Diagnostic>> AnswerSetReader::read(const json& doc,
                                                                       const std::string& source) const {
  std::vector<Diagnostic> problems;
  detail::Fields f(source, problems);
  const JsonPath at;
  AnswerSet a;
  if (!doc.is_object()) {
    f.error(at, fmt::format("an answer set must be a JSON object, not {}", json_type_name(doc)));
    return problems;
  }
  // A questionnaire lacks every key of an answer set: one line that says what it is beats
  // one for each missing key. With answers, it is an answer set with a wrong format.
  if (const auto format = doc.find("format");
      format != doc.end() && *format == questionnaire_format && !doc.contains("answers")) {
    f.error(at.key("format"), "this is a questionnaire, not answers (use it with --questionnaire FILE)");
    return problems;
  }
  if (auto format = f.string(doc, at, "format", true); format && *format != answers_format)
    f.error(at.key("format"), fmt::format("is {}, expected \"{}\"", shown(*format), answers_format));

  if (const json* q = f.member(doc, at, "questionnaire", true);
      q != nullptr && f.expect_object(*q, at.key("questionnaire"))) {
    const JsonPath q_at = at.key("questionnaire");
    auto id = f.string(*q, q_at, "id", true);
    auto version = f.string(*q, q_at, "version", true);
    if (id && *id != questionnaire_.id)
      f.error(q_at.key("id"), fmt::format("answers questionnaire {}, but the questionnaire in use is \"{}\"",
                                          shown(*id), questionnaire_.id));
    if (version && Questionnaire::major_version(*version) != Questionnaire::major_version(questionnaire_.version)) {
      // An earlier wave's answers (the usual case after an upgrade): say how to score them.
      const bool older =
          id && *id == questionnaire_.id &&
          older_major(Questionnaire::major_version(*version), Questionnaire::major_version(questionnaire_.version));
      f.error(q_at.key("version"),
              fmt::format("answers version {}, but the questionnaire in use is version \"{}\" "
                          "(the major versions must match){}",
                          shown(*version), questionnaire_.version,
                          older ? "; score an earlier version's answers with that version's questionnaire "
                                  "(--questionnaire FILE; docs/questionnaire.md says where the built-in one's "
                                  "earlier versions are)"
                                : ""));
    }
    a.questionnaire_id = id.value_or("");
    a.questionnaire_version = version.value_or("");
  }

  if (const json* r = f.member(doc, at, "respondent", true);
      r != nullptr && f.expect_object(*r, at.key("respondent"))) {
    const JsonPath r_at = at.key("respondent");
    if (auto department = f.string(*r, r_at, "department", true)) {
      if (department->empty()) f.error(r_at.key("department"), "must not be empty");
      // A listed department's name is reported under its id (formats.md §2).
      if (const auto id = departments_->listed(*department))
        a.respondent.department.assign(*id);
      else
        a.respondent.department = std::move(*department);
    }
    if (const json* role = f.member(*r, r_at, "role", false)) {
      if (*role == "leader")
        a.respondent.role = Role::leader;
      else if (*role == "employee")
        a.respondent.role = Role::employee;
      else
        f.error(r_at.key("role"),
                fmt::format("is {}; it must be \"leader\" or \"employee\" (or left out)", shown(*role)));
    }
    // An empty id names nobody: the set is kept, without a duplicate check.
    if (auto id = f.string(*r, r_at, "id", false); id && !id->empty()) a.respondent.id = std::move(*id);
  }

  a.complete = f.boolean(doc, at, "complete").value_or(true);
  a.submitted_at = f.string(doc, at, "submitted_at", false);

  const Scale& scale = questionnaire_.scale;
  a.answers.assign(question_index_.size(), AnswerValue::skipped());
  if (const json* answers = f.member(doc, at, "answers", true);
      answers != nullptr && f.expect_object(*answers, at.key("answers"))) {
    std::size_t budget = suggestion_budget;
    for (const auto& [question, value] : answers->items()) {
      const JsonPath q_at = at.key("answers").key(question);
      auto found = question_index_.find(question);
      if (found == question_index_.end()) {
        f.error(q_at, unknown_question_message(*suggestions_, question, value, budget));
        continue;
      }
      AnswerValue& slot = a.answers[found->second];
      if (value.is_string() && value.get_ref<const std::string&>() == "na") {
        if (scale.not_applicable)
          slot = AnswerValue::na();
        else
          f.error(q_at, "\"na\" (not applicable) is not allowed: this questionnaire's scale has no N/A");
        continue;
      }
      if (value.is_string() && value.get_ref<const std::string&>() == "dk") {
        if (scale.dont_know)
          slot = AnswerValue::dk();
        else
          f.error(q_at, "\"dk\" (don't know) is not allowed: this questionnaire's scale has no \"don't know\"");
        continue;
      }
      if (!value.is_number()) {
        f.error(q_at, fmt::format("{} is not an answer: expected a whole number {}..{}{}", shown(value), scale.min,
                                  scale.max, other_answers(scale)));
        continue;
      }
      if (!detail::is_whole_number(value)) {
        f.error(q_at,
                fmt::format("{} is not a whole number (the scale is {}..{})", shown(value), scale.min, scale.max));
        continue;
      }
      const double v = value.get<double>();
      if (v < scale.min || v > scale.max) {
        // A huge integer arrives as a double; say so, since its printed form differs from the file's.
        f.error(q_at, fmt::format("{}{} is outside the scale {}..{}", std::abs(v) >= 1e15 ? "the huge number " : "",
                                  shown(value), scale.min, scale.max));
        continue;
      }
      slot = AnswerValue::of(static_cast<int>(v));
    }
  }
  if (has_errors(problems)) return problems;
  // An employee's answer to a question asked of leaders only (formats.md §2) is not
  // counted; the rest of the set is (a form that shows every question to everyone).
  if (any_leaders_only_) clear_answers_not_asked(questionnaire_, a);
  return a;
}

}  // namespace centric
