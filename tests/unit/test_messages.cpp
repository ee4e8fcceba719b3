// The message catalogues: plural rules, the fallback to English, and every built-in
// catalogue complete — every key of English, every plural form its language needs, the
// same placeholders — so no user ever meets a key or half a sentence.
#include <fmt/args.h>
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

#include "centric/messages.hpp"

using namespace centric;

namespace {

std::set<std::string> placeholders(const std::string& text) {
  std::set<std::string> names;
  const std::regex name(R"(\{(\w+)\})");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), name); it != std::sregex_iterator(); ++it)
    names.insert((*it)[1]);
  return names;
}

// The categories a language's whole numbers fall into.
std::set<std::string> categories(const std::string& language) {
  std::set<std::string> out;
  for (long long n = 0; n <= 200; ++n) out.insert(std::string(plural_category(language, n)));
  return out;
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

TEST_CASE("plural categories follow CLDR for whole numbers", "[messages]") {
  for (long long n : {1LL}) CHECK(plural_category("en", n) == "one");
  for (long long n : {0LL, 2LL, 5LL, 11LL, 21LL}) CHECK(plural_category("en", n) == "other");
  CHECK(plural_category("hu", 1) == "one");
  CHECK(plural_category("hu", 5) == "other");
  // Polish: 1 one; 2-4, 22-24, 102 few; 0, 5-21, 25, 112-114 many.
  CHECK(plural_category("pl", 1) == "one");
  for (long long n : {2LL, 3LL, 4LL, 22LL, 24LL, 102LL}) CHECK(plural_category("pl", n) == "few");
  for (long long n : {0LL, 5LL, 11LL, 12LL, 14LL, 21LL, 25LL, 112LL, 114LL}) CHECK(plural_category("pl", n) == "many");
  // Russian: 1, 21, 101 one (not 11); 2-4, 22-24 few (not 12-14); the rest many.
  for (long long n : {1LL, 21LL, 101LL}) CHECK(plural_category("ru", n) == "one");
  for (long long n : {2LL, 4LL, 22LL, 34LL}) CHECK(plural_category("ru", n) == "few");
  for (long long n : {0LL, 5LL, 11LL, 12LL, 14LL, 20LL, 111LL}) CHECK(plural_category("ru", n) == "many");
  // A language without rules of its own counts like English.
  CHECK(plural_category("xx", 1) == "one");
  CHECK(plural_category("xx", 3) == "other");
}

TEST_CASE("messages: a key a catalogue lacks is said in English", "[messages]") {
  const Messages& english = Messages::built_in("en");
  const auto parsed = Messages::parse("pl", {R"({"format": "centric-messages/1", "language": "pl", "messages": {
           "group.organisation": "Organizacja",
           "count.respondents": {"one": "{n} respondent", "few": "{n} respondentów?", "many": "{n} respondentów"},
           "table.score": "Wynik {broken}"}})"},
                                      &english);
  REQUIRE(std::holds_alternative<Messages>(parsed));
  const Messages& m = std::get<Messages>(parsed);
  CHECK(m("group.organisation") == "Organizacja");
  CHECK(m("group.leaders") == english("group.leaders"));
  CHECK(m("group.leaders") == "Leaders");
  CHECK(m.plural("count.respondents", 5) == "5 respondentów");
  CHECK(m.plural("count.respondents", 1) == "1 respondent");
  // English's forms for a key Polish lacks: "few" and "many" are English "other".
  CHECK(m.plural("count.departments", 3) == "3 departments");
  CHECK(m.plural("count.departments", 1) == "1 department");
  // A translation with a placeholder the program does not supply: the English text.
  CHECK(m("table.score") == "Score");
  // A key no catalogue has is shown as itself rather than as nothing.
  CHECK(m("no.such.key") == "no.such.key");
  // Without a decimal separator of its own, English's dot.
  CHECK(m.number(57.25) == "57.2");
}

