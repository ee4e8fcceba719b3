// `centric survey` on a real pseudo-terminal (survey.md): single keypresses in raw mode,
// arrow keys, typed-ahead keys, Ctrl-C as a byte and as signals, a terminal that goes
// away, resuming, the terminal's modes restored, prompting, wrapping, resizing, colour.
// Each test drives the binary through tests/support/pty_session; every wait is bounded.
#include <signal.h>
#include <termios.h>

#include <iterator>
#include <regex>
#include <thread>

#include "e2e/e2e_common.hpp"
#include "support/pty_session.hpp"

namespace centric::test {
namespace {

using namespace std::chrono_literals;

const std::string answers_file = "answers.json";

struct BuiltinQuestion {
  std::string id;
  std::string text;
  std::string help;
  bool leaders_only = false;  // "audience": "leaders"
};

// Every question of the built-in questionnaire, in order.
std::vector<BuiltinQuestion> all_builtin_questions() {
  std::vector<BuiltinQuestion> out;
  const json questionnaire = builtin_questionnaire();
  for (const auto& d : questionnaire["dimensions"])
    for (const auto& q : d["questions"])
      out.push_back({q["id"].get<std::string>(), q["text"]["en"].get<std::string>(),
                     q.contains("help") ? q["help"]["en"].get<std::string>() : std::string(),
                     q.value("audience", "everyone") == "leaders"});
  return out;
}

// The questions asked of `role`, in order: a leaders-only question only of a leader. The
// tests run as an employee unless they say otherwise.
std::vector<BuiltinQuestion> builtin_questions(const std::string& role = "employee") {
  std::vector<BuiltinQuestion> out;
  for (auto& q : all_builtin_questions())
    if (role == "leader" || !q.leaders_only) out.push_back(std::move(q));
  return out;
}

// How many questions `role` is asked: the survey's total ("3/43", "Saved 7 of 43").
std::size_t total_questions(const std::string& role = "employee") { return builtin_questions(role).size(); }

std::vector<std::string> dimension_names() {
  std::vector<std::string> names;
  const json questionnaire = builtin_questionnaire();
  for (const auto& d : questionnaire["dimensions"]) names.push_back(d["name"]["en"].get<std::string>());
  return names;
}

// Runs in `dir`, in English whatever the machine's locale.
PtyOptions options_in(const TempDir& dir, unsigned short columns = 80) {
  PtyOptions options;
  options.working_directory = dir.path();
  options.columns = columns;
  options.rows = 50;
  options.unset_env = {"LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"};
  return options;
}

std::vector<std::string> survey_args(const std::vector<std::string>& more = {}) {
  return with({"survey", "--department", "sales", "--role", "employee", "--output", answers_file}, more);
}

// The progress of question k of those asked of `role` as drawn next to the dimension's name:
// "  k/43 " (the spaces keep "1/43" from matching "11/43").
std::string progress(std::size_t k, const std::string& role = "employee") {
  return "  " + std::to_string(k) + "/" + std::to_string(total_questions(role)) + " ";
}

// Waits until question k (1-based, of those asked of `role`) has been drawn up to its
// prompt; returns that screen as shown (escape sequences removed).
std::string screen(PtySession& s, std::size_t k, const std::string& role = "employee") {
  std::string drawn = s.expect(progress(k, role));
  drawn += s.expect("\r\n> ");
  return strip_terminal_codes(last_screen(drawn));
}

json read_answers(const TempDir& dir, const std::string& name = answers_file) {
  const std::string text = read_text_file(dir.file(name));
  json parsed = json::parse(text, nullptr, false);
  INFO("answers file: " << text);
  REQUIRE_FALSE(parsed.is_discarded());
  return parsed;
}

std::string shown(const PtySession& s) { return strip_terminal_codes(s.output()); }

std::string saved_line(std::size_t n, const std::string& file = answers_file, const std::string& role = "employee") {
  return "Saved " + std::to_string(n) + " of " + std::to_string(total_questions(role)) + " answers to " + file +
         " \u2014 resume with: centric survey --resume " + file;
}

// An employee's partial answers file with every question asked answered 4 except those in
// `missing` (indices into builtin_questions(), from 0).
std::string write_partial(const TempDir& dir, const std::string& name, const std::set<std::size_t>& missing) {
  const json questionnaire = builtin_questionnaire();
  json answers = json::object();
  const auto questions = builtin_questions("employee");
  for (std::size_t i = 0; i < questions.size(); ++i)
    if (missing.count(i) == 0) answers[questions[i].id] = 4;
  const json file = {{"format", "centric-answers/1"},
                     {"questionnaire", {{"id", questionnaire["id"]}, {"version", questionnaire["version"]}}},
                     {"respondent", {{"id", "r-pty"}, {"department", "sales"}, {"role", "employee"}}},
                     {"complete", false},
                     {"answers", answers}};
  return dir.write(name, file.dump(2));
}

// Words separated by single spaces, whatever the whitespace was.
std::string normalized(const std::string& text) {
  std::string out;
  bool space = false;
  for (char c : text) {
    if (c == ' ' || c == '\n' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

bool valid_utf8(const std::string& s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    std::size_t n = b < 0x80 ? 1 : (b >> 5) == 0x6 ? 2 : (b >> 4) == 0xE ? 3 : (b >> 3) == 0x1E ? 4 : 0;
    if (n == 0 || i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k)
      if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
    i += n;
  }
  return true;
}

// The question's lines on a screen: after the progress line and an empty line, up to the
// next empty line.
std::vector<std::string> question_lines(const std::string& screen_text, std::size_t k) {
  const auto lines = split_lines(screen_text);
  const auto at =
      std::find_if(lines.begin(), lines.end(), [&](const std::string& l) { return contains(l + " ", progress(k)); });
  REQUIRE(at != lines.end());
  REQUIRE(at + 1 != lines.end());
  CHECK((at + 1)->empty());
  std::vector<std::string> out;
  for (auto l = at + 2; l != lines.end() && !l->empty(); ++l) out.push_back(*l);
  return out;
}

bool same_modes(const termios& a, const termios& b) {
  return a.c_iflag == b.c_iflag && a.c_oflag == b.c_oflag && a.c_cflag == b.c_cflag && a.c_lflag == b.c_lflag &&
         std::equal(std::begin(a.c_cc), std::end(a.c_cc), std::begin(b.c_cc));
}

// Waits (bounded) until the program has put the terminal in raw mode to read a key.
bool raw_mode_seen(const PtySession& s) {
  for (int i = 0; i < 200; ++i) {
    const termios now = s.terminal_modes();
    if ((now.c_lflag & (ICANON | ECHO)) == 0) return true;
    std::this_thread::sleep_for(10ms);
  }
  return false;
}

const std::regex sgr_colour("\x1b\\[[0-9;]*m");

}  // namespace

TEST_CASE("survey pty: single keys, back, skip and n/a, then Ctrl-C as a byte saves exactly those answers",
          "[survey][pty]") {
  TempDir dir;
  PtySession s(survey_args(), options_in(dir));
  const auto q = builtin_questions();
  screen(s, 1);
  s.send("4");  // no Enter: one keypress answers
  screen(s, 2);
  s.send("5");
  screen(s, 3);
  s.send("b");  // back: question 2 shows its answer
  CHECK(contains(screen(s, 2), "Your answer: 5"));
  s.send("3");  // changed
  screen(s, 3);
  s.send("s");  // skipped
  screen(s, 4);
  s.send("n");  // not applicable
  screen(s, 5);
  s.send("2");
  screen(s, 6);
  s.send("\x03");
  CHECK(s.wait_exit() == 130);

  const json a = read_answers(dir);
  CHECK(a["complete"] == false);
  CHECK_FALSE(a.contains("submitted_at"));
  const json expected = {{q[0].id, 4}, {q[1].id, 3}, {q[3].id, "na"}, {q[4].id, 2}};
  CHECK(a["answers"] == expected);
  CHECK(a["respondent"]["department"] == "sales");
  CHECK(a["respondent"]["role"] == "employee");
  CHECK(contains(shown(s), saved_line(4)));
  CHECK(list_directory(dir.path()) == std::vector<std::string>{answers_file});  // no temporary file left
}

TEST_CASE("survey pty: SIGINT, SIGTERM and SIGHUP mid-survey save the answers and exit 130", "[survey][pty]") {
  const int sig = GENERATE(SIGINT, SIGTERM, SIGHUP);
  INFO("signal " << sig);
  TempDir dir;
  PtySession s(survey_args(), options_in(dir));
  const auto q = builtin_questions();
  screen(s, 1);
  s.send("4");
  screen(s, 2);
  s.send("5");
  screen(s, 3);
  s.signal(sig);
  CHECK(s.wait_exit() == 130);
  const json a = read_answers(dir);
  CHECK(a["complete"] == false);
  CHECK(a["answers"] == json{{q[0].id, 4}, {q[1].id, 5}});
  CHECK(contains(shown(s), saved_line(2)));
}

TEST_CASE("survey pty: a signal while the program waits for a key right after a redraw still saves", "[survey][pty]") {
  // The signal arrives as soon as the screen is there: the program may be anywhere between
  // drawing and blocking in read(). It must never wait for another key to notice.
  for (int round = 0; round < 5; ++round) {
    INFO("round " << round);
    TempDir dir;
    PtySession s(survey_args(), options_in(dir));
    s.expect(progress(1));
    s.signal(SIGTERM);
    CHECK(s.wait_exit(5000ms) == 130);
    CHECK(read_answers(dir)["answers"] == json::object());
  }
}

TEST_CASE("survey pty: a closed terminal ends the survey with the answers saved", "[survey][pty]") {
  TempDir dir;
  PtySession s(survey_args(), options_in(dir));
  const auto q = builtin_questions();
  screen(s, 1);
  s.send("4");
  screen(s, 2);
  s.send("n");
  screen(s, 3);
  s.close_master();
  // Nobody is left to read the "Saved" line; the file is what counts, and the exit code
  // is that of SIGHUP.
  const int code = s.wait_exit();
  CHECK(code == 130);
  const json a = read_answers(dir);
  CHECK(a["complete"] == false);
  CHECK(a["answers"] == json{{q[0].id, 4}, {q[1].id, "na"}});
}

TEST_CASE("survey pty: q saves and quits, and --resume shows what is answered, asks the rest and shows the result",
          "[survey][pty]") {
  TempDir dir;
  const auto q = builtin_questions();
  {
    PtySession s(survey_args(), options_in(dir));
    screen(s, 1);
    s.send("4");
    screen(s, 2);
    s.send("5");
    screen(s, 3);
    s.send("s");
    screen(s, 4);
    s.send("3");
    screen(s, 5);
    s.send("q");
    CHECK(s.wait_exit() == 0);
    CHECK(contains(shown(s), saved_line(3)));
  }
  const json partial = read_answers(dir);
  REQUIRE(partial["answers"].size() == 3);

  PtySession s({"survey", "--resume", answers_file}, options_in(dir));
  const std::string first = screen(s, 3);  // the first unanswered question: the skipped one
  CHECK(contains(first, "3 of " + std::to_string(total_questions()) + " answered"));
  CHECK(contains(normalized(first), q[2].text));
  s.send("2");
  // Then the ones still unanswered, in order: 5..43 (question 4 was answered).
  for (std::size_t k = 5; k <= total_questions(); ++k) {
    screen(s, k);
    s.send(k % 2 == 0 ? "5" : "4");
  }
  const std::string result = s.expect("Thank you.");
  CHECK(s.wait_exit() == 0);

  const json a = read_answers(dir);
  CHECK(a["complete"] == true);
  REQUIRE(a.contains("submitted_at"));
  CHECK(std::regex_match(a["submitted_at"].get<std::string>(), std::regex(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)")));
  REQUIRE(a["answers"].size() == total_questions());
  CHECK(a["answers"][q[0].id] == 4);
  CHECK(a["answers"][q[1].id] == 5);
  CHECK(a["answers"][q[2].id] == 2);
  CHECK(a["answers"][q[3].id] == 3);
  CHECK(a["answers"][q[4].id] == 4);
  CHECK(a["answers"][q[5].id] == 5);
  CHECK(a["respondent"] == partial["respondent"]);

  const std::string text = strip_terminal_codes(result);
  CHECK(contains(text, "Your result"));
  CHECK(std::regex_search(text, std::regex(R"(Overall: \d+\.\d / 100, level \d )")));
  for (const auto& name : dimension_names()) {
    INFO(name);
    CHECK(std::regex_search(text, std::regex("(^|\\n)" + name + " +[^\\n]* \\d+\\.\\d +level \\d ")));
  }
}

TEST_CASE("survey pty: the arrow keys go back (showing the answer) and skip (keeping it)", "[survey][pty]") {
  TempDir dir;
  PtySession s(survey_args(), options_in(dir));
  const auto q = builtin_questions();
  screen(s, 1);
  s.send("4");
  screen(s, 2);
  s.send("5");
  screen(s, 3);
  s.send("\x1b[D");  // ←
  CHECK(contains(screen(s, 2), "Your answer: 5"));
  s.send("\x1b[D");
  CHECK(contains(screen(s, 1), "Your answer: 4"));
  s.send("\x1b[C");  // → on an answered question: on, answer kept
  CHECK(contains(screen(s, 2), "Your answer: 5"));
  s.send("\x1bOC");  // → in application cursor mode
  screen(s, 3);
  s.send("\x1b[C");  // → on an unanswered one: skipped
  screen(s, 4);
  s.send("q");
  CHECK(s.wait_exit() == 0);
  CHECK(read_answers(dir)["answers"] == json{{q[0].id, 4}, {q[1].id, 5}});
}

TEST_CASE("survey pty: ? shows the help, and an invalid key says so and the question stays", "[survey][pty]") {
  TempDir dir;
  PtySession s(survey_args(), options_in(dir));
  const auto q = builtin_questions();
  REQUIRE_FALSE(q[0].help.empty());
  screen(s, 1);
  s.send("?");
  CHECK(contains(normalized(screen(s, 1)), q[0].help));
  s.send("x");
  const std::string after_x = screen(s, 1);
  CHECK(contains(after_x, "Unknown key: x"));
  CHECK_FALSE(contains(normalized(after_x), q[0].help));  // the help was for one screen
  s.send("7");                                            // outside the scale
  CHECK(contains(screen(s, 1), "Answer with 1 to 5."));
  s.send("\x1b[A");  // ↑ means nothing here
  CHECK(contains(screen(s, 1), "Unknown key"));
  s.send("3");
  screen(s, 2);
  s.send("q");
  CHECK(s.wait_exit() == 0);
  CHECK(read_answers(dir)["answers"] == json{{q[0].id, 3}});
}

TEST_CASE("survey pty: Enter keeps an earlier answer and skips an unanswered question", "[survey][pty]") {
  TempDir dir;
  PtySession s(survey_args(), options_in(dir));
  const auto q = builtin_questions();
  screen(s, 1);
  s.send("4");
  screen(s, 2);
  s.send("b");
  CHECK(contains(screen(s, 1), "Your answer: 4"));
  s.send("\r");
  screen(s, 2);
  s.send("\r");  // unanswered: skipped
  screen(s, 3);
  s.send("\n");  // a line feed is Enter too
  screen(s, 4);
  s.send("q");
  CHECK(s.wait_exit() == 0);
  CHECK(read_answers(dir)["answers"] == json{{q[0].id, 4}});
}

TEST_CASE(
    "survey pty: d answers don't know, and a question for leaders only is asked of a leader, not of an "
    "employee",
    "[survey][pty]") {
  const auto all = all_builtin_questions();
  // The first block of questions asked of leaders only: all[lead, after).
  const auto first_lead = std::find_if(all.begin(), all.end(), [](const BuiltinQuestion& q) { return q.leaders_only; });
  REQUIRE(first_lead != all.end());
  const auto lead = static_cast<std::size_t>(first_lead - all.begin());
  std::size_t after = lead;
  while (after < all.size() && all[after].leaders_only) ++after;
  REQUIRE(lead >= 2);
  REQUIRE(after < all.size());  // a question for everyone follows
  const auto shows_text = [](const std::string& screen_text, const std::string& text) {
    return contains(normalized(screen_text), text);
  };

  SECTION("an employee") {
    TempDir dir;
    PtySession s(survey_args(), options_in(dir));
    const std::string first = screen(s, 1);
    CHECK(contains(first, "d: don't know"));
    CHECK(contains(first, "    d  Don't know"));
    s.send("d");  // one key, no Enter
    screen(s, 2);
    s.send("b");
    CHECK(contains(screen(s, 1), "Your answer: don't know"));
    s.send("\r");  // kept
    screen(s, 2);
    // Skipped up to the last question before the leaders-only ones, typed ahead.
    s.send(std::string(lead - 2, 's'));
    CHECK(shows_text(screen(s, lead), all[lead - 1].text));
    s.send("4");
    // Next comes the question after the leaders-only ones, numbered on: they are not counted.
    const std::string next = screen(s, lead + 1);
    CHECK(shows_text(next, all[after].text));
    s.send("b");  // back passes over them too
    const std::string back = screen(s, lead);
    CHECK(shows_text(back, all[lead - 1].text));
    CHECK(contains(back, "Your answer: 4"));
    s.send("q");
    CHECK(s.wait_exit() == 0);
    for (std::size_t i = lead; i < after; ++i) {
      INFO(all[i].id);
      CHECK_FALSE(shows_text(shown(s), all[i].text));
    }
    CHECK(read_answers(dir)["answers"] == json{{all[0].id, "dk"}, {all[lead - 1].id, 4}});
    CHECK(contains(shown(s), saved_line(2)));
  }

  SECTION("a leader") {
    TempDir dir;
    PtySession s({"survey", "--department", "sales", "--role", "leader", "--output", answers_file}, options_in(dir));
    const std::string role = "leader";
    screen(s, 1, role);
    s.send("d");
    screen(s, 2, role);
    s.send(std::string(lead - 2, 's'));
    screen(s, lead, role);
    s.send("4");
    // Each leaders-only question in turn: the first answered "don't know", the others 5.
    json expected = {{all[0].id, "dk"}, {all[lead - 1].id, 4}};
    for (std::size_t i = lead; i < after; ++i) {
      INFO(all[i].id);
      CHECK(shows_text(screen(s, i + 1, role), all[i].text));
      s.send(i == lead ? "d" : "5");
      expected[all[i].id] = i == lead ? json("dk") : json(5);
    }
    CHECK(shows_text(screen(s, after + 1, role), all[after].text));
    s.send("b");
    const std::string back = screen(s, after, role);
    CHECK(shows_text(back, all[after - 1].text));
    CHECK(contains(back, after - 1 == lead ? "Your answer: don't know" : "Your answer: 5"));
    s.send("q");
    CHECK(s.wait_exit() == 0);
    const json a = read_answers(dir);
    CHECK(a["respondent"]["role"] == "leader");
    CHECK(a["answers"] == expected);
    CHECK(contains(shown(s), saved_line(expected.size(), answers_file, role)));
    CHECK(run_centric({"validate", dir.file(answers_file)}).exit_code == 0);
  }
}

TEST_CASE("survey pty: keys typed ahead in one write are all handled, in order", "[survey][pty]") {
  TempDir dir;
  PtySession s(survey_args(), options_in(dir));
  const auto q = builtin_questions();
  screen(s, 1);
  s.send("444");
  screen(s, 4);
  // Back, 5 on question 3, back twice, 2 on question 2, n/a on question 3.
  s.send("b5\x1b[D\x1b[D2n");
  screen(s, 4);
  s.send("sq");
  CHECK(s.wait_exit() == 0);
  CHECK(read_answers(dir)["answers"] == json{{q[0].id, 4}, {q[1].id, 2}, {q[2].id, "na"}});
}

TEST_CASE("survey pty: the terminal's modes are restored on completion, q, Ctrl-C and SIGTERM", "[survey][pty]") {
  const std::string how = GENERATE(as<std::string>{}, "completion", "q", "Ctrl-C", "SIGTERM");
  INFO(how);
  TempDir dir;
  const std::size_t total = total_questions();
  write_partial(dir, answers_file, {total - 2, total - 1});  // the last two unanswered
  PtySession s({"survey", "--resume", answers_file}, options_in(dir));
  const termios before = s.initial_modes();
  REQUIRE((before.c_lflag & ICANON) != 0);
  REQUIRE((before.c_lflag & ECHO) != 0);
  CHECK(contains(screen(s, total - 1), std::to_string(total - 2) + " of " + std::to_string(total) + " answered"));
  CHECK(raw_mode_seen(s));  // keys are read in raw mode...
  int expected = 0;
  if (how == "completion") {
    s.send("4");
    screen(s, total);
    s.send("5");
    s.expect("Your result");
  } else if (how == "q") {
    s.send("q");
  } else if (how == "Ctrl-C") {
    s.send("\x03");
    expected = 130;
  } else {
    s.signal(SIGTERM);
    expected = 130;
  }
  CHECK(s.wait_exit() == expected);
  const termios after = s.terminal_modes();  // ...and the modes are given back
  CHECK((after.c_lflag & ICANON) != 0);
  CHECK((after.c_lflag & ECHO) != 0);
  CHECK(after.c_lflag == before.c_lflag);
  CHECK(after.c_iflag == before.c_iflag);
  CHECK(after.c_oflag == before.c_oflag);
  CHECK(same_modes(before, after));
  // The alternate screen is left as well.
  CHECK(s.output().rfind("\x1b[?1049l") > s.output().rfind("\x1b[?1049h"));
}

TEST_CASE("survey pty: without --department and --role it asks: a number and Enter, then one key for the role",
          "[survey][pty]") {
  TempDir dir;
  PtySession s({"survey", "--output", answers_file}, options_in(dir));
  const std::string list = strip_terminal_codes(s.expect("Department (number, then Enter): "));
  CHECK(contains(list, "Which department do you work in?"));
  CHECK(contains(list, "   1  Management\n"));
  CHECK(contains(list, "   2  Sales\n"));
  CHECK(contains(list, "  12  Research & development\n"));
  CHECK(contains(list, "  13  Other (type its name)\n"));
  s.send("2\r");
  s.expect("Role (l/e): ");
  s.send("e");  // one key, no Enter
  screen(s, 1);
  s.send("4");
  screen(s, 2);
  s.send("q");
  CHECK(s.wait_exit() == 0);
  const json a = read_answers(dir);
  CHECK(a["respondent"]["department"] == "sales");
  CHECK(a["respondent"]["role"] == "employee");
  CHECK(a["answers"].size() == 1);
}

TEST_CASE("survey pty: stopped with Ctrl-C at the role prompt, nothing is written", "[survey][pty]") {
  TempDir dir;
  PtySession s({"survey", "--output", answers_file}, options_in(dir));
  s.expect("Department (number, then Enter): ");
  s.send("13\r");
  s.expect("Department name: ");
  s.send(
      "Zarz\xc4\x85"
      "d\r");
  s.expect("Role (l/e): ");
  s.send("\x03");
  CHECK(s.wait_exit() == 130);
  CHECK(list_directory(dir.path()).empty());
  CHECK(contains(shown(s), "nothing was saved"));
  CHECK(same_modes(s.initial_modes(), s.terminal_modes()));
}

namespace {

const std::string polish =
    "Nasi współpracownicy w każdym dziale rozumieją, że zaangażowanie w sprawy klienta nie kończy się na "
    "sprzedaży: klientocentryczność oznacza, że księgowość, magazyn, produkcja i obsługa wspólnie dbają o "
    "terminowe dostawy, rzetelne faktury i szybkie rozpatrywanie reklamacji, a kierownictwo regularnie "
    "sprawdza, czy obietnice złożone klientom są naprawdę dotrzymywane.";
const std::string russian =
    "Наши сотрудники во всех отделах понимают, что забота о клиенте не заканчивается на продаже: бухгалтерия, "
    "склад, производство и служба поддержки вместе отвечают за своевременную доставку, правильные счета и "
    "быстрое рассмотрение жалоб, а руководство регулярно проверяет, выполняются ли обещания, данные клиентам.";

// `text` in every language of the localized text `field` (a questionnaire that lists its
// languages must have each of them everywhere).
void set_in_every_language(json& field, const std::string& text) {
  if (!field.is_object()) {
    field = text;
    return;
  }
  for (auto& [language, value] : field.items()) value = text;
}

std::string write_long_questionnaire(const TempDir& dir) {
  const auto printed = run_centric({"questionnaire", "--json"});
  REQUIRE(printed.exit_code == 0);
  json q = json::parse(printed.out);
  set_in_every_language(q["dimensions"][0]["questions"][0]["text"], polish);
  set_in_every_language(q["dimensions"][0]["questions"][1]["text"], russian);
  return dir.write("long.json", q.dump(2));
}

std::vector<std::string> words_of(const std::string& text) {
  std::vector<std::string> words;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    if (end > start) words.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return words;
}

// Every line of the screen fits `width`, is valid UTF-8 on its own, and the question's
// lines are its words, each whole, in order.
void check_wrapped(const std::string& screen_text, std::size_t k, const std::string& sentence, std::size_t width) {
  INFO("screen:\n" << screen_text);
  for (const auto& line : split_lines(screen_text)) {
    INFO("line: " << line);
    CHECK(code_points(line) <= width);
    CHECK(valid_utf8(line));
  }
  const auto lines = question_lines(screen_text, k);
  CHECK(lines.size() >= 2);
  std::set<std::string> tokens;
  std::string joined;
  for (const auto& line : lines) {
    CHECK(code_points(line) <= width);
    CHECK(valid_utf8(line));
    CHECK_FALSE(starts_with(line, " "));
    for (const auto& w : words_of(line)) tokens.insert(w);
    joined += (joined.empty() ? "" : " ") + line;
  }
  for (const auto& word : words_of(sentence)) {
    INFO("word: " << word);
    CHECK(tokens.count(word) == 1);
  }
  CHECK(joined == sentence);
  // Not wrapped more than needed: no line could have taken the next line's first word.
  for (std::size_t i = 0; i + 1 < lines.size(); ++i)
    CHECK(code_points(lines[i]) + 1 + code_points(words_of(lines[i + 1]).front()) > width);
}

}  // namespace

TEST_CASE("survey pty: Polish and Russian questions wrap to the terminal's width, whole words, whole characters",
          "[survey][pty]") {
  const std::size_t width = GENERATE(40, 100);
  INFO("width " << width);
  TempDir dir;
  const std::string questionnaire = write_long_questionnaire(dir);
  PtySession s({"survey", "--questionnaire", questionnaire, "--department", "sales", "--role", "employee", "--output",
                answers_file},
               options_in(dir, static_cast<unsigned short>(width)));
  check_wrapped(screen(s, 1), 1, polish, width);
  s.send("s");
  check_wrapped(screen(s, 2), 2, russian, width);
  s.send("q");
  CHECK(s.wait_exit() == 0);
}

TEST_CASE("survey pty: a window made narrower redraws the question to the new width", "[survey][pty]") {
  TempDir dir;
  const std::string questionnaire = write_long_questionnaire(dir);
  PtySession s({"survey", "--questionnaire", questionnaire, "--department", "sales", "--role", "employee", "--output",
                answers_file},
               options_in(dir, 100));
  const std::string wide = screen(s, 1);
  check_wrapped(wide, 1, polish, 100);
  const auto wide_lines = question_lines(wide, 1);
  CHECK(std::any_of(wide_lines.begin(), wide_lines.end(), [](const std::string& l) { return code_points(l) > 40; }));
  s.resize(40, 50);
  check_wrapped(screen(s, 1), 1, polish, 40);  // redrawn with no key pressed
  s.send("4");
  check_wrapped(screen(s, 2), 2, russian, 40);
  s.resize(100, 50);
  check_wrapped(screen(s, 2), 2, russian, 100);
  s.send("q");
  CHECK(s.wait_exit() == 0);
  CHECK(read_answers(dir)["answers"].size() == 1);
}

TEST_CASE("survey pty: a resize while the screen is still being drawn is not lost", "[survey][pty]") {
  // The window changes as soon as the question appears: the program may be between drawing
  // and waiting for a key. It must redraw without waiting for a key.
  TempDir dir;
  const std::string questionnaire = write_long_questionnaire(dir);
  for (int round = 0; round < 10; ++round) {
    INFO("round " << round);
    PtySession s({"survey", "--questionnaire", questionnaire, "--department", "sales", "--role", "employee", "--output",
                  "answers-" + std::to_string(round) + ".json"},
                 options_in(dir, 100));
    s.expect(progress(1));
    s.resize(40, 50);
    s.expect("\r\n> ");  // the first screen, at 100 columns
    check_wrapped(screen(s, 1), 1, polish, 40);
    s.send("q");
    CHECK(s.wait_exit() == 0);
    // A window change while a screen is written does not cut it short: every screen drawn
    // (from one "clear screen" to the next) goes on to its prompt.
    const std::string clear = "\x1b[H\x1b[2J";
    const std::string& out = s.output();
    std::size_t screens = 0;
    for (auto at = out.find(clear); at != std::string::npos; ++screens) {
      const auto next = out.find(clear, at + clear.size());
      if (next == std::string::npos) break;
      INFO("screen: " << visible(out.substr(at, next - at)));
      CHECK(out.compare(next - 4, 4, "\r\n> ") == 0);
      at = next;
    }
    CHECK(screens >= 1);
  }
}

TEST_CASE("survey pty: NO_COLOR and --no-color: no colour codes anywhere, also on the result", "[survey][pty]") {
  const std::string how = GENERATE(as<std::string>{}, "NO_COLOR", "--no-color", "colour");
  INFO(how);
  TempDir dir;
  write_partial(dir, answers_file, {total_questions() - 1});  // the last one unanswered
  PtyOptions options = options_in(dir);
  std::vector<std::string> args{"survey", "--resume", answers_file};
  if (how == "NO_COLOR") options.env["NO_COLOR"] = "1";
  if (how == "--no-color") args.push_back("--no-color");
  PtySession s(args, options);
  screen(s, total_questions());
  s.send("4");
  s.expect("Thank you.");
  CHECK(s.wait_exit() == 0);
  const std::string& out = s.output();
  CHECK(contains(strip_terminal_codes(out), "Overall: "));
  if (how == "colour") {
    // On a terminal, without NO_COLOR, the program does use colour: the checks above
    // would notice if it were switched on with NO_COLOR.
    CHECK(std::regex_search(out, sgr_colour));
  } else {
    CHECK_FALSE(std::regex_search(out, sgr_colour));
    CHECK_FALSE(contains(out, "\x1b[3"));
    CHECK_FALSE(contains(out, "\x1b[1m"));
  }
}

namespace {

// ---- the survey in another language ------------------------------------------------------

// The words of the program's catalogue as the program finds them: messages/LANGUAGE/FILE.json,
// and for a key it lacks (or the whole file, while it is not written yet) messages/en/FILE.json.
// Plural forms are not asked for here: the "other" (or "many") form stands for them.
std::string message(const std::string& language, const std::string& file, const std::string& key) {
  for (const std::string& l : {language, std::string("en")}) {
    const std::string path = source_path("messages/" + l + "/" + file + ".json");
    if (!std::filesystem::exists(path)) continue;
    const json doc = json::parse(read_text_file(path), nullptr, false);
    INFO(path);
    REQUIRE_FALSE(doc.is_discarded());
    if (!doc.contains("messages") || !doc["messages"].contains(key)) continue;
    const json& value = doc["messages"][key];
    return value.is_string() ? value.get<std::string>() : value.value("other", value.value("many", ""));
  }
  FAIL("no catalogue has " << key);
  return {};
}

// A catalogue text with its {placeholders} filled in.
std::string filled(std::string text, const std::map<std::string, std::string>& args) {
  for (const auto& [name, value] : args) {
    const std::string placeholder = "{" + name + "}";
    for (auto at = text.find(placeholder); at != std::string::npos; at = text.find(placeholder, at + value.size()))
      text.replace(at, placeholder.size(), value);
  }
  return text;
}

// A regular expression for a catalogue text: the words literally, each {placeholder} as
// `fragments` says (any text up to the line's end for the others).
std::string pattern_of(const std::string& text, const std::map<std::string, std::string>& fragments) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{') {
      const auto end = text.find('}', i);
      if (end != std::string::npos) {
        const auto fragment = fragments.find(text.substr(i + 1, end - i - 1));
        out += fragment != fragments.end() ? fragment->second : "[^\\n]*";
        i = end;
        continue;
      }
    }
    if (std::string("\\^$.|?*+()[]{}").find(text[i]) != std::string::npos) out += '\\';
    out += text[i];
  }
  return out;
}

// How the survey is told its language.
struct SurveyLanguage {
  std::string code;                        // what it must pick
  std::vector<std::string> args;           // e.g. --lang pl
  std::map<std::string, std::string> env;  // e.g. LANG=ru_RU.UTF-8
};

// The key pressed on question k (1-based) when it is first shown: the same in every language.
// The runs are a leader's: question 14 is the first asked of leaders only.
std::string key_for(std::size_t k) {
  if (k == 3 || k == 17 || k == 30) return "n";
  if (k == 9 || k == 14 || k == 40) return "d";
  if (k == 4 || k == 12 || k == 25) return "s";
  return std::to_string(1 + (k * 2) % 5);
}

// Where `b` is pressed: on question 6, back to 5, whose answer is then changed to 5.
constexpr std::size_t back_from = 6;
constexpr int changed_answer = 5;

struct LocalizedRun {
  json answers;         // the answers file written
  json expected;        // the answers the keys gave
  std::string overall;  // the overall score as shown, with "." for its decimal separator
};

// Takes the whole survey on a 200-column terminal with the keys above, checking on the screen
// the catalogue's words and the questionnaire's texts in `language.code`.
LocalizedRun take_survey(const TempDir& dir, const SurveyLanguage& language, const std::string& output) {
  const std::string& code = language.code;
  INFO("language " << code);
  const json questionnaire = builtin_questionnaire();
  const auto questions = builtin_questions("leader");  // the role given below
  const json& first_question = questionnaire["dimensions"][0]["questions"][0];
  REQUIRE(first_question["id"] == questions[0].id);
  const auto survey = [&](const std::string& key) { return message(code, "survey", key); };
  const auto common = [&](const std::string& key) { return message(code, "common", key); };

  PtyOptions options = options_in(dir, 200);
  for (const auto& [name, value] : language.env) {
    options.env[name] = value;
    options.unset_env.erase(std::remove(options.unset_env.begin(), options.unset_env.end(), name),
                            options.unset_env.end());
  }
  PtySession s(with(with({"survey"}, language.args), {"--output", output}), options);

  // The department: the question, the departments' names in this language, the prompt.
  const std::string list = strip_terminal_codes(s.expect(survey("survey.department.prompt") + " "));
  CHECK(contains(list, survey("survey.department.question")));
  CHECK(contains(list, "   2  " + questionnaire["departments"][1]["name"][code].get<std::string>() + "\n"));
  CHECK(contains(list, survey("survey.department.other")));
  s.send("2\r");
  s.expect(filled(survey("survey.role.prompt_keys"), {{"leader_letter", "l"}, {"employee_letter", "e"}}) + " ");
  s.send("l");

  // The first screen: the introduction, the first question and the keys, all in this language.
  const std::string first = normalized(screen(s, 1, "leader"));
  {
    INFO("first screen: " << first);
    CHECK(contains(first, normalized(questionnaire["title"][code].get<std::string>())));
    CHECK(contains(first, normalized(filled(survey("survey.intro.saved_after_every_question"), {{"file", output}}))));
    CHECK(contains(first, normalized(first_question["text"][code].get<std::string>())));
    if (code != "en") CHECK_FALSE(contains(first, normalized(first_question["text"]["en"].get<std::string>())));
    CHECK(contains(first, normalized("4  " + questionnaire["scale"]["labels"]["4"][code].get<std::string>())));
    const std::vector<std::pair<std::string, std::map<std::string, std::string>>> keys = {
        {"survey.keys.answer", {{"first", "1"}, {"last", "5"}}},
        {"survey.keys.not_applicable", {{"key", "n"}}},
        {"survey.keys.dont_know", {{"key", "d"}}},
        {"survey.keys.back", {{"key", "b/\u2190"}}},
        {"survey.keys.skip", {{"key", "s/\u2192"}}}};
    for (const auto& [key, args] : keys) {
      INFO(key);
      const std::string words = normalized(filled(survey(key), args));
      CHECK(contains(first, words));
      // Where this language has its own words, the English ones are not shown instead.
      const std::string english = normalized(filled(message("en", "survey", key), args));
      if (words != english) CHECK_FALSE(contains(first, english));
    }
  }

  // Every question answered with keys: digits, n, s, and one b that shows the earlier answer.
  json expected = json::object();
  const auto record = [&](std::size_t k, const std::string& key) {
    const std::string& id = questions[k - 1].id;
    if (key == "n")
      expected[id] = "na";
    else if (key == "d")
      expected[id] = "dk";
    else if (key != "s")
      expected[id] = std::stoi(key);
  };
  for (std::size_t k = 1; k <= questions.size(); ++k) {
    if (k > 1) screen(s, k, "leader");
    if (k == back_from) {
      s.send("b");
      const std::string back = normalized(screen(s, k - 1, "leader"));
      INFO("after b: " << back);
      CHECK(contains(back, normalized(filled(survey("survey.answer.yours"), {{"answer", key_for(k - 1)}}))));
      REQUIRE(key_for(k - 1) != std::to_string(changed_answer));
      s.send(std::to_string(changed_answer));
      record(k - 1, std::to_string(changed_answer));
      screen(s, k, "leader");
    }
    s.send(key_for(k));
    record(k, key_for(k));
  }

  // The result, on the normal screen, in this language, up to the thanks.
  const std::string thanks = filled(survey("survey.finished.thank_you"), {{"file", output}});
  const std::string result = strip_terminal_codes(s.expect(thanks.substr(0, thanks.find('\n'))));
  CHECK(s.wait_exit() == 0);
  INFO("result: " << result);
  CHECK(contains(result, survey("result.heading.your_result")));
  const std::string separator = common("number.decimal_separator");
  const std::regex overall_line(pattern_of(normalized(survey("result.overall.score")),
                                           {{"score", "([0-9]+)([.,])([0-9])"}, {"level", "([^\\n]+)"}}));
  std::smatch m;
  // The overall line on its own, with single spaces.
  std::string overall_text;
  for (const auto& line : split_lines(result))
    if (std::regex_search(normalized(line), overall_line)) overall_text = normalized(line);
  REQUIRE_FALSE(overall_text.empty());
  REQUIRE(std::regex_search(overall_text, m, overall_line));
  CHECK(m[2].str() == separator);  // "60,6" where the language writes a decimal comma
  // The level is named in this language too.
  std::set<std::string> level_labels;
  for (const auto& level : questionnaire["levels"])
    level_labels.insert(normalized(filled(common("level.label"), {{"number", std::to_string(level["level"].get<int>())},
                                                                  {"name", level["name"][code].get<std::string>()}})));
  CHECK(level_labels.count(normalized(m[4].str())) == 1);
  // Every score above the recommendations uses that separator, none the other one.
  const std::string scores = result.substr(0, result.find(survey("result.heading.work_on_first")));
  const std::string digit = "[0-9]";
  const std::regex with_separator(digit + pattern_of(separator, {}) + digit);
  CHECK(std::distance(std::sregex_iterator(scores.begin(), scores.end(), with_separator), std::sregex_iterator()) >=
        1 + static_cast<std::ptrdiff_t>(dimension_names().size()));
  if (separator != ".") CHECK_FALSE(std::regex_search(scores, std::regex("[0-9]\\.[0-9]")));

  return {read_answers(dir, output), expected, m[1].str() + "." + m[3].str()};
}

// An answers file without what differs from one run to the next: the respondent's random id
// and the times (every field named *_at).
json without_varying(json answers) {
  if (answers.contains("respondent")) answers["respondent"].erase("id");
  for (auto it = answers.begin(); it != answers.end();) {
    const std::string key = it.key();
    if (key.size() > 3 && key.compare(key.size() - 3, 3, "_at") == 0)
      it = answers.erase(it);
    else
      ++it;
  }
  return answers;
}

// Every string in `value`, keys included.
void strings_in(const json& value, std::vector<std::string>& out) {
  if (value.is_string()) out.push_back(value.get<std::string>());
  if (value.is_object())
    for (const auto& [key, child] : value.items()) {
      out.push_back(key);
      strings_in(child, out);
    }
  if (value.is_array())
    for (const auto& child : value) strings_in(child, out);
}

// Every text of the questionnaire in `language`.
void localized_texts(const json& value, const std::string& language, std::set<std::string>& out) {
  if (value.is_object() && value.contains(language) && value[language].is_string() && value.contains("en")) {
    out.insert(value[language].get<std::string>());
    return;
  }
  if (value.is_structured())
    for (const auto& child : value) localized_texts(child, language, out);
}

// The survey taken with the same keys in `language` and in English: the screens in that
// language (checked by take_survey), the same answers file but for the varying fields.
void check_against_english(const SurveyLanguage& language) {
  TempDir dir;
  const LocalizedRun english = take_survey(dir, {"en", {"--lang", "en"}, {}}, "answers-en.json");
  const LocalizedRun localized = take_survey(dir, language, "answers-" + language.code + ".json");
  const std::string& code = language.code;

  // The answers the keys gave, complete, with ids: in both runs.
  for (const LocalizedRun* run : {&english, &localized}) {
    const json& a = run->answers;
    INFO("answers file: " << a.dump(2));
    CHECK(a["format"] == "centric-answers/1");
    CHECK(a["complete"] == true);
    CHECK(a["answers"] == run->expected);
    CHECK(a["respondent"]["department"] == "sales");
    CHECK(a["respondent"]["role"] == "leader");
    CHECK(std::regex_match(a["respondent"]["id"].get<std::string>(),
                           std::regex("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")));
    REQUIRE(a.contains("submitted_at"));
  }
  CHECK(localized.expected == english.expected);
  CHECK(localized.overall == english.overall);  // the same score, written the language's way

  // Identical in shape: the same fields in the same order, the same ids and values. The
  // language may be recorded, as the only difference.
  json mine = localized.answers;
  json theirs = english.answers;
  if (mine.contains("language") || theirs.contains("language")) {
    CHECK(mine.value("language", "") == code);
    CHECK(theirs.value("language", "") == "en");
    mine.erase("language");
    theirs.erase("language");
  }
  std::vector<std::string> mine_fields, their_fields;
  for (const auto& [key, value] : mine.items()) mine_fields.push_back(key);
  for (const auto& [key, value] : theirs.items()) their_fields.push_back(key);
  CHECK(mine_fields == their_fields);
  CHECK(without_varying(mine) == without_varying(theirs));
  CHECK(without_varying(mine).dump(2) == without_varying(theirs).dump(2));

  // No translated text in the file: ids, numbers, "na" and "dk" only.
  std::set<std::string> translated;
  localized_texts(builtin_questionnaire(), code, translated);
  std::vector<std::string> strings;
  strings_in(localized.answers, strings);
  for (const auto& text : strings) {
    INFO("in the answers file: " << text);
    CHECK(std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }));
    CHECK(translated.count(text) == 0);
  }
}

}  // namespace

TEST_CASE("survey pty: in Polish (--lang pl) the screens speak Polish and the answers file is the English one's",
          "[survey][pty][languages]") {
  check_against_english({"pl", {"--lang", "pl"}, {}});
}

TEST_CASE(
    "survey pty: in Russian (LANG=ru_RU.UTF-8) the screens speak Russian and the answers file is the English one's",
    "[survey][pty][languages]") {
  check_against_english({"ru", {}, {{"LANG", "ru_RU.UTF-8"}}});
}

}  // namespace centric::test
