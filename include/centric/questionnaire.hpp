// The questionnaire model: plain data, filled by the reader in io/ and read by everything else.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "centric/answers.hpp"

namespace centric {

// Text in one or more languages. A language that is missing falls back to the
// questionnaire's default language.
struct LocalizedText {
  std::map<std::string, std::string, std::less<>> by_language;

  bool empty() const { return by_language.empty(); }
  bool has(std::string_view language) const;
  // The text in `language`, else in `fallback`, else any text at all, else "".
  const std::string& in(std::string_view language, std::string_view fallback) const;
};

struct Scale {
  int min = 1;
  int max = 5;
  std::map<int, LocalizedText> labels;
  bool not_applicable = false;
  bool dont_know = false;  // the answer "dk" is allowed: scored like "na" (formats.md §1)

  int points() const { return max - min + 1; }
};

struct Level {
  int number = 0;
  double min = 0;
  LocalizedText name;
  LocalizedText description;
};

struct Department {
  std::string id;
  LocalizedText name;
};

// Who is asked a question: everyone, or only respondents whose role is leader (an
// employee is never asked it, and not counted as having skipped it: formats.md §4).
enum class Audience : std::uint8_t { everyone, leaders };

struct Question {
  std::string id;
  LocalizedText text;
  LocalizedText help;
  double weight = 1;
  bool reverse = false;
  Audience audience = Audience::everyone;

  // Whether a respondent of `role` is asked this question.
  bool asked_of(Role role) const { return audience == Audience::everyone || role == Role::leader; }
};

struct Recommendation {
  std::vector<int> levels;
  LocalizedText text;
  LocalizedText owner{};             // who should act ("Department head"); may be empty
  LocalizedText time_frame{};        // by when ("within 3 months"); may be empty
  std::vector<std::string> items{};  // ids of questions of the same dimension it should move
};

struct Dimension {
  std::string id;
  LocalizedText name;
  LocalizedText short_name;  // a column header; the name when absent
  LocalizedText description;
  double weight = 1;
  std::vector<Question> questions;
  std::vector<Recommendation> recommendations;
  // What a level means in this dimension, where it says more than the level's own
  // description (by level number).
  std::map<int, LocalizedText> level_descriptions{};

  // How many of its questions a respondent of `role` is asked (k of formats.md §3.3).
  std::size_t asked_count(Role role) const;
};

struct Questionnaire {
  std::string id;
  std::string version;
  std::string default_language = "en";
  std::vector<std::string> languages;  // empty: none claimed
  LocalizedText title;
  LocalizedText intro;
  Scale scale;
  std::vector<Level> levels;
  std::vector<Department> departments;
  std::vector<Dimension> dimensions;

  const std::string& text(const LocalizedText& t, std::string_view language) const {
    return t.in(language, default_language);
  }
  const Department* find_department(std::string_view department_id) const;
  // The description of `level` in `dimension`: the dimension's own, else the level's
  // (empty when neither has one).
  const LocalizedText& level_description(const Dimension& dimension, int level) const;
  std::size_t question_count() const;
  // The major part of a "MAJOR.MINOR.PATCH" version ("1" for "1.0.0").
  static std::string_view major_version(std::string_view version);
};

// Clears `answers`' answers to questions not asked of its respondent's role and counts
// them in `answers.not_asked` (formats.md §2): an employee's answer to a leaders-only
// question is not counted, and does not reject the rest. Returns how many were cleared.
std::uint32_t clear_answers_not_asked(const Questionnaire& questionnaire, AnswerSet& answers);

}  // namespace centric
