// Reports and the questionnaire in four languages, through the real binary: --lang, the
// locale variables, the catalogue's words, the questionnaire's texts, decimal commas, and
// ids and numbers that stay the same in every language.
#include <fmt/format.h>
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "e2e/e2e_common.hpp"
#include "support/process.hpp"

using namespace centric::test;
using nlohmann::json;

namespace {

// A word of the program's catalogue, read from messages/LANGUAGE/FILE.json.
std::string catalogue(const std::string& language, const std::string& key, const std::string& file = "report") {
  const json doc = json::parse(read_text_file(source_path("messages/" + language + "/" + file + ".json")));
  const json& value = doc["messages"][key];
  return value.is_string() ? value.get<std::string>() : value.value("other", value.value("many", ""));
}

std::string questionnaire_text(const json& localized, const std::string& language) {
  return localized.at(language).get<std::string>();
}

ProcessResult assess(const std::vector<std::string>& more, const std::map<std::string, std::string>& env = {}) {
  ProcessOptions options;
  options.env = env;
  return run_centric(with(with({"assess"}, example_inputs()), more), options);
}

// Every {"en": ..., ...} object of the questionnaire, with its JSON path.
void localized_texts(const json& value, const std::string& path, std::vector<std::pair<std::string, json>>& out) {
  if (value.is_object()) {
    if (value.contains("en") && value["en"].is_string()) {
      out.emplace_back(path, value);
      return;
    }
    for (const auto& [key, child] : value.items()) localized_texts(child, path + "." + key, out);
  } else if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) localized_texts(value[i], path + "[" + std::to_string(i) + "]", out);
  }
}

// A figure of the English JSON report as a report in a comma-decimal language prints it
// (one decimal).
std::string with_decimal_comma(double value) {
  std::string text = fmt::format("{:.1f}", value);
  text[text.find('.')] = ',';
  return text;
}

const json& english_report() {
  static const json report = json::parse(assess({"--format", "json"}).out);
  return report;
}

}  // namespace

TEST_CASE("languages: the bundled questionnaire is complete in English, Polish, Russian and Hungarian", "[languages]") {
  const json q = builtin_questionnaire();
  CHECK(q["languages"] == json::array({"en", "pl", "ru", "hu"}));
  std::vector<std::pair<std::string, json>> texts;
  localized_texts(q, "$", texts);
  CHECK(texts.size() > 100);
  for (const auto& [path, text] : texts) {
    for (const std::string language : {"en", "pl", "ru", "hu"}) {
      INFO(path << " in " << language);
      REQUIRE(text.contains(language));
      CHECK_FALSE(text[language].get<std::string>().empty());
      // A translation is not the English text left in place (ids like "IT" aside).
      if (language != "en" && text["en"].get<std::string>().size() > 12)
        CHECK(text[language].get<std::string>() != text["en"].get<std::string>());
    }
  }
  // validate agrees: the claim of four languages holds.
  TempDir dir;
  dir.write("q.json", read_text_file(source_path("questionnaires/customer-centricity.json")));
  ProcessOptions options;
  options.working_directory = dir.path();
  const auto r = run_centric({"validate", "q.json"}, options);
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
}

TEST_CASE("languages: the text report in Hungarian", "[languages]") {
  const auto r = assess({"--lang", "hu"});
  REQUIRE(r.exit_code == 0);
  const json q = builtin_questionnaire();
  CHECK(contains(r.out, questionnaire_text(q["title"], "hu")));
  CHECK(contains(r.out, catalogue("hu", "report.heading.gaps")));
  CHECK(contains(r.out, catalogue("hu", "report.heading.not_shown")));
  CHECK(contains(r.out, questionnaire_text(q["levels"][2]["name"], "hu")));
  CHECK(contains(r.out, questionnaire_text(q["dimensions"][0]["name"], "hu")));
  // Decimals with the Hungarian comma: the gap table's figures.
  const double spread = english_report()["gaps"]["silo_spread"]["culture"];
  CHECK(contains(r.out, with_decimal_comma(spread)));
  CHECK_FALSE(contains(r.out, fmt::format("{:.1f}", spread)));
  CHECK_FALSE(contains(r.out, "Silo spread"));
  CHECK_FALSE(contains(r.out, "Recommendations"));
}

