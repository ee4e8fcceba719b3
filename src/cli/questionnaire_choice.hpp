// The questionnaire a command works with: --questionnaire FILE, or the built-in one.
#pragma once

#include <optional>
#include <string>

#include "centric/questionnaire_io.hpp"

namespace centric::cli {

// Loads it and prints its warnings and errors on stderr. Empty when it has errors.
std::optional<Questionnaire> choose_questionnaire(const std::string& path);

// The same, keeping the whole load (its text is what `questionnaire --json` prints).
QuestionnaireLoad load_and_report(const std::string& path);

void print_diagnostics(const std::vector<Diagnostic>& diagnostics);

}  // namespace centric::cli
