// A questionnaire from anyone, through the real binary (formats.md §5e): every text of
// tests/data/hostile/questionnaire.json (title, intro, scale labels, level names and
// descriptions, dimension names, short names and descriptions, questions, help,
// recommendations, a department's name, the version) carries ESC [2J (clear the screen),
// an OSC title (ESC ] 0;title BEL), U+202E (right-to-left override) and U+009B (an 8-bit
// CSI). None of them may reach standard output as it is, with or without colour; each is
// spelled out where the text is shown.
#include <catch2/catch.hpp>
#include <cctype>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "e2e/e2e_common.hpp"
#include "support/process.hpp"
#include "support/pty_session.hpp"

using namespace centric::test;
using nlohmann::json;

namespace {

// What follows each text's first word in the file, as the terminal must show it.
const std::string spelled = " \\x1B[2J\\x1B]0;title\\x07\\u{202E}\\u{009B}31m end";

std::string questionnaire_file() { return source_path("tests/data/hostile/questionnaire.json"); }
std::string answers_file() { return source_path("tests/data/hostile/answers.jsonl"); }

// `text` without the sequences the program itself writes: colours (ESC [ ... m), the
// survey's alternate screen (ESC [?1049h / l) and its "home, clear" before each screen.
std::string without_own_sequences(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 7, "\x1b[H\x1b[2J") == 0) {
      i += 6;
      continue;
    }
    if (text.compare(i, 8, "\x1b[?1049h") == 0 || text.compare(i, 8, "\x1b[?1049l") == 0) {
      i += 7;
      continue;
    }
    if (text.compare(i, 2, "\x1b[") == 0) {
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

// Nothing of the questionnaire's controls as it is: no ESC but the program's own
// sequences, no BEL, no U+009B, no U+202E.
void check_nothing_raw(const std::string& out) {
  const std::string rest = without_own_sequences(out);
  CHECK(rest.find('\x1b') == std::string::npos);
  CHECK(rest.find('\x07') == std::string::npos);
  CHECK_FALSE(contains(rest, "\xC2\x9B"));
  CHECK_FALSE(contains(rest, "\xE2\x80\xAE"));
}

}  // namespace

TEST_CASE("hostile questionnaire: centric questionnaire spells out every control", "[escape][questionnaire]") {
  // centric questionnaire -q tests/data/hostile/questionnaire.json
  const auto piped = run_centric({"questionnaire", "--questionnaire", questionnaire_file()});
  INFO("stderr: " << piped.err);
  REQUIRE(piped.exit_code == 0);
  CHECK(piped.out.find('\x1b') == std::string::npos);  // a pipe: no colour, nothing raw
  check_nothing_raw(piped.out);
  for (const std::string text : {"=Title", "Intro", "-Disagree", "Neither", "+Agree", "=Low", "Low description", "+Mid",
                                 "@High", "=Culture", "Culture description", "@Question one", "Question two",
                                 "-Culture advice", "\\x09People", "People advice", "@Ops"}) {
    INFO(text);
    CHECK(contains(piped.out, text + spelled));
  }
  CHECK(contains(piped.out, "1.0.0-\\x1B[2J\\u{202E}"));  // the version

  // On a terminal: the program's bold, and still nothing raw from the questionnaire.
  const auto colored = run_centric_on_terminal({"questionnaire", "--questionnaire", questionnaire_file()}, {});
  REQUIRE(colored.exit_code == 0);
  CHECK(has_escape_codes(colored.out));
  check_nothing_raw(colored.out);
  CHECK(contains(without_own_sequences(colored.out), "=Title" + spelled));
  // --no-color on a terminal: no ESC at all.
  const auto plain =
      run_centric_on_terminal({"questionnaire", "--questionnaire", questionnaire_file(), "--no-color"}, {});
  REQUIRE(plain.exit_code == 0);
  CHECK(plain.out.find('\x1b') == std::string::npos);
  CHECK(contains(plain.out, "@Question one" + spelled));
}

TEST_CASE("hostile questionnaire: centric validate names its version spelled out", "[escape][questionnaire]") {
  const auto r = run_centric({"validate", questionnaire_file()});
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  check_nothing_raw(r.out);
  CHECK(contains(r.out, ": ok (questionnaire hostile 1.0.0-\\x1B[2J\\u{202E})"));
}

