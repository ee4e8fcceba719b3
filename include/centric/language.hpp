// Which language to show a questionnaire in (survey.md, "Language").
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "centric/questionnaire.hpp"

namespace centric {

// Whether the questionnaire offers `language`: listed in its `languages`, or, without
// that list, present in its title.
bool offers_language(const Questionnaire& q, std::string_view language);

// The language part of a locale name: "pl" for "pl_PL.UTF-8", "ru" for "ru_RU@euro".
std::string_view locale_language(std::string_view locale);

// --lang CODE when given (it must be offered: otherwise empty, for the caller to report);
// else the first of LC_ALL, LC_MESSAGES, LANG that is set and not empty, when offered
// (C and POSIX mean the default language, and stop the search); else the default.
struct LanguageChoice {
  std::optional<std::string> flag;  // --lang
  std::optional<std::string> lc_all;
  std::optional<std::string> lc_messages;
  std::optional<std::string> lang;
};
std::optional<std::string> choose_language(const Questionnaire& q, const LanguageChoice& choice);

}  // namespace centric
