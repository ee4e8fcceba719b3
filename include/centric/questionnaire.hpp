// The questionnaire model: plain data, filled by the reader in io/ and read by everything else.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

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

struct Question {
  std::string id;
  LocalizedText text;
  LocalizedText help;
  double weight = 1;
  bool reverse = false;
};

struct Recommendation {
  std::vector<int> levels;
  LocalizedText text;
};

struct Dimension {
  std::string id;
  LocalizedText name;
  LocalizedText short_name;  // a column header; the name when absent
  LocalizedText description;
  double weight = 1;
  std::vector<Question> questions;
  std::vector<Recommendation> recommendations;
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
  std::size_t question_count() const;
  // The major part of a "MAJOR.MINOR.PATCH" version ("1" for "1.0.0").
  static std::string_view major_version(std::string_view version);
};

}  // namespace centric
