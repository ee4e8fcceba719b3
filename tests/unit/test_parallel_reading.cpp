// Reading on several threads (AnswerInputs with ReadingOptions, docs/architecture.md):
// whatever the number of threads and the size of a .jsonl file's chunks, the caller sees
// what reading line by line on one thread gives: the same accepted sets in the same order,
// the same rejections with the same names (FILE:LINE) and reasons, the same warnings and
// summary, and, folded, the same sums to the last bit.
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "centric/answers_io.hpp"
#include "centric/diagnostic.hpp"
#include "centric/json_input.hpp"
#include "centric/questionnaire_io.hpp"
#include "centric/scoring.hpp"
#include "io/ordered_workers.hpp"
#include "support/small_questionnaire.hpp"
#include "support/temp_dir.hpp"

using namespace centric;
using nlohmann::json;

namespace {

const Questionnaire& questionnaire() {
  static const Questionnaire q = test::small_questionnaire();
  return q;
}

using TempDir = centric::test::UnitTempDir;

// One answer set on one line; answers vary with `i` so that sums depend on the order.
std::string set_line(int i, const std::string& id) {
  json doc = {{"format", "centric-answers/1"},
              {"questionnaire", {{"id", "test-q"}, {"version", "1.0.0"}}},
              {"respondent", {{"department", "d" + std::to_string(i % 7)}, {"role", i % 3 ? "employee" : "leader"}}},
              {"complete", i % 5 != 0},
              {"answers", {{"alpha.one", 1 + i % 5}, {"alpha.two", 1 + (i * 7) % 5}, {"beta.one", 1 + (i * 3) % 5}}}};
  if (!id.empty()) doc["respondent"]["id"] = id;
  return doc.dump();
}

// A .jsonl text with every kind of line, in a pattern that puts each kind at many
// distances from a chunk boundary.
std::string mixed_lines(int count) {
  std::string text = "\xEF\xBB\xBF";  // a byte-order mark: a warning, line 1 still read
  for (int i = 0; i < count; ++i) {
    switch (i % 13) {
      case 3:
        text += set_line(i, "");  // no id
        break;
      case 4:
        text += set_line(i, "r-" + std::to_string(i / 2));  // a duplicate of an earlier line (often)
        break;
      case 5:
        text += "   ";  // blank
        break;
      case 6:
        text += set_line(i, "r-" + std::to_string(i)) + "\r";  // CRLF
        break;
      case 7:
        text += R"({"format": "centric-answers/1", "answers": )";  // a syntax error
        break;
      case 8: {
        json doc = json::parse(set_line(i, "r-" + std::to_string(i)));
        doc["answers"]["alpha.one"] = 9;  // outside the scale
        text += doc.dump();
        break;
      }
      case 9: {
        json doc = json::parse(set_line(i, "r-" + std::to_string(i)));
        doc["extra"] = 1;  // the fast reader declines it, the diagnosing one accepts it
        text += doc.dump();
        break;
      }
      case 10:
        text += "[1, 2]";  // not an object
        break;
      case 11:
        text += "";  // empty
        break;
      default:
        text += set_line(i, "r-" + std::to_string(i));
    }
    text += '\n';
  }
  text += set_line(count, "last-without-newline");
  return text;
}

// Everything the caller of AnswerInputs sees, in order.
struct Seen {
  std::vector<std::string> events;  // "accepted ID" or the problems as printed
  std::vector<std::string> folded;  // the ids the fold received, in order
  InputSummary summary;

