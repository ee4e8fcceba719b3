// Fuzzes the whole `centric assess` path on the built-in questionnaire: bytes -> answer sets
// (read as JSON Lines and, separately, as one document) -> Tally -> assess -> the JSON,
// CSV, text, Markdown and HTML reports, each checked (fuzz_support.cpp). The language,
// --min-group, --top and the terminal width are drawn from a hash of the input.
#include <cstddef>
#include <cstdint>

#include "centric/answers_io.hpp"
#include "centric/messages.hpp"
#include "centric/report.hpp"
#include "centric/scoring.hpp"
#include "fuzz/fuzz_support.hpp"

using namespace centric;
using namespace centric::fuzz;

namespace {

void assess_as(const Questionnaire& q, std::string_view text, const std::string& source, InputForm form,
               const RunOptions& options) {
  Tally tally(q);
  long accepted = 0, problems = 0;
  AnswerInputs inputs(
      q,
      [&](const AnswerSet& a) {
        ++accepted;
        tally.add(a);
      },
      [&](const std::vector<Diagnostic>& p) {
        ++problems;
        for (const auto& d : p) check_diagnostic(d);
      });
  inputs.read_text(text, source, form);
  const InputSummary& summary = inputs.summary();
  check_summary(summary, accepted, problems);
  FUZZ_CHECK(tally.organisation().n == summary.accepted);
  FUZZ_CHECK(tally.organisation().partial == summary.partial);
  if (summary.accepted == 0) return;  // `centric assess` stops here: nothing to report

  const Assessment assessment = assess(tally, ScoringOptions{options.min_group, options.top});
  Report report{q, assessment, summary, options.language, {}};
  if (assessment.organisation.n < options.min_group)  // as `centric assess` warns
    report.warnings.push_back(
        Messages::built_in(options.language)
            .plural("warning.small_organisation", assessment.organisation.n, fmt::arg("min_group", options.min_group)));
  render_and_check(report, options, Texts::trusted);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = as_text(data, size);
  const Questionnaire& q = builtin_questionnaire();
  const RunOptions options = options_for(text, q);
  assess_as(q, text, "fuzz.jsonl", InputForm::json_lines, options);
  assess_as(q, text, "fuzz.json", InputForm::document, options);
  return 0;
}
