// How a form tool's table becomes answer sets (import.md §2-§4): header layouts, columns
// recognised, cells read, mapping files checked.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "centric/mapping.hpp"
#include "centric/questionnaire_io.hpp"
#include "io/table_mapping.hpp"

using namespace centric;

namespace {

const Questionnaire& questionnaire() {
  static const Questionnaire q = *load_default_questionnaire().questionnaire;
  return q;
}

const Question& question(std::size_t flat) {
  for (const auto& d : questionnaire().dimensions) {
    if (flat < d.questions.size()) return d.questions[flat];
    flat -= d.questions.size();
  }
  FAIL("no such question");
  throw;
}

TableRow row(std::uint32_t number, std::vector<std::string> cells) {
  TableRow r;
  r.number = number;
  r.cells = std::move(cells);
  return r;
}

std::shared_ptr<const TableMapping> plan(const std::vector<std::string>& names, const MappingFile* mapping = nullptr) {
  HeaderLayout layout;
  layout.names = names;
  auto planned = TableMapping::plan(questionnaire(), mapping, layout, false);
  if (auto* problems = std::get_if<std::vector<std::string>>(&planned)) {
    for (const auto& p : *problems) UNSCOPED_INFO(p);
    FAIL("the columns could not be planned");
  }
  return std::get<std::shared_ptr<const TableMapping>>(planned);
}

std::vector<std::string> plan_problems(const std::vector<std::string>& names) {
  HeaderLayout layout;
  layout.names = names;
  auto planned = TableMapping::plan(questionnaire(), nullptr, layout, false);
  auto* problems = std::get_if<std::vector<std::string>>(&planned);
  REQUIRE(problems != nullptr);
  return *problems;
}

std::string target(const TableMapping& mapping, std::size_t column) {
  const auto& c = mapping.columns().at(column);
  return c.use == ColumnUse::unused ? std::string("-") : column_target_name(c.use, c.question, questionnaire());
}

MappingFile mapping_of(const std::string& text) {
  MappingLoad load = read_mapping(text, "m.json", questionnaire());
  for (const auto& d : load.diagnostics) UNSCOPED_INFO(d.path << ": " << d.message);
  REQUIRE(load.mapping);
  return *load.mapping;
}

}  // namespace

TEST_CASE("the header is row 1, Qualtrics' rows 1-3, SurveyMonkey's rows 1-2, or what the mapping says") {
  SECTION("plain") {
    const auto layout = header_layout({row(1, {"Timestamp", "Dept"}), row(2, {"x", "y"})}, std::nullopt);
    CHECK(layout.rows == 1);
    CHECK(layout.names == std::vector<std::string>{"Timestamp", "Dept"});
    CHECK(layout.recognised.empty());
  }
  SECTION("Qualtrics: row 3 holds ImportIds, row 2 the question texts") {
    const auto layout = header_layout({row(1, {"ResponseId", "Q1_1", "Q2"}), row(2, {"Response ID", "Grid - Row", ""}),
                                       row(3, {"{\"ImportId\":\"_recordId\"}", "{\"ImportId\":\"QID1_1\"}", "{}"})},
                                      std::nullopt);
    CHECK(layout.rows == 3);
    CHECK(layout.recognised == "Qualtrics");
    CHECK(layout.names == std::vector<std::string>{"Response ID", "Grid - Row", "Q2"});
  }
  SECTION("SurveyMonkey: a grid's title once in row 1, its rows in row 2") {
    const auto layout = header_layout(
        {row(1, {"Respondent ID", "Which team?", "How far do you agree?", "", "Comments"}),
         row(2, {"", "Response", "Values are written down", "Leaders act on them", "Open-Ended Response"}),
         row(3, {"11", "Sales", "4", "5", "none"})},
        std::nullopt);
    CHECK(layout.rows == 2);
    CHECK(layout.recognised == "SurveyMonkey");
    CHECK(layout.names == std::vector<std::string>{"Respondent ID", "Which team?", "Values are written down",
                                                   "Leaders act on them", "Comments"});
  }
  SECTION("the mapping's header_rows wins over what rows 2 and 3 look like") {
    const auto layout = header_layout({row(1, {"A", "B"}), row(2, {"", "Response"})}, 1);
    CHECK(layout.rows == 1);
    CHECK(layout.names == std::vector<std::string>{"A", "B"});
  }
}

