#include "cli/language_option.hpp"

#include <fmt/format.h>

#include <cstdlib>

#include "centric/language.hpp"
#include "centric/text.hpp"

namespace centric::cli {
namespace {

std::optional<std::string> environment(const char* name) {
  const char* value = std::getenv(name);
  return value == nullptr ? std::nullopt : std::optional<std::string>(value);
}

}  // namespace

std::optional<std::string> language_for(const Questionnaire& q, const std::string& flag) {
  const LanguageChoice choice{flag.empty() ? std::nullopt : std::optional<std::string>(flag), environment("LC_ALL"),
                              environment("LC_MESSAGES"), environment("LANG")};
  auto language = choose_language(q, choice);
  if (!language) {
    std::string offered;
    for (const auto& l : q.languages) offered += (offered.empty() ? "" : ", ") + l;
    fmt::print(stderr, "centric: error: --lang {}: the questionnaire has no such language{}\n", printable(flag),
               offered.empty() ? "" : fmt::format(" (it has {})", offered));
  }
  return language;
}

}  // namespace centric::cli
