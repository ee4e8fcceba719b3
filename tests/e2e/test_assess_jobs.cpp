// `assess --jobs N` (docs/architecture.md, "Reading on several cores"): the report, the
// diagnostics and the exit code are the same for any number of threads, byte for byte.
#include "e2e/e2e_common.hpp"

using namespace centric::test;

namespace {

// Answers that vary with i, so that the scores depend on every set and on how the sums
// are added up.
json varied_set(int i, const std::string& id) {
  json a = answer_set(id, "dept-" + std::to_string(i % 9), i % 4 == 0 ? "leader" : "employee");
  int k = 0;
  for (auto& [question, value] : a["answers"].items()) {
    if (value.is_number()) value = 1 + (i * 31 + k * 7) % 5;
    ++k;
  }
  return a;
}

}  // namespace

TEST_CASE("assess --jobs: the same report and diagnostics from one thread or several", "[assess][jobs]") {
  TempDir dir;
  // A .jsonl file of about 5 MB (about 20 chunks), with mistakes and repeated ids far apart,
  // and a directory of files beside it.
  std::string lines;
  for (int i = 0; i < 3000; ++i) {
    if (i % 211 == 17)
      lines += "{\"format\": \"centric-answers/1\",\n";  // broken
    else if (i % 307 == 5)
      lines += varied_set(i, "r-" + std::to_string(i - 1000)).dump() + "\n";  // a repeated id
    else
      lines += varied_set(i, "r-" + std::to_string(i)).dump() + "\n";
  }
  dir.write("in/all.jsonl", lines);
  for (int i = 0; i < 300; ++i)
    dir.write("in/files/" + std::to_string(100 + i) + ".json",
              i == 150 ? "{" : varied_set(i, "f-" + std::to_string(i)).dump());

  const auto run = [&](const std::string& jobs) {
    return run_centric({"assess", "--format", "json", "--jobs", jobs, dir.file("in")});
  };
  const auto one = run("1");
  REQUIRE(one.exit_code == 3);  // some inputs rejected
  const json report = parse_report(one.out);
  // 15 broken lines, 6 repeated ids (from i = 1233 on: r-233 ...), 1 broken file.
  CHECK(report["organisation"]["n"] == 3000 - 15 - 6 + 300 - 1);
  CHECK(has_line_starting_with(one.err, "centric: error: " + dir.file("in/all.jsonl") + ":18:"));
  CHECK(one.err.find(dir.file("in/all.jsonl") +
                     ":1234: respondent.id: duplicate respondent id \"r-233\": already "
                     "given by " +
                     dir.file("in/all.jsonl") + ":234") != std::string::npos);
  for (const std::string jobs : {"2", "3", "8"}) {
    INFO("--jobs " << jobs);
    const auto more = run(jobs);
    CHECK(more.exit_code == one.exit_code);
    CHECK(more.out == one.out);  // byte for byte, the scores to the last digit
    CHECK(more.err == one.err);  // the same messages, in the same order
  }
}
