// Fuzzes the questionnaire loader: bytes -> read_questionnaire (parse_json and every rule
// of formats.md §1). A questionnaire that loads is then used the way `centric` uses one:
// shown (`centric questionnaire`), answered (answer sets written and read back, as the
// survey does), scored and reported in every format, each report checked.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "centric/answers_io.hpp"
#include "centric/questionnaire_io.hpp"
#include "centric/report.hpp"
#include "centric/scoring.hpp"
#include "centric/text.hpp"
#include "fuzz/fuzz_support.hpp"

using namespace centric;
using namespace centric::fuzz;

namespace {

// A few answer sets that use the whole questionnaire: every department it lists (and one it
// does not), both roles and none, values across the scale, "na" where allowed, skips.
std::vector<AnswerSet> answer_sets_for(const Questionnaire& q) {
  std::vector<std::string> departments;
  for (const auto& d : q.departments) {
    if (departments.size() == 3) break;
    departments.push_back(d.id);
  }
  departments.push_back("not-listed");
  std::vector<AnswerSet> sets;
  const int points = q.scale.points();
  for (int i = 0; i < 7; ++i) {
    AnswerSet a;
    a.questionnaire_id = q.id;
    a.questionnaire_version = q.version;
    a.respondent.id = "r" + std::to_string(i);
    a.respondent.department = departments[static_cast<std::size_t>(i) % departments.size()];
    a.respondent.role = i % 3 == 0 ? Role::leader : i % 3 == 1 ? Role::employee : Role::none;
    a.complete = i != 4;
    const std::size_t count = q.question_count();
    for (std::size_t j = 0; j < count; ++j) {
      const std::size_t k = j * 5 + static_cast<std::size_t>(i) * 3;
      if (k % 11 == 7)
        a.answers.push_back(AnswerValue::skipped());
      else if (k % 11 == 3 && q.scale.not_applicable)
        a.answers.push_back(AnswerValue::na());
      else
        a.answers.push_back(
            AnswerValue::of(q.scale.min + static_cast<int>((k * 7 + j) % static_cast<std::size_t>(points))));
    }
    sets.push_back(std::move(a));
  }
  return sets;
}

void use(const Questionnaire& q, const RunOptions& options) {
  // `centric questionnaire` in the default language and in each one claimed.
  std::vector<std::string> languages{q.default_language};
  for (const auto& l : q.languages)
    if (languages.size() < 3 && l != q.default_language) languages.push_back(l);
  for (const auto& language : languages) {
    const std::string shown = render_questionnaire(q, language, TextStyle{false, options.width});
    FUZZ_CHECK(is_valid_utf8(shown));
    check_printable_lines(shown);  // its texts spelled out (formats.md §5e)
  }

  // What the survey writes, `assess` reads back unchanged.
  Tally tally(q);
  long accepted = 0, problems = 0;
  AnswerInputs inputs(
      q,
      [&](const AnswerSet& a) {
        ++accepted;
        check_answer_set(q, a);
        tally.add(a);
      },
      [&](const std::vector<Diagnostic>& p) {
        ++problems;
        std::string all;
        for (const auto& d : p) all += format_for_stderr(d) + "\n";
        FUZZ_CHECK(false, "an answer set written by write_answer_set is rejected:\n" + all);
      });
  const auto sets = answer_sets_for(q);
  std::string lines;
  for (const auto& a : sets) {
    const std::string written = write_answer_set(q, a);
    inputs.read_text(written, "written.json", InputForm::document);
    lines += nlohmann::json::parse(written).dump() + "\n";
  }
  FUZZ_CHECK(accepted == static_cast<long>(sets.size()));
  check_summary(inputs.summary(), accepted, problems);

  // The same sets again as JSON Lines: every one a duplicate now.
  long again = 0, duplicates = 0;
  AnswerInputs second(
      q, [&](const AnswerSet&) { ++again; }, [&](const std::vector<Diagnostic>&) { ++duplicates; });
  second.read_text(lines + lines, "written.jsonl", InputForm::json_lines);
  FUZZ_CHECK(again == static_cast<long>(sets.size()) && duplicates == static_cast<long>(sets.size()));
  check_summary(second.summary(), again, duplicates);

  const Assessment assessment = assess(tally, ScoringOptions{std::min(options.min_group, 2), options.top});
  Report report{q, assessment, inputs.summary(), q.default_language, {}};
  render_and_check(report, options, Texts::any);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = as_text(data, size);
  const QuestionnaireLoad load = read_questionnaire(text, "fuzz.json");
  FUZZ_CHECK(load.text == text);
  FUZZ_CHECK(load.ok() == !has_errors(load.diagnostics));
  for (const auto& d : load.diagnostics) check_diagnostic(d);
  if (!load.ok()) return 0;
  use(*load.questionnaire, options_for(text, *load.questionnaire));
  return 0;
}
