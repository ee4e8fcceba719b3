// The bad-input corpus: tests/data/bad-inputs/ holds one small file per mistake a consultant
// makes with answer files, and docs/bad-inputs.md lists the exact message each one gets.
// Each file is given to `centric assess` together with the example data (which must still be
// scored) and to `centric validate`; both must print exactly the documented lines. Two
// mistakes cannot be committed (a file of several GiB, a symbolic link loop): they are made
// in a temporary directory at run time.
//
// centric runs in the source directory with relative paths, so its messages are the ones a
// user sees after `cd` into a checkout, and the ones the documentation shows.
#include <unistd.h>

#include <fmt/format.h>

#include <algorithm>

#include "e2e/e2e_common.hpp"

using namespace centric::test;

namespace {

const std::string corpus = "tests/data/bad-inputs/";
constexpr int example_sets = 50;  // examples/acme (37 files) and examples/acme-extra.jsonl (13 lines)

// "centric: error: tests/data/bad-inputs/FILE[:LINE:COL]: MESSAGE"
std::string error_line(const std::string& file_and_place, const std::string& message) {
  return "centric: error: " + corpus + file_and_place + ": " + message;
}

std::string rejected_summary(int rejected, int sources) {
  return fmt::format("centric: {} of {} input{} rejected (see above)", rejected, sources, sources == 1 ? "" : "s");
}

ProcessOptions in_directory(const std::string& directory) {
  ProcessOptions options;
  options.working_directory = directory;
  return options;
}

ProcessOptions in_source_directory() { return in_directory(source_path(".")); }

// `centric assess EXAMPLES... FILES... --format json`; the examples by absolute path (they
// get no message), so that this also works from a temporary directory.
ProcessResult assess_with_examples(const std::vector<std::string>& files,
                                   const ProcessOptions& options = in_source_directory()) {
  return run_centric(with(with({"assess"}, example_inputs()), with(files, {"--format", "json"})), options);
}

ProcessResult validate(const std::vector<std::string>& files, const ProcessOptions& options = in_source_directory()) {
  return run_centric(with({"validate"}, files), options);
}

std::vector<std::string> corpus_paths(const std::vector<std::string>& files) {
  std::vector<std::string> paths;
  for (const auto& f : files) paths.push_back(corpus + f);
  return paths;
}

const std::string& documentation() {
  static const std::string text = read_text_file(source_path("docs/bad-inputs.md"));
  return text;
}

// Every exact line the tests expect is in docs/bad-inputs.md, as inline code.
void check_documented(const std::vector<std::string>& lines) {
  for (const auto& line : lines) {
    INFO("docs/bad-inputs.md should show: " << line);
    CHECK(contains(documentation(), "`" + line + "`"));
  }
}

// One mistake whose message is checked word for word.
struct Mistake {
  std::string file;                   // in the corpus
  std::vector<std::string> messages;  // every line centric prints about it, in order
  int rejected = 1;                   // entries of the file that are rejected
  int accepted = 0;                   // answer sets of the file that are still scored
  std::string validated = "invalid";  // what `centric validate FILE` prints after "FILE: "
};

const std::vector<Mistake>& mistakes() {
  static const std::vector<Mistake> all = {
      {"wrong-questionnaire.json",
       {error_line("wrong-questionnaire.json",
                   "questionnaire.id: answers questionnaire \"employee-engagement\", but the questionnaire in use is "
                   "\"customer-centricity\"")}},
      {"wrong-major-version.json",
       {error_line("wrong-major-version.json",
                   "questionnaire.version: answers version \"3.0.0\", but the questionnaire in use is version "
                   "\"2.0.0\" (the major versions must match)")}},
      {"question-id-typo.json",
       {error_line("question-id-typo.json",
                   "answers[\"culture.value-known\"]: unknown question id \"culture.value-known\" (answered 4); "
                   "did you mean \"culture.values-known\"?")}},
      {"zero-on-1-5-scale.json",
       {error_line("zero-on-1-5-scale.json", "answers[\"culture.values-known\"]: 0 is outside the scale 1..5")}},
      {"answer-as-string.json",
       {error_line("answer-as-string.json",
                   "answers[\"culture.values-known\"]: \"4\" is not an answer: expected a whole number 1..5, "
                   "\"na\" or \"dk\"")}},
      {"half-point-answer.json",
       {error_line("half-point-answer.json",
                   "answers[\"culture.values-known\"]: 3.5 is not a whole number (the scale is 1..5)")}},
      {"not-applicable-as-n-a.json",
       {error_line("not-applicable-as-n-a.json",
                   "answers[\"culture.values-known\"]: \"N/A\" is not an answer: expected a whole number 1..5, "
                   "\"na\" or \"dk\"")}},
      {"missing-department.json", {error_line("missing-department.json", "respondent.department: missing (required)")}},
      {"role-manager.json",
       {error_line("role-manager.json",
                   "respondent.role: is \"manager\"; it must be \"leader\" or \"employee\" (or left out)")}},
      {"missing-format.json", {error_line("missing-format.json", "format: missing (required)")}},
      {"trailing-comma.json",
       {error_line("trailing-comma.json:18:34", "a comma after the last member; JSON allows no trailing comma")}},
      {"two-objects-without-array.json",
       {error_line("two-objects-without-array.json:21:1",
                   "syntax error while parsing value - unexpected '{'; expected end of input")}},
      {"spreadsheet-csv-saved-as.json",
       {error_line("spreadsheet-csv-saved-as.json:1:1",
                   "this looks like CSV (a spreadsheet or form export), not JSON; give it the name it has: a .csv or "
                   ".tsv file is read as an export, one answer set per row (docs/import.md)")}},
      {"smart-quotes.json",
       {error_line("smart-quotes.json:15:5", "“ is a typographic quote; JSON needs straight double quotes (\")")}},
      {"utf16-le-with-bom.json", {error_line("utf16-le-with-bom.json", "the file is UTF-16; save it as UTF-8")}},
      {"utf16-le-without-bom.json",
       {error_line("utf16-le-without-bom.json", "the file is UTF-16 (without a byte-order mark); save it as UTF-8")}},
      {"latin1-not-utf8.json",
       {error_line("latin1-not-utf8.json:9:26",
                   "not valid UTF-8 text (syntax error while parsing value - invalid string: ill-formed UTF-8 byte; "
                   "last read: '\"Gesch\\xE4f')")}},
      {"empty.json", {error_line("empty.json", "empty input: expected a JSON document")}},
      {"jsonl-one-broken-line.jsonl",
       {error_line("jsonl-one-broken-line.jsonl:2:343",
                   "syntax error while parsing object key - invalid string: missing closing quote; last read: '\"'; "
                   "expected string literal")},
       1,
       2,
       "1 of 3 answer sets rejected"},
      // Found by an attack (issue 15): each was accepted, or half read, before.
      {"nul-byte-between-two-sets.json",
       {error_line("nul-byte-between-two-sets.json:21:1",
                   "a NUL byte (\\0): JSON text cannot hold one (is this a binary file?)")}},
      {"nul-byte-in-jsonl-line.jsonl",
       {error_line("nul-byte-in-jsonl-line.jsonl:2:374",
                   "a NUL byte (\\0): JSON text cannot hold one (is this a binary file?)")},
       1,
       2,
       "1 of 3 answer sets rejected"},
      {"answer-given-twice.json",
       {error_line("answer-given-twice.json:16:5",
                   "answers[\"culture.values-known\"]: duplicate key \"culture.values-known\" (first at line 15, "
                   "column 5); each key may appear only once in an object")}},
      {"two-departments.json",
       {error_line("two-departments.json:10:5",
                   "respondent.department: duplicate key \"department\" (first at line 9, column 5); each key may "
                   "appear only once in an object")}},
      {"number-too-large.json",
       {error_line("number-too-large.json:15:29",
                   "answers[\"culture.values-known\"]: the number 1e400 is too large to be read")}},
      {"integer-too-large.json",
       {error_line("integer-too-large.json:15:29",
                   "answers[\"culture.values-known\"]: the whole number 123456789012345678901234567890 is too large "
                   "to be read exactly (more than 64 bits)")}},
      // Form-tool exports (import.md): a bad row is one entry FILE:ROW naming the column, and
      // the file's other rows are scored; a file whose columns cannot be read is one entry.
      {"export-label-typo.csv",
       {error_line("export-label-typo.csv:3",
                   "column F \"Culture [My department has written down what we must never…\": "
                   "(culture.behaviours-spelled-out) \"Agre\" is not an answer: a number 1..5, a label of the scale, "
                   "\"n/a\" or \"don't know\"; did you mean \"Agree\" (4)?")},
       1,
       2,
       "1 of 3 answer sets rejected"},
      {"export-value-off-scale.csv",
       {error_line("export-value-off-scale.csv:3",
                   "column E \"culture.behaviours-spelled-out\": (culture.behaviours-spelled-out) 7 is outside the "
                   "scale 1..5")},
       1,
       2,
       "1 of 3 answer sets rejected"},
      {"export-row-without-department.csv",
       {error_line("export-row-without-department.csv:4",
                   "column C \"Department\": is empty: every answer set needs a department")},
       1,
       2,
       "1 of 3 answer sets rejected"},
      {"export-unknown-role.csv",
       {error_line("export-unknown-role.csv:3",
                   "column D \"Role\": \"Manager\" is not a role: leader or employee (or a word for them in the "
                   "questionnaire's languages), or a value of the mapping's \"roles\"")},
       1,
       2,
       "1 of 3 answer sets rejected"},
      {"export-invalid-utf8.csv",
       {error_line("export-invalid-utf8.csv:3",
                   "column C \"Department\": is not valid UTF-8 text (save the export as UTF-8, or UTF-16 with a "
                   "byte-order mark)")},
       1,
       1,
       "1 of 2 answer sets rejected"},
      {"export-unclosed-quote.csv",
       {error_line("export-unclosed-quote.csv", "unclosed quote starting in row 4, column E")},
       1,
       2,
       "1 of 3 answer sets rejected"},
      {"export-truncated.xlsx",
       {error_line("export-truncated.xlsx", "the workbook is damaged or cut short (Not a zip archive)")}},
      {"export-two-columns-for-one-question.csv",
       {error_line("export-two-columns-for-one-question.csv",
                   "column C \"culture.values-known\" and column D \"Q1. I could explain to a new colleague what "
                   "our company's v…\" are both question culture.values-known; mark one as not used in a mapping "
                   "file (null)")}},
      {"export-no-department-column.csv",
       {error_line("export-no-department-column.csv",
                   "no column holds the department (a column named \"Department\", \"Team\", \"Dział\", "
                   "\"Отдел\", \"Osztály\"...); name it in a mapping file (\"columns\": {\"...\": "
                   "\"@department\"})")}},
      // Each of its 20 lines is an entry (formats.md §2); the first says what is wrong, the
      // others point to it.
      [] {
        Mistake m{"pretty-printed-jsonl.jsonl",
                  {error_line("pretty-printed-jsonl.jsonl:1",
                              "one answer set is spread over several lines from here; a .jsonl file needs each "
                              "answer set on one line (or name the file .json)")},
                  20,
                  0,
                  "20 of 20 answer sets rejected"};
        for (int line = 2; line <= 20; ++line)
          m.messages.push_back(error_line(fmt::format("pretty-printed-jsonl.jsonl:{}", line),
                                          "part of what is spread over several lines from line 1 (see there)"));
        return m;
      }(),
  };
  return all;
}

}  // namespace

