// Helpers shared by the end-to-end tests. They only build inputs and look at what the
// binary printed; nothing here knows how centric works inside.
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cerrno>
#include <cstddef>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "support/process.hpp"
#include "support/text_lines.hpp"

extern char** environ;

namespace centric::test {

using nlohmann::json;

// The example data as absolute paths (for tests that run in another directory).
inline std::vector<std::string> example_inputs() {
  return {source_path("examples/acme"), source_path("examples/acme-extra.jsonl")};
}

inline std::vector<std::string> with(std::vector<std::string> args, const std::vector<std::string>& more) {
  args.insert(args.end(), more.begin(), more.end());
  return args;
}

inline json builtin_questionnaire() {
  return json::parse(read_text_file(source_path("questionnaires/customer-centricity.json")));
}

inline std::vector<std::string> dimension_ids() {
  const json questionnaire = builtin_questionnaire();
  std::vector<std::string> ids;
  for (const auto& d : questionnaire["dimensions"]) ids.push_back(d["id"].get<std::string>());
  return ids;
}

// A valid answer set (copied from an example) with its own respondent.
inline json answer_set(const std::string& id, const std::string& department = "sales",
                       const std::string& role = "employee") {
  json a = json::parse(read_text_file(source_path("examples/acme/sales-r001.json")));
  a["respondent"]["id"] = id;
  a["respondent"]["department"] = department;
  a["respondent"]["role"] = role;
  return a;
}

// Parses a report, failing the test (not crashing it) when it is not JSON.
inline json parse_report(const std::string& text) {
  json parsed = json::parse(text, nullptr, false);
  INFO("output was: " << text.substr(0, 2000));
  REQUIRE_FALSE(parsed.is_discarded());
  return parsed;
}

inline bool starts_with(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

inline bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// Does some line of `text` start with `prefix`?
inline bool has_line_starting_with(const std::string& text, const std::string& prefix) {
  const auto lines = split_lines(text);
  return std::any_of(lines.begin(), lines.end(), [&](const std::string& l) { return starts_with(l, prefix); });
}

// Display columns of a line of plain text: one per UTF-8 code point (every byte that is
// not a continuation byte 0x80..0xBF starts one).
inline std::size_t code_points(const std::string& line) {
  return static_cast<std::size_t>(std::count_if(line.begin(), line.end(), [](char c) {
    const auto b = static_cast<unsigned char>(c);
    return b < 0x80 || b > 0xBF;
  }));
}

inline bool has_escape_codes(const std::string& text) { return contains(text, "\x1b["); }

inline std::vector<std::string> rejected_sources(const json& report) {
  std::vector<std::string> sources;
  for (const auto& r : report["inputs"]["rejected"]) sources.push_back(r["source"].get<std::string>());
  return sources;
}

// Runs centric with its standard output on a pseudo-terminal of the given width (as a
// person at a terminal sees it); standard input is empty and standard error is dropped.
// Returns the exit code and what the terminal showed, with "\r\n" turned back into "\n".
inline ProcessResult run_centric_on_terminal(const std::vector<std::string>& args,
                                             const std::map<std::string, std::string>& env, int columns = 80) {
  const int master = posix_openpt(O_RDWR | O_NOCTTY);
  if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0) throw std::runtime_error("no pseudo-terminal");
  const std::string slave_name = ptsname(master);
  const int slave = open(slave_name.c_str(), O_RDWR | O_NOCTTY);
  if (slave < 0) throw std::runtime_error("cannot open the pseudo-terminal");
  winsize ws{};
  ws.ws_row = 50;
  ws.ws_col = static_cast<unsigned short>(columns);
  ioctl(slave, TIOCSWINSZ, &ws);

  std::vector<std::string> env_strings;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string entry(*e);
    const std::string name = entry.substr(0, entry.find('='));
    // The locale picks the survey's language: tests speak English unless they set one.
    if (name == "NO_COLOR" || name == "COLUMNS" || name == "TERM" || name == "LC_ALL" || name == "LC_MESSAGES" ||
        name == "LANG" || env.count(name) != 0)
      continue;
    env_strings.push_back(entry);
  }
  if (env.count("TERM") == 0) env_strings.push_back("TERM=xterm-256color");
  for (const auto& [name, value] : env) env_strings.push_back(name + "=" + value);
  std::vector<char*> envp;
  for (auto& e : env_strings) envp.push_back(e.data());
  envp.push_back(nullptr);
  const std::string program = CENTRIC_BINARY;
  std::vector<char*> argv{const_cast<char*>(program.c_str())};
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);

  const pid_t pid = fork();
  if (pid < 0) throw std::runtime_error("fork failed");
  if (pid == 0) {
    const int null_fd = open("/dev/null", O_RDWR);
    dup2(null_fd, 0);
    dup2(slave, 1);
    dup2(null_fd, 2);
    close(null_fd);
    close(slave);
    close(master);
    execve(program.c_str(), argv.data(), envp.data());
    _exit(127);
  }
  close(slave);
  ProcessResult result;
  char buffer[4096];
  for (;;) {
    const ssize_t n = read(master, buffer, sizeof buffer);
    if (n > 0) {
      result.out.append(buffer, static_cast<std::size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    break;  // EIO once the child has closed its side
  }
  close(master);
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  std::string text;
  for (char c : result.out)
    if (c != '\r') text.push_back(c);
  result.out = text;
  return result;
}

}  // namespace centric::test
