#include <fmt/format.h>

#include <memory>

#include "centric/report.hpp"
#include "centric/terminal.hpp"
#include "cli/commands.hpp"
#include "cli/file_option.hpp"
#include "cli/language_option.hpp"
#include "cli/questionnaire_choice.hpp"

namespace centric::cli {
namespace {

struct QuestionnaireOptions {
  std::string questionnaire;
  std::string language;
  bool json = false;
  bool no_color = false;
};

int run_questionnaire(const QuestionnaireOptions& o) {
  QuestionnaireLoad load = load_and_report(o.questionnaire);
  if (!load.ok()) return exit_failed;
  if (o.json) {
    // The file itself, byte for byte: a starting point for a custom questionnaire.
    std::string text = load.text;
    if (!text.empty() && text.back() != '\n') text += '\n';
    return write_standard_output(text) ? exit_ok : exit_failed;
  }
  const Questionnaire& q = *load.questionnaire;
  const auto language = language_for(q, o.language);
  if (!language) return exit_usage;
  const TextStyle style{should_use_color(1, o.no_color), terminal_width(1)};
  const std::string text = render_questionnaire(q, *language, style);
  return write_standard_output(text) ? exit_ok : exit_failed;
}

}  // namespace

Command set_questionnaire_command(CLI::App& parent) {
  auto options = std::make_shared<QuestionnaireOptions>();
  CLI::App* app = parent.add_subcommand("questionnaire", "Show the questionnaire in use");
  app->add_option("-q,--questionnaire", options->questionnaire, "Questionnaire file (default: the built-in one)")
      ->check(non_empty_file_name())
      ->type_name("FILE");
  app->add_option("--lang", options->language,
                  "Language (default: from LC_ALL, LC_MESSAGES or LANG when the questionnaire has it)")
      ->type_name("CODE");
  app->add_flag("--json", options->json, "Print the questionnaire as JSON (to start a custom one)");
  app->add_flag("--no-color", options->no_color, "Never use colour");
  return {app, [options] { return run_questionnaire(*options); }};
}

}  // namespace centric::cli
