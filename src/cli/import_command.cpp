// `centric import`: form-tool exports as centric-answers/1 JSON Lines, or explained
// (--show-mapping), or their inferred mapping written out (--write-mapping).
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <unordered_map>

#include "centric/answers_io.hpp"
#include "centric/atomic_file.hpp"
#include "centric/import.hpp"
#include "centric/text.hpp"
#include "cli/commands.hpp"
#include "cli/export_options.hpp"
#include "cli/file_option.hpp"
#include "cli/jobs_option.hpp"
#include "cli/questionnaire_choice.hpp"

namespace centric::cli {
namespace fs = std::filesystem;

namespace {

struct ImportOptions {
  std::vector<std::string> inputs;
  std::string questionnaire;
  std::string output;
  std::string write_mapping;
  bool show_mapping = false;
  bool strict = false;
  unsigned jobs = 0;
  ExportOptions exports;
};

void print_problems(const std::vector<Diagnostic>& problems) {
  for (const auto& problem : problems) fmt::print(stderr, "{}\n", format_for_stderr(problem));
}

std::string shown_text(std::string_view s) {
  std::string shown = printable(s);
  if (display_width(shown) > 60) shown = truncate_to_width(shown, 60);
  return fmt::format("\"{}\"", shown);
}

// The exports among the inputs, directories walked (in path order, as assess does).
std::vector<std::string> exports_of(const std::vector<std::string>& inputs) {
  std::vector<std::string> files;
  for (const auto& input : inputs) {
    std::error_code ec;
    if (!fs::is_directory(input, ec)) {
      files.push_back(input);
      continue;
    }
    std::vector<std::string> found;
    for (fs::recursive_directory_iterator it(input, ec), end; !ec && it != end; it.increment(ec)) {
      std::error_code type_ec;
      if (it->is_regular_file(type_ec) && is_table_file_name(it->path().string())) found.push_back(it->path().string());
    }
    std::sort(found.begin(), found.end());
    files.insert(files.end(), found.begin(), found.end());
  }
  return files;
}

std::string explanation_text(const ExportExplanation& e) {
  std::string out = printable(e.file) + "\n";
  for (const auto& error : e.errors) out += fmt::format("  cannot be read: {}\n", printable(error));
  if (e.columns.empty()) return out;
  out += e.header_rows == 1 ? std::string("  header: row 1") : fmt::format("  header: rows 1-{}", e.header_rows);
  if (!e.recognised.empty()) out += fmt::format(" ({})", e.recognised);
  out += "\n  columns:\n";
  for (const auto& c : e.columns) {
    const std::string header = c.header.empty() ? std::string("(no name)") : shown_text(c.header);
    if (c.target.empty())
      out += fmt::format("    {:<3} {}: {}\n", c.letters, header, c.why.empty() ? "not used" : printable(c.why));
    else
      out += fmt::format("    {:<3} {}: {} ({})\n", c.letters, header, c.target, printable(c.why));
  }
  const auto values = [&](const std::vector<ExportExplanation::Value>& list, const std::string& indent) {
    for (const auto& v : list) {
      const std::string text = v.text.empty() ? std::string("(empty)") : shown_text(v.text);
      out += fmt::format("{}{} x{}: {}{}\n", indent, text, v.count, v.rejects ? "REJECTS THE ROW: " : "",
                         printable(v.became));
    }
  };
  if (!e.questions.empty()) out += "  answers:\n";
  for (const auto& q : e.questions) {
    out += fmt::format("    {} ({}):\n", q.question, printable(q.column));
    values(q.values, "      ");
    if (q.more > 0) out += fmt::format("      ... and {} more distinct value{}\n", q.more, q.more == 1 ? "" : "s");
  }
  if (!e.departments.empty()) {
    out += "  departments:\n";
    values(e.departments, "    ");
  }
  if (!e.roles.empty()) {
    out += "  roles:\n";
    values(e.roles, "    ");
  }
  out += fmt::format("  rows: {} ({} rejected)\n", e.rows, e.rejected);
  for (const auto& p : e.row_problems) out += fmt::format("    {}\n", printable(p));
  if (e.rejected > static_cast<long>(e.row_problems.size()) && !e.row_problems.empty()) out += "    ...\n";
  return out;
}

int explain(const ImportOptions& o, const Questionnaire& questionnaire, const MappingFile* mapping) {
  std::vector<ExportExplanation> explanations;
  std::string text;
  bool unreadable = false;
  for (const auto& file : exports_of(o.inputs)) {
    if (!is_table_file_name(file)) {
      fmt::print(stderr, "centric: error: {}: not a form-tool export (.csv, .tsv or .xlsx)\n", printable(file));
      unreadable = true;
      continue;
    }
    explanations.push_back(explain_export(file, questionnaire, mapping, o.exports.sheet));
    if (!explanations.back().errors.empty()) {
      unreadable = true;
      // --show-mapping prints them with the rest; --write-mapping alone must say why too.
      if (!o.show_mapping)
        for (const auto& error : explanations.back().errors)
          fmt::print(stderr, "centric: error: {}: {}\n", printable(file), printable(error));
    }
    if (o.show_mapping) text += (text.empty() ? "" : "\n") + explanation_text(explanations.back());
  }
  if (o.show_mapping && !write_standard_output(text)) return exit_failed;
  if (!o.write_mapping.empty()) {
    const MappingFile merged = merged_mapping(explanations);
    if (merged.columns.empty()) {
      fmt::print(stderr,
                 "centric: error: no export could be read (see above); no mapping written: write one by hand "
                 "(docs/import.md, \"When a column is not recognised\")\n");
      return exit_failed;
    }
    auto opened = AtomicFile::open(o.write_mapping);
    if (auto* error = std::get_if<std::string>(&opened)) {
      fmt::print(stderr, "centric: error: {}: {}\n", printable(o.write_mapping), *error);
      return exit_failed;
    }
    auto& file = std::get<AtomicFile>(opened);
    file.write(write_mapping(merged, questionnaire));
    // A mapping is edited by hand: one already there is never replaced.
    auto placed = file.commit_new();
    if (auto* error = std::get_if<std::string>(&placed)) {
      fmt::print(stderr, "centric: error: {}: {}\n", printable(o.write_mapping), *error);
      return exit_failed;
    }
    if (std::get<AtomicFile::Placed>(placed) == AtomicFile::Placed::exists) {
      fmt::print(stderr,
                 "centric: error: {}: exists already; remove it or choose another name (a mapping may "
                 "hold edits, so it is never replaced)\n",
                 printable(o.write_mapping));
      return exit_failed;
    }
    fmt::print(stderr, "centric: mapping written to {}\n", printable(o.write_mapping));
  }
  return unreadable ? exit_failed : exit_ok;
}

int run_import(const ImportOptions& o) {
  if (std::find(o.inputs.begin(), o.inputs.end(), "-") != o.inputs.end()) {
    fmt::print(stderr, "centric: error: import reads exports from files (.csv, .tsv, .xlsx), not standard input\n");
    return exit_usage;
  }
  auto questionnaire = choose_questionnaire(o.questionnaire);
  if (!questionnaire) return exit_failed;
  bool bad_mapping = false;
  const std::optional<MappingFile> mapping = load_mapping_option(o.exports, *questionnaire, bad_mapping);
  if (bad_mapping) return exit_failed;
  if (!o.output.empty()) {
    for (const auto& input : o.inputs) {
      std::error_code ec;
      if (fs::exists(o.output, ec) && fs::equivalent(o.output, input, ec)) {
        fmt::print(stderr, "centric: error: {}: is one of the inputs; choose another --output\n", printable(o.output));
        return exit_failed;
      }
    }
    if (auto problem = AtomicFile::check_destination(o.output)) {
      fmt::print(stderr, "centric: error: {}: {}\n", printable(o.output), *problem);
      return exit_failed;
    }
  }
  if (o.show_mapping || !o.write_mapping.empty()) {
    const int explained = explain(o, *questionnaire, mapping ? &*mapping : nullptr);
    if (o.output.empty() || explained != exit_ok) return explained;
  }

  ReadingOptions reading;
  reading.jobs = o.jobs > 0 ? o.jobs : available_cores();
  reading.mapping = mapping ? &*mapping : nullptr;
  reading.sheet = o.exports.sheet;
  for (const auto& input : o.inputs) {
    std::error_code ec;
    if (!fs::is_directory(input, ec) && !is_table_file_name(input)) {
      fmt::print(stderr,
                 "centric: error: {}: not a form-tool export (.csv, .tsv or .xlsx); answer files need no "
                 "import\n",
                 printable(input));
      return exit_usage;
    }
  }

  // The spelling a department is written with is the one seen most often, which is known
  // only at the end: a first reading counts them, a second writes.
  std::unordered_map<std::string, std::string> spelled_as;
  {
    AnswerInputs counting(
        *questionnaire, [](const AnswerSet&) {}, {}, reading);
    counting.read_arguments(o.inputs, std::cin);
    // Checked before anything is written: on standard output nothing can be taken back.
    if (const auto unused = counting.unused_mapping_entries(); !unused.empty()) {
      print_problems(unused);
      fmt::print(stderr, "centric: error: the mapping does not fit the exports read; nothing written\n");
      return exit_failed;
    }
    for (const auto& merge : counting.department_merges())
      for (const auto& s : merge.spellings)
        if (s.spelling != merge.into) spelled_as.emplace(s.spelling, merge.into);
  }

  std::optional<AtomicFile> file;
  if (!o.output.empty()) {
    auto opened = AtomicFile::open(o.output);
    if (auto* error = std::get_if<std::string>(&opened)) {
      fmt::print(stderr, "centric: error: {}: {}\n", printable(o.output), *error);
      return exit_failed;
    }
    file.emplace(std::move(std::get<AtomicFile>(opened)));
  }
  std::string pending;
  bool output_failed = false;
  const auto flush = [&] {
    if (pending.empty()) return;
    if (file) {
      file->write(pending);
    } else if (!output_failed && !write_standard_output(pending)) {
      output_failed = true;
    }
    pending.clear();
  };
  AnswerSet renamed;
  AnswerInputs inputs(
      *questionnaire,
      [&](const AnswerSet& answers) {
        const auto it = spelled_as.find(answers.respondent.department);
        if (it == spelled_as.end()) {
          pending += write_answer_line(*questionnaire, answers);
        } else {
          renamed = answers;
          renamed.respondent.department = it->second;
          pending += write_answer_line(*questionnaire, renamed);
        }
        if (pending.size() > (std::size_t{1} << 20)) flush();
      },
      print_problems, reading);
  inputs.read_arguments(o.inputs, std::cin);
  flush();
  if (output_failed) return exit_failed;
  InputSummary summary = inputs.summary();
  if (auto w = not_asked_warning(summary)) summary.warnings.push_back(std::move(*w));
  print_problems(summary.warnings);
  const auto merges = inputs.department_merges();
  print_problems(department_merge_warnings(merges));
  merge_departments_seen(summary.departments, merges);
  print_problems(department_warnings(*questionnaire, summary.departments));
  if (summary.accepted == 0) {
    fmt::print(stderr, "centric: error: no answer set was accepted ({} rejected); nothing written\n",
               summary.rejected.size());
    return exit_failed;
  }
  if (o.strict && !summary.rejected.empty()) {
    fmt::print(stderr, "centric: error: {} row{} rejected and --strict is set; nothing written\n",
               summary.rejected.size(), summary.rejected.size() == 1 ? " was" : "s were");
    return exit_failed;
  }
  if (file) {
    if (auto error = file->commit()) {
      fmt::print(stderr, "centric: error: {}: {}\n", printable(o.output), *error);
      return exit_failed;
    }
    fmt::print(stderr, "centric: {} answer set{} written to {}\n", summary.accepted, summary.accepted == 1 ? "" : "s",
               printable(o.output));
  }
  if (!summary.rejected.empty()) {
    fmt::print(stderr, "centric: {} of {} row{} rejected (see above)\n", summary.rejected.size(), summary.sources,
               summary.sources == 1 ? "" : "s");
    return exit_rejected;
  }
  return exit_ok;
}

}  // namespace

Command set_import_command(CLI::App& parent) {
  auto options = std::make_shared<ImportOptions>();
  CLI::App* app = parent.add_subcommand("import", "Turn form-tool exports (.csv, .tsv, .xlsx) into answer sets");
  app->add_option("EXPORT", options->inputs, "Exports of a form tool (.csv, .tsv, .xlsx), or directories of them")
      ->required()
      ->type_name("EXPORT");
  app->add_option("-o,--output", options->output,
                  "Write the answer sets as JSON Lines to FILE (atomically) instead of standard output")
      ->check(non_empty_file_name())
      ->type_name("FILE");
  app->add_option("-q,--questionnaire", options->questionnaire, "Questionnaire file (default: the built-in one)")
      ->check(non_empty_file_name())
      ->type_name("FILE");
  add_export_options(*app, options->exports);
  app->add_flag("--show-mapping", options->show_mapping,
                "Print how every column, answer, department and role was understood, instead of the answer sets");
  app->add_option("--write-mapping", options->write_mapping,
                  "Write the inferred mapping (centric-mapping/1) to FILE, to edit and pass back with --mapping")
      ->check(non_empty_file_name())
      ->type_name("FILE");
  app->add_option("-j,--jobs", options->jobs, "Threads that read the exports (default: one per available core)")
      ->check(CLI::Range(1, 256))
      ->type_name("N");
  app->add_flag("--strict", options->strict, "Fail (exit 1, nothing written) if any row is rejected");
  return {app, [options] { return run_import(*options); }};
}

}  // namespace centric::cli