TEST_CASE("bad inputs: each mistake gets its exact message, and the example data is still scored", "[bad-inputs]") {
  for (const auto& m : mistakes()) {
    DYNAMIC_SECTION(m.file) {
      const std::string path = corpus + m.file;
      const int sources = example_sets + m.rejected + m.accepted;

      const auto r = assess_with_examples({path});
      INFO("stderr was:\n" << r.err);
      CHECK(r.exit_code == 3);
      CHECK(split_lines(r.err) == with(m.messages, {rejected_summary(m.rejected, sources)}));
      const json report = parse_report(r.out);
      CHECK(report["inputs"]["accepted"] == example_sets + m.accepted);
      CHECK(report["inputs"]["sources"] == sources);
      const auto rejected = rejected_sources(report);
      CHECK(rejected.size() == static_cast<std::size_t>(m.rejected));
      for (const auto& source : rejected) CHECK(starts_with(source, path));

      const auto v = validate({path});
      INFO("validate's stderr was:\n" << v.err);
      CHECK(v.exit_code == 1);
      CHECK(split_lines(v.err) == m.messages);
      CHECK(split_lines(v.out) == std::vector<std::string>{path + ": " + m.validated});

      // A message per line of a file is shown by its first two in the docs.
      check_documented({m.messages.begin(), m.messages.begin() + std::min<std::ptrdiff_t>(2, std::ssize(m.messages))});
    }
  }
}

