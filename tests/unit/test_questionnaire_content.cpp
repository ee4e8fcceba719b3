// The built-in questionnaire's content (docs/questionnaire.md): what a methodologist
// checks by hand, kept true by tests. Each would fail if a translation, a recommendation
// or a row of the seed map went missing.
#include <catch2/catch.hpp>

#include <centric/questionnaire_io.hpp>
#include <centric/text.hpp>

#include <fstream>
#include <regex>
#include <set>
#include <sstream>
#include <string>

using namespace centric;

namespace {

const Questionnaire& built_in() {
  static const Questionnaire q = [] {
    auto load = load_default_questionnaire();
    REQUIRE(load.ok());
    return *load.questionnaire;
  }();
  return q;
}

const std::vector<std::string>& languages() {
  static const std::vector<std::string> all{"en", "pl", "ru", "hu"};
  return all;
}

std::string doc(const char* relative) {
  std::ifstream in(std::string(CENTRIC_SOURCE_DIR) + "/" + relative);
  REQUIRE(in);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void require_every_language(const LocalizedText& text, const std::string& where) {
  for (const auto& language : languages()) {
    INFO(where << " in " << language);
    REQUIRE(text.has(language));
    REQUIRE_FALSE(text.in(language, "").empty());
  }
}

}  // namespace

TEST_CASE("the built-in questionnaire claims the four languages and is at version 2", "[content]") {
  const auto& q = built_in();
  CHECK(q.languages == languages());
  CHECK(Questionnaire::major_version(q.version) == "2");
  CHECK(q.scale.not_applicable);
  CHECK(q.scale.dont_know);
}

TEST_CASE("every text of every item is in every language", "[content]") {
  const auto& q = built_in();
  std::size_t items = 0;
  for (const auto& d : q.dimensions) {
    require_every_language(d.name, d.id + " name");
    require_every_language(d.description, d.id + " description");
    for (const auto& item : d.questions) {
      require_every_language(item.text, item.id + " text");
      require_every_language(item.help, item.id + " help");
      ++items;
    }
  }
  for (const auto& level : q.levels) {
    require_every_language(level.name, "level name");
    require_every_language(level.description, "level description");
  }
  for (const auto& [value, label] : q.scale.labels) require_every_language(label, "scale label");
  CHECK(items >= 40);
}

TEST_CASE("no statement takes more than two lines of an 80-column terminal", "[content]") {
  for (const auto& d : built_in().dimensions)
    for (const auto& item : d.questions)
      for (const auto& language : languages()) {
        const auto& text = item.text.in(language, "en");
        INFO(item.id << " in " << language << ": " << text);
        CHECK(wrap(text, 80).size() <= 2);
      }
}

TEST_CASE("every dimension describes every level in every language", "[content]") {
  const auto& q = built_in();
  for (const auto& d : q.dimensions)
    for (const auto& level : q.levels) {
      const auto found = d.level_descriptions.find(level.number);
      INFO(d.id << " level " << level.number);
      REQUIRE(found != d.level_descriptions.end());
      require_every_language(found->second, d.id + " level description");
    }
}

TEST_CASE("every dimension and level has a recommendation with an owner, a time frame and items to move", "[content]") {
  const auto& q = built_in();
  for (const auto& d : q.dimensions) {
    std::set<std::string> own_items;
    for (const auto& item : d.questions) own_items.insert(item.id);
    for (const auto& level : q.levels) {
      INFO(d.id << " level " << level.number);
      bool found = false;
      for (const auto& r : d.recommendations) {
        if (std::find(r.levels.begin(), r.levels.end(), level.number) == r.levels.end()) continue;
        found = true;
        require_every_language(r.text, d.id + " recommendation");
        require_every_language(r.owner, d.id + " recommendation owner");
        require_every_language(r.time_frame, d.id + " recommendation time frame");
        REQUIRE_FALSE(r.items.empty());
        for (const auto& id : r.items) CHECK(own_items.count(id) == 1);
      }
      CHECK(found);
    }
  }
}

TEST_CASE("reverse-keyed statements guard every dimension, leaders-only items are few", "[content]") {
  for (const auto& d : built_in().dimensions) {
    INFO(d.id);
    int reversed = 0, for_everyone = 0;
    for (const auto& item : d.questions) {
      reversed += item.reverse ? 1 : 0;
      for_everyone += item.audience == Audience::everyone ? 1 : 0;
    }
    CHECK(reversed >= 1);
    CHECK(reversed * 2 < static_cast<int>(d.questions.size()));
    // At least five items asked of everyone, so ceil(k/2) still needs three answers.
    CHECK(for_everyone >= 5);
  }
}

TEST_CASE("every idea of the seed map is measured, and every statement measures an idea", "[content]") {
  // The table of docs/questionnaire.md: | # | idea | source | statements |.
  const std::string text = doc("docs/questionnaire.md");
  const auto start = text.find("| # | idea | source | statements |");
  REQUIRE(start != std::string::npos);
  const auto end = text.find("\n\n", start);
  const std::string table = text.substr(start, end - start);

  std::set<std::string> questionnaire_items;
  for (const auto& d : built_in().dimensions)
    for (const auto& item : d.questions) questionnaire_items.insert(item.id);

  const std::regex row(R"(^\| (\d+) \| ([^|]+) \| ([^|]+) \| ([^|]*) \|$)");
  const std::regex id("`([a-z0-9.-]+)`");
  std::set<std::string> mapped;
  int ideas = 0;
  std::istringstream lines(table);
  for (std::string line; std::getline(lines, line);) {
    std::smatch m;
    if (!std::regex_match(line, m, row)) continue;
    ++ideas;
    INFO("idea " << m[1] << ": " << m[2]);
    const std::string cell = m[4];
    int ids = 0;
    for (auto it = std::sregex_iterator(cell.begin(), cell.end(), id); it != std::sregex_iterator(); ++it) {
      const std::string item = (*it)[1];
      CHECK(questionnaire_items.count(item) == 1);
      mapped.insert(item);
      ++ids;
    }
    CHECK(ids >= 1);
  }
  CHECK(ideas >= 30);
  for (const auto& item : questionnaire_items) {
    INFO(item << " measures no idea of the seed map");
    CHECK(mapped.count(item) == 1);
  }
}

TEST_CASE("the levels put a neutral answer mid-scale and need a clear majority for Established", "[content]") {
  const auto& levels = built_in().levels;
  REQUIRE(levels.size() == 5);
  // All "neither" (50) is level 3, half-way between its bounds.
  CHECK(levels[2].min < 50);
  CHECK(levels[3].min > 50);
  CHECK(50 - levels[2].min == Approx(levels[3].min - 50));
  // 50% "agree" + 50% "neither" averages 62.5: not yet Established.
  CHECK(levels[3].min > 62.5);
  // The bands mirror each other around neutral.
  CHECK(levels[1].min == Approx(100 - levels[4].min));
}
