// `centric survey` without a terminal (survey.md, "Without a terminal"): standard input is
// a pipe with one token per line, as a script would send it. The answers file, what is
// printed, the resume command, the refusals and the default file name.
#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "e2e/e2e_common.hpp"
#include "support/process.hpp"

using namespace centric::test;
using nlohmann::json;

namespace {

// The built-in questionnaire as the binary prints it: the questions come from here, so
// that the tests follow the questionnaire rather than a number written into them.
const json& printed_questionnaire() {
  static const json q = [] {
    const auto r = run_centric({"questionnaire", "--json"});
    REQUIRE(r.exit_code == 0);
    return json::parse(r.out);
  }();
  return q;
}

bool leaders_only(const json& question) { return question.value("audience", "everyone") == "leaders"; }

// Every question of the questionnaire, in order, whoever it is asked of.
std::vector<std::string> all_question_ids() {
  std::vector<std::string> ids;
  for (const auto& d : printed_questionnaire()["dimensions"])
    for (const auto& q : d["questions"]) ids.push_back(q["id"].get<std::string>());
  return ids;
}

// The questions asked of `role`, in order: a leaders-only question is asked of a leader alone
// (survey.md). Most tests run as an employee.
std::vector<std::string> question_ids(const std::string& role = "employee") {
  std::vector<std::string> ids;
  for (const auto& d : printed_questionnaire()["dimensions"])
    for (const auto& q : d["questions"])
      if (role == "leader" || !leaders_only(q)) ids.push_back(q["id"].get<std::string>());
  return ids;
}

std::vector<std::string> leaders_only_ids() {
  std::vector<std::string> ids;
  for (const auto& d : printed_questionnaire()["dimensions"])
    for (const auto& q : d["questions"])
      if (leaders_only(q)) ids.push_back(q["id"].get<std::string>());
  return ids;
}

// How many questions `role` is asked: the survey's total ("3/43", "Saved 7 of 43").
std::size_t question_count(const std::string& role = "employee") { return question_ids(role).size(); }

std::vector<std::string> department_ids() {
  std::vector<std::string> ids;
  for (const auto& d : printed_questionnaire()["departments"]) ids.push_back(d["id"].get<std::string>());
  return ids;
}

// The number the department prompt shows for a listed department (from 1).
std::string department_number(const std::string& id) {
  const auto ids = department_ids();
  const auto found = std::find(ids.begin(), ids.end(), id);
  REQUIRE(found != ids.end());
  return std::to_string(found - ids.begin() + 1);
}

std::string other_department_number() { return std::to_string(department_ids().size() + 1); }

std::string lines(const std::vector<std::string>& tokens) {
  std::string text;
  for (const auto& t : tokens) text += t + "\n";
  return text;
}

// Runs `centric survey ARGS` in `dir` with `tokens` piped in, one per line.
ProcessResult survey_in(const TempDir& dir, const std::vector<std::string>& args,
                        const std::vector<std::string>& tokens, std::map<std::string, std::string> env = {}) {
  ProcessOptions options;
  options.working_directory = dir.path();
  options.stdin_text = lines(tokens);
  options.env = std::move(env);
  options.unset_env = {"LC_ALL", "LC_MESSAGES", "LANG"};
  return run_centric(with({"survey"}, args), options);
}

json read_json(const std::string& path) {
  const std::string text = read_text_file(path);
  json parsed = json::parse(text, nullptr, false);
  INFO(path << " holds: " << text);
  REQUIRE_FALSE(parsed.is_discarded());
  return parsed;
}

// `answers` for the first tokens of a run of `role` that answers the i-th question asked
// with tokens[i] ("na", "dk", a number) and leaves the rest absent.
json expected_answers(const std::vector<std::string>& tokens, const std::string& role = "employee") {
  const auto ids = question_ids(role);
  REQUIRE(tokens.size() <= ids.size());
  json answers = json::object();
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (tokens[i] == "na" || tokens[i] == "dk")
      answers[ids[i]] = tokens[i];
    else
      answers[ids[i]] = std::stoi(tokens[i]);
  }
  return answers;
}

// A token for every question asked of `role`: numbers 1..5 with "na" and "dk" now and then.
std::vector<std::string> full_tokens(const std::string& role = "employee") {
  std::vector<std::string> tokens;
  for (std::size_t i = 0; i < question_count(role); ++i)
    tokens.push_back(i % 7 == 3 ? "na" : i % 11 == 5 ? "dk" : std::to_string(static_cast<int>(i % 5) + 1));
  return tokens;
}

std::string saved_line(std::size_t n, const std::string& file, const std::string& questionnaire = "",
                       const std::string& role = "employee") {
  return fmt::format("Saved {} of {} answers to {} \u2014 resume with: centric survey {}--resume {}", n,
                     question_count(role), file, questionnaire.empty() ? "" : "--questionnaire " + questionnaire + " ",
                     file);
}

bool is_uuid_v4(const std::string& s) {
  static const std::regex uuid("^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$");
  return std::regex_match(s, uuid);
}

// Seconds since the epoch of a UTC time "YYYYMMDDTHHMMSSZ" or "YYYY-MM-DDTHH:MM:SSZ".
std::time_t utc_seconds(std::string text) {
  text.erase(std::remove_if(text.begin(), text.end(), [](char c) { return c == '-' || c == ':'; }), text.end());
  std::tm tm{};
  REQUIRE(text.size() == 16);
  tm.tm_year = std::stoi(text.substr(0, 4)) - 1900;
  tm.tm_mon = std::stoi(text.substr(4, 2)) - 1;
  tm.tm_mday = std::stoi(text.substr(6, 2));
  tm.tm_hour = std::stoi(text.substr(9, 2));
  tm.tm_min = std::stoi(text.substr(11, 2));
  tm.tm_sec = std::stoi(text.substr(13, 2));
  return timegm(&tm);
}

std::string utc_compact(std::time_t t) {
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buffer[32];
  std::strftime(buffer, sizeof buffer, "%Y%m%dT%H%M%SZ", &tm);
  return buffer;
}

// A time zone far from UTC, given as a POSIX rule so that it needs no time zone database:
// a time written in local time instead of UTC is nine hours off.
const std::map<std::string, std::string> far_time_zone{{"TZ", "JST-9"}};

