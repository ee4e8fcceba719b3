#include "centric/questionnaire.hpp"

namespace centric {

bool LocalizedText::has(std::string_view language) const { return by_language.find(language) != by_language.end(); }

const std::string& LocalizedText::in(std::string_view language, std::string_view fallback) const {
  static const std::string none;
  if (auto it = by_language.find(language); it != by_language.end()) return it->second;
  if (auto it = by_language.find(fallback); it != by_language.end()) return it->second;
  return by_language.empty() ? none : by_language.begin()->second;
}

}  // namespace centric
