#include "centric/diagnostic.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "centric/text.hpp"

namespace centric {

Diagnostic Diagnostic::error(std::string source, std::string path, std::string message) {
  return {Severity::error, std::move(source), 0, 0, std::move(path), std::move(message)};
}

Diagnostic Diagnostic::warning(std::string source, std::string path, std::string message) {
  return {Severity::warning, std::move(source), 0, 0, std::move(path), std::move(message)};
}

// Sources are file paths and messages may quote input: both may hold control characters,
// which must not reach a terminal (printable() is idempotent, so escaping twice is harmless).
std::string describe(const Diagnostic& d) {
  std::string out = printable(d.source);
  if (d.line > 0) out += fmt::format(":{}", d.line);
  if (d.column > 0) out += fmt::format(":{}", d.column);
  out += ": ";
  if (!d.path.empty()) out += printable(d.path) + ": ";
  return out + printable(d.message);
}

std::string describe_without_source(const Diagnostic& d) {
  std::string out;
  if (d.line > 0 && d.column > 0)
    out = fmt::format("line {}, column {}: ", d.line, d.column);
  else if (d.line > 0)
    out = fmt::format("line {}: ", d.line);
  else if (d.column > 0)
    out = fmt::format("column {}: ", d.column);
  if (!d.path.empty()) out += printable(d.path) + ": ";
  return out + printable(d.message);
}

std::string format_for_stderr(const Diagnostic& d) {
  return fmt::format("centric: {}: {}", d.severity == Diagnostic::Severity::error ? "error" : "warning", describe(d));
}

bool has_errors(const std::vector<Diagnostic>& diagnostics) {
  return std::any_of(diagnostics.begin(), diagnostics.end(),
                     [](const Diagnostic& d) { return d.severity == Diagnostic::Severity::error; });
}

}  // namespace centric