TEST_CASE("bad inputs: the same respondent id in two files rejects the second, naming the first", "[bad-inputs]") {
  const std::vector<std::string> pair =
      corpus_paths({"duplicate-respondent-id-1.json", "duplicate-respondent-id-2.json"});
  const std::string message = error_line("duplicate-respondent-id-2.json",
                                         "respondent.id: duplicate respondent id \"bad-012\": already given by " +
                                             corpus + "duplicate-respondent-id-1.json");

  const auto r = assess_with_examples(pair);
  INFO("stderr was:\n" << r.err);
  CHECK(r.exit_code == 3);
  CHECK(split_lines(r.err) == std::vector<std::string>{message, rejected_summary(1, example_sets + 2)});
  const json report = parse_report(r.out);
  CHECK(report["inputs"]["accepted"] == example_sets + 1);
  CHECK(rejected_sources(report) == std::vector<std::string>{pair[1]});

  // validate checks the files it is given together, as assess does.
  const auto v = validate(pair);
  CHECK(v.exit_code == 1);
  CHECK(split_lines(v.err) == std::vector<std::string>{message});
  CHECK(split_lines(v.out) == std::vector<std::string>{pair[0] + ": ok (1 answer set)", pair[1] + ": invalid"});
  // Alone, the second file is fine: the duplicate is between files.
  CHECK(validate({pair[1]}).exit_code == 0);

  check_documented({message});
}

