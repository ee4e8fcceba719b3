#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <new>
#include <string>

#include "cli/commands.hpp"

namespace centric::cli {

bool write_standard_output(std::string_view text) {
  if (std::fwrite(text.data(), 1, text.size(), stdout) == text.size() && std::fflush(stdout) == 0) return true;
  fmt::print(stderr, "centric: error: cannot write to standard output: {}\n", std::strerror(errno));
  return false;
}

int run(int argc, char** argv) {
  CLI::App app{"centric - measure how customer-centric an organisation is, department by department"};
  app.name("centric");
  app.set_version_flag("--version", CENTRIC_VERSION);
  app.require_subcommand(1);
  app.footer(
      "Run 'centric COMMAND --help' for a command's options. Exit codes: 0 done, 1 nothing could be done, "
      "2 usage error, 3 done but some inputs were rejected.");

  std::vector<Command> commands{set_assess_command(app), set_import_command(app), set_survey_command(app),
                                set_validate_command(app), set_questionnaire_command(app)};

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    // --help and --version end parsing with code 0; everything else is a usage error,
    // which centric promises as exit 2 (CLI11's own codes are 100 and up).
    if (e.get_exit_code() == 0) return app.exit(e);
    std::string message = e.what();
    if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr && app.get_subcommands().empty()) {
      // CLI11 says "A subcommand is required" also for a misspelt one: name it.
      message = argc > 1 && argv[1][0] != '-'
                    ? fmt::format("unknown command '{}' (commands: assess, survey, validate, questionnaire)", argv[1])
                    : "a command is required: assess, survey, validate or questionnaire";
    }
    fmt::print(stderr, "centric: error: {}\nRun 'centric --help' for usage.\n", message);
    return exit_usage;
  }

  try {
    for (const auto& command : commands)
      if (command.app->parsed()) return command.run();
  } catch (const std::bad_alloc&) {
    std::fputs("centric: error: out of memory\n", stderr);  // no formatting: it may need memory
    return exit_failed;
  } catch (const std::exception& e) {
    // fputs, not fmt::print: an unwritable stderr must not throw again from here.
    std::fputs("centric: error: ", stderr);
    std::fputs(e.what(), stderr);
    std::fputs("\n", stderr);
    return exit_failed;
  }
  return exit_usage;
}

}  // namespace centric::cli
