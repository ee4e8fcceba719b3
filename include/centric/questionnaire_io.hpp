// Reading and checking questionnaires (formats.md §1), and the built-in default one.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "centric/diagnostic.hpp"
#include "centric/questionnaire.hpp"

namespace centric {

struct QuestionnaireLoad {
  std::optional<Questionnaire> questionnaire;  // set only when there is no error
  std::vector<Diagnostic> diagnostics;         // every error and warning found
  std::string text;                            // the JSON as read (for `questionnaire --json`)

  bool ok() const { return questionnaire.has_value(); }
};

// Parses and checks a questionnaire; reports every broken rule, not only the first.
QuestionnaireLoad read_questionnaire(std::string_view text, const std::string& source);
QuestionnaireLoad load_questionnaire_file(const std::string& path);

// The questionnaire compiled into the binary (questionnaires/customer-centricity.json).
std::string_view default_questionnaire_text();
QuestionnaireLoad load_default_questionnaire();
inline constexpr std::string_view default_questionnaire_source = "<built-in questionnaire>";

}  // namespace centric