  bool operator==(const Seen&) const = default;
};

std::string describe(const Seen& seen) {
  std::string out;
  for (const auto& e : seen.events) out += e + "\n";
  return out;
}

// A fold that keeps the ids it receives: merged in order, it must list them as the sink does.
class IdFold final : public AnswerFold {
 public:
  std::unique_ptr<AnswerFold> empty_like() const override { return std::make_unique<IdFold>(); }
  void clear() override { ids.clear(); }
  void add(const AnswerSet& a) override { ids.push_back(a.respondent.id.value_or("<none>")); }
  void merge(const AnswerFold& other) override {
    const auto& more = static_cast<const IdFold&>(other).ids;
    ids.insert(ids.end(), more.begin(), more.end());
  }
  std::vector<std::string> ids;
};

class TallyFold final : public AnswerFold {
 public:
  TallyFold() : tally(questionnaire()) {}
  std::unique_ptr<AnswerFold> empty_like() const override { return std::make_unique<TallyFold>(); }
  void clear() override { tally.clear(); }
  void add(const AnswerSet& a) override { tally.add(a); }
  void merge(const AnswerFold& other) override { tally.merge(static_cast<const TallyFold&>(other).tally); }
  Tally tally;
};

// Each rejected entry's problems, as printed, one event.
AnswerInputs::ProblemSink problems_into(Seen& seen) {
  return [&seen](const std::vector<Diagnostic>& problems) {
    std::string all;
    for (const auto& p : problems) all += format_for_stderr(p) + "; ";
    seen.events.push_back(all);
  };
}

ReadingOptions options(unsigned jobs, std::size_t chunk_bytes) {
  ReadingOptions o;
  o.jobs = jobs;
  o.chunk_bytes = chunk_bytes;
  return o;
}

template <typename Read>
Seen read_with_sink(Read read, ReadingOptions options = {}) {
  Seen seen;
  AnswerInputs inputs(
      questionnaire(),
      [&](const AnswerSet& a) { seen.events.push_back("accepted " + a.respondent.id.value_or("<none>")); },
      problems_into(seen), options);
  read(inputs);
  seen.summary = inputs.summary();
  return seen;
}

template <typename Read>
Seen read_with_fold(Read read, ReadingOptions options) {
  Seen seen;
  IdFold fold;
  AnswerInputs inputs(questionnaire(), fold, problems_into(seen), options);
  read(inputs);
  seen.summary = inputs.summary();
  seen.folded = fold.ids;
  return seen;
}

bool same_summary(const InputSummary& a, const InputSummary& b) {
  if (a.sources != b.sources || a.accepted != b.accepted || a.partial != b.partial) return false;
  if (a.rejected.size() != b.rejected.size() || a.warnings.size() != b.warnings.size()) return false;
  for (std::size_t i = 0; i < a.rejected.size(); ++i)
    if (a.rejected[i].source != b.rejected[i].source || a.rejected[i].reason != b.rejected[i].reason) return false;
  for (std::size_t i = 0; i < a.warnings.size(); ++i)
    if (format_for_stderr(a.warnings[i]) != format_for_stderr(b.warnings[i])) return false;
  return true;
}

std::vector<std::string> accepted_ids(const Seen& seen) {
  std::vector<std::string> ids;
  for (const auto& e : seen.events)
    if (e.rfind("accepted ", 0) == 0) ids.push_back(e.substr(9));
  return ids;
}

}  // namespace

TEST_CASE("parallel reading: a .jsonl file read in chunks on any number of threads is read as line by line",
          "[parallel]") {
  TempDir dir;
  const std::string path = dir.write("mixed.jsonl", mixed_lines(600));
  // Line by line on this thread: the same text through the in-memory reader.
  const Seen expected =
      read_with_sink([&](AnswerInputs& in) { in.read_text(mixed_lines(600), path, InputForm::json_lines); });
  INFO(describe(expected));
  REQUIRE(expected.summary.accepted > 300);
  REQUIRE(expected.summary.rejected.size() > 100);
  REQUIRE(expected.summary.warnings.size() == 1);
  // The kinds of line are all there, named by their line numbers.
  // The syntax error on line 8 (the byte-order mark is line 1's), the value on line 9.
  CHECK(std::count_if(expected.events.begin(), expected.events.end(), [&](const std::string& e) {
          return e.rfind("centric: error: " + path + ":8:", 0) == 0 && e.find("syntax error") != std::string::npos;
        }) == 1);
  CHECK(std::count_if(expected.events.begin(), expected.events.end(), [&](const std::string& e) {
          return e.rfind("centric: error: " + path + ":9: answers[\"alpha.one\"]: 9 is outside", 0) == 0;
        }) == 1);
  CHECK(std::find(expected.events.begin(), expected.events.end(), "accepted r-9") != expected.events.end());
  CHECK(expected.events.back() == "accepted last-without-newline");

  for (const std::size_t chunk :
       {std::size_t{1}, std::size_t{5}, std::size_t{97}, std::size_t{4096}, std::size_t{1} << 20}) {
    for (const unsigned jobs : {1U, 2U, 3U}) {
      CAPTURE(chunk, jobs);
      const Seen seen = read_with_sink([&](AnswerInputs& in) { in.read_file(path); }, options(jobs, chunk));
      CHECK(seen.events == expected.events);
      CHECK(same_summary(seen.summary, expected.summary));

      const Seen folded = read_with_fold([&](AnswerInputs& in) { in.read_file(path); }, options(jobs, chunk));
      CHECK(folded.events.size() == expected.summary.rejected.size());
      CHECK(folded.folded == accepted_ids(expected));
      CHECK(same_summary(folded.summary, expected.summary));
    }
  }
}