TEST_CASE("bad inputs: a UTF-8 byte-order mark is accepted with a warning", "[bad-inputs]") {
  const std::string path = corpus + "utf8-with-bom.json";
  const std::string warning = "centric: warning: " + path + ": UTF-8 byte-order mark ignored";

  const auto r = assess_with_examples({path});
  CHECK(r.exit_code == 0);
  CHECK(split_lines(r.err) == std::vector<std::string>{warning});
  const json report = parse_report(r.out);
  CHECK(report["inputs"]["accepted"] == example_sets + 1);
  CHECK(report["inputs"]["rejected"].empty());
  CHECK(report["inputs"]["warnings"] == json::array({path + ": UTF-8 byte-order mark ignored"}));

  const auto v = validate({path});
  CHECK(v.exit_code == 0);
  CHECK(split_lines(v.err) == std::vector<std::string>{warning});
  CHECK(split_lines(v.out) == std::vector<std::string>{path + ": ok (1 answer set)"});

  check_documented({warning});
}

TEST_CASE("bad inputs: a questionnaire among the answers is rejected by assess, and is fine for validate",
          "[bad-inputs]") {
  const std::string path = corpus + "questionnaire-among-answers.json";
  // One line that says what the file is, not one for each key of an answers file it lacks.
  const std::string message = error_line("questionnaire-among-answers.json",
                                         "format: this is a questionnaire, not answers (use it with --questionnaire "
                                         "FILE)");

  const auto r = assess_with_examples({path});
  INFO("stderr was:\n" << r.err);
  CHECK(r.exit_code == 3);
  CHECK(split_lines(r.err) == std::vector<std::string>{message, rejected_summary(1, example_sets + 1)});
  const json report = parse_report(r.out);
  CHECK(report["inputs"]["accepted"] == example_sets);
  CHECK(rejected_sources(report) == std::vector<std::string>{path});

  const auto v = validate({path});
  CHECK(v.exit_code == 0);
  CHECK(v.err.empty());
  CHECK(split_lines(v.out) == std::vector<std::string>{path + ": ok (questionnaire acme-cx 1.0.0)"});

  check_documented({message});
}

