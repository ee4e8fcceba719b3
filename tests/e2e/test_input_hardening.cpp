// Inputs that are not what they claim to be: pipes, devices, loops, unreadable places.
// None may hang the run, be skipped silently, or be overwritten.
#include <sys/stat.h>

#include "e2e/e2e_common.hpp"

using namespace centric::test;

namespace {

ProcessOptions with_stdin(std::string text) {
  ProcessOptions o;
  o.stdin_text = std::move(text);
  return o;
}

std::string good_line(const std::string& id) { return answer_set(id).dump() + "\n"; }

}  // namespace

TEST_CASE("inputs: a FIFO inside an input directory is reported, not waited on", "[inputs][robustness]") {
  TempDir dir;
  dir.write("answers/a.json", answer_set("a").dump());
  REQUIRE(mkfifo(dir.file("answers/pipe.json").c_str(), 0600) == 0);
  const auto r = run_centric({"assess", dir.file("answers"), "--format", "json"});
  CHECK(r.exit_code == 3);
  CHECK(has_line_starting_with(r.err, "centric: error: " + dir.file("answers/pipe.json") + ": not a regular file"));
  CHECK(parse_report(r.out)["organisation"]["n"] == 1);
}

TEST_CASE("inputs: a symbolic link loop inside a directory is not followed", "[inputs][robustness]") {
  TempDir dir;
  dir.write("answers/a.json", answer_set("a").dump());
  REQUIRE(symlink(dir.file("answers").c_str(), dir.file("answers/loop").c_str()) == 0);
  const auto r = run_centric({"assess", dir.file("answers"), "--format", "json"});
  CHECK(r.exit_code == 0);
  CHECK(parse_report(r.out)["organisation"]["n"] == 1);
}

TEST_CASE("inputs: a dangling link named like an answer file is reported, and the walk goes on", "[inputs]") {
  TempDir dir;
  dir.write("answers/a.json", answer_set("a").dump());
  dir.write("answers/z/b.json", answer_set("b").dump());
  REQUIRE(symlink(dir.file("nowhere.json").c_str(), dir.file("answers/m.json").c_str()) == 0);
  const auto r = run_centric({"assess", dir.file("answers"), "--format", "json"});
  CHECK(r.exit_code == 3);
  CHECK(has_line_starting_with(r.err, "centric: error: " + dir.file("answers/m.json") + ": cannot read"));
  CHECK(parse_report(r.out)["organisation"]["n"] == 2);
}

TEST_CASE("inputs: an unreadable subdirectory is reported, not skipped", "[inputs]") {
  if (geteuid() == 0) return;  // root reads everything; nothing to test
  TempDir dir;
  dir.write("answers/a.json", answer_set("a").dump());
  dir.write("answers/locked/b.json", answer_set("b").dump());
  REQUIRE(chmod(dir.file("answers/locked").c_str(), 0) == 0);
  const auto r = run_centric({"assess", dir.file("answers"), "--format", "json"});
  chmod(dir.file("answers/locked").c_str(), 0700);
  CHECK(r.exit_code == 3);
  CHECK(has_line_starting_with(r.err, "centric: error: " + dir.file("answers/locked") + ": cannot read directory"));
}

TEST_CASE("inputs: a pipe given as a file argument is read once", "[inputs]") {
  auto r = run_centric({"assess", "/dev/stdin", "--format", "json"}, with_stdin(answer_set("a").dump()));
  CHECK(r.exit_code == 0);
  CHECK(parse_report(r.out)["organisation"]["n"] == 1);
  r = run_centric({"validate", "/dev/stdin"}, with_stdin(answer_set("a").dump()));
  CHECK(r.exit_code == 0);
  CHECK(contains(r.out, "/dev/stdin: ok (1 answer set)"));
}

TEST_CASE("stdin: a broken first line of JSON Lines costs that line only", "[inputs][stdin]") {
  const auto r =
      run_centric({"assess", "-", "--format", "json"},
                  with_stdin("{\"format\": \"centric-answers/1\", oops}\n" + good_line("a") + good_line("b")));
  CHECK(r.exit_code == 3);
  CHECK(has_line_starting_with(r.err, "centric: error: <stdin>:1:"));
  const json report = parse_report(r.out);
  CHECK(report["organisation"]["n"] == 2);
  CHECK(rejected_sources(report) == std::vector<std::string>{"<stdin>:1"});
}

TEST_CASE("stdin: a document after blank lines reports the right line", "[inputs][stdin]") {
  const auto r = run_centric({"assess", "-"}, with_stdin("\n\n{\n  \"format\": \n}\n"));
  CHECK(r.exit_code == 1);
  CHECK(has_line_starting_with(r.err, "centric: error: <stdin>:5:"));
}

TEST_CASE("assess: --output never replaces the questionnaire in use", "[output]") {
  TempDir dir;
  const std::string questionnaire = run_centric({"questionnaire", "--json"}).out;
  dir.write("q.json", questionnaire);
  dir.write("a.json", answer_set("a").dump());
  const auto r = run_centric({"assess", dir.file("a.json"), "-q", dir.file("q.json"), "-o", dir.file("q.json")});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "is one of the inputs"));
  CHECK(read_text_file(dir.file("q.json")) == questionnaire);
}

TEST_CASE("assess: --output refuses a target that is not a regular file", "[output]") {
  TempDir dir;
  dir.write("a.json", answer_set("a").dump());
  REQUIRE(mkfifo(dir.file("out.fifo").c_str(), 0600) == 0);
  const auto r = run_centric({"assess", dir.file("a.json"), "-o", dir.file("out.fifo")});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "is not a regular file"));
  struct stat st {};
  REQUIRE(stat(dir.file("out.fifo").c_str(), &st) == 0);
  CHECK(S_ISFIFO(st.st_mode));
  CHECK(list_directory(dir.path()) == std::vector<std::string>{"a.json", "out.fifo"});
}

TEST_CASE("a report that cannot be written to standard output is an error, not a success", "[output]") {
  const std::string command =
      std::string("exec '") + CENTRIC_BINARY + "' assess '" + source_path("examples/acme") + "' > /dev/full";
  const auto r = run_process("/bin/sh", {"-c", command});
  CHECK(r.exit_code == 1);
  CHECK(contains(r.err, "cannot write to standard output"));
}

TEST_CASE("an empty respondent id names nobody: such sets are kept, not duplicates", "[inputs]") {
  TempDir dir;
  json a = answer_set("x"), b = answer_set("y");
  a["respondent"]["id"] = "";
  b["respondent"]["id"] = "";
  dir.write("two.jsonl", a.dump() + "\n" + b.dump() + "\n");
  const auto r = run_centric({"assess", dir.file("two.jsonl"), "--format", "json", "--min-group", "1"});
  CHECK(r.exit_code == 0);
  CHECK(parse_report(r.out)["organisation"]["n"] == 2);
}
