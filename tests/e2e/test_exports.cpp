// Form-tool exports through the real binary (docs/import.md): what a consultant sees of
// department spellings, mapping files and the import command's refusals. The five tools'
// exports themselves are checked by tests/exports/check_exports.py.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "e2e/e2e_common.hpp"
#include "support/process.hpp"

using namespace centric::test;
using nlohmann::json;

namespace {

// A CSV export: a header of department, role and two question ids, then rows.
std::string export_csv(const std::vector<std::string>& departments) {
  std::string csv = "Team,Role,culture.values-known,leadership.head-sets-example\n";
  int i = 0;
  for (const auto& d : departments) csv += "\"" + d + "\"," + (i++ % 3 == 0 ? "Leader" : "Employee") + ",4,5\n";
  return csv;
}

std::vector<std::string> repeated(const std::string& value, int times) {
  return std::vector<std::string>(times, value);
}

std::vector<std::string> joined(std::vector<std::vector<std::string>> parts) {
  std::vector<std::string> all;
  for (auto& p : parts) all.insert(all.end(), p.begin(), p.end());
  return all;
}

}  // namespace

TEST_CASE("exports: spellings of one department are one department, announced with file, row and column", "[exports]") {
  TempDir dir;
  // Row 2 starts "Web Shop"; "web shop " (rows 8-9) and "WEB SHOP" (row 10) are the same once
  // normalised; "Web Shop" is seen most often, so it is kept.
  const auto rows = joined({repeated("Web Shop", 6), repeated("web shop ", 2), {"WEB SHOP"}, repeated("Stores", 6)});
  const std::string csv = dir.write("export.csv", export_csv(rows));
  const auto result = run_centric({"assess", csv, "--format", "json"});
  INFO(result.err);
  REQUIRE(result.exit_code == 0);
  const json report = json::parse(result.out);
  std::vector<std::string> ids;
  for (const auto& d : report["departments"]) ids.push_back(d["id"]);
  CHECK(ids == std::vector<std::string>{"Stores", "Web Shop"});
  for (const auto& d : report["departments"])
    if (d["id"] == "Web Shop") CHECK(d["n"] == 9);
  CHECK_THAT(result.err, Catch::Contains(csv +
                                         ":8: column A \"Team\": \"web shop\" (2 rows) is counted as \"Web "
                                         "Shop\" (6 rows, first in " +
                                         csv + ":2)"));
  CHECK_THAT(result.err, Catch::Contains(csv + ":10: column A \"Team\": \"WEB SHOP\" (1 row) is counted as"));
  const auto warnings = report["inputs"]["warnings"].dump();
  CHECK_THAT(warnings, Catch::Contains("is counted as \\\"Web Shop\\\""));

  // The text report says it before anything else.
  const auto text = run_centric({"assess", csv, "--no-color"});
  const auto warning_at = text.out.find("Warning: ");
  REQUIRE(warning_at != std::string::npos);
  CHECK(warning_at < text.out.find("respondents"));

  // import writes the kept spelling, whatever the row said.
  const auto imported = run_centric({"import", csv});
  REQUIRE(imported.exit_code == 0);
  int web_shop = 0;
  for (const auto& line : split_lines(imported.out)) {
    if (line.empty()) continue;
    const auto department = json::parse(line)["respondent"]["department"].get<std::string>();
    CHECK((department == "Web Shop" || department == "Stores"));
    web_shop += department == "Web Shop";
  }
  CHECK(web_shop == 9);
}

TEST_CASE("exports: a spelling close to another department's gets a did-you-mean, naming the column", "[exports]") {
  TempDir dir;
  const auto rows = joined({repeated("Warehouse", 7), {"Warehuose"}, repeated("Stores", 6)});
  const std::string csv = dir.write("export.csv", export_csv(rows));
  const auto result = run_centric({"assess", csv, "--format", "json"});
  REQUIRE(result.exit_code == 0);
  CHECK_THAT(result.err, Catch::Contains(csv + ":9: column A \"Team\":") && Catch::Contains("\"Warehuose\"") &&
                             Catch::Contains("did you mean \"Warehouse\"?"));
}

