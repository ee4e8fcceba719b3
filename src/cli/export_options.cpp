#include "cli/export_options.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "centric/text.hpp"
#include "cli/file_option.hpp"
#include "cli/questionnaire_choice.hpp"

namespace centric::cli {

void add_export_options(CLI::App& app, ExportOptions& options) {
  app.add_option("--mapping", options.mapping,
                 "A centric-mapping/1 file: which column is which question, department, role; what labels are "
                 "worth (docs/import.md)")
      ->check(non_empty_file_name())
      ->type_name("FILE");
  app.add_option("--sheet", options.sheet, "The worksheet of an .xlsx export to read (default: the first)")
      ->type_name("NAME");
}

std::optional<MappingFile> load_mapping_option(const ExportOptions& options, const Questionnaire& questionnaire,
                                               bool& failed) {
  failed = false;
  if (options.mapping.empty()) return std::nullopt;
  MappingLoad load = load_mapping_file(options.mapping, questionnaire);
  print_diagnostics(load.diagnostics);
  if (!load.mapping) failed = true;
  return std::move(load.mapping);
}

std::vector<Diagnostic> department_merge_warnings(const std::vector<DepartmentMerge>& merges) {
  std::vector<Diagnostic> warnings;
  const auto rows = [](long n) { return fmt::format("{} row{}", n, n == 1 ? "" : "s"); };
  for (const auto& merge : merges) {
    const DepartmentSpelling* kept = nullptr;
    for (const auto& s : merge.spellings)
      if (s.spelling == merge.into) kept = &s;
    for (const auto& s : merge.spellings) {
      if (&s == kept) continue;
      warnings.push_back(Diagnostic::warning(
          s.first_source, s.path,
          fmt::format("\"{}\" ({}) is counted as \"{}\" ({}, first in {}): the same department once case and white "
                      "space are ignored",
                      printable(s.spelling), rows(s.count), printable(merge.into), rows(kept->count),
                      printable(kept->first_source))));
    }
  }
  return warnings;
}

void merge_departments_seen(std::vector<DepartmentSeen>& seen, const std::vector<DepartmentMerge>& merges) {
  for (const auto& merge : merges) {
    const auto kept =
        std::find_if(seen.begin(), seen.end(), [&](const DepartmentSeen& d) { return d.department == merge.into; });
    if (kept == seen.end()) continue;
    for (const auto& spelling : merge.spellings) {
      if (spelling.spelling == merge.into) continue;
      const auto other = std::find_if(seen.begin(), seen.end(),
                                      [&](const DepartmentSeen& d) { return d.department == spelling.spelling; });
      if (other == seen.end()) continue;
      kept->count += other->count;
      if (other < kept) kept->first_source = other->first_source;  // seen in input order
      other->count = 0;  // gone: department_warnings skips departments with no set
    }
  }
}

}  // namespace centric::cli
