// Options that name a file.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

namespace centric::cli {

// An empty file name (`-o ""`, often an unset shell variable) is a usage error: taken as
// "not given", it would silently write to standard output or use the built-in questionnaire.
inline CLI::Validator non_empty_file_name() {
  return CLI::Validator(
      [](std::string& value) { return value.empty() ? std::string("needs a file name, not an empty string") : ""; },
      "");
}

}  // namespace centric::cli
