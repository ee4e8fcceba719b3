// What the harnesses share: the built-in questionnaire, run options drawn from the input,
// and cheap checks of what the engine promises (docs/formats.md) that abort on failure,
// so that libFuzzer reports a broken promise like a crash, with the input that broke it.
// Nothing here keeps state from one input to the next; the questionnaire is read once and
// never changed.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "centric/answers_io.hpp"
#include "centric/diagnostic.hpp"
#include "centric/questionnaire.hpp"
#include "centric/report.hpp"

namespace centric::fuzz {

// Prints what broke and where, then aborts (a "crash" to libFuzzer).
[[noreturn]] void fail(const char* file, int line, const char* condition, std::string_view detail = {});

#define FUZZ_CHECK(condition, ...)                                                                      \
  do {                                                                                                  \
    if (!(condition)) ::centric::fuzz::fail(__FILE__, __LINE__, #condition __VA_OPT__(, ) __VA_ARGS__); \
  } while (0)

// The questionnaire compiled into the engine, read once.
const Questionnaire& builtin_questionnaire();

// The bytes of a fuzz input as text.
inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Report options drawn from a hash of the input, so that every input is replayed the same
// way and the fuzzer still meets every language, threshold and width.
struct RunOptions {
  std::string language;
  int min_group = 5;
  int top = 3;
  int width = 80;  // of the coloured text report (the plain one is checked at 80 columns)
};
RunOptions options_for(std::string_view input, const Questionnaire& q);

// A diagnostic as `centric` prints it: nothing a terminal would act on, one line.
void check_diagnostic(const Diagnostic& d);

// What AnswerInputs promises about its summary: sources = accepted + rejected, and so on.
// `accepted_calls` and `problem_calls` count the calls of the two sinks.
void check_summary(const InputSummary& summary, long accepted_calls, long problem_calls);

// An accepted answer set: an entry for every question, each on the scale, a department.
void check_answer_set(const Questionnaire& q, const AnswerSet& a);

// Each line as printable() leaves it: no control, C1 or bidirectional character.
void check_printable_lines(const std::string& text);

// Which promises of the reports hold for any questionnaire, and which only for one whose
// texts are trusted not to hold overlong words (the built-in one).
enum class Texts { any, trusted };

// Renders `report` in every format and checks each (see docs/fuzzing.md for the list).
void render_and_check(const Report& report, const RunOptions& options, Texts texts);

}  // namespace centric::fuzz
