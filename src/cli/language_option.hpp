// The language a command speaks: --lang CODE, else the locale (LC_ALL, LC_MESSAGES, LANG)
// when the questionnaire has it, else the questionnaire's default (survey.md, "Language").
#pragma once

#include <optional>
#include <string>

#include "centric/questionnaire.hpp"

namespace centric::cli {

// Empty, after a message on stderr, when --lang names a language the questionnaire lacks.
std::optional<std::string> language_for(const Questionnaire& q, const std::string& flag);

}  // namespace centric::cli
