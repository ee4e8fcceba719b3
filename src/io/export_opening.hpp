// An export opened and its header planned: what `assess`, `import` and `--show-mapping`
// do the same way before they read the data rows.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "io/table_mapping.hpp"
#include "io/table_source.hpp"

namespace centric {

struct OpenedExport {
  std::unique_ptr<TableSource> table;
  std::shared_ptr<const TableMapping> mapping;
  bool xlsx = false;
  // Rows read to find the header that are data rows: to be read before the rest.
  std::vector<std::pair<TableRow, std::string>> pending;  // a row, and its problem if bad
  std::vector<TableSource::Status> pending_status;
  // How reading the first rows ended: `row` (go on), `end` or `failed` (with `problem`).
  TableSource::Status status = TableSource::Status::row;
  std::string problem;

  // Every data row in order, the pending ones first: take(row, status, problem) with status
  // `row` or `bad_row`. Returns why the rest could not be read, if it could not.
  template <typename Take>
  std::optional<std::string> read_rows(Take take) {
    for (std::size_t i = 0; i < pending.size(); ++i) take(pending[i].first, pending_status[i], pending[i].second);
    TableSource::Status last = status;
    std::string why = problem;
    if (last == TableSource::Status::row || last == TableSource::Status::bad_row) {
      TableRow row;
      while ((last = table->next(row, why)) == TableSource::Status::row || last == TableSource::Status::bad_row)
        take(row, last, why);
    }
    if (last == TableSource::Status::failed) return why;
    return std::nullopt;
  }
};

// Every reason the file cannot be read (messages without the file's name).
std::variant<OpenedExport, std::vector<std::string>> open_export(const std::string& path,
                                                                 const Questionnaire& questionnaire,
                                                                 const MappingFile* mapping, const std::string& sheet);

}  // namespace centric