TEST_CASE("bad inputs: a file of several GiB is refused by its size, without being read", "[bad-inputs]") {
  TempDir dir;
  // A valid-looking start, then 3 GiB of holes: a sparse file takes no disk space.
  const std::string start = read_text_file(source_path("examples/acme/sales-r001.json")).substr(0, 200);
  REQUIRE(truncate(dir.write("huge.json", start).c_str(), off_t{3} << 30) == 0);
  const std::string message =
      "centric: error: huge.json: larger than 256 MiB: not a questionnaire or answers file (for many answer sets, "
      "use JSON Lines: a .jsonl file, one answer set per line)";

  const auto r = assess_with_examples({"huge.json"}, in_directory(dir.path()));
  INFO("stderr was:\n" << r.err);
  CHECK(r.exit_code == 3);
  CHECK(split_lines(r.err) == std::vector<std::string>{message, rejected_summary(1, example_sets + 1)});
  CHECK(parse_report(r.out)["inputs"]["accepted"] == example_sets);

  const auto v = validate({"huge.json"}, in_directory(dir.path()));
  CHECK(v.exit_code == 1);
  CHECK(split_lines(v.err) == std::vector<std::string>{message});
  CHECK(split_lines(v.out) == std::vector<std::string>{"huge.json: invalid"});

  check_documented({message});
}

TEST_CASE("bad inputs: a directory with a symbolic link to its parent is read once, without looping", "[bad-inputs]") {
  TempDir dir;
  dir.write("answers/sub/loop-001.json", answer_set("loop-001").dump(2));
  REQUIRE(symlink("..", dir.file("answers/sub/up").c_str()) == 0);  // answers/sub/up -> answers
  const ProcessOptions options = in_directory(dir.path());

  for (const std::string argument : {"answers", "answers/sub/up"}) {
    INFO(argument);
    const auto r = assess_with_examples({argument}, options);
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(parse_report(r.out)["inputs"]["accepted"] == example_sets + 1);

    const auto v = validate({argument}, options);
    CHECK(v.exit_code == 0);
    CHECK(v.err.empty());
    CHECK(split_lines(v.out) == std::vector<std::string>{argument + ": ok (1 answer set)"});
  }
}

TEST_CASE("bad inputs: the whole corpus at once, as docs/bad-inputs.md shows it", "[bad-inputs]") {
  std::vector<std::string> files;
  for (const auto& name : list_directory(source_path(corpus))) files.push_back(corpus + name);
  std::sort(files.begin(), files.end());
  // Every file of the corpus is listed in the documentation.
  for (const auto& f : files) {
    INFO(f);
    CHECK(contains(documentation(), "`" + f.substr(corpus.size()) + "`"));
  }

  // `centric validate tests/data/bad-inputs/*`: one verdict per file.
  const auto v = validate(files);
  CHECK(v.exit_code == 1);
  const auto verdicts = split_lines(v.out);
  REQUIRE(verdicts.size() == files.size());
  for (std::size_t i = 0; i < files.size(); ++i) CHECK(starts_with(verdicts[i], files[i] + ": "));

  // `centric assess tests/data/bad-inputs examples/...`: the corpus as a directory. Still
  // scored: the examples, the first of the duplicate pair, the two good lines of each of the
  // two broken JSON Lines files, the file with a byte-order mark, and the good rows of the
  // exports (2 of each of five, 1 of the one that is not UTF-8, 2 before the unclosed quote).
  const auto r = assess_with_examples({"tests/data/bad-inputs"});
  CHECK(r.exit_code == 3);
  CHECK(parse_report(r.out)["inputs"]["accepted"] == example_sets + 6 + 11);
  // And with --strict, no report at all.
  const auto strict = run_centric(with(with({"assess", "--strict"}, example_inputs()), {"tests/data/bad-inputs"}),
                                  in_source_directory());
  CHECK(strict.exit_code == 1);
  CHECK(strict.out.empty());
}

