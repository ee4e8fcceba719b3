#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>

#include "centric/answers_io.hpp"
#include "centric/json_input.hpp"
#include "centric/questionnaire_io.hpp"
#include "cli/commands.hpp"
#include "cli/questionnaire_choice.hpp"

namespace centric::cli {
namespace {

struct ValidateOptions {
  std::vector<std::string> files;
  std::string questionnaire;
};

enum class Kind { questionnaire, answers, unknown };

// What a file claims to be, from its "format" (answers are the default: arrays, JSON
// Lines and directories hold nothing else).
Kind kind_of(const std::string& path) {
  std::error_code ec;
  if (path == "-" || std::filesystem::is_directory(path, ec) || path.ends_with(".jsonl")) return Kind::answers;
  QuestionnaireLoad probe = load_questionnaire_file(path);
  if (probe.ok()) return Kind::questionnaire;
  // Look at the format key of what parsed; a file that does not parse is reported by the
  // answers reader, which names line and column.
  auto parsed = parse_json(probe.text, path);
  if (auto* doc = std::get_if<JsonParse>(&parsed)) {
    const auto& v = doc->value;
    if (v.is_object() && v.contains("format") && v["format"] == "centric-questionnaire/1") return Kind::questionnaire;
    if (v.is_object() && v.contains("format") && v["format"].is_string() && v["format"] != "centric-answers/1")
      return Kind::unknown;
  }
  return Kind::answers;
}

int run_validate(const ValidateOptions& o) {
  std::optional<Questionnaire> answers_questionnaire;  // loaded when the first answer file needs it
  std::unique_ptr<AnswerInputs> answers;
  bool all_ok = true;
  if (std::count(o.files.begin(), o.files.end(), "-") > 1) {
    fmt::print(stderr, "centric: error: standard input (-) can be read only once\n");
    return exit_usage;
  }
  for (const auto& file : o.files) {
    switch (kind_of(file)) {
      case Kind::questionnaire: {
        QuestionnaireLoad load = load_and_report(file);
        if (load.ok())
          fmt::print("{}: ok (questionnaire {} {})\n", file, load.questionnaire->id, load.questionnaire->version);
        else
          all_ok = false;
        break;
      }
      case Kind::unknown:
        fmt::print(stderr,
                   "centric: error: {}: format: not a centric questionnaire or answers file "
                   "(expected \"centric-questionnaire/1\" or \"centric-answers/1\")\n",
                   file);
        all_ok = false;
        break;
      case Kind::answers: {
        if (!answers) {
          answers_questionnaire = choose_questionnaire(o.questionnaire);
          if (!answers_questionnaire) return exit_failed;
          answers = std::make_unique<AnswerInputs>(*answers_questionnaire, [](const AnswerSet&) {});
        }
        const auto rejected_before = answers->summary().rejected.size();
        const auto sources_before = answers->summary().sources;
        const auto warnings_before = answers->summary().warnings.size();
        answers->read_argument(file, std::cin);
        const InputSummary& s = answers->summary();
        for (auto i = warnings_before; i < s.warnings.size(); ++i)
          fmt::print(stderr, "{}\n", format_for_stderr(s.warnings[i]));
        for (auto i = rejected_before; i < s.rejected.size(); ++i)
          for (const auto& p : s.rejected[i].problems) fmt::print(stderr, "{}\n", format_for_stderr(p));
        const auto checked = s.sources - sources_before;
        const auto bad = s.rejected.size() - rejected_before;
        if (bad == 0) {
          fmt::print("{}: ok ({} answer set{})\n", file, checked, checked == 1 ? "" : "s");
        } else if (bad == 1 && checked == 1 && s.rejected.back().source == file) {
          fmt::print("{}: invalid\n", file);  // the whole file: unreadable or not JSON
          all_ok = false;
        } else {
          fmt::print("{}: {} of {} answer set{} rejected\n", file, bad, checked, checked == 1 ? "" : "s");
          all_ok = false;
        }
        break;
      }
    }
  }
  return all_ok ? exit_ok : exit_failed;
}

}  // namespace

Command set_validate_command(CLI::App& parent) {
  auto options = std::make_shared<ValidateOptions>();
  CLI::App* app = parent.add_subcommand("validate", "Check questionnaire and answer files");
  app->add_option("FILE", options->files, "Questionnaire or answer files (told apart by their \"format\")")
      ->required()
      ->type_name("FILE");
  app->add_option("-q,--questionnaire", options->questionnaire,
                  "Questionnaire to check answer files against (default: the built-in one)")
      ->type_name("FILE");
  return {app, [options] { return run_validate(*options); }};
}

}  // namespace centric::cli