TEST_CASE("messages: a broken catalogue is refused with the place of the mistake", "[messages]") {
  const auto doc = [](const std::string& messages) {
    return R"({"format": "centric-messages/1", "language": "pl", "messages": )" + messages + "}";
  };
  const auto error = [&](const std::string& messages) {
    const std::string text = doc(messages);
    const auto parsed = Messages::parse("pl", {text}, nullptr);
    return std::holds_alternative<std::string>(parsed) ? std::get<std::string>(parsed) : std::string();
  };
  CHECK_THAT(error(R"({"a": 1})"), Catch::Contains("$.messages[\"a\"]"));
  CHECK_THAT(error(R"({"a": {"some": "x"}})"), Catch::Contains("not a plural category"));
  CHECK_THAT(error("[]"), Catch::Contains("$.messages: expected an object"));
  const auto twice = Messages::parse("pl", {doc(R"({"a": "x"})"), doc(R"({"a": "y"})")}, nullptr);
  REQUIRE(std::holds_alternative<std::string>(twice));
  CHECK_THAT(std::get<std::string>(twice), Catch::Contains("defined twice"));
  const auto wrong_language = Messages::parse("ru", {doc("{}")}, nullptr);
  REQUIRE(std::holds_alternative<std::string>(wrong_language));
  CHECK_THAT(std::get<std::string>(wrong_language), Catch::Contains("$.language"));
}

TEST_CASE("messages: the built-in catalogues are English, Polish, Russian and Hungarian", "[messages]") {
  CHECK(Messages::built_in_languages() == std::vector<std::string>{"en", "hu", "pl", "ru"});
  CHECK(Messages::built_in("pl").language() == "pl");
  CHECK(Messages::built_in("de").language() == "en");  // no German: English
  CHECK(Messages::built_in("pl").number(57.25) == "57,2");
  CHECK(Messages::built_in("ru").signed_number(-3.04) == "-3,0");
  CHECK(Messages::built_in("en").number(57.25, 0) == "57");
}

TEST_CASE("messages: every catalogue has every English key, every plural form and the same placeholders",
          "[messages]") {
  const Messages& english = Messages::built_in("en");
  for (const auto& language : Messages::built_in_languages()) {
    if (language == "en") continue;
    const Messages& m = Messages::built_in(language);
    const auto needed = categories(language);
    for (const auto& [key, forms] : english.entries()) {
      INFO(language << ": " << key);
      const auto it = m.entries().find(key);
      REQUIRE(it != m.entries().end());
      const bool plural = !forms.count("");
      const std::set<std::string> wanted = [&] {
        auto p = placeholders(plural ? forms.at("other") : forms.at(""));
        p.erase("n");
        return p;
      }();
      if (plural) {
        for (const auto& category : needed) {
          INFO("form " << category);
          CHECK(it->second.count(category) == 1);
        }
      } else {
        CHECK(it->second.count("") == 1);
      }
      fmt::dynamic_format_arg_store<fmt::format_context> args;
      for (const auto& name : wanted) args.push_back(fmt::arg(name.c_str(), "x"));
      args.push_back(fmt::arg("n", 7));
      for (const auto& [category, text] : it->second) {
        INFO("form '" << category << "': " << text);
        auto found = placeholders(text);
        found.erase("n");
        CHECK(found == wanted);
        CHECK_NOTHROW(fmt::vformat(text, args));
        CHECK_FALSE(text.empty());
      }
    }
    // Nothing a translation has that English lacks (a typo in a key would never be used).
    for (const auto& [key, forms] : m.entries()) {
      INFO(language << ": " << key);
      CHECK(english.entries().count(key) == 1);
    }
  }
}

TEST_CASE("messages: every key the program uses is in the English catalogue", "[messages]") {
  // String literals in src/ that look like catalogue keys ("report.heading.gaps").
  const std::regex key_literal(
      R"re("((?:report|text|md|html|chart|gaps|suppression|warning|table|answers|group|count|level|score|questionnaire|survey|result|number)\.[a-z0-9_.]+)")re");
  const Messages& english = Messages::built_in("en");
  std::size_t found = 0;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(std::filesystem::path(CENTRIC_SOURCE_DIR) / "src")) {
    if (entry.path().extension() != ".cpp" && entry.path().extension() != ".hpp") continue;
    const std::string text = read_file(entry.path());
    for (auto it = std::sregex_iterator(text.begin(), text.end(), key_literal); it != std::sregex_iterator(); ++it) {
      const std::string key = (*it)[1];
      INFO(entry.path().filename().string() << ": " << key);
      CHECK(english.entries().count(key) == 1);
      ++found;
    }
  }
  CHECK(found > 100);
}
