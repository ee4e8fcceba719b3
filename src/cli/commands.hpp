// The subcommands: each declares its options on the app, then runs from plain code after
// parsing (never from option callbacks, which cannot return an exit code).
#pragma once

#include <CLI/CLI.hpp>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace centric::cli {

// Exit codes, formats.md §5.
enum ExitCode : int {
  exit_ok = 0,
  exit_failed = 1,
  exit_usage = 2,
  exit_rejected = 3,
  exit_interrupted = 130,
};

// A subcommand once declared: run() is called if the user chose it.
struct Command {
  CLI::App* app = nullptr;
  std::function<int()> run;
};

Command set_assess_command(CLI::App& parent);
Command set_validate_command(CLI::App& parent);
Command set_questionnaire_command(CLI::App& parent);
Command set_survey_command(CLI::App& parent);
Command set_import_command(CLI::App& parent);

int run(int argc, char** argv);

// Writes to stdout and flushes; on failure (a full disk, a closed pipe) says so on stderr
// and returns false, so the command can exit 1 instead of claiming success.
bool write_standard_output(std::string_view text);

}  // namespace centric::cli
