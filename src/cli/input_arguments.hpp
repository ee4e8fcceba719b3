// Checks on the INPUT arguments that assess and validate share.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

namespace centric::cli {

// Standard input can be read once; a second "-" would silently read nothing.
inline bool reads_standard_input_twice(const std::vector<std::string>& arguments) {
  return std::count(arguments.begin(), arguments.end(), "-") > 1;
}

inline constexpr const char* standard_input_twice_message = "standard input (-) can be read only once";

}  // namespace centric::cli
