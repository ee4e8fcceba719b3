#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>

#include "centric/answers_io.hpp"
#include "centric/atomic_file.hpp"
#include "centric/messages.hpp"
#include "centric/report.hpp"
#include "centric/scoring.hpp"
#include "centric/terminal.hpp"
#include "centric/text.hpp"
#include "cli/commands.hpp"
#include "cli/export_options.hpp"
#include "cli/file_option.hpp"
#include "cli/input_arguments.hpp"
#include "cli/jobs_option.hpp"
#include "cli/language_option.hpp"
#include "cli/questionnaire_choice.hpp"
#include "cli/tally_fold.hpp"

namespace centric::cli {
namespace fs = std::filesystem;

namespace {

// A --min-group below this is allowed, with a warning.
constexpr int weak_min_group = 3;

struct AssessOptions {
  std::vector<std::string> inputs;
  std::string questionnaire;
  std::string format = "text";
  std::string output;
  std::string language;
  int min_group = 5;
  int top = 3;
  unsigned jobs = 0;  // 0: one per available core
  bool strict = false;
  bool no_color = false;
  ExportOptions exports;
};

// A report written over an input or the questionnaire would destroy data; one written as
// *.json inside an input directory would be read as an answer file by the next run.
std::optional<std::string> clashes_with_input(const AssessOptions& o) {
  std::error_code ec;
  const fs::path out = fs::weakly_canonical(o.output, ec);
  std::vector<std::string> inputs = o.inputs;
  if (!o.questionnaire.empty()) inputs.push_back(o.questionnaire);
  for (const auto& input : inputs) {
    if (input == "-") continue;
    if (fs::exists(o.output, ec) && fs::equivalent(o.output, input, ec))
      return fmt::format("{}: is one of the inputs; choose another --output", printable(o.output));
    if (fs::is_directory(input, ec) && is_answer_file_name(o.output)) {
      const auto rel = out.lexically_relative(fs::weakly_canonical(input, ec));
      if (!rel.empty() && *rel.begin() != "..")
        return fmt::format(
            "{}: is inside the input directory {} and would be read as answers next time; "
            "choose another --output",
            printable(o.output), printable(input));
    }
  }
  return std::nullopt;
}

void print_problems(const std::vector<Diagnostic>& problems) {
  for (const auto& problem : problems) fmt::print(stderr, "{}\n", format_for_stderr(problem));
}

std::optional<std::string> write_output(const std::string& path, const std::string& text) {
  auto opened = AtomicFile::open(path);
  if (auto* error = std::get_if<std::string>(&opened)) return *error;
  auto& file = std::get<AtomicFile>(opened);
  file.write(text);
  return file.commit();
}

int run_assess(const AssessOptions& o) {
  if (reads_standard_input_twice(o.inputs)) {
    fmt::print(stderr, "centric: error: {}\n", standard_input_twice_message);
    return exit_usage;
  }
  auto questionnaire = choose_questionnaire(o.questionnaire);
  if (!questionnaire) return exit_failed;
  const auto language = language_for(*questionnaire, o.language);
  if (!language) return exit_usage;

  if (!o.output.empty()) {
    // Checked before reading anything, so a long run does not end in an unwritable path.
    if (auto clash = clashes_with_input(o)) {
      fmt::print(stderr, "centric: error: {}\n", *clash);
      return exit_failed;
    }
    if (auto problem = AtomicFile::check_destination(o.output)) {
      fmt::print(stderr, "centric: error: {}: {}\n", printable(o.output), *problem);
      return exit_failed;
    }
  }

  if (o.min_group < weak_min_group) {
    // Only here: tests and the survey's personal result use 1 on purpose.
    fmt::print(stderr,
               "centric: warning: --min-group {}: groups this small give weak anonymity, since a reader may "
               "recognise a person's answers; use {} or more (the default is 5)\n",
               o.min_group, weak_min_group);
  }

  bool bad_mapping = false;
  const std::optional<MappingFile> mapping = load_mapping_option(o.exports, *questionnaire, bad_mapping);
  if (bad_mapping) return exit_failed;

  TallyFold fold(*questionnaire);
  ReadingOptions reading;
  reading.jobs = o.jobs > 0 ? o.jobs : available_cores();
  reading.mapping = mapping ? &*mapping : nullptr;
  reading.sheet = o.exports.sheet;
  AnswerInputs inputs(*questionnaire, fold, print_problems, reading);
  inputs.read_arguments(o.inputs, std::cin);

  // A mapping that names what no export has is wrong somewhere: the report would rest on it.
  if (const auto unused = inputs.unused_mapping_entries(); !unused.empty()) {
    print_problems(unused);
    fmt::print(stderr, "centric: error: the mapping does not fit the exports read; no report written\n");
    return exit_failed;
  }
  InputSummary summary = inputs.summary();
  // One department spelled two ways in the exports is one department (import.md §3),
  // merged before anything is suppressed.
  const auto merges = inputs.department_merges();
  for (const auto& merge : merges)
    for (const auto& spelling : merge.spellings) fold.tally().merge_department(spelling.spelling, merge.into);
  merge_departments_seen(summary.departments, merges);
  std::vector<Diagnostic> department_problems = department_merge_warnings(merges);
  const Tally& tally = fold.tally();
  if (auto w = not_asked_warning(summary)) summary.warnings.push_back(std::move(*w));
  for (const auto& w : summary.warnings) fmt::print(stderr, "{}\n", format_for_stderr(w));
  // Before anything is suppressed: a misspelt department is a group of its own, and hiding
  // it can hide others too (issue 16).
  for (auto& w : department_warnings(*questionnaire, summary.departments)) department_problems.push_back(std::move(w));
  for (const auto& w : department_problems) fmt::print(stderr, "{}\n", format_for_stderr(w));

  if (summary.accepted == 0) {
    fmt::print(stderr, "centric: error: no answer set was accepted ({} rejected); nothing to report\n",
               summary.rejected.size());
    return exit_failed;
  }
  if (o.strict && !summary.rejected.empty()) {
    fmt::print(stderr, "centric: error: {} input{} rejected and --strict is set; no report written\n",
               summary.rejected.size(), summary.rejected.size() == 1 ? " was" : "s were");
    return exit_failed;
  }

  const ScoringOptions scoring{o.min_group, o.top};
  const Assessment assessment = assess(tally, scoring);
  Report report{*questionnaire, assessment, summary, *language, {}};
  for (const auto& w : department_problems) report.warnings.push_back(describe(w));
  if (assessment.organisation.n < o.min_group) {
    // In the report's language in the report; on stderr in English, like every diagnostic.
    const auto warning = [&](const Messages& m) {
      return m.plural("warning.small_organisation", assessment.organisation.n, fmt::arg("min_group", o.min_group));
    };
    report.warnings.push_back(warning(Messages::built_in(*language)));
    fmt::print(stderr, "centric: warning: {}\n", warning(Messages::built_in("en")));
  }

  std::string rendered;
  if (o.format == "json") {
    rendered = render_json(report);
  } else if (o.format == "csv") {
    rendered = render_csv(report);
  } else if (o.format == "md") {
    rendered = render_markdown(report);
  } else if (o.format == "html") {
    rendered = render_html(report);
  } else {
    const bool to_terminal = o.output.empty();
    TextStyle style{to_terminal && should_use_color(1, o.no_color), to_terminal ? terminal_width(1) : 80};
    rendered = render_text(report, style);
  }

  if (!o.output.empty()) {
    if (auto error = write_output(o.output, rendered)) {
      fmt::print(stderr, "centric: error: {}: {}\n", printable(o.output), *error);
      return exit_failed;
    }
    fmt::print(stderr, "centric: report written to {}\n", printable(o.output));
  } else if (!write_standard_output(rendered)) {
    return exit_failed;
  }
  if (!summary.rejected.empty()) {
    fmt::print(stderr, "centric: {} of {} input{} rejected (see above)\n", summary.rejected.size(), summary.sources,
               summary.sources == 1 ? "" : "s");
    return exit_rejected;
  }
  return exit_ok;
}

}  // namespace

Command set_assess_command(CLI::App& parent) {
  auto options = std::make_shared<AssessOptions>();
  CLI::App* app = parent.add_subcommand("assess", "Score answer files and print the report");
  app->add_option("INPUT", options->inputs,
                  "Answer files (.json: one answer set or an array; .jsonl: one per line), form-tool exports (.csv, "
                  ".tsv, .xlsx), directories, or - for standard input")
      ->required()
      ->type_name("INPUT");
  app->add_option("-q,--questionnaire", options->questionnaire, "Questionnaire file (default: the built-in one)")
      ->check(non_empty_file_name())
      ->type_name("FILE");
  app->add_option("-f,--format", options->format, "Report format")
      ->check(CLI::IsMember({"text", "json", "csv", "md", "html"}))
      ->capture_default_str();
  app->add_option("-o,--output", options->output, "Write the report to FILE (atomically) instead of standard output")
      ->check(non_empty_file_name())
      ->type_name("FILE");
  app->add_option("--min-group", options->min_group,
                  "No figure may describe fewer respondents, alone or by subtraction (docs/anonymity.md)")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  app->add_option("--top", options->top, "Number of weakest dimensions that get recommendations")
      ->check(CLI::Range(0, 1000))
      ->capture_default_str();
  app->add_option("--lang", options->language,
                  "Report language (default: from LC_ALL, LC_MESSAGES or LANG when the questionnaire has it)")
      ->type_name("CODE");
  app->add_option("-j,--jobs", options->jobs,
                  "Threads that read the inputs (default: one per available core); the report is the same for any "
                  "number")
      ->check(CLI::Range(1, 256))
      ->type_name("N");
  add_export_options(*app, options->exports);
  app->add_flag("--strict", options->strict, "Fail (exit 1, no report) if any input is rejected");
  app->add_flag("--no-color", options->no_color, "Never use colour");
  return {app, [options] { return run_assess(*options); }};
}

}  // namespace centric::cli
