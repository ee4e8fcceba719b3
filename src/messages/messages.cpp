#include <nlohmann/json.hpp>

#include "centric/messages.hpp"

namespace centric {

const std::string* Messages::pattern(std::string_view key, std::string_view category) const {
  if (auto it = entries_.find(key); it != entries_.end()) {
    const Forms& forms = it->second;
    if (auto form = forms.find(category); form != forms.end()) return &form->second;
    // A language without this category (English has no "few"), or a text asked for as a plural.
    if (auto other = forms.find("other"); other != forms.end()) return &other->second;
    if (auto many = forms.find("many"); many != forms.end()) return &many->second;
    if (auto plain = forms.find(""); plain != forms.end()) return &plain->second;
  }
  if (fallback_ != nullptr) {
    // English forms for English categories: "few" and "many" are "other" there.
    const std::string_view english = category.empty() ? category : category == "one" ? "one" : "other";
    return fallback_->pattern(key, english);
  }
  return nullptr;
}

std::string Messages::format(std::string_view key, std::string_view category, fmt::format_args args) const {
  const std::string* p = pattern(key, category);
  if (p != nullptr) {
    try {
      return fmt::vformat(*p, args);
    } catch (const fmt::format_error&) {
      // A translation with a broken placeholder: the English text rather than nothing.
      if (fallback_ != nullptr) return fallback_->format(key, category.empty() ? "" : "other", args);
    }
  }
  return std::string(key);  // a key no catalogue has: visible, and caught by the catalogue tests
}

std::string Messages::number(double value, int decimals) const {
  return with_separator(fmt::format("{:.{}f}", value, decimals));
}

std::string Messages::signed_number(double value, int decimals) const {
  return with_separator(fmt::format("{:+.{}f}", value, decimals));
}

std::string Messages::with_separator(std::string text) const {
  const std::string* separator = pattern("number.decimal_separator", "");
  if (separator != nullptr && *separator != ".")
    if (auto dot = text.find('.'); dot != std::string::npos) text.replace(dot, 1, *separator);
  return text;
}

std::variant<Messages, std::string> Messages::parse(std::string language,
                                                    const std::vector<std::string_view>& documents,
                                                    const Messages* fallback) {
  Entries entries;
  for (std::size_t d = 0; d < documents.size(); ++d) {
    const std::string where = fmt::format("{} catalogue, document {}", language, d + 1);
    const auto json = nlohmann::json::parse(documents[d], nullptr, false);
    if (json.is_discarded()) return where + ": not valid JSON";
    if (!json.is_object() || json.value("format", "") != "centric-messages/1")
      return where + ": $.format: expected \"centric-messages/1\"";
    if (json.value("language", "") != language) return fmt::format("{}: $.language: expected \"{}\"", where, language);
    const auto messages = json.find("messages");
    if (messages == json.end() || !messages->is_object()) return where + ": $.messages: expected an object";
    for (const auto& [key, value] : messages->items()) {
      const std::string path = fmt::format("$.messages[\"{}\"]", key);
      if (entries.count(key)) return fmt::format("{}: {}: defined twice", where, path);
      Forms forms;
      if (value.is_string()) {
        forms[""] = value.get<std::string>();
      } else if (value.is_object() && !value.empty()) {
        for (const auto& [category, text] : value.items()) {
          if (category != "one" && category != "few" && category != "many" && category != "other")
            return fmt::format("{}: {}.{}: not a plural category (one, few, many, other)", where, path, category);
          if (!text.is_string()) return fmt::format("{}: {}.{}: expected a string", where, path, category);
          forms[category] = text.get<std::string>();
        }
      } else {
        return fmt::format("{}: {}: expected a string or an object of plural forms", where, path);
      }
      entries.emplace(key, std::move(forms));
    }
  }
  return Messages(std::move(language), std::move(entries), fallback);
}

}  // namespace centric
