#include "centric/language.hpp"

#include <algorithm>

namespace centric {

bool offers_language(const Questionnaire& q, std::string_view language) {
  if (!q.languages.empty()) return std::find(q.languages.begin(), q.languages.end(), language) != q.languages.end();
  return q.title.has(language);
}

std::string_view locale_language(std::string_view locale) { return locale.substr(0, locale.find_first_of("_.@")); }

std::optional<std::string> choose_language(const Questionnaire& q, const LanguageChoice& choice) {
  if (choice.flag) {
    if (offers_language(q, *choice.flag)) return *choice.flag;
    return std::nullopt;
  }
  for (const auto* variable : {&choice.lc_all, &choice.lc_messages, &choice.lang}) {
    if (!*variable || (*variable)->empty()) continue;
    const std::string_view language = locale_language(**variable);
    // C and POSIX are a choice too: the default language, and no later variable is read.
    if (language == "C" || language == "POSIX") return q.default_language;
    if (offers_language(q, language)) return std::string(language);
    break;
  }
  return q.default_language;
}

}  // namespace centric
