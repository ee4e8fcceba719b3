#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>

#include "centric/answers_io.hpp"
#include "centric/atomic_file.hpp"
#include "centric/report.hpp"
#include "centric/scoring.hpp"
#include "centric/terminal.hpp"
#include "cli/commands.hpp"
#include "cli/questionnaire_choice.hpp"

namespace centric::cli {
namespace fs = std::filesystem;

namespace {

struct AssessOptions {
  std::vector<std::string> inputs;
  std::string questionnaire;
  std::string format = "text";
  std::string output;
  int min_group = 5;
  int top = 3;
  bool strict = false;
  bool no_color = false;
};

bool has_answer_extension(const fs::path& p) { return p.extension() == ".json" || p.extension() == ".jsonl"; }

// A report written over an input would destroy data; one written as *.json inside an
// input directory would be read as an answer file by the next run.
std::optional<std::string> clashes_with_input(const std::string& output, const std::vector<std::string>& inputs) {
  std::error_code ec;
  const fs::path out = fs::weakly_canonical(output, ec);
  for (const auto& input : inputs) {
    if (input == "-") continue;
    if (fs::exists(output, ec) && fs::equivalent(output, input, ec))
      return fmt::format("{}: is one of the inputs; choose another --output", output);
    if (fs::is_directory(input, ec) && has_answer_extension(out)) {
      const fs::path dir = fs::weakly_canonical(input, ec);
      const auto rel = out.lexically_relative(dir);
      if (!rel.empty() && *rel.begin() != "..")
        return fmt::format(
            "{}: is inside the input directory {} and would be read as answers next time; "
            "choose another --output",
            output, input);
    }
  }
  return std::nullopt;
}

int run_assess(const AssessOptions& o) {
  if (std::count(o.inputs.begin(), o.inputs.end(), "-") > 1) {
    fmt::print(stderr, "centric: error: standard input (-) can be read only once\n");
    return exit_usage;
  }
  auto questionnaire = choose_questionnaire(o.questionnaire);
  if (!questionnaire) return exit_failed;

  std::unique_ptr<AtomicFile> output;
  if (!o.output.empty()) {
    if (auto clash = clashes_with_input(o.output, o.inputs)) {
      fmt::print(stderr, "centric: error: {}\n", *clash);
      return exit_failed;
    }
    auto opened = AtomicFile::open(o.output);
    if (auto* error = std::get_if<std::string>(&opened)) {
      fmt::print(stderr, "centric: error: {}: {}\n", o.output, *error);
      return exit_failed;
    }
    output = std::make_unique<AtomicFile>(std::move(std::get<AtomicFile>(opened)));
  }

  Tally tally(*questionnaire);
  AnswerInputs inputs(*questionnaire, [&](const AnswerSet& a) { tally.add(a); });
  for (const auto& input : o.inputs) inputs.read_argument(input, std::cin);

  const InputSummary& summary = inputs.summary();
  for (const auto& w : summary.warnings) fmt::print(stderr, "{}\n", format_for_stderr(w));
  for (const auto& rejection : summary.rejected)
    for (const auto& problem : rejection.problems) fmt::print(stderr, "{}\n", format_for_stderr(problem));

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
  Report report{*questionnaire, assessment, summary, questionnaire->default_language, {}};
  if (assessment.organisation.n < o.min_group) {
    report.warnings.push_back(
        fmt::format("the organisation has {} respondent{}, fewer than {}: individual answers may "
                    "be recognisable",
                    assessment.organisation.n, assessment.organisation.n == 1 ? "" : "s", o.min_group));
    fmt::print(stderr, "centric: warning: {}\n", report.warnings.back());
  }

  std::string rendered;
  if (o.format == "json") {
    rendered = render_json(report);
  } else {
    const bool to_terminal = output == nullptr;
    TextStyle style{to_terminal && should_use_color(1, o.no_color), to_terminal ? terminal_width(1) : 80};
    rendered = render_text(report, style);
  }

  if (output) {
    output->write(rendered);
    if (auto error = output->commit()) {
      fmt::print(stderr, "centric: error: {}: {}\n", o.output, *error);
      return exit_failed;
    }
    fmt::print(stderr, "centric: report written to {}\n", o.output);
  } else {
    std::fwrite(rendered.data(), 1, rendered.size(), stdout);
    std::fflush(stdout);
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
                  "Answer files (.json: one answer set or an array; .jsonl: one per line), directories, or - for "
                  "standard input")
      ->required()
      ->type_name("INPUT");
  app->add_option("-q,--questionnaire", options->questionnaire, "Questionnaire file (default: the built-in one)")
      ->type_name("FILE");
  app->add_option("-f,--format", options->format, "Report format")
      ->check(CLI::IsMember({"text", "json"}))
      ->capture_default_str();
  app->add_option("-o,--output", options->output, "Write the report to FILE (atomically) instead of standard output")
      ->type_name("FILE");
  app->add_option("--min-group", options->min_group, "Smallest department shown; smaller ones are suppressed")
      ->check(CLI::Range(1, 1000000))
      ->capture_default_str();
  app->add_option("--top", options->top, "Number of weakest dimensions that get recommendations")
      ->check(CLI::Range(0, 1000))
      ->capture_default_str();
  app->add_flag("--strict", options->strict, "Fail (exit 1, no report) if any input is rejected");
  app->add_flag("--no-color", options->no_color, "Never use colour");
  return {app, [options] { return run_assess(*options); }};
}

}  // namespace centric::cli