TEST_CASE("languages: the Markdown report in Hungarian", "[languages]") {
  const auto r = assess({"--lang", "hu", "--format", "md"});
  REQUIRE(r.exit_code == 0);
  const json q = builtin_questionnaire();
  CHECK(starts_with(r.out, "# " + questionnaire_text(q["title"], "hu")));
  CHECK(has_line_starting_with(r.out, "## " + catalogue("hu", "md.heading.scores")));
  CHECK(has_line_starting_with(r.out, "## " + catalogue("hu", "report.heading.gaps")));
  CHECK(has_line_starting_with(r.out, "## " + catalogue("hu", "md.heading.recommendations")));
  CHECK(contains(r.out, "| " + with_decimal_comma(english_report()["gaps"]["silo_spread"]["culture"]) + " |"));
  CHECK_FALSE(contains(r.out, "## Gaps"));
}

TEST_CASE("languages: the HTML report in Hungarian", "[languages]") {
  const auto r = assess({"--lang", "hu", "--format", "html"});
  REQUIRE(r.exit_code == 0);
  CHECK(starts_with(r.out, "<!DOCTYPE html>\n<html lang=\"hu\">"));
  CHECK(contains(r.out, ">" + catalogue("hu", "html.heading.summary") + "</h2>"));
  CHECK(contains(r.out, ">" + catalogue("hu", "html.heading.heatmap") + "</h2>"));
  CHECK(contains(r.out, "<span class=\"kpi-value\">" +
                            with_decimal_comma(english_report()["organisation"]["overall"]["score"]) + "</span>"));
  const json q = builtin_questionnaire();
  CHECK(contains(r.out, questionnaire_text(q["dimensions"][1]["short"], "hu")));
  CHECK_FALSE(contains(r.out, ">Summary</h2>"));
}

TEST_CASE("languages: JSON and CSV in Hungarian keep ids and numbers and add localized names", "[languages]") {
  const json en = parse_report(assess({"--format", "json"}).out);
  const json hu = parse_report(assess({"--lang", "hu", "--format", "json"}).out);
  CHECK(en["language"] == "en");
  CHECK(hu["language"] == "hu");
  const json q = builtin_questionnaire();
  REQUIRE(en["departments"].size() == hu["departments"].size());
  for (std::size_t i = 0; i < en["departments"].size(); ++i) {
    const json& e = en["departments"][i];
    const json& h = hu["departments"][i];
    CHECK(e["id"] == h["id"]);
    CHECK(e["n"] == h["n"]);
    if (e.value("suppressed", false)) continue;
    CHECK(e["overall"]["score"] == h["overall"]["score"]);
    CHECK(e["overall"]["level"] == h["overall"]["level"]);
    const int level = h["overall"]["level"].get<int>();
    CHECK(h["overall"]["level_name"] == q["levels"][level - 1]["name"]["hu"]);
  }
  const json& culture = hu["organisation"]["dimensions"]["culture"];
  CHECK(culture["dimension_name"] == q["dimensions"][0]["name"]["hu"]);
  CHECK(culture["score"] == en["organisation"]["dimensions"]["culture"]["score"]);

  const auto csv = assess({"--lang", "hu", "--format", "csv"});
  REQUIRE(csv.exit_code == 0);
  CHECK(contains(csv.out, questionnaire_text(q["dimensions"][0]["name"], "hu")));
}