namespace {

const std::string questionnaires = "tests/data/bad-questionnaires/";

struct BadQuestionnaire {
  std::string file;                   // in tests/data/bad-questionnaires/
  std::vector<std::string> messages;  // every line centric prints about it, in order
};

// "centric: error: tests/data/bad-questionnaires/FILE[:LINE:COL]: MESSAGE"
std::string questionnaire_error(const std::string& file_and_place, const std::string& message) {
  return "centric: error: " + questionnaires + file_and_place + ": " + message;
}

const std::vector<BadQuestionnaire>& bad_questionnaires() {
  static const std::vector<BadQuestionnaire> all = {
      {"nul-byte.json",
       {questionnaire_error("nul-byte.json:41:1",
                            "a NUL byte (\\0): JSON text cannot hold one (is this a binary file?)")}},
      {"duplicate-key.json",
       {questionnaire_error("duplicate-key.json:36:11",
                            "dimensions[0].questions[1].reverse: duplicate key \"reverse\" (first at line 35, column "
                            "11); each key may appear only once in an object")}},
      {"scale-at-int-edge.json",
       {questionnaire_error("scale-at-int-edge.json",
                            "scale.min: is 2147483640; a scale's values must be between -1000 and 1000"),
        questionnaire_error("scale-at-int-edge.json",
                            "scale.max: is 2147483647; a scale's values must be between -1000 and 1000")}},
      {"scale-number-too-large.json",
       {questionnaire_error("scale-number-too-large.json:9:12",
                            "scale.max: the whole number 123456789012345678901234567890 is too large to be read "
                            "exactly (more than 64 bits)")}},
      {"misspelt-reverse.json",
       {questionnaire_error("misspelt-reverse.json",
                            "dimensions[0].questions[1].revers: unknown key \"revers\"; did you mean \"reverse\"?")}},
      {"language-names-not-codes.json",
       {questionnaire_error("language-names-not-codes.json",
                            "default_language: \"English\" is not a language code: use one like \"en\", \"pl\" or "
                            "\"pt-BR\" (BCP 47)"),
        questionnaire_error("language-names-not-codes.json",
                            "languages[0]: \"English\" is not a language code: use one like \"en\", \"pl\" or "
                            "\"pt-BR\" (BCP 47)"),
        questionnaire_error("language-names-not-codes.json",
                            "languages[1]: \"pl_PL\" is not a language code: use one like \"en\", \"pl\" or "
                            "\"pt-BR\" (BCP 47)")}},
  };
  return all;
}

}  // namespace

TEST_CASE("bad questionnaires: each gets its exact message from validate and from assess --questionnaire",
          "[bad-inputs]") {
  // The same questionnaire without the mistake is fine (a reversed question included).
  const std::string valid = questionnaires + "valid.json";
  CHECK(validate({valid}).exit_code == 0);
  const auto scored = run_centric({"assess", "--questionnaire", valid, "--format", "json", "--min-group", "5",
                                   "tests/data/bad-questionnaires/answers.jsonl"},
                                  in_source_directory());
  INFO("stderr with the valid questionnaire:\n" << scored.err);
  CHECK(scored.exit_code == 0);

  for (const auto& q : bad_questionnaires()) {
    DYNAMIC_SECTION(q.file) {
      const std::string path = questionnaires + q.file;
      const auto v = validate({path});
      INFO("validate's stderr was:\n" << v.err);
      CHECK(v.exit_code == 1);
      CHECK(split_lines(v.err) == q.messages);

      const auto r = run_centric(with({"assess", "--questionnaire", path}, example_inputs()), in_source_directory());
      INFO("assess's stderr was:\n" << r.err);
      CHECK(r.exit_code == 1);
      CHECK(r.out.empty());
      CHECK(split_lines(r.err) == q.messages);

      CHECK(contains(documentation(), "`" + q.file + "`"));
      check_documented(q.messages);
    }
  }
}
