#include "cli/questionnaire_choice.hpp"

#include <fmt/format.h>

namespace centric::cli {

void print_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  for (const auto& d : diagnostics) fmt::print(stderr, "{}\n", format_for_stderr(d));
}

QuestionnaireLoad load_and_report(const std::string& path) {
  QuestionnaireLoad load = path.empty() ? load_default_questionnaire() : load_questionnaire_file(path);
  print_diagnostics(load.diagnostics);
  return load;
}

std::optional<Questionnaire> choose_questionnaire(const std::string& path) {
  QuestionnaireLoad load = load_and_report(path);
  return std::move(load.questionnaire);
}

}  // namespace centric::cli
