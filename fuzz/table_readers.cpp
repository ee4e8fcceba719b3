// Fuzzes the table readers (import.md §2): the bytes as CSV text (the delimiter detected,
// and each one given) and as an XLSX workbook in memory, every row read. Whatever the
// bytes, the readers end (end or failed) and keep their promises: row numbers strictly
// increase, no cell is longer than max_cell_bytes, no row has more than max_cells cells,
// XLSX rows say which cells were numbers, and a problem is given with every bad row.
// Small limits, so that the fuzzer reaches them.
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz/fuzz_support.hpp"
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
  return 0;
}