TEST_CASE("question columns are found by id, text in any language, number label and grid row") {
  const Question& first = question(0);
  const Question& second = question(1);
  const Question& third = question(2);
  const Question& fourth = question(3);
  const Question& fifth = question(4);
  const auto mapping = plan({
      "Sygnatura czasowa",                                   // A: the time, in Polish
      first.id,                                              // B
      "  " + second.text.in("pl", "en") + " *",              // C: Polish text, spaces and a star
      "Q12 - " + third.text.in("ru", "en"),                  // D: a number label
      "Agree or not? [" + fourth.text.in("hu", "en") + "]",  // E: a Google Forms grid
      "Statements - " + fifth.text.in("en", "en"),           // F: a Qualtrics grid
      "E-mail",                                              // G
      "W jakim dziale Pan/Pani pracuje?",                    // H: holds "dział"
      "Rola",                                                // I
      "Response ID",                                         // J
      "ID",                                                  // K: "response id" comes first
  });
  CHECK(target(*mapping, 0) == "@submitted_at");
  CHECK(target(*mapping, 1) == first.id);
  CHECK(target(*mapping, 2) == second.id);
  CHECK(mapping->columns()[2].why == "question text (pl)");
  CHECK(target(*mapping, 3) == third.id);
  CHECK(mapping->columns()[3].why == "question text (ru), after the number label");
  CHECK(target(*mapping, 4) == fourth.id);
  CHECK(target(*mapping, 5) == fifth.id);
  CHECK(target(*mapping, 6) == "-");
  CHECK(target(*mapping, 7) == "@department");
  CHECK(target(*mapping, 8) == "@role");
  CHECK(target(*mapping, 9) == "@id");
  CHECK(target(*mapping, 10) == "-");
}

TEST_CASE("LimeSurvey's full-text headings: \"Date submitted\" is the time, \"Response ID\" the id") {
  const auto mapping = plan({"Response ID", "Date submitted", "Last page", "Start language", "Date started",
                             "Date last action", "IP address", "Department", question(0).id});
  CHECK(target(*mapping, 0) == "@id");
  CHECK(target(*mapping, 1) == "@submitted_at");
  for (std::size_t c = 2; c <= 6; ++c) CHECK(target(*mapping, c) == "-");
  CHECK(target(*mapping, 7) == "@department");
}

TEST_CASE("a file whose columns cannot be told apart is rejected whole, naming the columns") {
  const Question& first = question(0);
  SECTION("two columns for one question") {
    const auto problems = plan_problems({"Department", first.id, first.text.in("pl", "en")});
    REQUIRE(problems.size() == 1);
    CHECK_THAT(problems[0], Catch::Contains("column B") && Catch::Contains("column C") && Catch::Contains(first.id));
  }
  SECTION("no question") {
    const auto problems = plan_problems({"Department", "Name", "E-mail"});
    REQUIRE(problems.size() == 1);
    CHECK_THAT(problems[0], Catch::Contains("no column is a question"));
  }
  SECTION("no department") {
    const auto problems = plan_problems({"Name", first.id});
    REQUIRE(problems.size() == 1);
    CHECK_THAT(problems[0], Catch::Contains("no column holds the department"));
  }
  SECTION("two columns that could each be the department") {
    const auto problems = plan_problems({"Team lead's name", "Which team are you in?", first.id});
    REQUIRE(problems.size() == 1);
    CHECK_THAT(problems[0], Catch::Contains("column A") && Catch::Contains("column B"));
  }
}