TEST_CASE("parallel reading: the folded sums are the same to the last bit for any number of threads", "[parallel]") {
  TempDir dir;
  std::string text;
  for (int i = 0; i < 3000; ++i) text += set_line(i, i % 50 == 49 ? "r-" + std::to_string(i - 40) : "") + "\n";
  const std::string path = dir.write("many.jsonl", text);
  const auto folded = [&](unsigned jobs) {
    auto fold = std::make_unique<TallyFold>();
    AnswerInputs inputs(questionnaire(), *fold, {}, options(jobs, 512));
    inputs.read_file(path);
    return fold;
  };
  const auto one = folded(1);
  REQUIRE(one->tally.organisation().n == 3000);
  for (const unsigned jobs : {2U, 4U}) {
    CAPTURE(jobs);
    const auto more = folded(jobs);
    REQUIRE(more->tally.departments().size() == one->tally.departments().size());
    const auto same = [](const GroupTally& a, const GroupTally& b) {
      REQUIRE(a.n == b.n);
      CHECK(a.partial == b.partial);
      for (std::size_t d = 0; d < a.dimensions.size(); ++d) {
        // Bit for bit, not approximately.
        CHECK(a.dimensions[d].mean == b.dimensions[d].mean);
        CHECK(a.dimensions[d].m2 == b.dimensions[d].m2);
        CHECK(a.dimensions[d].item_sum == b.dimensions[d].item_sum);
      }
    };
    same(one->tally.organisation(), more->tally.organisation());
    same(one->tally.leaders(), more->tally.leaders());
    for (const auto& [id, group] : one->tally.departments()) same(group, more->tally.departments().at(id));
  }
}

TEST_CASE("parallel reading: a line too long for a chunk, and longer than the limit", "[parallel]") {
  TempDir dir;
  std::string text = set_line(1, "a") + "\n";
  text += std::string(max_json_line_bytes + 10, ' ') + "\n";  // too long, though blank
  text += set_line(2, "b") + "\n";
  const std::string path = dir.write("long.jsonl", text);
  const Seen expected = read_with_sink([&](AnswerInputs& in) { in.read_text(text, path, InputForm::json_lines); });
  REQUIRE(expected.events.size() == 3);
  CHECK(expected.events[1] ==
        "centric: error: " + path + ":2: line longer than 16 MiB; one answer set per line is far shorter; ");
  for (const unsigned jobs : {1U, 2U}) {
    const Seen seen =
        read_with_sink([&](AnswerInputs& in) { in.read_file(path); }, options(jobs, std::size_t{1} << 20));
    CHECK(seen.events == expected.events);
  }
}

TEST_CASE("parallel reading: a directory is read in the byte order of its full paths, on any number of threads",
          "[parallel]") {
  TempDir dir;
  // "/" sorts after "-" and before "0": a/x.json comes between a-b.json and a0.json.
  dir.write("answers/a-b.json", set_line(1, "a-b"));
  dir.write("answers/a/x.json", set_line(2, "a/x"));
  dir.write("answers/a/y.jsonl", set_line(3, "a/y:1") + "\n{oops\n" + set_line(4, "a/y:3") + "\n");
  dir.write("answers/a0.json", "[" + set_line(5, "a0[0]") + ", 7]");
  dir.write("answers/b.json", set_line(6, "a-b"));  // a duplicate of the first
  for (int i = 0; i < 700; ++i) {
    const std::string name = "answers/many/" + std::to_string(1000 + i) + ".json";
    dir.write(name, i % 97 == 5 ? "{broken" : set_line(i, "m" + std::to_string(i)));
  }
  const Seen expected = read_with_sink([&](AnswerInputs& in) { in.read_argument(dir.path("answers"), std::cin); });
  INFO(describe(expected));
  const std::vector<std::string> first(expected.events.begin(), expected.events.begin() + 7);
  CHECK(first[0] == "accepted a-b");
  CHECK(first[1] == "accepted a/x");
  CHECK(first[2] == "accepted a/y:1");
  CHECK(first[3].rfind("centric: error: " + dir.path("answers/a/y.jsonl") + ":2:", 0) == 0);
  CHECK(first[4] == "accepted a/y:3");
  CHECK(first[5] == "accepted a0[0]");
  CHECK(first[6].rfind("centric: error: " + dir.path("answers/a0.json") + "[1]:", 0) == 0);
  CHECK(expected.events[7].find("duplicate respondent id \"a-b\": already given by " + dir.path("answers/a-b.json")) !=
        std::string::npos);
  CHECK(expected.summary.accepted == 5 + 700 - 8);
  for (const unsigned jobs : {2U, 3U}) {
    CAPTURE(jobs);
    const Seen seen =
        read_with_sink([&](AnswerInputs& in) { in.read_argument(dir.path("answers"), std::cin); }, options(jobs, 64));
    CHECK(seen.events == expected.events);
    CHECK(same_summary(seen.summary, expected.summary));
  }
}