TEST_CASE("exports: --write-mapping never replaces a file, --mapping and validate read it back", "[exports]") {
  TempDir dir;
  const std::string csv = dir.write("export.csv", export_csv(joined({repeated("Stores", 5)})));
  const std::string mapping = dir.file("mapping.json");
  const auto written = run_centric({"import", csv, "--write-mapping", mapping});
  INFO(written.err);
  REQUIRE(written.exit_code == 0);
  const json doc = json::parse(read_text_file(mapping));
  CHECK(doc["format"] == "centric-mapping/1");
  CHECK(doc["columns"]["Team"] == "@department");
  CHECK(doc["columns"]["Role"] == "@role");
  CHECK(doc["columns"]["culture.values-known"] == "culture.values-known");

  dir.write("mapping.json", "{\"format\": \"centric-mapping/1\", \"x-note\": \"edited by hand\"}\n");
  const auto again = run_centric({"import", csv, "--write-mapping", mapping});
  CHECK(again.exit_code == 1);
  CHECK_THAT(again.err, Catch::Contains("exists already"));
  CHECK_THAT(read_text_file(mapping), Catch::Contains("edited by hand"));

  const auto valid = run_centric({"validate", mapping});
  CHECK(valid.exit_code == 0);
  CHECK_THAT(valid.out, Catch::Contains("ok (mapping for customer-centricity)"));
  dir.write("bad.json", R"({"format": "centric-mapping/1", "columns": {"Team": "@departmen"}})");
  const auto invalid = run_centric({"validate", dir.file("bad.json")});
  CHECK(invalid.exit_code == 1);
  CHECK_THAT(invalid.err, Catch::Contains("columns.Team: \"@departmen\" is not one of") &&
                              Catch::Contains("did you mean \"@department\"?"));
  // A mapping with an error stops assess before anything is read.
  const auto refused = run_centric({"assess", csv, "--mapping", dir.file("bad.json")});
  CHECK(refused.exit_code == 1);
  CHECK(refused.out.empty());
}

TEST_CASE("exports: import takes exports from files, writes atomically, never over an input", "[exports]") {
  TempDir dir;
  const std::string csv = dir.write("export.csv", export_csv(joined({repeated("Stores", 5)})));
  CHECK(run_centric({"import", "-"}).exit_code == 2);
  const std::string answers = dir.write("a.json", answer_set("r1", "Stores").dump());
  const auto json_input = run_centric({"import", answers});
  CHECK(json_input.exit_code == 2);
  CHECK_THAT(json_input.err, Catch::Contains("not a form-tool export"));
  const auto over = run_centric({"import", csv, "-o", csv});
  CHECK(over.exit_code == 1);
  CHECK_THAT(read_text_file(csv), Catch::StartsWith("Team,"));
  const auto out = run_centric({"import", csv, "-o", dir.file("out.jsonl")});
  REQUIRE(out.exit_code == 0);
  CHECK(split_lines(read_text_file(dir.file("out.jsonl"))).size() >= 5);
  for (const auto& name : list_directory(dir.path())) CHECK(name.find(".tmp") == std::string::npos);
}

TEST_CASE("exports: a directory's exports are read with its answer files", "[exports]") {
  TempDir dir;
  dir.write("in/export.csv", export_csv(joined({repeated("Stores", 5)})));
  dir.write("in/more/a.json", answer_set("r1", "Stores").dump());
  dir.write("in/notes.txt", "not read");
  const auto result = run_centric({"assess", dir.file("in"), "--format", "json"});
  REQUIRE(result.exit_code == 0);
  const json report = json::parse(result.out);
  CHECK(report["inputs"]["accepted"] == 6);
}

TEST_CASE("exports: the report is the same, byte for byte, for any number of threads", "[exports]") {
  TempDir dir;
  // Enough rows for many batches, in departments of different sizes.
  std::vector<std::string> rows;
  for (int i = 0; i < 2000; ++i) rows.push_back(i % 7 == 0 ? "Stores" : i % 3 == 0 ? "Web shop" : "Warehouse");
  std::string csv_text =
      "Team,Role,culture.values-known,leadership.head-sets-example,across-departments.shared-goals\n";
  for (std::size_t i = 0; i < rows.size(); ++i)
    csv_text += rows[i] + "," + (i % 5 == 0 ? "Leader" : "Employee") + "," + std::to_string(1 + i % 5) + "," +
                std::to_string(1 + (i * 7) % 5) + "," + (i % 11 == 0 ? "N/A" : std::to_string(1 + (i * 3) % 5)) + "\n";
  const std::string csv = dir.write("export.csv", csv_text);
  const auto one = run_centric({"assess", csv, "--format", "json", "-j", "1"});
  REQUIRE(one.exit_code == 0);
  for (const char* jobs : {"2", "3", "8"}) {
    const auto many = run_centric({"assess", csv, "--format", "json", "-j", jobs});
    CHECK(many.out == one.out);
  }
}

