#include "io/export_opening.hpp"

#include <fmt/format.h>

#include "centric/answers_io.hpp"

namespace centric {

std::variant<OpenedExport, std::vector<std::string>> open_export(const std::string& path,
                                                                 const Questionnaire& questionnaire,
                                                                 const MappingFile* mapping, const std::string& sheet) {
  OpenedExport opened;
  opened.xlsx = ends_with_any_case(path, ".xlsx");
  auto source =
      opened.xlsx ? open_xlsx_table(path, sheet) : open_csv_table(path, ends_with_any_case(path, ".tsv") ? '\t' : '\0');
  if (auto* error = std::get_if<std::string>(&source)) return std::vector<std::string>{*error};
  opened.table = std::move(std::get<std::unique_ptr<TableSource>>(source));

  // Qualtrics' header takes three rows; the mapping may say how many.
  const std::size_t header_rows = mapping && mapping->header_rows ? static_cast<std::size_t>(*mapping->header_rows) : 3;
  std::vector<TableRow> first;
  std::vector<std::string> problems;
  TableRow row;
  std::string problem;
  auto& status = opened.status;
  while (first.size() < header_rows) {
    status = opened.table->next(row, problem);
    if (status == TableSource::Status::end || status == TableSource::Status::failed) break;
    first.push_back(row);
    opened.pending_status.push_back(status);
    problems.push_back(status == TableSource::Status::bad_row ? problem : std::string());
  }
  if (status == TableSource::Status::failed) opened.problem = problem;
  if (first.empty())
    return std::vector<std::string>{status == TableSource::Status::failed ? problem
                                                                          : std::string("no rows: the file is empty")};
  if (opened.pending_status.front() == TableSource::Status::bad_row)
    return std::vector<std::string>{fmt::format("the header row cannot be read: {}", problems.front())};

  const HeaderLayout layout = header_layout(first, mapping ? mapping->header_rows : std::nullopt);
  auto planned = TableMapping::plan(questionnaire, mapping, layout, opened.xlsx);
  if (auto* errors = std::get_if<std::vector<std::string>>(&planned)) return std::move(*errors);
  opened.mapping = std::get<std::shared_ptr<const TableMapping>>(std::move(planned));

  const auto header = static_cast<std::size_t>(layout.rows);
  std::vector<TableSource::Status> statuses;
  for (std::size_t i = header; i < first.size(); ++i) {
    opened.pending.emplace_back(std::move(first[i]), std::move(problems[i]));
    statuses.push_back(opened.pending_status[i]);
  }
  opened.pending_status = std::move(statuses);
  return opened;
}

}  // namespace centric