TEST_CASE("parallel reading: many arguments at once keep their order", "[parallel]") {
  TempDir dir;
  std::vector<std::string> arguments;
  for (int i = 0; i < 1200; ++i) {
    const std::string name = "f" + std::to_string(i % 3) + "/" + std::to_string(i) + ".json";
    arguments.push_back(dir.write(name, i % 101 == 0 ? "" : set_line(i, "x" + std::to_string(i % 1000))));
  }
  const auto read_all = [&](AnswerInputs& in) { in.read_arguments(arguments, std::cin); };
  const Seen expected = read_with_sink(read_all);
  CHECK(expected.summary.sources == 1200);
  CHECK(expected.events.at(1) == "accepted x1");
  const Seen seen = read_with_sink(read_all, options(3, 1000));
  CHECK(seen.events == expected.events);
  CHECK(same_summary(seen.summary, expected.summary));
}

TEST_CASE("ordered workers: results come back in the order given, and errors with them", "[parallel]") {
  OrderedWorkers workers(2);
  std::vector<int> done(64, -1);
  std::vector<unsigned> ran_on(64, 99);
  std::atomic<int> running{0};
  for (int i = 0; i < 64; ++i) {
    workers.submit([&, i](unsigned worker) {  // (Catch's checks are not for other threads)
      ran_on[static_cast<std::size_t>(i)] = worker;
      ++running;
      if (i % 7 == 0) std::this_thread::sleep_for(std::chrono::milliseconds(2));  // finish out of order
      done[static_cast<std::size_t>(i)] = i * i;
      if (i == 40) throw std::runtime_error("task 40");
    });
  }
  for (int i = 0; i < 64; ++i) {
    if (i == 40) {
      CHECK_THROWS_WITH(workers.wait_oldest(), "task 40");
      continue;
    }
    workers.wait_oldest();
    // The oldest is finished when wait_oldest returns.
    CHECK(done[static_cast<std::size_t>(i)] == i * i);
    CHECK(ran_on[static_cast<std::size_t>(i)] <= 2);  // 0 and 1: the two threads; 2: this one
  }
  CHECK(workers.pending() == 0);
  CHECK(running == 64);
}

TEST_CASE("tally: merging into an empty tally copies it exactly, a cleared tally adds nothing", "[parallel]") {
  Tally some(questionnaire());
  AnswerSetReader reader(questionnaire());
  for (int i = 0; i < 37; ++i) {
    auto result = reader.read(json::parse(set_line(i, "")), "t.json");
    REQUIRE(std::holds_alternative<AnswerSet>(result));
    some.add(std::get<AnswerSet>(result));
  }
  Tally empty(questionnaire());
  empty.merge(some);
  for (std::size_t d = 0; d < questionnaire().dimensions.size(); ++d) {
    CHECK(empty.organisation().dimensions[d].mean == some.organisation().dimensions[d].mean);
    CHECK(empty.organisation().dimensions[d].m2 == some.organisation().dimensions[d].m2);
  }
  Tally cleared = some;
  cleared.clear();
  CHECK(cleared.organisation().n == 0);
  CHECK(cleared.departments().size() == some.departments().size());  // kept, empty, for reuse
  Tally target(questionnaire());
  target.merge(cleared);
  CHECK(target.departments().empty());  // the empty ones are left out
  CHECK(target.organisation().n == 0);
}