TEST_CASE("languages: the locale chooses the language when --lang is not given", "[languages]") {
  const json q = builtin_questionnaire();
  const std::string russian_title = questionnaire_text(q["title"], "ru");
  SECTION("LANG=ru_RU.UTF-8 chooses Russian") {
    const auto r = assess({}, {{"LANG", "ru_RU.UTF-8"}});
    REQUIRE(r.exit_code == 0);
    CHECK(starts_with(r.out, russian_title));
    CHECK(contains(r.out, catalogue("ru", "report.heading.gaps")));
  }
  SECTION("LC_ALL wins over LANG, LC_MESSAGES over LANG") {
    CHECK(starts_with(assess({}, {{"LANG", "ru_RU.UTF-8"}, {"LC_ALL", "pl_PL.UTF-8"}}).out,
                      questionnaire_text(q["title"], "pl")));
    CHECK(starts_with(assess({}, {{"LANG", "ru_RU.UTF-8"}, {"LC_MESSAGES", "hu_HU.UTF-8"}}).out,
                      questionnaire_text(q["title"], "hu")));
  }
  SECTION("a language the questionnaire lacks, or C, means its default language") {
    CHECK(starts_with(assess({}, {{"LANG", "de_DE.UTF-8"}}).out, questionnaire_text(q["title"], "en")));
    CHECK(
        starts_with(assess({}, {{"LC_ALL", "C"}, {"LANG", "ru_RU.UTF-8"}}).out, questionnaire_text(q["title"], "en")));
  }
  SECTION("--lang wins over the locale") {
    CHECK(starts_with(assess({"--lang", "en"}, {{"LANG", "ru_RU.UTF-8"}}).out, questionnaire_text(q["title"], "en")));
  }
}

TEST_CASE("languages: --lang with a language the questionnaire lacks is a usage error", "[languages]") {
  const auto r = assess({"--lang", "de"});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(has_line_starting_with(r.err,
                               "centric: error: --lang de: the questionnaire has no such language (it has en, pl, "
                               "ru, hu)"));
}

TEST_CASE("languages: stderr stays English whatever the report's language", "[languages]") {
  TempDir dir;
  dir.write("bad.json", "{");
  const auto r = run_centric({"assess", "--lang", "ru", source_path("examples/acme"), dir.path() + "/bad.json"});
  CHECK(r.exit_code == 3);
  CHECK(contains(r.err, "rejected (see above)"));
}

TEST_CASE("languages: the questionnaire shown in Polish", "[languages]") {
  const auto r = run_centric({"questionnaire", "--lang", "pl"});
  REQUIRE(r.exit_code == 0);
  const json q = builtin_questionnaire();
  CHECK(starts_with(r.out, questionnaire_text(q["title"], "pl")));
  CHECK(contains(r.out, questionnaire_text(q["dimensions"][4]["questions"][0]["text"], "pl").substr(0, 20)));
  CHECK(contains(r.out, catalogue("pl", "questionnaire.heading.levels", "questionnaire")));
}

TEST_CASE("languages: Russian and Hungarian reports fit 80 columns and their tables line up", "[languages]") {
  for (const std::string language : {"ru", "hu", "pl"}) {
    const auto r = assess({"--lang", language});
    REQUIRE(r.exit_code == 0);
    const auto lines = split_lines(r.out);
    for (const auto& line : lines) {
      INFO(language << ": " << line);
      CHECK(code_points(line) <= 80);
    }
    // The score table's rules are as wide as its rows: every row between the first two
    // rules ends in the same column.
    std::vector<std::size_t> rules;
    for (std::size_t i = 0; i < lines.size(); ++i)
      if (starts_with(lines[i], "\u2500\u2500\u2500")) rules.push_back(i);
    REQUIRE(rules.size() >= 2);
    const std::size_t width = code_points(lines[rules[0]]);
    for (std::size_t i = rules[0] - 1; i < rules[1]; ++i) {
      INFO(language << ": " << lines[i]);
      CHECK(code_points(lines[i]) == width);
    }
  }
}
