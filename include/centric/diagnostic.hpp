// A problem found in an input, located well enough for a person to fix it.
#pragma once

#include <string>
#include <vector>

namespace centric {

struct Diagnostic {
  enum class Severity { error, warning };
  Severity severity = Severity::error;
  std::string source;  // "answers.json", "team.jsonl:7", "all.json[3]", "<stdin>"
  int line = 0;        // a syntax error's position inside `source`, when known
  int column = 0;
  std::string path;  // the JSON path of a semantic problem: dimensions[2].questions[0].id
  std::string message;

  static Diagnostic error(std::string source, std::string path, std::string message);
  static Diagnostic warning(std::string source, std::string path, std::string message);
};

// "SOURCE[:LINE[:COL]]: [PATH: ]MESSAGE" — what follows "centric: error: ".
std::string describe(const Diagnostic& d);
// "[line L, column C: ][PATH: ]MESSAGE" — the part that is not the source.
std::string describe_without_source(const Diagnostic& d);
// The whole stderr line: "centric: error: ..." or "centric: warning: ...".
std::string format_for_stderr(const Diagnostic& d);

bool has_errors(const std::vector<Diagnostic>& diagnostics);

}  // namespace centric
