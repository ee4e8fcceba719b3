// One respondent's answers, as read from a centric-answers/1 document.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace centric {

enum class Role : std::uint8_t { none, leader, employee };

struct AnswerValue {
  // not_applicable ("na": the statement does not apply to the respondent) and dont_know
  // ("dk": the respondent cannot judge it) are scored alike: given, but not answered.
  enum class Kind : std::uint8_t { absent, not_applicable, value, dont_know };
  Kind kind = Kind::absent;
  int value = 0;  // meaningful only for Kind::value

  static AnswerValue skipped() { return {}; }
  static AnswerValue na() { return {Kind::not_applicable, 0}; }
  static AnswerValue dk() { return {Kind::dont_know, 0}; }
  static AnswerValue of(int v) { return {Kind::value, v}; }
  bool answered() const { return kind == Kind::value; }
  bool given() const { return kind != Kind::absent; }  // a value, "na" or "dk"
};

struct Respondent {
  std::optional<std::string> id;
  std::string department;
  Role role = Role::none;
};

struct AnswerSet {
  std::string questionnaire_id;
  std::string questionnaire_version;
  Respondent respondent;
  bool complete = true;
  std::optional<std::string> submitted_at;
  // One entry per question, in questionnaire order (dimension by dimension), so that
  // scoring never looks a question up by its id.
  std::vector<AnswerValue> answers;
  // Answers to questions not asked of the respondent's role (an employee's answer to a
  // leaders-only question): cleared from `answers`, not counted (formats.md §2), and
  // reported together in one warning.
  std::uint32_t not_asked = 0;
};

}  // namespace centric
