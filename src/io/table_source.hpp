// A form tool's export read as rows of text cells (import.md §2): CSV/TSV through libcsv,
// XLSX through libzip and expat. What the cells mean is table_mapping's business; this
// layer only turns bytes into rows, streaming, in bounded memory.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <variant>
#include <vector>

namespace centric {

struct TableRow {
  // The row number a spreadsheet shows: 1 for the first row of the file (header rows
  // counted; a CSV record spanning several lines is one row).
  std::uint32_t number = 0;
  // UTF-8 text, one per column from the first; trailing empty cells may be missing.
  // The bytes are what the file holds (invalid UTF-8 is passed on: the mapping rejects
  // the row naming the column). XLSX numbers are written as their shortest decimal text
  // ("4", not "4.0"; "45123.5"); booleans as "TRUE"/"FALSE".
  std::vector<std::string> cells;
  // XLSX only: which cells held a number (for dates stored as serial numbers).
  std::vector<bool> numeric;
};

class TableSource {
 public:
  virtual ~TableSource() = default;

  enum class Status {
    row,      // `row` holds the next row
    bad_row,  // the row `row.number` cannot be read (a cell over the size limit ...): `problem`
              // says why; reading goes on with the next row
    end,      // no more rows
    failed,   // the rest cannot be read (a truncated file, an unclosed quote): `problem`
              // says why and where; the rows before were good
  };
  // Reuses `row`'s memory. After `end` or `failed`, every call returns `end`. A CSV blank
  // line is a row without cells (its number counts); a CSV cell keeps its bytes, except
  // that libcsv drops the spaces and tabs around an unquoted one.
  virtual Status next(TableRow& row, std::string& problem) = 0;
};

struct TableLimits {
  std::size_t max_cell_bytes = std::size_t{1} << 20;  // a longer cell makes its row bad
  std::size_t max_cells = 16384;                      // per row (Excel has 16,384 columns)
  // XLSX: uncompressed bytes read from the container, all parts together, and the text of
  // the shared strings: past either the file is failed (a ZIP bomb).
  std::uint64_t max_unpacked_bytes = std::uint64_t{4} << 30;
  std::uint64_t max_shared_string_bytes = std::uint64_t{256} << 20;
};

// Opens a CSV or TSV file. delimiter 0: whichever of ',' ';' TAB splits the header line
// (the first record) into the most fields; ties: ',' then ';' then TAB. A UTF-8 BOM is
// skipped; UTF-16 LE/BE with a BOM is converted to UTF-8. An error is a message without
// the file's name.
std::variant<std::unique_ptr<TableSource>, std::string> open_csv_table(const std::string& path, char delimiter,
                                                                       const TableLimits& limits = {});
// The same over bytes in memory (tests, fuzzing, standard input).
std::variant<std::unique_ptr<TableSource>, std::string> open_csv_text(std::string text, char delimiter,
                                                                      const TableLimits& limits = {});

// Opens an XLSX workbook: the first worksheet in the workbook's order, or the one named
// `sheet`. An unknown sheet name is an error naming the sheets there are.
std::variant<std::unique_ptr<TableSource>, std::string> open_xlsx_table(const std::string& path,
                                                                        const std::string& sheet,
                                                                        const TableLimits& limits = {});
std::variant<std::unique_ptr<TableSource>, std::string> open_xlsx_bytes(std::string bytes, const std::string& sheet,
                                                                        const TableLimits& limits = {});

}  // namespace centric
