// Fuzzes the table readers (import.md §2): the bytes as CSV text (the delimiter detected,
// and each one given) and as an XLSX workbook in memory, every row read. Whatever the
// bytes, the readers end (end or failed) and keep their promises: row numbers strictly
// increase, no cell is longer than max_cell_bytes, no row has more than max_cells cells,
// XLSX rows say which cells were numbers, and a problem is given with every bad row.
// Small limits, so that the fuzzer reaches them.
//
// Then the CSV rows go through the mapping (import.md §3) for the built-in questionnaire,
// as `assess` reads an export: whatever the header, planning either succeeds or says why;
// every row is either an answer set that keeps the rules of formats.md §2 (a department,
// every answer on the scale, "na" only where allowed, the same set once written as JSON
// and read back) or rejected with one-line diagnostics that name the row.
#include <cstddef>
#include <cstdint>
#include <string>

#include "centric/answers_io.hpp"
#include "centric/questionnaire_io.hpp"
#include "fuzz/fuzz_support.hpp"
#include "src/io/table_mapping.hpp"
#include "src/io/table_source.hpp"

using namespace centric;
using namespace centric::fuzz;

namespace {

void read_all(std::variant<std::unique_ptr<TableSource>, std::string> opened, const TableLimits& limits, bool xlsx) {
  if (auto* error = std::get_if<std::string>(&opened)) {
    FUZZ_CHECK(!error->empty());
    return;
  }
  TableSource& source = *std::get<std::unique_ptr<TableSource>>(opened);
  TableRow row;
  std::uint32_t last = 0;
  for (int guard = 0;; ++guard) {
    FUZZ_CHECK(guard < (1 << 22), "the reader never ends");
    std::string problem;
    const auto status = source.next(row, problem);
    if (status == TableSource::Status::end) break;
    if (status == TableSource::Status::failed) {
      FUZZ_CHECK(!problem.empty());
      FUZZ_CHECK(source.next(row, problem) == TableSource::Status::end);
      break;
    }
    FUZZ_CHECK(row.number > last, std::to_string(row.number));
    last = row.number;
    if (status == TableSource::Status::bad_row) {
      FUZZ_CHECK(!problem.empty());
      continue;
    }
    FUZZ_CHECK(row.cells.size() <= limits.max_cells);
    for (const auto& cell : row.cells) FUZZ_CHECK(cell.size() <= limits.max_cell_bytes, cell);
    if (xlsx) FUZZ_CHECK(row.numeric.size() == row.cells.size());
  }
}

const Questionnaire& questionnaire() {
  static const Questionnaire q = *load_default_questionnaire().questionnaire;
  return q;
}

void map_rows(const std::string& bytes, const TableLimits& limits) {
  auto opened = open_csv_text(bytes, '\0', limits);
  if (std::holds_alternative<std::string>(opened)) return;
  TableSource& source = *std::get<std::unique_ptr<TableSource>>(opened);
  std::vector<TableRow> rows;
  TableRow row;
  std::string problem;
  for (int guard = 0; guard < 4096; ++guard) {
    const auto status = source.next(row, problem);
    if (status == TableSource::Status::end || status == TableSource::Status::failed) break;
    if (status == TableSource::Status::row) rows.push_back(row);
  }
  if (rows.empty()) return;
  const HeaderLayout layout = header_layout(rows, std::nullopt);
  FUZZ_CHECK(layout.rows >= 1 && layout.rows <= 3);
  auto planned = TableMapping::plan(questionnaire(), nullptr, layout, false);
  if (auto* problems = std::get_if<std::vector<std::string>>(&planned)) {
    FUZZ_CHECK(!problems->empty());
    return;
  }
  const TableMapping& mapping = *std::get<std::shared_ptr<const TableMapping>>(planned);
  const Scale& scale = questionnaire().scale;
  const AnswerSetReader reader(questionnaire());
  TableRowScratch scratch;
  AnswerSet set;
  std::vector<std::string_view> cells;
  std::vector<Diagnostic> problems;
  for (std::size_t r = static_cast<std::size_t>(layout.rows); r < rows.size(); ++r) {
    cells.assign(rows[r].cells.begin(), rows[r].cells.end());
    problems.clear();
    const std::string source_name = "export.csv:" + std::to_string(rows[r].number);
    if (!mapping.convert(cells, nullptr, set, problems, "export.csv", rows[r].number, scratch)) {
      FUZZ_CHECK(!problems.empty());
      for (const auto& p : problems) {
        FUZZ_CHECK(p.source == source_name, p.source);
        check_printable_lines(format_for_stderr(p));
      }
      continue;
    }
    FUZZ_CHECK(problems.empty());
    FUZZ_CHECK(!set.respondent.department.empty());
    FUZZ_CHECK(set.answers.size() == questionnaire().question_count());
    for (const auto& a : set.answers) {
      if (a.kind == AnswerValue::Kind::value) FUZZ_CHECK(a.value >= scale.min && a.value <= scale.max);
      if (a.kind == AnswerValue::Kind::not_applicable) FUZZ_CHECK(scale.not_applicable);
    }
    // What `centric import` writes is read back as the very same answer set.
    const std::string line = write_answer_line(questionnaire(), set);
    auto again = reader.read(nlohmann::json::parse(line), "again");
    FUZZ_CHECK(std::holds_alternative<AnswerSet>(again), line);
    const AnswerSet& read = std::get<AnswerSet>(again);
    FUZZ_CHECK(read.respondent.department == set.respondent.department, line);
    FUZZ_CHECK(read.respondent.id == set.respondent.id, line);
    FUZZ_CHECK(read.respondent.role == set.respondent.role, line);
    FUZZ_CHECK(read.submitted_at == set.submitted_at, line);
    for (std::size_t i = 0; i < set.answers.size(); ++i) {
      FUZZ_CHECK(read.answers[i].kind == set.answers[i].kind, line);
      FUZZ_CHECK(read.answers[i].value == set.answers[i].value || set.answers[i].kind != AnswerValue::Kind::value,
                 line);
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(as_text(data, size));
  TableLimits limits;
  limits.max_cell_bytes = 64;
  limits.max_cells = 32;
  limits.max_unpacked_bytes = 8 << 20;
  limits.max_shared_string_bytes = 1 << 20;
  for (const char delimiter : {'\0', ',', ';', '\t'}) read_all(open_csv_text(bytes, delimiter, limits), limits, false);
  read_all(open_xlsx_bytes(bytes, "", limits), limits, true);
  read_all(open_xlsx_bytes(bytes, "Sheet2", limits), limits, true);
  map_rows(bytes, limits);
  return 0;
}