TEST_CASE("answer cells: numbers, numbered labels, labels in any language, n/a words") {
  const auto mapping = plan({"Department", question(0).id});
  const auto value_of = [&](const std::string& cell) {
    const AnswerCell read = mapping->read_answer(cell);
    INFO(cell << " -> " << read.why);
    REQUIRE(read.kind == AnswerCell::Kind::value);
    return read.value.kind == AnswerValue::Kind::not_applicable ? -1 : read.value.value;
  };
  CHECK(value_of("4") == 4);
  CHECK(value_of(" +4 ") == 4);
  CHECK(value_of("4.0") == 4);
  CHECK(value_of("5 - Strongly agree") == 5);
  CHECK(value_of("2) Disagree") == 2);
  CHECK(value_of("Agree") == 4);
  CHECK(value_of("  strongly   AGREE ") == 5);
  CHECK(value_of("Zgadzam się") == 4);
  // The Russian labels are written for both genders ("Полностью не согласен(-на)"); a
  // form's options may hold either spelling, or the label as written.
  CHECK(value_of("Полностью не согласен(-на)") == 1);
  CHECK(value_of("Полностью не согласен") == 1);
  CHECK(value_of("Полностью не согласна") == 1);
  CHECK(value_of("Согласна") == 4);
  CHECK(value_of("Не согласна") == 2);
  CHECK(value_of("Ни то ни другое") == 3);
  CHECK(value_of("Egyetértek") == 4);
  CHECK(value_of("N/A") == -1);
  CHECK(value_of("nie dotyczy") == -1);
  CHECK(value_of("Nem értelmezhető") == -1);
  CHECK(value_of("Nem vonatkozik rám") == -1);
  CHECK(mapping->read_answer("").kind == AnswerCell::Kind::skipped);
  CHECK(mapping->read_answer("   ").kind == AnswerCell::Kind::skipped);

  const AnswerCell off = mapping->read_answer("7");
  CHECK(off.kind == AnswerCell::Kind::bad);
  CHECK_THAT(off.why, Catch::Contains("outside the scale 1..5"));
  const AnswerCell typo = mapping->read_answer("Agre");
  CHECK(typo.kind == AnswerCell::Kind::bad);
  // The label as the questionnaire writes it, not normalised.
  CHECK_THAT(typo.why, Catch::Contains("did you mean \"Agree\" (4)?"));
  CHECK(mapping->read_answer("4.5").kind == AnswerCell::Kind::bad);
  CHECK(mapping->read_answer("\xff").why == "is not valid UTF-8 text");
}

TEST_CASE("the mapping's columns, labels, departments and roles win over what is inferred") {
  const MappingFile file = mapping_of(R"({"format": "centric-mapping/1",
    "columns": {"Which store?": "@department", "Q1": ")" +
                                      question(1).id + R"(", "Comments": null,
                ")" + question(0).id + R"(": null},
    "values": {"Agree": 5, "Don't know": "na", "1": 2},
    "departments": {"Web shop": "online", "Logistics & Warehouse": "Logistyka i magazyn"},
    "roles": {"Yes": "leader", "No": "employee"}})");
  const auto mapping = plan({"Which store?", "q1", "Comments", question(0).id, "Do you manage people?"}, &file);
  CHECK(target(*mapping, 0) == "@department");
  CHECK(target(*mapping, 1) == question(1).id);
  CHECK(target(*mapping, 2) == "-");
  CHECK(target(*mapping, 3) == "-");  // null: not used, though it is a question id
  CHECK(mapping->read_answer("agree").value.value == 5);
  CHECK(mapping->read_answer("1").value.value == 2);
  CHECK(mapping->read_answer("Don't know").value.kind == AnswerValue::Kind::not_applicable);
  CHECK(mapping->read_answer("Strongly agree").value.value == 5);  // the scale still counts
  CHECK(mapping->read_department(" web SHOP") == "online");
  CHECK(mapping->read_department("logistics & warehouse") == "logistics");  // a listed name, in Polish
  CHECK(mapping->read_role("yes") == Role::leader);
}

