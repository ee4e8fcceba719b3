// Fuzzes the answer-set reader for the built-in questionnaire: bytes -> AnswerInputs in
// each form `centric assess` reads (a .json document, a .jsonl file, standard input that
// is told apart by its first line) and AnswerSetReader on the document alone. Each
// accepted set is checked, written back with write_answer_set and read again unchanged.
// The fast reader (simdjson) is checked against the diagnosing one (nlohmann/json +
// AnswerSetReader): whatever it accepts, the diagnosing one accepts as the same sets.
// A .jsonl file read in chunks (as `assess` reads regular files, here with tiny chunks
// so that every line crosses boundaries) gives what reading it line by line gives.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "centric/answers_io.hpp"
#include "centric/json_input.hpp"
#include "fuzz/fuzz_support.hpp"
#include "src/io/fast_answer_parser.hpp"

using namespace centric;
using namespace centric::fuzz;

namespace {

// write_answer_set writes the questionnaire's own id and version, so a round trip keeps
// the answers but not those.
bool same_answers(const AnswerSet& a, const AnswerSet& b) {
  if (a.respondent.id != b.respondent.id || a.respondent.department != b.respondent.department ||
      a.respondent.role != b.respondent.role || a.complete != b.complete || a.submitted_at != b.submitted_at ||
      a.answers.size() != b.answers.size())
    return false;
  for (std::size_t i = 0; i < a.answers.size(); ++i)
    if (a.answers[i].kind != b.answers[i].kind || (a.answers[i].answered() && a.answers[i].value != b.answers[i].value))
      return false;
  return true;
}

bool same(const AnswerSet& a, const AnswerSet& b) {
  return a.questionnaire_id == b.questionnaire_id && a.questionnaire_version == b.questionnaire_version &&
         same_answers(a, b);
}

void round_trip(const Questionnaire& q, const AnswerSetReader& reader, const AnswerSet& a) {
  const std::string written = write_answer_set(q, a);
  const nlohmann::json doc = nlohmann::json::parse(written, nullptr, false);
  FUZZ_CHECK(!doc.is_discarded(), written);
  auto again = reader.read(doc, "written.json");
  FUZZ_CHECK(std::holds_alternative<AnswerSet>(again), written);
  FUZZ_CHECK(same_answers(a, std::get<AnswerSet>(again)), written);
}

void read_as(const Questionnaire& q, const AnswerSetReader& reader, std::string_view text, const std::string& source,
             InputForm form) {
  long accepted = 0, problems = 0;
  AnswerInputs inputs(
      q,
      [&](const AnswerSet& a) {
        ++accepted;
        check_answer_set(q, a);
        round_trip(q, reader, a);
      },
      [&](const std::vector<Diagnostic>& p) {
        ++problems;
        FUZZ_CHECK(has_errors(p));
        for (const auto& d : p) check_diagnostic(d);
      });
  inputs.read_text(text, source, form);
  check_summary(inputs.summary(), accepted, problems);
}

// What the fast reader accepts, the diagnosing one accepts the same.
void compare_fast_reader(FastAnswerParser& fast, const AnswerSetReader& reader, std::string_view text) {
  std::vector<AnswerSet> sets;
  const auto form = fast.parse_document(text, sets);
  AnswerSet one;
  const bool object = fast.parse_object(text, one);
  FUZZ_CHECK(object == (form == FastAnswerParser::Document::object), text);
  if (form == FastAnswerParser::Document::declined) return;
  auto parsed = parse_json(text, "fuzz.json");
  FUZZ_CHECK(std::holds_alternative<JsonParse>(parsed), text);
  const auto& document = std::get<JsonParse>(parsed);
  FUZZ_CHECK(document.warnings.empty(), text);
  const nlohmann::json& value = document.value;
  FUZZ_CHECK(value.is_object() == object && (object || value.is_array()), text);
  if (object) {
    FUZZ_CHECK(same(one, sets.front()), text);
    auto slow = reader.read(value, "fuzz.json");
    FUZZ_CHECK(std::holds_alternative<AnswerSet>(slow), text);
    FUZZ_CHECK(same(one, std::get<AnswerSet>(slow)), text);
    return;
  }
  FUZZ_CHECK(value.size() == sets.size(), text);
  for (std::size_t i = 0; i < sets.size(); ++i) {
    auto slow = reader.read(value[i], "fuzz.json");
    FUZZ_CHECK(std::holds_alternative<AnswerSet>(slow), text);
    FUZZ_CHECK(same(sets[i], std::get<AnswerSet>(slow)), text);
  }
}

// Everything AnswerInputs reports, in order.
ReadingOptions reading(unsigned jobs, std::size_t chunk_bytes) {
  ReadingOptions o;
  o.jobs = jobs;
  o.chunk_bytes = chunk_bytes;
  return o;
}

std::vector<std::string> events_of(const Questionnaire& q, const ReadingOptions& options,
                                   const std::function<void(AnswerInputs&)>& read) {
  std::vector<std::string> events;
  AnswerInputs inputs(
      q,
      [&](const AnswerSet& a) {
        events.push_back("accepted " + a.respondent.id.value_or("") + a.respondent.department);
      },
      [&](const std::vector<Diagnostic>& problems) {
        std::string all;
        for (const auto& p : problems) all += format_for_stderr(p) + "\n";
        events.push_back(all);
      },
      options);
  read(inputs);
  for (const auto& w : inputs.summary().warnings) events.push_back(format_for_stderr(w));
  return events;
}

void compare_chunked(const Questionnaire& q, std::string_view text) {
  static const std::string path = "/tmp/centric-fuzz-" + std::to_string(::getpid()) + ".jsonl";
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(text.data(), static_cast<std::streamsize>(text.size()));
    FUZZ_CHECK(out.good(), "cannot write " + path);
  }
  const auto in_order = events_of(q, {}, [&](AnswerInputs& in) { in.read_text(text, path, InputForm::json_lines); });
  for (const std::size_t chunk : {std::size_t{1}, std::size_t{3}, std::size_t{64}}) {
    const auto chunked = events_of(q, reading(1, chunk), [&](AnswerInputs& in) { in.read_file(path); });
    FUZZ_CHECK(chunked == in_order, "chunks of " + std::to_string(chunk) + " bytes: " + std::string(text));
  }
  const auto threads = events_of(q, reading(2, 5), [&](AnswerInputs& in) { in.read_file(path); });
  FUZZ_CHECK(threads == in_order, "two threads: " + std::string(text));
}