TEST_CASE("hostile questionnaire: the text report spells out every control, with and without colour",
          "[escape][report]") {
  // centric assess -q tests/data/hostile/questionnaire.json --min-group 1 tests/data/hostile/answers.jsonl
  const std::vector<std::string> args{"assess", "--questionnaire", questionnaire_file(), "--min-group",
                                      "1",      answers_file()};
  const auto piped = run_centric(args);
  INFO("stderr: " << piped.err);
  REQUIRE(piped.exit_code == 0);
  CHECK(piped.out.find('\x1b') == std::string::npos);
  check_nothing_raw(piped.out);
  for (const std::string text : {"=Title", "=Culture", "-Culture advice", "People advice", "=Low", "@Ops"}) {
    INFO(text);
    CHECK(contains(unwrapped(piped.out), text + spelled));
  }
  CHECK(contains(piped.out, "+Cult \\x1B[2J"));  // a short name heads the table's column

  const auto colored = run_centric_on_terminal(args, {});
  REQUIRE(colored.exit_code == 0);
  CHECK(has_escape_codes(colored.out));  // the levels' colours
  check_nothing_raw(colored.out);
  CHECK(contains(unwrapped(without_own_sequences(colored.out)), "-Culture advice" + spelled));

  const auto no_color = run_centric_on_terminal(with(args, {"--no-color"}), {});
  REQUIRE(no_color.exit_code == 0);
  CHECK(no_color.out.find('\x1b') == std::string::npos);
  CHECK(no_color.out == piped.out);  // the same report as on a pipe
}

TEST_CASE("hostile questionnaire: a piped survey shows every text spelled out, to the result", "[escape][survey]") {
  // printf '1\n?\n1\n2\n3\n4\n' | centric survey -q hostile/questionnaire.json --role employee --output a.json
  TempDir dir;
  ProcessOptions options;
  options.working_directory = dir.path();
  options.stdin_text = "1\n?\n1\n2\n3\n4\n";  // department 1 (ops), help, four answers
  options.unset_env = {"LC_ALL", "LC_MESSAGES", "LANG"};
  const auto r = run_centric(
      {"survey", "--questionnaire", questionnaire_file(), "--role", "employee", "--output", "a.json"}, options);
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  INFO("stdout: " << r.out);
  CHECK(r.out.find('\x1b') == std::string::npos);
  check_nothing_raw(r.out);
  for (const std::string text : {"@Ops",                                            // the department menu
                                 "=Title", "Intro",                                 // the introduction
                                 "=Culture", "\\x09People",                         // the dimensions
                                 "@Question one", "Question two", "Question four",  // the questions
                                 "-Disagree", "Neither", "+Agree",                  // the scale
                                 "Help one",                                        // the help on ?
                                 "=Low", "+Mid",                                    // the result's levels
                                 "-Culture advice"}) {                              // and recommendations
    INFO(text);
    CHECK(contains(unwrapped(r.out), text + spelled));
  }
  // The answers file is data, not display: it names the department by its id.
  CHECK(json::parse(read_text_file(dir.file("a.json")))["respondent"]["department"] == "ops");
}

TEST_CASE("survey: a typed line with controls is quoted back spelled out", "[escape][survey]") {
  TempDir dir;
  ProcessOptions options;
  options.working_directory = dir.path();
  options.stdin_text = "x\x1b]0;title\x07\xC2\x9By\nq\n";
  options.unset_env = {"LC_ALL", "LC_MESSAGES", "LANG"};
  const auto r = run_centric({"survey", "--department", "ops", "--role", "employee", "--output", "a.json"}, options);
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  check_nothing_raw(r.out);
  CHECK(contains(r.out, "x\\x1B]0;title\\x07\\u{009B}y"));
}

TEST_CASE("hostile questionnaire: the survey on a terminal shows the texts spelled out", "[escape][survey][pty]") {
  TempDir dir;
  PtyOptions options;
  options.working_directory = dir.path();
  options.columns = 80;
  options.rows = 50;
  options.unset_env = {"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"};
  PtySession s({"survey", "--questionnaire", questionnaire_file(), "--department", "ops", "--role", "employee",
                "--output", "a.json"},
               options);
  s.expect("@Question one" + spelled);
  s.send("?");
  s.expect("Help one" + spelled);
  s.send("q");
  CHECK(s.wait_exit() == 0);
  check_nothing_raw(s.output());
  CHECK(contains(s.output(), "\x1b[1m=Culture"));  // the program's own bold for the dimension
}