TEST_CASE("departments are listed ids when they name one in any language, roles are words in four languages") {
  const auto mapping = plan({"Department", question(0).id});
  CHECK(mapping->read_department("Продажи") == "sales");
  CHECK(mapping->read_department("  LOGISTICS &  warehouse ") == "logistics");
  CHECK(mapping->read_department("Ügyfélszolgálat") == "customer-service");
  CHECK(mapping->read_department(" Web shop ") == "Web shop");
  CHECK(mapping->read_department("  ").empty());
  CHECK(mapping->read_role("Kierownik") == Role::leader);
  CHECK(mapping->read_role("руководитель") == Role::leader);
  CHECK(mapping->read_role("Beosztott") == Role::employee);
  CHECK(mapping->read_role("") == Role::none);
  CHECK_FALSE(mapping->read_role("manager").has_value());
}

TEST_CASE("submitted times become ISO 8601 when they are unambiguous date-times") {
  const auto csv = plan({"Department", question(0).id});
  CHECK(csv->read_submitted_at("2026-11-20 10:15:00", false) == "2026-11-20T10:15:00");
  CHECK(csv->read_submitted_at("2026-11-20T10:15:00Z", false) == "2026-11-20T10:15:00Z");
  CHECK(csv->read_submitted_at("2026/11/20 10:15:00 pm GMT+1", false) == "2026-11-20T22:15:00+01:00");
  CHECK(csv->read_submitted_at("20.11.2026 10:15:07", false) == "2026-11-20T10:15:07");
  CHECK(csv->read_submitted_at("2026. 11. 20. 10:15:00", false) == "2026-11-20T10:15:00");
  CHECK(csv->read_submitted_at("11/20/2026 12:05:00 AM", false) == "2026-11-20T00:05:00");
  CHECK(csv->read_submitted_at("20/11/2026 10:15", false) == "2026-11-20T10:15:00");
  // May or November: left as written, never guessed.
  CHECK(csv->read_submitted_at("05/11/2026 10:15", false) == "05/11/2026 10:15");
  CHECK(csv->read_submitted_at("2026-02-30 10:15:00", false) == "2026-02-30 10:15:00");
  CHECK(csv->read_submitted_at("yesterday", false) == "yesterday");

  HeaderLayout layout;
  layout.names = {"Department", question(0).id};
  const auto xlsx =
      std::get<std::shared_ptr<const TableMapping>>(TableMapping::plan(questionnaire(), nullptr, layout, true));
  // 46346.5 days after 1899-12-30 (Excel's 1900 system), as Python's datetime counts them.
  CHECK(xlsx->read_submitted_at("46346.5", true) == "2026-11-20T12:00:00");
  CHECK(xlsx->read_submitted_at("46346.5", false) == "46346.5");
}

TEST_CASE("a row becomes an answer set, or is rejected naming its row and column") {
  const auto mapping = plan({"Name", "Department", "Role", question(0).id, question(1).id});
  TableRowScratch scratch;
  AnswerSet set;
  std::vector<Diagnostic> problems;
  const auto convert = [&](std::vector<std::string_view> cells) {
    problems.clear();
    return mapping->convert(cells, nullptr, set, problems, "export.csv", 7, scratch);
  };
  REQUIRE(convert({"Ann", "Sprzedaż", "Pracownik", "4", "n/a"}));
  CHECK(set.respondent.department == "sales");
  CHECK(set.respondent.role == Role::employee);
  CHECK(set.answers[0].value == 4);
  CHECK(set.answers[1].kind == AnswerValue::Kind::not_applicable);
  CHECK(set.answers[2].kind == AnswerValue::Kind::absent);
  CHECK(set.questionnaire_id == questionnaire().id);

  REQUIRE_FALSE(convert({"Ann", "", "boss", "Agre", "2"}));
  REQUIRE(problems.size() == 3);
  CHECK(problems[0].source == "export.csv:7");
  CHECK(problems[0].path == "column C \"Role\"");
  CHECK_THAT(problems[1].message, Catch::Contains("\"Agre\"") && Catch::Contains(question(0).id));
  CHECK(problems[2].path == "column B \"Department\"");

  // A column that is not used may hold personal data: its value is never quoted.
  REQUIRE_FALSE(convert({"J\xf6rg", "Sales", "", "4", "4"}));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].path == "column A \"Name\"");
  CHECK(problems[0].message.find("J") == std::string::npos);

  // A department that is not UTF-8 is said once: it is not also "empty".
  REQUIRE_FALSE(convert({"Ann",
                         "Gesch\xe4"
                         "ftsf\xfc"
                         "hrung",
                         "", "4", "4"}));
  REQUIRE(problems.size() == 1);
  CHECK(problems[0].path == "column B \"Department\"");
  CHECK_THAT(problems[0].message, Catch::StartsWith("is not valid UTF-8 text"));
}