std::size_t count_of(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (auto at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

// The progress shown for question `number` (from 1) of those asked of `role`: "   N/43 ".
std::string progress(std::size_t number, const std::string& role = "employee") {
  return fmt::format("   {}/{} ", number, question_count(role));
}

}  // namespace

// ---------------------------------------------------------------------------------------
// A full run

TEST_CASE("survey piped: the built-in questionnaire asks 43 questions of an employee and 45 of a leader",
          "[survey][piped]") {
  // docs/questionnaire.md: 45 questions, two of them asked of leaders only.
  CHECK(all_question_ids().size() == 45);
  CHECK(leaders_only_ids().size() == 2);
  CHECK(question_count("employee") == 43);
  CHECK(question_count("leader") == 45);
  CHECK(question_ids("leader") == all_question_ids());
  // The tests below count on the first ten questions being asked of everyone.
  const auto everyone = question_ids("employee");
  REQUIRE(everyone.size() >= 10);
  CHECK(std::equal(everyone.begin(), everyone.begin() + 10, all_question_ids().begin()));
  // "Don't know" is offered: full_tokens() uses it.
  CHECK(printed_questionnaire()["scale"].value("dont_know", false) == true);
}

TEST_CASE("survey piped: a full run writes a complete file and shows the result", "[survey][piped]") {
  TempDir dir;
  const auto tokens = full_tokens();
  const auto r =
      survey_in(dir, {"--department", "sales", "--role", "employee", "--output", "mine.json"}, tokens, far_time_zone);
  INFO("stdout:\n" << r.out << "\nstderr:\n" << r.err);
  const std::time_t now = std::time(nullptr);
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(list_directory(dir.path()) == std::vector<std::string>{"mine.json"});  // no temporary file left

  const json a = read_json(dir.file("mine.json"));
  CHECK(a["format"] == "centric-answers/1");
  CHECK(a["questionnaire"]["id"] == printed_questionnaire()["id"]);
  CHECK(a["questionnaire"]["version"] == printed_questionnaire()["version"]);
  CHECK(a["respondent"]["department"] == "sales");
  CHECK(a["respondent"]["role"] == "employee");
  CHECK(is_uuid_v4(a["respondent"]["id"].get<std::string>()));
  CHECK(a["complete"] == true);
  REQUIRE(a["submitted_at"].is_string());
  const std::string submitted = a["submitted_at"].get<std::string>();
  CHECK(std::regex_match(submitted, std::regex(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$)")));
  // UTC, not the local time of TZ=JST-9.
  CHECK(std::abs(static_cast<double>(utc_seconds(submitted) - now)) < 600);
  CHECK(a["answers"] == expected_answers(tokens));
  CHECK(a["answers"].size() == question_count("employee"));
  CHECK(std::count(tokens.begin(), tokens.end(), "dk") > 0);  // "dk" typed, "dk" written
  // The questions asked of leaders only were not asked, and have no answer.
  for (const auto& id : leaders_only_ids()) CHECK_FALSE(a["answers"].contains(id));

  // The result is the one `assess` computes from the same file.
  // The personal result is assessed with a threshold of 1: it is shown only to its respondent.
  const auto assessed = run_centric({"assess", dir.file("mine.json"), "--format", "json", "--min-group", "1"});
  REQUIRE(assessed.exit_code == 0);
  const json report = parse_report(assessed.out);
  const json& overall = report["organisation"]["overall"];
  CHECK(contains(r.out, fmt::format("Overall: {:.1f} / 100, level {} {}", overall["score"].get<double>(),
                                    overall["level"].get<int>(), overall["level_name"].get<std::string>())));
  for (const auto& d : printed_questionnaire()["dimensions"]) {
    const std::string id = d["id"].get<std::string>();
    const std::string name = d["name"].is_string() ? d["name"].get<std::string>() : d["name"]["en"].get<std::string>();
    const json& scored = report["organisation"]["dimensions"][id];
    INFO("dimension " << id);
    REQUIRE(scored["score"].is_number());
    const std::string score = fmt::format("{:.1f}", scored["score"].get<double>());
    const std::string level =
        fmt::format("level {} {}", scored["level"].get<int>(), scored["level_name"].get<std::string>());
    const auto shown = split_lines(r.out);
    CHECK(std::any_of(shown.begin(), shown.end(), [&](const std::string& line) {
      return starts_with(line, name) && contains(line, score) && contains(line, level);
    }));
  }

  // And the file is valid.
  const auto validated = run_centric({"validate", dir.file("mine.json")});
  CHECK(validated.exit_code == 0);
  CHECK(has_line_starting_with(validated.out, dir.file("mine.json") + ": ok"));
}

TEST_CASE("survey piped: skipping every question still completes, and says there is no score", "[survey][piped]") {
  TempDir dir;
  const std::vector<std::string> empty_lines(question_count(), "");
  const auto r = survey_in(dir, {"--department", "sales", "--role", "employee", "--output", "a.json"}, empty_lines);
  INFO("stdout:\n" << r.out << "\nstderr:\n" << r.err);
  REQUIRE(r.exit_code == 0);
  const json a = read_json(dir.file("a.json"));
  CHECK(a["complete"] == true);
  CHECK(a["submitted_at"].is_string());
  CHECK(a["answers"] == json::object());
  CHECK(has_line_starting_with(r.out, "Overall: no score"));
  const auto shown = split_lines(r.out);
  for (const auto& d : printed_questionnaire()["dimensions"]) {
    const std::string name = d["name"].is_string() ? d["name"].get<std::string>() : d["name"]["en"].get<std::string>();
    INFO("dimension " << name);
    CHECK(std::any_of(shown.begin(), shown.end(),
                      [&](const std::string& line) { return starts_with(line, name) && contains(line, "no score"); }));
  }
}

TEST_CASE("survey piped: every question is shown once, in order, with its progress", "[survey][piped]") {
  const std::string role = GENERATE(as<std::string>{}, "leader", "employee");
  INFO("role " << role);
  TempDir dir;
  const auto r = survey_in(dir, {"--department", "sales", "--role", role, "--output", "a.json"}, full_tokens(role));
  REQUIRE(r.exit_code == 0);
  std::size_t at = 0;
  for (std::size_t i = 1; i <= question_count(role); ++i) {
    INFO("question " << i);
    CHECK(count_of(r.out, progress(i, role)) == 1);
    const auto found = r.out.find(progress(i, role));
    REQUIRE(found != std::string::npos);
    CHECK(found >= at);
    at = found;
  }
  CHECK_FALSE(contains(r.out, progress(question_count(role) + 1, role)));
  const json a = read_json(dir.file("a.json"));
  CHECK(a["respondent"]["role"] == role);
  CHECK(a["complete"] == true);
  CHECK(a["answers"] == expected_answers(full_tokens(role), role));
  // The questions asked of leaders only: shown to a leader, not to an employee.
  for (const auto& d : printed_questionnaire()["dimensions"])
    for (const auto& q : d["questions"]) {
      if (!leaders_only(q)) continue;
      const json& text = q["text"];
      const std::string shown = text.is_string() ? text.get<std::string>() : text["en"].get<std::string>();
      INFO(q["id"]);
      // The statement is wrapped: look for its first words.
      CHECK(contains(r.out, shown.substr(0, 30)) == (role == "leader"));
      CHECK(a["answers"].contains(q["id"].get<std::string>()) == (role == "leader"));
    }
}

// ---------------------------------------------------------------------------------------
// Department and role prompts

TEST_CASE("survey piped: department number and role are read first", "[survey][piped][prompt]") {
  TempDir dir;
  const auto r = survey_in(dir, {"--output", "a.json"}, {department_number("marketing"), "e", "3", "na"});
  INFO("stdout:\n" << r.out << "\nstderr:\n" << r.err);
  REQUIRE(r.exit_code == 0);
  const json a = read_json(dir.file("a.json"));
  CHECK(a["respondent"]["department"] == "marketing");
  CHECK(a["respondent"]["role"] == "employee");
  CHECK(a["answers"] == expected_answers({"3", "na"}));
  // The list was shown, with "other".
  for (const auto& d : printed_questionnaire()["departments"]) {
    const json& name = d.contains("name") ? d["name"] : d["id"];
    const std::string shown = name.is_string() ? name.get<std::string>() : name["en"].get<std::string>();
    CHECK(contains(r.out, shown));
  }
  CHECK(contains(r.out, other_department_number()));
}

TEST_CASE("survey piped: the department id may be typed instead of its number", "[survey][piped][prompt]") {
  TempDir dir;
  const auto r = survey_in(dir, {"--output", "a.json"}, {"logistics", "l", "5"});
  REQUIRE(r.exit_code == 0);
  const json a = read_json(dir.file("a.json"));
  CHECK(a["respondent"]["department"] == "logistics");
  CHECK(a["respondent"]["role"] == "leader");
  CHECK(a["answers"] == expected_answers({"5"}));
}

TEST_CASE("survey piped: \"other\" then a free-text department name", "[survey][piped][prompt]") {
  TempDir dir;
  const auto r = survey_in(dir, {"--output", "a.json"},
                           {other_department_number(),
                            "  \xC5\x81\xC3\xB3"
                            "d\xC5\xBA R&D ",
                            "2", "1"});
  INFO("stdout:\n" << r.out << "\nstderr:\n" << r.err);
  REQUIRE(r.exit_code == 0);
  const json a = read_json(dir.file("a.json"));
  CHECK(a["respondent"]["department"] ==
        "\xC5\x81\xC3\xB3"
        "d\xC5\xBA R&D");
  CHECK(a["respondent"]["role"] == "employee");
  CHECK(a["answers"] == expected_answers({"1"}));
}

TEST_CASE("survey piped: an \"other\" name that is not UTF-8 is asked again", "[survey][piped][prompt]") {
  TempDir dir;
  const auto r =
      survey_in(dir, {"--output", "a.json"}, {other_department_number(), "\xff\xfe", "", "Backoffice", "e", "3"});
  INFO("stdout:\n" << r.out << "\nstderr:\n" << r.err);
  REQUIRE(r.exit_code == 0);
  const json a = read_json(dir.file("a.json"));
  CHECK(a["respondent"]["department"] == "Backoffice");
  CHECK(a["answers"] == expected_answers({"3"}));
}

TEST_CASE("survey piped: the role as leader/employee and 1/2", "[survey][piped][prompt]") {
  const std::vector<std::pair<std::string, std::string>> cases{{"leader", "leader"}, {"employee", "employee"},
                                                               {"1", "leader"},      {"2", "employee"},
                                                               {"l", "leader"},      {"e", "employee"}};
  for (const auto& [typed, role] : cases) {
    TempDir dir;
    const auto r = survey_in(dir, {"--department", "it", "--output", "a.json"}, {typed, "q"});
    INFO("typed " << typed);
    REQUIRE(r.exit_code == 0);
    CHECK(read_json(dir.file("a.json"))["respondent"]["role"] == role);
  }
}

TEST_CASE("survey piped: a wrong department number or role is asked again", "[survey][piped][prompt]") {
  TempDir dir;
  const auto r =
      survey_in(dir, {"--output", "a.json"}, {"99", "", "0", "1000", department_number("finance"), "boss", "e", "4"});
  INFO("stdout:\n" << r.out << "\nstderr:\n" << r.err);
  REQUIRE(r.exit_code == 0);
  const json a = read_json(dir.file("a.json"));
  CHECK(a["respondent"]["department"] == "finance");
  CHECK(a["respondent"]["role"] == "employee");
  CHECK(a["answers"] == expected_answers({"4"}));
}

TEST_CASE("survey piped: --department and --role given: no prompt, the first line answers", "[survey][piped][prompt]") {
  TempDir dir;
  const auto r = survey_in(dir, {"--department", "Not Listed", "--role", "leader", "--output", "a.json"}, {"2"});
  REQUIRE(r.exit_code == 0);
  const json a = read_json(dir.file("a.json"));
  CHECK(a["respondent"]["department"] == "Not Listed");
  CHECK(a["answers"] == expected_answers({"2"}));
}

TEST_CASE("survey piped: end of input at the department prompt writes nothing", "[survey][piped][prompt]") {
  TempDir dir;
  const auto r = survey_in(dir, {}, {});
  INFO("stdout:\n" << r.out << "\nstderr:\n" << r.err);
  CHECK(r.exit_code == 0);
  CHECK(list_directory(dir.path()).empty());
  CHECK_FALSE(contains(r.err, "Saved"));
}

TEST_CASE("survey piped: end of input at the role or other-name prompt writes nothing", "[survey][piped][prompt]") {
  {
    TempDir dir;
    const auto r = survey_in(dir, {"--output", "a.json"}, {department_number("sales")});
    CHECK(r.exit_code == 0);
    CHECK(list_directory(dir.path()).empty());
  }
  {
    TempDir dir;
    const auto r = survey_in(dir, {"--output", "a.json"}, {other_department_number()});
    CHECK(r.exit_code == 0);
    CHECK(list_directory(dir.path()).empty());
  }
  {
    TempDir dir;
    const auto r = survey_in(dir, {"--department", "sales"}, {});
    CHECK(r.exit_code == 0);
    CHECK(list_directory(dir.path()).empty());
  }
}

// ---------------------------------------------------------------------------------------
// Stopping part-way and resuming

TEST_CASE("survey piped: end of input saves a partial file and says how to resume", "[survey][piped][resume]") {
  TempDir dir;
  const std::vector<std::string> first{"4", "2", "na", "5"};
  const auto r = survey_in(dir, {"--department", "sales", "--role", "employee", "--output", "part.json"}, first);
  INFO("stdout:\n" << r.out << "\nstderr:\n" << r.err);
  REQUIRE(r.exit_code == 0);
  const json a = read_json(dir.file("part.json"));
  CHECK(a["complete"] == false);
  CHECK_FALSE(a.contains("submitted_at"));
  CHECK(a["answers"] == expected_answers(first));
  CHECK(has_line_starting_with(r.err, saved_line(4, "part.json")));
  CHECK(split_lines(r.err).size() == 1);
  CHECK_FALSE(contains(r.out, "Your result"));
  CHECK(list_directory(dir.path()) == std::vector<std::string>{"part.json"});

  // Resumed with the remaining answers: one file holding them all.
  auto rest = full_tokens();
  const auto all = rest;
  rest.erase(rest.begin(), rest.begin() + static_cast<long>(first.size()));
  const auto resumed = survey_in(dir, {"--resume", "part.json"}, rest);
  INFO("resumed stdout:\n" << resumed.out << "\nresumed stderr:\n" << resumed.err);
  REQUIRE(resumed.exit_code == 0);
  CHECK(resumed.err.empty());
  CHECK(contains(resumed.out, fmt::format("4 of {} answered", question_count())));
  // It goes on at question 5: the first four are not asked again.
  CHECK_FALSE(contains(resumed.out, progress(1)));
  CHECK_FALSE(contains(resumed.out, progress(4)));
  CHECK(contains(resumed.out, progress(5)));
  CHECK(contains(resumed.out, "Your result"));
  const json b = read_json(dir.file("part.json"));
  std::vector<std::string> expected = first;
  expected.insert(expected.end(), rest.begin(), rest.end());
  CHECK(b["complete"] == true);
  CHECK(std::regex_match(b["submitted_at"].get<std::string>(), std::regex(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$)")));
  CHECK(b["answers"] == expected_answers(expected));
  // Department, role and respondent id come from the file.
  CHECK(b["respondent"] == a["respondent"]);
  CHECK(list_directory(dir.path()) == std::vector<std::string>{"part.json"});
  CHECK(run_centric({"validate", dir.file("part.json")}).exit_code == 0);
}

TEST_CASE("survey piped: the resume command repeats --questionnaire", "[survey][piped][resume]") {
  TempDir dir;
  dir.write("q.json", run_centric({"questionnaire", "--json"}).out);
  const auto r =
      survey_in(dir, {"--questionnaire", "q.json", "--department", "sales", "--role", "leader", "--output", "p.json"},
                {"3", "s", "1"});
  INFO("stderr:\n" << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(has_line_starting_with(r.err, saved_line(2, "p.json", "q.json", "leader")));
  const json a = read_json(dir.file("p.json"));
  const auto ids = question_ids();
  CHECK(a["answers"] == json({{ids[0], 3}, {ids[2], 1}}));

  // Resuming with that questionnaire and stopping again says the same.
  const auto again = survey_in(dir, {"--questionnaire", "q.json", "--resume", "p.json"}, {"5"});
  INFO("stderr:\n" << again.err);
  REQUIRE(again.exit_code == 0);
  CHECK(has_line_starting_with(again.err, saved_line(3, "p.json", "q.json", "leader")));
  CHECK(read_json(dir.file("p.json"))["answers"] == json({{ids[0], 3}, {ids[1], 5}, {ids[2], 1}}));
}

TEST_CASE("survey piped: resuming asks only the questions unanswered before, in order", "[survey][piped][resume]") {
  TempDir dir;
  const auto ids = question_ids();
  // Questions 2 and 4 answered, 1 and 3 skipped.
  auto r = survey_in(dir, {"--department", "sales", "--role", "leader", "--output", "p.json"}, {"s", "4", "", "5"});
  REQUIRE(r.exit_code == 0);
  REQUIRE(read_json(dir.file("p.json"))["answers"] == json({{ids[1], 4}, {ids[3], 5}}));

  r = survey_in(dir, {"--resume", "p.json"}, {"1", "2", "3"});
  INFO("stdout:\n" << r.out << "\nstderr:\n" << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.out, fmt::format("2 of {} answered", question_count("leader"))));
  CHECK(contains(r.out, progress(1, "leader")));
  CHECK_FALSE(contains(r.out, progress(2, "leader")));
  CHECK(contains(r.out, progress(3, "leader")));
  CHECK_FALSE(contains(r.out, progress(4, "leader")));
  CHECK(contains(r.out, progress(5, "leader")));
  CHECK(read_json(dir.file("p.json"))["answers"] ==
        json({{ids[0], 1}, {ids[1], 4}, {ids[2], 2}, {ids[3], 5}, {ids[4], 3}}));
  CHECK(has_line_starting_with(r.err, saved_line(5, "p.json", "", "leader")));
}

TEST_CASE("survey piped: after resuming, b steps back onto an earlier answer", "[survey][piped][resume]") {
  TempDir dir;
  const auto ids = question_ids();
  auto r = survey_in(dir, {"--department", "sales", "--role", "leader", "--output", "p.json"}, {"4", "2"});
  REQUIRE(r.exit_code == 0);

  // At question 3: back to question 2 (answered 2 before), change it to 5, then on to 3.
  r = survey_in(dir, {"--resume", "p.json"}, {"b", "5", "1"});
  INFO("stdout:\n" << r.out << "\nstderr:\n" << r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.out, "Your answer: 2"));
  CHECK(read_json(dir.file("p.json"))["answers"] == json({{ids[0], 4}, {ids[1], 5}, {ids[2], 1}}));
  CHECK(has_line_starting_with(r.err, saved_line(3, "p.json", "", "leader")));
}

TEST_CASE("survey piped: resuming a partial file with everything answered completes it", "[survey][piped][resume]") {
  TempDir dir;
  auto r = survey_in(dir, {"--department", "sales", "--role", "leader", "--output", "p.json"}, full_tokens("leader"));
  REQUIRE(r.exit_code == 0);
  json a = read_json(dir.file("p.json"));
  REQUIRE(a["complete"] == true);
  REQUIRE(a["answers"].size() == question_count("leader"));
  a["complete"] = false;
  a.erase("submitted_at");
  dir.write("p.json", a.dump(2));
  r = survey_in(dir, {"--resume", "p.json"}, {});
  INFO("stdout:\n" << r.out << "\nstderr:\n" << r.err);
  REQUIRE(r.exit_code == 0);
  const json b = read_json(dir.file("p.json"));
  CHECK(b["complete"] == true);
  CHECK(b["submitted_at"].is_string());
  CHECK(b["answers"] == a["answers"]);
  CHECK(contains(r.out, "Your result"));
}

TEST_CASE("survey piped: q saves and quits with exit 0", "[survey][piped]") {
  TempDir dir;
  const auto r =
      survey_in(dir, {"--department", "sales", "--role", "employee", "--output", "a.json"}, {"3", "q", "5", "5"});
  INFO("stdout:\n" << r.out << "\nstderr:\n" << r.err);
  REQUIRE(r.exit_code == 0);
  const json a = read_json(dir.file("a.json"));
  CHECK(a["complete"] == false);
  CHECK(a["answers"] == expected_answers({"3"}));
  CHECK(has_line_starting_with(r.err, saved_line(1, "a.json")));
  CHECK_FALSE(contains(r.out, progress(3)));  // nothing read after q
}

TEST_CASE("survey piped: q on the first question saves an empty partial file", "[survey][piped]") {
  TempDir dir;
  const auto r = survey_in(dir, {"--department", "sales", "--role", "employee", "--output", "a.json"}, {"q"});
  REQUIRE(r.exit_code == 0);
  const json a = read_json(dir.file("a.json"));
  CHECK(a["complete"] == false);
  CHECK(a["answers"] == json::object());
  CHECK(has_line_starting_with(r.err, saved_line(0, "a.json")));
  CHECK(run_centric({"validate", dir.file("a.json")}).exit_code == 0);
}

// ---------------------------------------------------------------------------------------
// Keys through the pipe

TEST_CASE("survey piped: back, skip, N/A and an empty line give exactly the expected answers", "[survey][piped]") {
  TempDir dir;
  const auto ids = question_ids();
  const std::vector<std::string> tokens{
      "1",   // q1 = 1
      "2",   // q2 = 2
      "b",   // back to q2
      "",    // keep 2, on to q3
      "b",   // back to q2
      "b",   // back to q1
      "4",   // q1 = 4 (changed), on to q2
      "s",   // keep 2, on to q3
      "na",  // q3 = na
      "b",   // back to q3
      "",    // keep na, on to q4
      "3",   // q4 = 3
      "s",   // q5 skipped
      "",    // q6 skipped
      "n",   // q7 = na
      "5",   // q8 = 5
      "d",   // q9 = dk
      "b",   // back to q9
      "",    // keep dk, on to q10
      "dk",  // q10 = dk
  };
  const auto r = survey_in(dir, {"--department", "sales", "--role", "employee", "--output", "a.json"}, tokens);
  INFO("stdout:\n" << r.out << "\nstderr:\n" << r.err);
  REQUIRE(r.exit_code == 0);
  const json a = read_json(dir.file("a.json"));
  CHECK(a["answers"] == json({{ids[0], 4},
                              {ids[1], 2},
                              {ids[2], "na"},
                              {ids[3], 3},
                              {ids[6], "na"},
                              {ids[7], 5},
                              {ids[8], "dk"},
                              {ids[9], "dk"}}));
  CHECK(has_line_starting_with(r.err, saved_line(8, "a.json")));
  // Going back shows the earlier answer.
  CHECK(contains(r.out, "Your answer: 2"));
  CHECK(contains(r.out, "Your answer: 1"));
  CHECK(contains(r.out, "Your answer: n/a"));
  CHECK(contains(r.out, "Your answer: don't know"));
}

TEST_CASE("survey piped: b on the first question stays there with a message", "[survey][piped]") {
  TempDir dir;
  const auto ids = question_ids();
  const auto r = survey_in(dir, {"--department", "sales", "--role", "employee", "--output", "a.json"}, {"b", "2"});
  REQUIRE(r.exit_code == 0);
  CHECK(count_of(r.out, progress(1)) == 2);
  CHECK(contains(r.out, "first question"));
  CHECK(read_json(dir.file("a.json"))["answers"] == json({{ids[0], 2}}));
}

TEST_CASE("survey piped: an invalid token gets a message and the next line is read", "[survey][piped]") {
  TempDir dir;
  const auto ids = question_ids();
  const auto r = survey_in(dir, {"--department", "sales", "--role", "employee", "--output", "a.json"},
                           {"x", "4", "7", "0", "5", "?", "1"});
  INFO("stdout:\n" << r.out << "\nstderr:\n" << r.err);
  REQUIRE(r.exit_code == 0);
  // Question 1 shown again after "x"; question 2 again after "7" and "0"; question 3
  // again with its help after "?".
  CHECK(count_of(r.out, progress(1)) == 2);
  CHECK(count_of(r.out, progress(2)) == 3);
  CHECK(count_of(r.out, progress(3)) == 2);
  CHECK(count_of(r.out, progress(4)) == 1);
  // The message says what would do: the tokens this questionnaire allows (it has both
  // "not applicable" and "don't know"), not a key of the terminal's.
  CHECK(contains(r.out,
                 "\"x\" is not an answer here: type 1\u20135, n (not applicable), d (don't know), b (back), s (skip), "
                 "? (help), q (save and quit), or an empty line to skip the question"));
  CHECK_FALSE(contains(r.out, "Unknown key"));
  CHECK(count_of(r.out, "1 to 5") >= 2);
  CHECK(read_json(dir.file("a.json"))["answers"] == json({{ids[0], 4}, {ids[1], 5}, {ids[2], 1}}));
  CHECK(has_line_starting_with(r.err, saved_line(3, "a.json")));
}

TEST_CASE("survey piped: an invalid line on an answered question says an empty line keeps it", "[survey][piped]") {
  TempDir dir;
  const auto r =
      survey_in(dir, {"--department", "sales", "--role", "employee", "--output", "a.json"}, {"4", "b", "yes", "q"});
  INFO("stdout:\n" << r.out);
  REQUIRE(r.exit_code == 0);
  CHECK(contains(r.out, "\"yes\" is not an answer here: "));
  CHECK(contains(r.out, "q (save and quit), or an empty line to keep the answer"));
}

TEST_CASE("survey piped: the log shows each line read after its prompt", "[survey][piped][log]") {
  TempDir dir;
  const auto r = survey_in(dir, {"--output", "a.json"},
                           {department_number("sales"), "employee", "4", "na", "", "b", "\x1b[2J", "3\r", "q"});
  INFO("stdout:\n" << r.out);
  REQUIRE(r.exit_code == 0);
  const auto shown = split_lines(r.out);
  const auto has_line = [&](const std::string& line) {
    return std::find(shown.begin(), shown.end(), line) != shown.end();
  };
  CHECK(has_line("Department (number, then Enter): " + department_number("sales")));
  CHECK(has_line("Role (leader/employee): employee"));
  // Each token after the "> " of its question, in the order typed; an empty line as "> ".
  std::size_t at = 0;
  for (const std::string line : {"> 4\n", "> na\n", "> \n", "> b\n", "> \\x1B[2J\n", "> 3\n", "> q\n"}) {
    INFO("line " << line);
    const auto found = r.out.find("\n" + line, at);
    REQUIRE(found != std::string::npos);
    at = found + 1;
  }
  // What was typed is spelled out, never sent to the terminal; a CRLF line ending is no token.
  CHECK_FALSE(contains(r.out, "\x1b"));
  CHECK_FALSE(contains(r.out, "\r"));
  CHECK(read_json(dir.file("a.json"))["answers"] == expected_answers({"4", "na", "3"}));
}

TEST_CASE("survey piped: nothing but the prompts comes before the first question", "[survey][piped][log]") {
  TempDir dir;
  SECTION("department and role asked") {
    const auto r = survey_in(dir, {"--output", "a.json"}, {department_number("sales"), "e", "q"});
    REQUIRE(r.exit_code == 0);
    const std::string before = r.out.substr(0, r.out.find(progress(1)));
    INFO("before the first question:\n" << before);
    CHECK(starts_with(before, "Which department do you work in?\n"));
    CHECK_FALSE(contains(before, "\n\n"));
    CHECK(contains(before, "Role (leader/employee): e\n"));
  }
  SECTION("department and role given") {
    const auto r = survey_in(dir, {"--department", "sales", "--role", "employee", "--output", "a.json"}, {"q"});
    REQUIRE(r.exit_code == 0);
    const std::string before = r.out.substr(0, r.out.find(progress(1)));
    INFO("before the first question:\n" << before);
    CHECK_FALSE(contains(before, "\n\n"));
    CHECK_FALSE(contains(before, "Which department"));
  }
}

TEST_CASE("survey piped: ? shows the question's help", "[survey][piped]") {
  const json& q = printed_questionnaire();
  const json& first = q["dimensions"][0]["questions"][0];
  if (!first.contains("help")) return;  // nothing to show
  const std::string help =
      first["help"].is_string() ? first["help"].get<std::string>() : first["help"]["en"].get<std::string>();
  TempDir dir;
  const auto r = survey_in(dir, {"--department", "sales", "--role", "employee", "--output", "a.json"}, {"?", "q"});
  REQUIRE(r.exit_code == 0);
  // The help is wrapped: look for its first words.
  CHECK(contains(r.out, help.substr(0, std::min<std::size_t>(help.find(' ', 20), help.size()))));
}

TEST_CASE("survey piped: a last line without a newline still counts", "[survey][piped]") {
  TempDir dir;
  const auto ids = question_ids();
  ProcessOptions options;
  options.working_directory = dir.path();
  options.stdin_text = "4\n3";
  const auto r = run_centric({"survey", "--department", "sales", "--role", "employee", "--output", "a.json"}, options);
  REQUIRE(r.exit_code == 0);
  CHECK(read_json(dir.file("a.json"))["answers"] == json({{ids[0], 4}, {ids[1], 3}}));
}

// ---------------------------------------------------------------------------------------
// Refusals

TEST_CASE("survey piped: an existing --output file is refused and left as it was", "[survey][piped][refuse]") {
  TempDir dir;
  const std::string before = "{\"precious\": true}\n\x01\xff";
  dir.write("F.json", before);
  const auto r = survey_in(dir, {"--department", "sales", "--role", "employee", "--output", "F.json"}, {"4", "4"});
  CHECK(r.exit_code == 1);
  CHECK(r.err == "centric: error: F.json: already exists; continue it with: centric survey --resume F.json\n");
  CHECK(read_text_file(dir.file("F.json")) == before);
  CHECK(list_directory(dir.path()) == std::vector<std::string>{"F.json"});
  CHECK_FALSE(contains(r.out, progress(1)));  // refused before any question
}

TEST_CASE("survey piped: the refusal names --questionnaire when one was given", "[survey][piped][refuse]") {
  TempDir dir;
  dir.write("q.json", run_centric({"questionnaire", "--json"}).out);
  dir.write("F.json", "old");
  const auto r = survey_in(dir, {"--questionnaire", "q.json", "--output", "F.json"}, {"2", "e", "4"});
  CHECK(r.exit_code == 1);
  CHECK(r.err ==
        "centric: error: F.json: already exists; continue it with: centric survey --questionnaire q.json --resume "
        "F.json\n");
  CHECK(read_text_file(dir.file("F.json")) == "old");
  CHECK_FALSE(contains(r.out, "Which department"));  // refused before the prompts too
}

TEST_CASE("survey piped: an --output that cannot be written is refused before any question",
          "[survey][piped][refuse]") {
  TempDir dir;
  const auto r = survey_in(dir, {"--output", "missing/a.json"}, {department_number("sales"), "e", "4"});
  CHECK(r.exit_code == 1);
  CHECK(starts_with(r.err, "centric: error: missing/a.json: "));
  CHECK_FALSE(contains(r.out, "Which department"));
  CHECK_FALSE(contains(r.out, progress(1)));
  CHECK(list_directory(dir.path()).empty());
}

TEST_CASE("survey piped: resuming a complete file is refused", "[survey][piped][refuse]") {
  TempDir dir;
  auto r =
      survey_in(dir, {"--department", "sales", "--role", "leader", "--output", "done.json"}, full_tokens("leader"));
  REQUIRE(r.exit_code == 0);
  const std::string before = read_text_file(dir.file("done.json"));
  REQUIRE(json::parse(before)["complete"] == true);
  r = survey_in(dir, {"--resume", "done.json"}, {"1", "2"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "done.json"));
  CHECK(read_text_file(dir.file("done.json")) == before);
  CHECK(list_directory(dir.path()) == std::vector<std::string>{"done.json"});
  // A file without "complete" is complete too.
  json a = json::parse(before);
  a.erase("complete");
  dir.write("done.json", a.dump());
  r = survey_in(dir, {"--resume", "done.json"}, {"1"});
  CHECK(r.exit_code == 1);
}

TEST_CASE("survey piped: resuming a file for another questionnaire or major version is refused",
          "[survey][piped][refuse]") {
  TempDir dir;
  auto r = survey_in(dir, {"--department", "sales", "--role", "leader", "--output", "p.json"}, {"3", "4"});
  REQUIRE(r.exit_code == 0);
  const json partial = read_json(dir.file("p.json"));

  json other_id = partial;
  other_id["questionnaire"]["id"] = "something-else";
  dir.write("other-id.json", other_id.dump(2));
  r = survey_in(dir, {"--resume", "other-id.json"}, {"1", "1"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "other-id.json"));
  CHECK(read_text_file(dir.file("other-id.json")) == other_id.dump(2));

  // Another major version than the questionnaire's own (whatever that is now).
  const std::string version = printed_questionnaire()["version"].get<std::string>();
  const int major = std::stoi(version.substr(0, version.find('.')));
  json other_major = partial;
  other_major["questionnaire"]["version"] = std::to_string(major + 1) + ".0.0";
  dir.write("other-major.json", other_major.dump(2));
  r = survey_in(dir, {"--resume", "other-major.json"}, {"1", "1"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "other-major.json"));
  CHECK(read_text_file(dir.file("other-major.json")) == other_major.dump(2));

  // Another minor version of the same questionnaire is fine.
  json other_minor = partial;
  other_minor["questionnaire"]["version"] = version.substr(0, version.find('.')) + ".99.0";
  dir.write("other-minor.json", other_minor.dump(2));
  r = survey_in(dir, {"--resume", "other-minor.json"}, {"1"});
  INFO("stderr:\n" << r.err);
  CHECK(r.exit_code == 0);
  const auto ids = question_ids();
  CHECK(read_json(dir.file("other-minor.json"))["answers"] == json({{ids[0], 3}, {ids[1], 4}, {ids[2], 1}}));
}

TEST_CASE("survey piped: resuming a missing or broken file is refused", "[survey][piped][refuse]") {
  TempDir dir;
  auto r = survey_in(dir, {"--resume", "nope.json"}, {"1"});
  CHECK(r.exit_code == 1);
  CHECK(list_directory(dir.path()).empty());
  dir.write("broken.json", "{\"format\": ");
  r = survey_in(dir, {"--resume", "broken.json"}, {"1"});
  CHECK(r.exit_code == 1);
  CHECK(read_text_file(dir.file("broken.json")) == "{\"format\": ");
}

TEST_CASE("survey piped: --lang with a language the questionnaire lacks is a usage error", "[survey][piped][refuse]") {
  TempDir dir;
  const auto r = survey_in(dir, {"--lang", "xx", "--department", "sales", "--role", "employee"}, {"4"});
  CHECK(r.exit_code == 2);
  CHECK(contains(r.err, "xx"));
  CHECK(list_directory(dir.path()).empty());
}

TEST_CASE("survey piped: --output with --resume is a usage error", "[survey][piped][refuse]") {
  TempDir dir;
  auto r = survey_in(dir, {"--department", "sales", "--role", "leader", "--output", "p.json"}, {"3"});
  REQUIRE(r.exit_code == 0);
  const std::string before = read_text_file(dir.file("p.json"));
  r = survey_in(dir, {"--resume", "p.json", "--output", "x.json"}, {"4"});
  CHECK(r.exit_code == 2);
  CHECK(read_text_file(dir.file("p.json")) == before);
  CHECK(list_directory(dir.path()) == std::vector<std::string>{"p.json"});
}

TEST_CASE("survey piped: a read-only file is not resumed, not replaced and keeps its mode", "[survey][piped][refuse]") {
  // As root (CI), access(W_OK) allows everything: the file's mode is what says read-only.
  TempDir dir;
  auto r = survey_in(dir, {"--department", "sales", "--role", "leader", "--output", "p.json"}, {"3"});
  REQUIRE(r.exit_code == 0);
  const std::string before = read_text_file(dir.file("p.json"));
  for (const mode_t mode : {mode_t{0444}, mode_t{0400}, mode_t{0044}}) {
    INFO("mode " << std::oct << mode);
    REQUIRE(::chmod(dir.file("p.json").c_str(), mode) == 0);
    r = survey_in(dir, {"--resume", "p.json"}, {"4", "5"});
    INFO("stderr:\n" << r.err);
    CHECK(r.exit_code == 1);
    CHECK(split_lines(r.err) ==
          std::vector<std::string>{fmt::format("centric: error: p.json: is read-only (mode {:04o}); resuming saves "
                                               "into it, so make it writable first (chmod u+w) or resume a copy",
                                               mode)});
    CHECK(read_text_file(dir.file("p.json")) == before);
    struct stat st {};
    REQUIRE(::stat(dir.file("p.json").c_str(), &st) == 0);
    CHECK((st.st_mode & 07777) == mode);
    CHECK(list_directory(dir.path()) == std::vector<std::string>{"p.json"});
  }
  // Writable again: resumed as usual.
  REQUIRE(::chmod(dir.file("p.json").c_str(), 0600) == 0);
  r = survey_in(dir, {"--resume", "p.json"}, {"4"});
  CHECK(r.exit_code == 0);
  CHECK(read_text_file(dir.file("p.json")) != before);
}

TEST_CASE("survey piped: an empty --output, --resume or --questionnaire is a usage error", "[survey][piped][refuse]") {
  TempDir dir;
  for (const char* option : {"--output", "-o", "--resume", "--questionnaire", "-q"}) {
    INFO(option);
    const auto r = survey_in(dir, {"--department", "sales", "--role", "leader", option, ""}, {"3"});
    CHECK(r.exit_code == 2);
    CHECK(starts_with(r.err, "centric: error: "));
    CHECK(contains(r.err, "needs a file name, not an empty string"));
    CHECK(list_directory(dir.path()).empty());
  }
}

TEST_CASE("survey piped: an empty --department is a usage error", "[survey][piped][refuse]") {
  TempDir dir;
  const auto r = survey_in(dir, {"--department", "", "--role", "leader"}, {"3"});
  CHECK(r.exit_code == 2);
  CHECK(list_directory(dir.path()).empty());
}

// ---------------------------------------------------------------------------------------
// The default file name and the respondent id

TEST_CASE("survey piped: without --output a file answers-<department>-<time>.json is written",
          "[survey][piped][file-name]") {
  TempDir dir;
  const std::time_t before = std::time(nullptr);
  const auto r = survey_in(dir, {"--department", "Sales", "--role", "employee"}, {"4"}, far_time_zone);
  const std::time_t after = std::time(nullptr);
  INFO("stdout:\n" << r.out << "\nstderr:\n" << r.err);
  REQUIRE(r.exit_code == 0);
  const auto files = list_directory(dir.path());
  REQUIRE(files.size() == 1);
  const std::string name = files[0];
  std::smatch m;
  REQUIRE(std::regex_match(name, m, std::regex(R"(^answers-sales-(\d{8}T\d{6}Z)\.json$)")));
  // UTC even with TZ far from it.
  const std::time_t stamped = utc_seconds(m[1].str());
  CHECK(stamped >= before);
  CHECK(stamped <= after);
  // Named on the output, and in the resume command.
  CHECK(contains(r.out, name));
  CHECK(has_line_starting_with(r.err, saved_line(1, name)));
  const json a = read_json(dir.file(name));
  CHECK(a["respondent"]["department"] == "Sales");
  CHECK(a["answers"] == expected_answers({"4"}));
}

TEST_CASE("survey piped: the default name keeps a Polish, Hungarian or Russian department readable",
          "[survey][piped][file-name]") {
  const auto [department, slug] = GENERATE(table<std::string, std::string>({
      {"Obsługa klienta VIP", "obsluga-klienta-vip"},
      {"Ügyfélszolgálat és értékesítés", "ugyfelszolgalat-es-ertekesites"},
      {"Отдел продаж", "otdel-prodazh"},
  }));
  INFO("department " << department);
  TempDir dir;
  const auto r = survey_in(dir, {"--department", department, "--role", "employee"}, {"4"});
  INFO("stdout:\n" << r.out << "\nstderr:\n" << r.err);
  REQUIRE(r.exit_code == 0);
  const auto files = list_directory(dir.path());
  REQUIRE(files.size() == 1);
  CHECK(std::regex_match(files[0], std::regex("^answers-" + slug + R"(-\d{8}T\d{6}Z\.json$)")));
  // The file holds the department as typed.
  CHECK(read_json(dir.file(files[0]))["respondent"]["department"] == department);
  CHECK(has_line_starting_with(r.err, saved_line(1, files[0])));
}

TEST_CASE("survey piped: the default name turns other code points into '-'", "[survey][piped][file-name]") {
  TempDir dir;
  // ß ç ñ are not transliterated: one '-' each, as ' ' and '&'.
  const auto r = survey_in(dir,
                           {"--department",
                            "\xC3\x9F\xC3\xA7"
                            "d\xC3\xB1 R&D",
                            "--role", "employee"},
                           {"q"});
  REQUIRE(r.exit_code == 0);
  const auto files = list_directory(dir.path());
  REQUIRE(files.size() == 1);
  CHECK(std::regex_match(files[0], std::regex(R"(^answers---d--r-d-\d{8}T\d{6}Z\.json$)")));
}

TEST_CASE("survey piped: a name already taken gets -2, then -3", "[survey][piped][file-name]") {
  TempDir dir;
  // Take the names of the next few seconds, with and without -2, so that the run's second
  // is surely taken twice.
  const std::time_t now = std::time(nullptr);
  std::set<std::string> taken;
  for (std::time_t t = now - 1; t <= now + 10; ++t) {
    const std::string stem = "answers-sales-" + utc_compact(t);
    for (const std::string& name : {stem + ".json", stem + "-2.json"}) {
      dir.write(name, "taken " + name);
      taken.insert(name);
    }
  }
  const auto r = survey_in(dir, {"--department", "sales", "--role", "employee"}, {"5"});
  INFO("stdout:\n" << r.out << "\nstderr:\n" << r.err);
  REQUIRE(r.exit_code == 0);
  std::vector<std::string> fresh;
  for (const auto& name : list_directory(dir.path())) {
    if (taken.count(name) != 0) {
      CHECK(read_text_file(dir.file(name)) == "taken " + name);  // never overwritten
      continue;
    }
    fresh.push_back(name);
  }
  REQUIRE(fresh.size() == 1);
  CHECK(std::regex_match(fresh[0], std::regex(R"(^answers-sales-\d{8}T\d{6}Z-3\.json$)")));
  CHECK(read_json(dir.file(fresh[0]))["answers"] == expected_answers({"5"}));
  CHECK(has_line_starting_with(r.err, saved_line(1, fresh[0])));
}

TEST_CASE("survey piped: quick runs in a row never share a file", "[survey][piped][file-name]") {
  TempDir dir;
  std::set<std::string> names;
  for (int i = 0; i < 3; ++i) {
    const auto r = survey_in(dir, {"--department", "sales", "--role", "employee"}, {std::to_string(i + 1)});
    REQUIRE(r.exit_code == 0);
  }
  const auto files = list_directory(dir.path());
  REQUIRE(files.size() == 3);
  std::set<int> first_answers;
  const auto ids = question_ids();
  for (const auto& name : files) {
    INFO(name);
    CHECK(std::regex_match(name, std::regex(R"(^answers-sales-\d{8}T\d{6}Z(-[23])?\.json$)")));
    first_answers.insert(read_json(dir.file(name))["answers"][ids[0]].get<int>());
  }
  CHECK(first_answers == std::set<int>{1, 2, 3});  // each run kept its own file
}

TEST_CASE("survey piped: the respondent id is a fresh UUID v4, or the one given", "[survey][piped]") {
  TempDir dir;
  auto r = survey_in(dir, {"--department", "sales", "--role", "employee", "--output", "a.json"}, {"q"});
  REQUIRE(r.exit_code == 0);
  r = survey_in(dir, {"--department", "sales", "--role", "employee", "--output", "b.json"}, {"q"});
  REQUIRE(r.exit_code == 0);
  r = survey_in(dir, {"--department", "sales", "--role", "employee", "--respondent", "r-042", "--output", "c.json"},
                {"q"});
  REQUIRE(r.exit_code == 0);
  const std::string a = read_json(dir.file("a.json"))["respondent"]["id"].get<std::string>();
  const std::string b = read_json(dir.file("b.json"))["respondent"]["id"].get<std::string>();
  CHECK(is_uuid_v4(a));
  CHECK(is_uuid_v4(b));
  CHECK(a != b);
  CHECK(read_json(dir.file("c.json"))["respondent"]["id"] == "r-042");
}

TEST_CASE("survey piped: two surveys of the same person are one duplicate for assess", "[survey][piped]") {
  TempDir dir;
  auto r = survey_in(dir, {"--department", "sales", "--role", "employee", "--output", "a.json"}, full_tokens());
  REQUIRE(r.exit_code == 0);
  r = survey_in(dir, {"--department", "sales", "--role", "employee", "--output", "b.json"}, full_tokens());
  REQUIRE(r.exit_code == 0);
  // Different runs: different ids, both accepted.
  auto assessed = run_centric({"assess", dir.file("a.json"), dir.file("b.json"), "--format", "json"});
  CHECK(assessed.exit_code == 0);
  // The same file twice: the second is a duplicate.
  assessed = run_centric({"assess", dir.file("a.json"), dir.file("a.json"), "--format", "json"});
  CHECK(assessed.exit_code == 3);
}

TEST_CASE("survey piped: options that come from a resumed file are refused with --resume", "[survey][piped]") {
  TempDir dir;
  REQUIRE(survey_in(dir, {"--department", "sales", "--role", "employee", "--output", "f.json"}, {"4", "q"}).exit_code ==
          0);
  const std::string before = read_text_file(dir.file("f.json"));
  for (const auto& option : std::vector<std::vector<std::string>>{
           {"--department", "it"}, {"--role", "leader"}, {"--respondent", "x"}, {"--output", "g.json"}}) {
    INFO(option[0]);
    const auto r = survey_in(dir, with({"--resume", "f.json"}, option), {"5"});
    CHECK(r.exit_code == 2);
    CHECK(contains(r.err, option[0] + " cannot be used with --resume"));
  }
  CHECK(read_text_file(dir.file("f.json")) == before);
}

TEST_CASE("survey piped: --output naming a directory is refused as a directory", "[survey][piped]") {
  TempDir dir;
  dir.write("sub/keep.txt", "x");
  const auto r = survey_in(dir, {"--department", "sales", "--role", "employee", "--output", "sub"}, {"4"});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "sub: is a directory"));
  CHECK_FALSE(contains(r.err, "--resume"));
}

TEST_CASE("survey piped: letters are taken in either case, as on a terminal", "[survey][piped]") {
  TempDir dir;
  const auto r = survey_in(dir, {"--department", "sales", "--role", "employee", "--output", "f.json"},
                           {"4", "B", "S", "N", "D", "Q"});
  CHECK(r.exit_code == 0);
  const json f = read_json(dir.file("f.json"));
  const auto ids = question_ids();
  CHECK(f["answers"][ids[0]] == 4);
  CHECK(f["answers"][ids[1]] == "na");
  CHECK(f["answers"][ids[2]] == "dk");
  CHECK(f["answers"].size() == 3);
}

// ---------------------------------------------------------------------------------------
// The survey in the respondent's language: its words from the catalogue, its keys the same

namespace {

// The CLDR plural category of `n` ("one", "few", "many", "other"), written out here rather
// than taken from the program, so that the program's rules are checked too.
std::string plural_category(const std::string& language, long long n) {
  const long long last = n % 10;
  const long long last_two = n % 100;
  const bool few = last >= 2 && last <= 4 && !(last_two >= 12 && last_two <= 14);
  if (language == "pl") return n == 1 ? "one" : few ? "few" : "many";
  if (language == "ru") return last == 1 && last_two != 11 ? "one" : few ? "few" : "many";
  return n == 1 ? "one" : "other";
}

// The text of `key` in messages/LANGUAGE/FILE.json, in the plural form `category` ("" for a
// text without forms); the English text where the language's catalogue lacks it, as the
// program falls back.
std::string catalogue_text(const std::string& language, const std::string& key, const std::string& category = "",
                           const std::string& file = "survey") {
  for (const std::string& l : {language, std::string("en")}) {
    const std::string path = source_path("messages/" + l + "/" + file + ".json");
    if (!std::filesystem::exists(path)) continue;
    const json doc = json::parse(read_text_file(path));
    if (!doc["messages"].contains(key)) continue;
    const json& text = doc["messages"][key];
    if (text.is_string()) return text.get<std::string>();
    const std::string wanted = l == language ? category : category == "one" ? "one" : "other";
    for (const std::string& form : {wanted, std::string("other"), std::string("many")})
      if (text.contains(form)) return text[form].get<std::string>();
  }
  FAIL("no catalogue has " << key);
  return {};
}

template <typename... Args>
std::string said(const std::string& language, const std::string& key, const Args&... args) {
  return fmt::format(fmt::runtime(catalogue_text(language, key)), args...);
}

template <typename... Args>
std::string said_plural(const std::string& language, const std::string& key, long long n, const Args&... args) {
  return fmt::format(fmt::runtime(catalogue_text(language, key, plural_category(language, n))), fmt::arg("n", n),
                     args...);
}

// Words separated by single spaces, whatever the whitespace was: the survey wraps its text.
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

bool shows(const std::string& output, const std::string& text) {
  return contains(normalized(output), normalized(text));
}

std::string in_language(const json& localized, const std::string& language) {
  if (localized.is_string()) return localized.get<std::string>();
  return (localized.contains(language) ? localized.at(language) : localized.at("en")).get<std::string>();
}

// A score as the survey shows it: one decimal, the language's decimal separator.
std::string shown_score(const std::string& language, double score) {
  std::string text = fmt::format("{:.1f}", score);
  text.replace(text.find('.'), 1, catalogue_text(language, "number.decimal_separator", "", "common"));
  return text;
}

}  // namespace

TEST_CASE("survey piped: prompts, keys, messages and the Saved line come from the language's catalogue",
          "[survey][piped][languages]") {
  const std::string language = GENERATE(as<std::string>{}, "en", "pl", "ru", "hu");
  INFO("language " << language);
  TempDir dir;
  // A role typed wrong, an answer off the scale, b on the first question, an answer, b back
  // to it, q: the keys and the words typed are the same in every language.
  const auto r = survey_in(dir, {"--lang", language, "--output", "a.json"},
                           {department_number("sales"), "x", "e", "9", "yes", "b", "4", "b", "q"});
  INFO("stdout:\n" << r.out << "\nstderr:\n" << r.err);
  REQUIRE(r.exit_code == 0);
  const json a = read_json(dir.file("a.json"));
  CHECK(a["respondent"]["department"] == "sales");
  CHECK(a["respondent"]["role"] == "employee");
  CHECK(a["answers"] == expected_answers({"4"}));

  const auto l = language;
  CHECK(shows(r.out, in_language(printed_questionnaire()["title"], l)));
  CHECK(shows(r.out, said(l, "survey.department.question")));
  CHECK(shows(r.out, said(l, "survey.department.other")));
  CHECK(shows(r.out, said(l, "survey.department.prompt")));
  CHECK(shows(r.out, said(l, "survey.role.question", fmt::arg("leader_number", 1), fmt::arg("leader_letter", "l"),
                          fmt::arg("employee_number", 2), fmt::arg("employee_letter", "e"))));
  CHECK(shows(r.out, said(l, "survey.role.prompt_words", fmt::arg("leader_word", "leader"),
                          fmt::arg("employee_word", "employee"))));
  CHECK(shows(r.out, said(l, "survey.role.invalid", fmt::arg("leader_letter", "l"), fmt::arg("employee_letter", "e"))));
  CHECK(shows(r.out, said(l, "survey.intro.saved_after_every_question", fmt::arg("file", "a.json"))));
  CHECK(shows(r.out, said(l, "survey.keys.answer", fmt::arg("first", 1), fmt::arg("last", 5))));
  CHECK(shows(r.out, said(l, "survey.keys.not_applicable", fmt::arg("key", "n"))));
  CHECK(shows(r.out, said(l, "survey.keys.back", fmt::arg("key", "b"))));
  CHECK(shows(r.out, said(l, "survey.keys.skip", fmt::arg("key", "s"))));
  CHECK(shows(r.out, said(l, "survey.keys.help", fmt::arg("key", "?"))));
  CHECK(shows(r.out, said(l, "survey.keys.save_and_quit", fmt::arg("key", "q"))));
  CHECK(shows(r.out, "n " + said(l, "survey.scale.not_applicable")));
  CHECK(shows(r.out, said(l, "survey.keys.dont_know", fmt::arg("key", "d"))));
  CHECK(shows(r.out, "d " + said(l, "survey.scale.dont_know")));
  CHECK(shows(r.out, said(l, "survey.invalid.out_of_range", fmt::arg("min", 1), fmt::arg("max", 5))));
  CHECK(shows(r.out, said(l, "survey.invalid.first_question")));
  const std::string tokens = fmt::format(
      "{}, {}, {}, {}, {}, {}, {}", said(l, "survey.tokens.answer", fmt::arg("first", 1), fmt::arg("last", 5)),
      said(l, "survey.tokens.not_applicable", fmt::arg("token", "n")),
      said(l, "survey.tokens.dont_know", fmt::arg("token", "d")), said(l, "survey.tokens.back", fmt::arg("token", "b")),
      said(l, "survey.tokens.skip", fmt::arg("token", "s")), said(l, "survey.tokens.help", fmt::arg("token", "?")),
      said(l, "survey.tokens.save_and_quit", fmt::arg("token", "q")));
  CHECK(shows(r.out, said(l, "survey.invalid.not_a_token", fmt::arg("typed", "yes"), fmt::arg("tokens", tokens),
                          fmt::arg("empty_line", said(l, "survey.tokens.empty_line_skips")))));
  CHECK(shows(r.out, said(l, "survey.answer.yours", fmt::arg("answer", 4))));
  // The count that picks the form is the total: the noun, where there is one, follows it.
  const auto total = static_cast<long long>(question_count());
  CHECK(has_line_starting_with(
      r.err, said_plural(l, "survey.saved.resume_with", total, fmt::arg("answered", 1), fmt::arg("total", total),
                         fmt::arg("file", "a.json"), fmt::arg("command", "centric survey --resume a.json"))));
}

TEST_CASE("survey piped: the resume note and the result come from the language's catalogue",
          "[survey][piped][languages]") {
  const std::string language = GENERATE(as<std::string>{}, "en", "pl", "ru", "hu");
  INFO("language " << language);
  const auto l = language;
  TempDir dir;
  auto r = survey_in(dir, {"--department", "sales", "--role", "leader", "--output", "a.json"}, {"na", "q"});
  REQUIRE(r.exit_code == 0);
  // Low answers, so that the result has recommendations.
  r = survey_in(dir, {"--lang", language, "--resume", "a.json"},
                std::vector<std::string>(question_count("leader") - 1, "2"));
  INFO("stdout:\n" << r.out << "\nstderr:\n" << r.err);
  REQUIRE(r.exit_code == 0);
  const auto total = static_cast<long long>(question_count("leader"));
  CHECK(has_line_starting_with(r.out, said_plural(l, "survey.resumed.answered_of_total", total, fmt::arg("answered", 1),
                                                  fmt::arg("total", total))));
  CHECK(shows(r.out, said(l, "result.heading.your_result")));
  CHECK(shows(r.out, said(l, "result.heading.work_on_first")));
  CHECK(shows(r.out, said(l, "survey.finished.thank_you", fmt::arg("file", "a.json"))));

  const auto assessed = run_centric({"assess", dir.file("a.json"), "--format", "json", "--min-group", "1"});
  REQUIRE(assessed.exit_code == 0);
  const json report = parse_report(assessed.out);
  const json& levels = printed_questionnaire()["levels"];
  const auto level_label = [&](const json& scored) {
    const int number = scored["level"].get<int>();
    for (const auto& level : levels)
      if (level["level"] == number)
        return fmt::format(fmt::runtime(catalogue_text(l, "level.label", "", "common")), fmt::arg("number", number),
                           fmt::arg("name", in_language(level["name"], l)));
    FAIL("no level " << number);
    return std::string();
  };
  const json& overall = report["organisation"]["overall"];
  CHECK(has_line_starting_with(
      r.out, said(l, "result.overall.score", fmt::arg("score", shown_score(l, overall["score"].get<double>())),
                  fmt::arg("level", level_label(overall)))));
  const auto shown = split_lines(r.out);
  for (const auto& d : printed_questionnaire()["dimensions"]) {
    const json& scored = report["organisation"]["dimensions"][d["id"].get<std::string>()];
    INFO("dimension " << d["id"]);
    REQUIRE(scored["score"].is_number());
    const std::string score = shown_score(l, scored["score"].get<double>());
    CHECK(std::any_of(shown.begin(), shown.end(), [&](const std::string& line) {
      return starts_with(line, in_language(d["name"], l).substr(0, 10)) && contains(line, score) &&
             contains(line, level_label(scored));
    }));
  }
}

TEST_CASE("survey piped: a result without scores says so in the language's words", "[survey][piped][languages]") {
  const std::string language = GENERATE(as<std::string>{}, "en", "pl", "ru", "hu");
  INFO("language " << language);
  TempDir dir;
  const auto r =
      survey_in(dir, {"--lang", language, "--department", "sales", "--role", "employee", "--output", "a.json"},
                std::vector<std::string>(question_count(), ""));
  INFO("stdout:\n" << r.out);
  REQUIRE(r.exit_code == 0);
  CHECK(has_line_starting_with(r.out, said(language, "result.overall.no_score")));
  const auto shown = split_lines(r.out);
  for (const auto& d : printed_questionnaire()["dimensions"]) {
    const std::string name = in_language(d["name"], language).substr(0, 10);
    INFO("dimension " << name);
    CHECK(std::any_of(shown.begin(), shown.end(), [&](const std::string& line) {
      return starts_with(line, name) && contains(line, said(language, "result.dimension.no_score"));
    }));
  }
}
