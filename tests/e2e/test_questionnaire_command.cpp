// `centric questionnaire` as a user sees it: the questionnaire as readable text, or the
// JSON file itself (the starting point for a custom questionnaire).
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "e2e/e2e_common.hpp"
#include "support/process.hpp"

using namespace centric::test;
using nlohmann::json;

TEST_CASE("questionnaire: the text names all six dimensions and marks reverse items with (R)", "[questionnaire]") {
  const auto r = run_centric({"questionnaire"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  const json q = builtin_questionnaire();
  REQUIRE(q["dimensions"].size() == 6);
  for (const auto& d : q["dimensions"]) {
    INFO("dimension " << d["id"]);
    CHECK(contains(r.out, d["name"]["en"].get<std::string>()));
  }

  // Each question's text ends just before its "id: ..." line; "(R)" closes the text of
  // reverse items and of no other.
  const auto lines = split_lines(r.out);
  int reverse = 0;
  for (const auto& d : q["dimensions"]) {
    for (const auto& question : d["questions"]) {
      const std::string id = question["id"].get<std::string>();
      INFO("question " << id);
      const auto at = std::find_if(lines.begin(), lines.end(), [&](const std::string& l) {
        const auto start = l.find_first_not_of(' ');
        return start != std::string::npos && l.substr(start) == "id: " + id;
      });
      REQUIRE(at != lines.end());
      REQUIRE(at != lines.begin());
      const bool is_reverse = question.value("reverse", false);
      reverse += is_reverse ? 1 : 0;
      const std::string& text_end = *(at - 1);
      CHECK((text_end.size() >= 3 && text_end.substr(text_end.size() - 3) == "(R)") == is_reverse);
    }
  }
  CHECK(reverse > 0);
  CHECK(contains(r.out, "(R) = "));  // the marker is explained
}

TEST_CASE("questionnaire: the text fits 80 columns and has no colour codes in a pipe", "[questionnaire]") {
  const auto r = run_centric({"questionnaire"});
  REQUIRE(r.exit_code == 0);
  for (const auto& line : split_lines(r.out)) {
    INFO(line);
    CHECK(code_points(line) <= 80);
  }
  CHECK_FALSE(has_escape_codes(r.out));
  ProcessOptions no_color;
  no_color.env["NO_COLOR"] = "1";
  CHECK_FALSE(has_escape_codes(run_centric({"questionnaire"}, no_color).out));
  CHECK_FALSE(has_escape_codes(run_centric({"questionnaire", "--no-color"}).out));
}

TEST_CASE("questionnaire: on a terminal --no-color and NO_COLOR turn colour off", "[questionnaire][terminal]") {
  const auto coloured = run_centric_on_terminal({"questionnaire"}, {});
  REQUIRE(coloured.exit_code == 0);
  CHECK(has_escape_codes(coloured.out));
  const auto flag = run_centric_on_terminal({"questionnaire", "--no-color"}, {});
  REQUIRE(flag.exit_code == 0);
  CHECK_FALSE(has_escape_codes(flag.out));
  const auto env = run_centric_on_terminal({"questionnaire"}, {{"NO_COLOR", "1"}});
  REQUIRE(env.exit_code == 0);
  CHECK_FALSE(has_escape_codes(env.out));
}

TEST_CASE("questionnaire --json prints the bundled questionnaire byte for byte", "[questionnaire]") {
  const auto r = run_centric({"questionnaire", "--json"});
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK_FALSE(json::parse(r.out, nullptr, false).is_discarded());
  CHECK(r.out == read_text_file(source_path("questionnaires/customer-centricity.json")));
}

TEST_CASE("questionnaire --questionnaire FILE shows that file", "[questionnaire]") {
  TempDir dir;
  json q = builtin_questionnaire();
  q["id"] = "our-own";
  q.erase("languages");  // a plain-string title below claims no other language
  q["title"] = "Our own survey";
  q["dimensions"][0]["name"] = "Customer culture";
  const std::string text = q.dump(1);  // no final newline: --json adds one
  dir.write("q.json", text);
  ProcessOptions options;
  options.working_directory = dir.path();

  const auto shown = run_centric({"questionnaire", "--questionnaire", "q.json"}, options);
  REQUIRE(shown.exit_code == 0);
  CHECK(contains(shown.out, "Our own survey"));
  CHECK(contains(shown.out, "Customer culture"));
  CHECK_FALSE(contains(shown.out, "Customer-centricity self-assessment"));

  const auto raw = run_centric({"questionnaire", "-q", "q.json", "--json"}, options);
  REQUIRE(raw.exit_code == 0);
  CHECK(raw.out == text + "\n");
}

TEST_CASE("questionnaire --questionnaire with an invalid file: exit 1 and the JSON path on stderr", "[questionnaire]") {
  TempDir dir;
  json q = builtin_questionnaire();
  q["dimensions"][0]["questions"][0]["weight"] = -1;
  q["scale"]["max"] = 20;  // 20 points: more than 11
  dir.write("q.json", q.dump(2));
  ProcessOptions options;
  options.working_directory = dir.path();
  for (const auto& args : {std::vector<std::string>{"questionnaire", "-q", "q.json"},
                           std::vector<std::string>{"questionnaire", "-q", "q.json", "--json"}}) {
    const auto r = run_centric(args, options);
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
    CHECK(has_line_starting_with(r.err, "centric: error: q.json: dimensions[0].questions[0].weight: "));
    CHECK(has_line_starting_with(r.err, "centric: error: q.json: scale"));
  }
}

TEST_CASE("questionnaire: usage errors exit 2", "[questionnaire][usage]") {
  const auto r = run_centric({"questionnaire", "--format", "json"});
  CHECK(r.exit_code == 2);
  CHECK(starts_with(r.err, "centric: error:"));
  CHECK(r.out.empty());
}