TEST_CASE("a mapping file is checked against the questionnaire, every mistake with its path") {
  MappingLoad load = read_mapping(R"({"format": "centric-mapping/1", "header_rows": 0, "colums": {},
      "columns": {"A": "@departmen", "B": "culture.values-knwn", "C": 3},
      "values": {"Agree": 9, "agree ": 4, "x": "maybe"}, "roles": {"Yes": "boss"}, "departments": {"a": ""}})",
                                  "m.json", questionnaire());
  CHECK_FALSE(load.mapping);
  std::vector<std::string> paths;
  for (const auto& d : load.diagnostics) paths.push_back(d.path + ": " + d.message);
  const auto has = [&](const std::string& text) {
    return std::any_of(paths.begin(), paths.end(),
                       [&](const std::string& p) { return p.find(text) != std::string::npos; });
  };
  INFO(Catch::Detail::stringify(paths));
  CHECK(has("header_rows: must be between 1 and 10"));
  CHECK(has("colums: unknown key \"colums\"; did you mean \"columns\"?"));
  CHECK(has("columns.A: \"@departmen\" is not one of"));
  CHECK(has("did you mean \"culture.values-known\"?"));
  CHECK(has("columns.C: must be a question id"));
  CHECK(has("values.Agree: 9 is outside the scale 1..5"));
  CHECK(has("is \"Agree\" again"));
  CHECK(has("values.x: must be a whole number in 1..5, \"na\" or \"dk\""));
  CHECK(has("roles.Yes: must be \"leader\" or \"employee\""));
  CHECK(has("departments.a: must be a department"));
}

TEST_CASE("a written mapping reads back as the same mapping") {
  const MappingFile file = mapping_of(R"({"format": "centric-mapping/1", "header_rows": 2,
    "columns": {"Which store?": "@department", "Q1": ")" +
                                      question(1).id + R"(", "Comments": null},
    "values": {"Agree": 5, "Don't know": "na"}, "departments": {"Web shop": "online"}, "roles": {"Yes": "leader"}})");
  const MappingFile again = mapping_of(write_mapping(file, questionnaire()));
  CHECK(again.header_rows == 2);
  REQUIRE(again.columns.size() == 3);
  REQUIRE(again.values.size() == 2);
  CHECK(again.departments == file.departments);
  CHECK(again.roles == file.roles);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(again.columns[i].header == file.columns[i].header);
    CHECK(again.columns[i].use == file.columns[i].use);
    CHECK(again.columns[i].question == file.columns[i].question);
  }
}

TEST_CASE("a header a few letters from a question's text is named, when no column answers that question") {
  std::string typo = question(0).text.in("en", "en");
  const auto at = typo.find("values");
  REQUIRE(at != std::string::npos);
  typo.replace(at, 6, "valeus");
  std::string other = question(1).text.in("en", "en");
  other[other.size() / 2] = '#';
  const auto mapping = plan({"Department", typo, question(1).id, other, "Name"});
  REQUIRE(mapping->near_misses().size() == 1);
  CHECK(mapping->near_misses()[0] == std::pair<std::size_t, std::size_t>{1, 0});
  CHECK(mapping->columns()[1].use == ColumnUse::unused);
  CHECK(mapping->columns()[1].why == "not used, but close to the text of " + question(0).id);
  // Question 1 has its column (by id): a header close to its text is only not used.
  CHECK(mapping->columns()[3].why == "not used");
  CHECK(mapping->columns()[4].why == "not used");
}
