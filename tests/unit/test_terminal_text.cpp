// Questionnaire texts on the terminal (formats.md §5e): a questionnaire may come from
// anyone, so its texts reach the terminal with control characters, C1 controls and
// bidirectional controls spelled out — in the text report, `centric questionnaire` and the
// survey's result — while the program's own colours still work and widths are measured on
// what is shown. The questionnaire is tests/data/hostile/questionnaire.json: every text in
// it carries ESC [2J, an OSC title (ESC ] 0;title BEL), U+202E and U+009B.
#include <catch2/catch.hpp>

#include <cctype>
#include <string>
#include <vector>

#include "centric/questionnaire_io.hpp"
#include "centric/report.hpp"
#include "centric/scoring.hpp"
#include "centric/text.hpp"
#include "support/text_lines.hpp"

using namespace centric;
using centric::test::split_lines;
using centric::test::unwrapped;

namespace {

// What follows each text's first word in the file, as the terminal must show it.
const std::string spelled = " \\x1B[2J\\x1B]0;title\\x07\\u{202E}\\u{009B}31m end";

const Questionnaire& hostile() {
  static const Questionnaire q = [] {
    auto load = load_questionnaire_file(std::string(CENTRIC_SOURCE_DIR) + "/tests/data/hostile/questionnaire.json");
    REQUIRE(load.ok());
    return *load.questionnaire;
  }();
  return q;
}

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// `text` without the colour and emphasis sequences the program writes (ESC [ ... m).
std::string without_sgr(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\x1b' && i + 1 < text.size() && text[i + 1] == '[') {
      std::size_t end = i + 2;
      while (end < text.size() && (std::isdigit(static_cast<unsigned char>(text[end])) || text[end] == ';')) ++end;
      if (end < text.size() && text[end] == 'm') {
        i = end;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

// No byte of a terminal control from the questionnaire: ESC (beyond the program's own
// colour sequences), BEL, U+009B, U+202E.
void check_nothing_raw(const std::string& text) {
  const std::string plain = without_sgr(text);
  CHECK(plain.find('\x1b') == std::string::npos);
  CHECK(plain.find('\x07') == std::string::npos);
  CHECK_FALSE(contains(plain, "\xC2\x9B"));
  CHECK_FALSE(contains(plain, "\xE2\x80\xAE"));
}

AnswerSet answers(const std::string& department, int value) {
  AnswerSet s;
  s.respondent.department = department;
  s.complete = true;
  for (int i = 0; i < 4; ++i) s.answers.push_back(AnswerValue::of(i == 1 ? 6 - value : value));
  return s;
}

Assessment assessment(int min_group) {
  Tally tally(hostile());
  for (int i = 0; i < 3; ++i) tally.add(answers("ops", 1));
  for (int i = 0; i < 3; ++i) tally.add(answers("sales", 4));
  return assess(tally, {min_group, 3});
}

}  // namespace

TEST_CASE("terminal text: a questionnaire text with its controls spelled out") {
  const Questionnaire& q = hostile();
  CHECK(terminal_text(q, q.title, "en") == "=Title" + spelled);
  CHECK(terminal_text(q, q.dimensions[1].name, "en") == "\\x09People" + spelled);
  // What the JSON and CSV reports carry stays as it is.
  CHECK(q.text(q.title, "en") ==
        "=Title \x1b[2J\x1b]0;title\x07\xE2\x80\xAE\xC2\x9B"
        "31m end");
}

TEST_CASE("terminal text: centric questionnaire shows every kind of text spelled out") {
  const Questionnaire& q = hostile();
  for (const bool color : {false, true}) {
    INFO("colour " << color);
    const std::string out = render_questionnaire(q, "en", {color, 80});
    check_nothing_raw(out);
    CHECK(contains(out, "=Title" + spelled));
    CHECK(contains(out, "1.0.0-\\x1B[2J\\u{202E}"));  // the version
    CHECK(contains(out, "Intro" + spelled));
    CHECK(contains(out, "-Disagree" + spelled));
    CHECK(contains(out, "+Agree" + spelled));
    CHECK(contains(out, "=Low" + spelled));
    CHECK(contains(out, "Mid description" + spelled));
    CHECK(contains(out, "=Culture" + spelled));
    CHECK(contains(out, "\\x09People" + spelled));
    CHECK(contains(out, "Culture description" + spelled));
    CHECK(contains(out, "@Question one" + spelled));
    CHECK(contains(out, "-Culture advice" + spelled));
    CHECK(contains(out, "@Ops" + spelled));  // a department's name
    // Wrapped by what is shown: no line wider than the terminal.
    for (const auto& line : split_lines(without_sgr(out))) {
      INFO(line);
      CHECK(display_width(line) <= 80);
    }
    // The program's own bold still works.
    CHECK(contains(out, "\x1b[1m=Title") == color);
  }
}

TEST_CASE("terminal text: the text report shows every questionnaire text spelled out, its table aligned") {
  const Questionnaire& q = hostile();
  const InputSummary inputs{};
  const Assessment a = assessment(3);
  const Report report{q, a, inputs, "en", {}};
  for (const bool color : {false, true}) {
    INFO("colour " << color);
    const std::string out = render_text(report, {color, 80});
    check_nothing_raw(out);
    const std::string plain = without_sgr(out);
    const std::string text = unwrapped(plain);
    CHECK(contains(text, "=Title" + spelled));
    CHECK(contains(text, "=Culture" + spelled));         // gaps, weakest, recommendations
    CHECK(contains(text, "-Culture advice" + spelled));  // a recommendation
    CHECK(contains(text, "=Low" + spelled));             // level names
    CHECK(contains(text, "@Ops" + spelled));             // a department's name
    // The table: the short names head the columns; every row is as wide as the header, so
    // the columns line up on the terminal.
    const auto lines = split_lines(plain);
    std::size_t header = 0;
    while (header < lines.size() && !contains(lines[header], "+Cult")) ++header;
    REQUIRE(header < lines.size());
    const int width = display_width(lines[header]);
    std::size_t rows = 0;
    for (std::size_t i = header + 1; i < lines.size() && !contains(lines[i], "Levels:"); ++i) {
      if (contains(lines[i], "\u2500\u2500")) continue;  // a rule
      INFO(lines[i]);
      CHECK(display_width(lines[i]) == width);
      ++rows;
    }
    CHECK(rows == 3);                          // two departments and the organisation
    if (color) CHECK(contains(out, "\x1b["));  // the program's own colours
  }
}

TEST_CASE("terminal text: the survey's personal result shows the questionnaire's texts spelled out") {
  const Questionnaire& q = hostile();
  Tally tally(q);
  tally.add(answers("ops", 2));
  const Assessment a = assess(tally, {1, 3});
  for (const bool color : {false, true}) {
    INFO("colour " << color);
    const std::string out = render_personal_result(q, a, "en", {color, 80});
    check_nothing_raw(out);
    const std::string plain = without_sgr(out);
    CHECK(contains(unwrapped(plain), "=Low" + spelled));             // the level
    CHECK(contains(unwrapped(plain), "-Culture advice" + spelled));  // a recommendation
    // The dimensions' names are cut to the same width, measured on what is shown, so the
    // bars line up.
    std::vector<std::size_t> bars;
    for (const auto& line : split_lines(plain))
      if (contains(line, "\u2588") || contains(line, "\u2591"))
        bars.push_back(static_cast<std::size_t>(display_width(line.substr(0, line.find("\xE2\x96")))));
    REQUIRE(bars.size() == 2);
    CHECK(bars[0] == bars[1]);
  }
}
