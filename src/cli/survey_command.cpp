#include <fmt/format.h>

#include <sys/stat.h>
#include <unistd.h>

#include <memory>
#include <optional>

#include "centric/messages.hpp"
#include "centric/survey.hpp"
#include "centric/terminal.hpp"
#include "centric/text.hpp"
#include "cli/commands.hpp"
#include "cli/file_option.hpp"
#include "cli/language_option.hpp"
#include "cli/questionnaire_choice.hpp"

namespace centric::cli {
namespace {

struct SurveyOptions {
  std::string questionnaire;
  std::string department;
  std::string role;
  std::string respondent;
  std::string language;
  std::string output;
  std::string resume;
  bool no_color = false;
};

// A survey saves into the file it resumes, by replacing it: a read-only file would be
// replaced (and made writable) all the same, since the directory allows it. Its mode says
// it is meant to stay as it is. The mode, not access(2) alone: for root that always allows.
std::optional<std::string> not_resumable(const std::string& path) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return std::nullopt;  // the survey says why
  if ((st.st_mode & S_IWUSR) != 0 && ::access(path.c_str(), W_OK) == 0) return std::nullopt;
  return fmt::format(
      "{}: is read-only (mode {:04o}); resuming saves into it, so make it writable first (chmod u+w) or resume a "
      "copy",
      printable(path), st.st_mode & 07777);
}

int run_survey_command(const SurveyOptions& o, const CLI::App& app) {
  if (!o.resume.empty()) {
    // These come from the file being resumed; silently ignoring them would mislead.
    for (const char* option : {"--output", "--department", "--role", "--respondent"}) {
      if (app.count(option) > 0) {
        fmt::print(stderr, "centric: error: {} cannot be used with --resume (it comes from the resumed file)\n",
                   option);
        return exit_usage;
      }
    }
  }
  if (!o.resume.empty()) {
    if (auto problem = not_resumable(o.resume)) {
      fmt::print(stderr, "centric: error: {}\n", *problem);
      return exit_failed;
    }
  }
  auto questionnaire = choose_questionnaire(o.questionnaire);
  if (!questionnaire) return exit_failed;

  // The same choice, and the same error, as assess and questionnaire make.
  const auto language = language_for(*questionnaire, o.language);
  if (!language) return exit_usage;

  SurveySettings settings;
  settings.questionnaire_path = o.questionnaire;
  if (app.count("--department") > 0) {
    if (o.department.empty()) {
      fmt::print(stderr, "centric: error: --department: must not be empty\n");
      return exit_usage;
    }
    settings.department = o.department;
  }
  if (!o.role.empty()) settings.role = o.role == "leader" ? Role::leader : Role::employee;
  if (!o.respondent.empty()) settings.respondent = o.respondent;
  settings.language = *language;
  // The survey's own words in the questionnaire's language (English where there is no
  // catalogue for it); argument errors above stay English, like every diagnostic.
  settings.messages = &Messages::built_in(*language);
  settings.output = o.output;
  settings.resume = o.resume;
  settings.color = should_use_color(1, o.no_color);

  switch (run_survey(*questionnaire, settings)) {
    case SurveyEnd::completed:
    case SurveyEnd::quit:
      return exit_ok;
    case SurveyEnd::interrupted:
      return exit_interrupted;
    case SurveyEnd::refused:
    case SurveyEnd::failed:
      break;
  }
  return exit_failed;
}

}  // namespace

Command set_survey_command(CLI::App& parent) {
  auto options = std::make_shared<SurveyOptions>();
  CLI::App* app = parent.add_subcommand("survey", "Take the survey in the terminal and save the answers");
  app->add_option("-q,--questionnaire", options->questionnaire, "Questionnaire file (default: the built-in one)")
      ->check(non_empty_file_name())
      ->type_name("FILE");
  app->add_option("--department", options->department, "Your department's id (asked when not given)")->type_name("ID");
  app->add_option("--role", options->role, "Your role (asked when not given)")
      ->check(CLI::IsMember({"leader", "employee"}));
  app->add_option("--respondent", options->respondent, "Respondent id (default: a random UUID)")->type_name("ID");
  app->add_option("--lang", options->language, "Language (default: from LC_ALL, LC_MESSAGES or LANG)")
      ->type_name("CODE");
  app->add_option("-o,--output", options->output,
                  "Answers file (default: answers-<department>-<time>.json here); never overwritten")
      ->check(non_empty_file_name())
      ->type_name("FILE");
  app->add_option("--resume", options->resume, "Continue a survey saved part-way, in that file")
      ->check(non_empty_file_name())
      ->type_name("FILE");
  app->add_flag("--no-color", options->no_color, "Never use colour");
  return {app, [options, app] { return run_survey_command(*options, *app); }};
}

}  // namespace centric::cli