TEST_CASE("exports: validate reads an export as assess does, with its mapping", "[exports]") {
  TempDir dir;
  std::string csv_text = "Which store?,culture.values-known\n";
  for (int i = 0; i < 5; ++i) csv_text += "Stores,Don't know\n";
  const std::string csv = dir.write("export.csv", csv_text);
  const auto without = run_centric({"validate", csv});
  CHECK(without.exit_code == 1);  // no department column
  CHECK_THAT(without.err, Catch::Contains("no column holds the department"));
  dir.write(
      "mapping.json",
      R"({"format": "centric-mapping/1", "columns": {"Which store?": "@department"}, "values": {"Don't know": "na"}})");
  const auto with_mapping = run_centric({"validate", csv, "--mapping", dir.file("mapping.json")});
  INFO(with_mapping.err);
  CHECK(with_mapping.exit_code == 0);
  CHECK_THAT(with_mapping.out, Catch::Contains("export.csv: ok (5 answer sets)"));
}

TEST_CASE("exports: a header with a typo in a question's text is warned about, not dropped silently", "[exports]") {
  TempDir dir;
  const json questionnaire = builtin_questionnaire();
  std::string text = questionnaire["dimensions"][0]["questions"][0]["text"]["en"];
  const std::string id = questionnaire["dimensions"][0]["questions"][0]["id"];
  text.replace(text.find("values"), 6, "valeus");
  std::string csv_text = "Team,\"" + text + "\",leadership.head-sets-example\n";
  for (int i = 0; i < 5; ++i) csv_text += "Stores,4,5\n";
  const std::string csv = dir.write("export.csv", csv_text);
  const auto result = run_centric({"assess", csv, "--format", "json"});
  REQUIRE(result.exit_code == 0);
  CHECK_THAT(result.err, Catch::Contains("centric: warning: " + csv + ": column B \"" + text.substr(0, 20)) &&
                             Catch::Contains("close to the text of the question " + id));
  const json report = json::parse(result.out);
  CHECK_THAT(report["inputs"]["warnings"].dump(), Catch::Contains("close to the text of the question " + id));
}

TEST_CASE("exports: what a review found: quotes, no-break spaces, upper-case names, ids, a mapping without exports",
          "[exports]") {
  TempDir dir;
  // Text after a closing quote rejects that row alone, naming the column by letter and header.
  const std::string quotes =
      dir.write("RESPONSES.CSV",
                "Department,Comment,culture.values-known\nSales,\"quoted\" trailing,4\nSales,b,4\nSales,c,5\n"
                "Sales,\"fine\",2\nSales,\"24\"\" screen\",1\nSales,f,1\n");
  const auto read = run_centric({"assess", quotes, "--format", "json"});
  CHECK(read.exit_code == 3);
  CHECK(json::parse(read.out)["inputs"]["accepted"] == 5);
  CHECK_THAT(read.err, Catch::Contains(quotes + ":2: column B \"Comment\": text after the quote that closes the cell"));

  // A department of no-break spaces is no department.
  const std::string blank = dir.write("blank.csv", "Department,culture.values-known\n\xc2\xa0,4\nSales,3\n");
  const auto blank_run = run_centric({"assess", blank, "--format", "json"});
  CHECK(blank_run.exit_code == 3);
  CHECK_THAT(blank_run.err, Catch::Contains(blank + ":2: column A \"Department\": is empty"));

  // A repeated respondent id names the id column.
  const std::string ids =
      dir.write("ids.csv", "Respondent ID,Department,culture.values-known\nr1,Sales,4\nr1,Sales,5\n");
  const auto ids_run = run_centric({"assess", ids, "--format", "json"});
  CHECK(ids_run.exit_code == 3);
  CHECK_THAT(ids_run.err, Catch::Contains(ids + ":3: column A \"Respondent ID\": duplicate respondent id \"r1\""));

  // A mapping with no export to apply to is a mistake, not silently nothing.
  dir.write("m.json", R"({"format": "centric-mapping/1", "columns": {"Which shop": "@department"}})");
  const auto unused = run_centric(with({"assess"}, with(example_inputs(), {"--mapping", dir.file("m.json")})));
  CHECK(unused.exit_code == 1);
  CHECK_THAT(unused.err, Catch::Contains("no export was read"));
}