// The built-in questionnaire with the optional features on (formats.md §1): "dk" allowed
// and every third question asked of leaders only, so that the fast reader's "dk" and its
// audience rule are compared with the diagnosing reader's too.
const Questionnaire& featured_questionnaire() {
  static const Questionnaire q = [] {
    Questionnaire copy = builtin_questionnaire();
    copy.scale.dont_know = true;
    std::size_t flat = 0;
    for (auto& d : copy.dimensions)
      for (auto& question : d.questions)
        if (flat++ % 3 == 2) question.audience = Audience::leaders;
    return copy;
  }();
  return q;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = as_text(data, size);
  const Questionnaire& q = builtin_questionnaire();
  const AnswerSetReader reader(q);
  read_as(q, reader, text, "fuzz.json", InputForm::document);
  read_as(q, reader, text, "fuzz.jsonl", InputForm::json_lines);
  read_as(q, reader, text, "<stdin>", InputForm::detect);
  static FastAnswerParser fast(q);
  compare_fast_reader(fast, reader, text);
  static const AnswerSetReader featured_reader(featured_questionnaire());
  static FastAnswerParser featured_fast(featured_questionnaire());
  compare_fast_reader(featured_fast, featured_reader, text);
  compare_chunked(q, text);

  // The reader alone, on whatever JSON the bytes hold (an object or not).
  auto parsed = parse_json(text, "fuzz.json");
  if (auto* document = std::get_if<JsonParse>(&parsed)) {
    auto result = reader.read(document->value, "fuzz.json");
    if (auto* problems = std::get_if<std::vector<Diagnostic>>(&result)) {
      FUZZ_CHECK(has_errors(*problems));
      for (const auto& d : *problems) check_diagnostic(d);
    } else {
      check_answer_set(q, std::get<AnswerSet>(result));
    }
  } else {
    check_diagnostic(std::get<Diagnostic>(parsed));
  }
  return 0;
}
