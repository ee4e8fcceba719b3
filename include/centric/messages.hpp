// The program's own words — survey prompts, report headings and readings — in the user's
// language, from a catalogue per language built into the binary. English is behind every
// catalogue: a key a translation lacks is said in English, never left out.
#pragma once

#include <fmt/format.h>

#include <map>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace centric {

// The CLDR cardinal plural category of the whole number `n` in `language`: "one", "few",
// "many" or "other" (Polish and Russian tell one/few/many; English and Hungarian one/other;
// unknown languages follow English).
std::string_view plural_category(std::string_view language, long long n);

class Messages {
 public:
  // A key's text, or its forms by plural category ("one", "few", "many", "other").
  using Forms = std::map<std::string, std::string, std::less<>>;
  using Entries = std::map<std::string, Forms, std::less<>>;

  Messages(std::string language, Entries entries, const Messages* fallback)
      : language_(std::move(language)), entries_(std::move(entries)), fallback_(fallback) {}

  // The catalogue built in for `language`; English for a language without one.
  static const Messages& built_in(std::string_view language);
  // The languages with a built-in catalogue, English first.
  static std::vector<std::string> built_in_languages();

  // A catalogue from `centric-messages/1` JSON documents (one per file of the catalogue);
  // the error names the document and the JSON path.
  static std::variant<Messages, std::string> parse(std::string language, const std::vector<std::string_view>& documents,
                                                   const Messages* fallback);

  const std::string& language() const { return language_; }
  const Entries& entries() const { return entries_; }

  // The text of `key` with `args` (fmt::arg("name", value)) put in its {name} places.
  template <typename... Args>
  std::string operator()(std::string_view key, const Args&... args) const {
    return format(key, "", fmt::make_format_args(args...));
  }

  // The form of `key` for the count `n` in this language, with {n} and `args` put in.
  template <typename... Args>
  std::string plural(std::string_view key, long long n, const Args&... args) const {
    return format(key, plural_category(language_, n), fmt::make_format_args(fmt::arg("n", n), args...));
  }

  // `value` with `decimals` decimals and the language's decimal separator ("57,3" in Polish).
  std::string number(double value, int decimals = 1) const;
  // The same with its sign always shown: "+13.3", "-2.0".
  std::string signed_number(double value, int decimals = 1) const;

 private:
  // The pattern of `key` in the form `category` ("" for a text without forms) here, else in
  // the fallback; nullptr when neither has it.
  const std::string* pattern(std::string_view key, std::string_view category) const;
  std::string format(std::string_view key, std::string_view category, fmt::format_args args) const;
  std::string with_separator(std::string text) const;

  std::string language_;
  Entries entries_;
  const Messages* fallback_;
};

}  // namespace centric
