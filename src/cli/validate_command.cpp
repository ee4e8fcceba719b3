#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>

#include "centric/answers_io.hpp"
#include "centric/json_input.hpp"
#include "centric/mapping.hpp"
#include "centric/questionnaire_io.hpp"
#include "centric/text.hpp"
#include "cli/commands.hpp"
#include "cli/export_options.hpp"
#include "cli/file_option.hpp"
#include "cli/input_arguments.hpp"
#include "cli/questionnaire_choice.hpp"

namespace centric::cli {
namespace {

struct ValidateOptions {
  std::vector<std::string> files;
  std::string questionnaire;
  ExportOptions exports;
};

enum class Kind { questionnaire, answers, mapping, unknown };

// What a document claims to be, from its "format"; anything else (arrays, objects without
// a format, text that does not parse) is checked as answers, whose reader explains it.
Kind kind_of(std::string_view text, const std::string& path) {
  auto parsed = parse_json(text, path);
  const auto* document = std::get_if<JsonParse>(&parsed);
  if (document == nullptr || !document->value.is_object()) return Kind::answers;
  const auto format = document->value.find("format");
  if (format == document->value.end() || !format->is_string()) return Kind::answers;
  if (*format == "centric-questionnaire/1") return Kind::questionnaire;
  if (*format == mapping_format) return Kind::mapping;
  return *format == "centric-answers/1" ? Kind::answers : Kind::unknown;
}

class Validation {
 public:
  explicit Validation(const ValidateOptions& o) : options_(o) {}

  int run() {
    if (reads_standard_input_twice(options_.files)) {
      fmt::print(stderr, "centric: error: {}\n", standard_input_twice_message);
      return exit_usage;
    }
    for (const auto& file : options_.files) {
      if (!check(file)) return exit_failed;  // no questionnaire to check answers against
    }
    return all_ok_ ? exit_ok : exit_failed;
  }

 private:
  // False only when answers cannot be checked at all.
  bool check(const std::string& file) {
    std::error_code ec;
    if (file == "-" || std::filesystem::is_directory(file, ec) || file.ends_with(".jsonl") || is_table_file_name(file))
      return check_answers(file, [&](AnswerInputs& in) { in.read_argument(file, std::cin); });
    auto content = read_document_file(file);
    if (auto* error = std::get_if<Diagnostic>(&content)) {
      fmt::print(stderr, "{}\n", format_for_stderr(*error));
      fmt::print("{}: invalid\n", printable(file));
      all_ok_ = false;
      return true;
    }
    const std::string& text = std::get<std::string>(content);
    switch (kind_of(text, file)) {
      case Kind::questionnaire: {
        QuestionnaireLoad load = read_questionnaire(text, file);
        print_diagnostics(load.diagnostics);
        if (load.ok()) {
          // The languages it claims were checked text by text (formats.md §1): say so.
          const auto& languages = load.questionnaire->languages;
          fmt::print("{}: ok (questionnaire {} {}{}{})\n", printable(file), load.questionnaire->id,
                     printable(load.questionnaire->version), languages.empty() ? "" : ", complete in ",
                     printable(fmt::format("{}", fmt::join(languages, ", "))));
        } else
          all_ok_ = false;
        return true;
      }
      case Kind::mapping: {
        // A mapping names questions: it is checked against the questionnaire in use.
        if (!questionnaire_) questionnaire_ = choose_questionnaire(options_.questionnaire);
        if (!questionnaire_) return false;
        MappingLoad load = read_mapping(text, file, *questionnaire_);
        print_diagnostics(load.diagnostics);
        if (load.mapping)
          fmt::print("{}: ok (mapping for {})\n", printable(file), questionnaire_->id);
        else
          all_ok_ = false;
        return true;
      }
      case Kind::unknown:
        fmt::print(stderr,
                   "centric: error: {}: format: not a centric questionnaire, answers or mapping file "
                   "(expected \"centric-questionnaire/1\", \"centric-answers/1\" or \"centric-mapping/1\")\n",
                   printable(file));
        all_ok_ = false;
        return true;
      case Kind::answers:
        break;
    }
    return check_answers(file, [&](AnswerInputs& in) { in.read_text(text, file, InputForm::document); });
  }

  template <typename Read>
  bool check_answers(const std::string& file, Read read) {
    if (!answers_) {
      if (!questionnaire_) questionnaire_ = choose_questionnaire(options_.questionnaire);
      if (!questionnaire_) return false;
      bool bad_mapping = false;
      mapping_ = load_mapping_option(options_.exports, *questionnaire_, bad_mapping);
      if (bad_mapping) return false;
      ReadingOptions reading;
      reading.mapping = mapping_ ? &*mapping_ : nullptr;
      reading.sheet = options_.exports.sheet;
      answers_ = std::make_unique<AnswerInputs>(
          *questionnaire_, [](const AnswerSet&) {},
          [](const std::vector<Diagnostic>& problems) { print_diagnostics(problems); }, reading);
    }
    const InputSummary& s = answers_->summary();
    const auto sources_before = s.sources;
    const auto rejected_before = s.rejected.size();
    const auto warnings_before = s.warnings.size();
    const auto not_asked_before = s.not_asked_answers;
    const auto not_asked_sets_before = s.not_asked_sets;
    read(*answers_);
    for (auto i = warnings_before; i < s.warnings.size(); ++i)
      fmt::print(stderr, "{}\n", format_for_stderr(s.warnings[i]));
    if (s.not_asked_answers > not_asked_before) {  // this file's, not the ones before
      InputSummary here;
      here.not_asked_answers = s.not_asked_answers - not_asked_before;
      here.not_asked_sets = s.not_asked_sets - not_asked_sets_before;
      here.not_asked_first = not_asked_sets_before == 0 ? s.not_asked_first : printable(file);
      if (const auto w = not_asked_warning(here)) fmt::print(stderr, "{}\n", format_for_stderr(*w));
    }
    const auto checked = s.sources - sources_before;
    const auto bad = s.rejected.size() - rejected_before;
    if (bad == 0) {
      fmt::print("{}: ok ({} answer set{})\n", printable(file), checked, checked == 1 ? "" : "s");
      return true;
    }
    all_ok_ = false;
    if (bad == 1 && checked == 1 && s.rejected.back().source == file)
      fmt::print("{}: invalid\n", printable(file));
    else
      fmt::print("{}: {} of {} answer set{} rejected\n", printable(file), bad, checked, checked == 1 ? "" : "s");
    return true;
  }

  const ValidateOptions& options_;
  std::optional<Questionnaire> questionnaire_;  // loaded when the first answer file needs it
  std::optional<MappingFile> mapping_;          // for exports, with --mapping
  std::unique_ptr<AnswerInputs> answers_;
  bool all_ok_ = true;
};

int run_validate(const ValidateOptions& o) { return Validation(o).run(); }

}  // namespace

Command set_validate_command(CLI::App& parent) {
  auto options = std::make_shared<ValidateOptions>();
  CLI::App* app =
      parent.add_subcommand("validate", "Check questionnaire, answer and mapping files, and form-tool exports");
  app->add_option(
         "FILE", options->files,
         "Questionnaire, answer or mapping files (told apart by their \"format\"), or exports (.csv, .tsv, .xlsx)")
      ->required()
      ->type_name("FILE");
  app->add_option("-q,--questionnaire", options->questionnaire,
                  "Questionnaire to check answer files against (default: the built-in one)")
      ->type_name("FILE")
      ->check(non_empty_file_name());
  add_export_options(*app, options->exports);
  return {app, [options] { return run_validate(*options); }};
}

}  // namespace centric::cli
