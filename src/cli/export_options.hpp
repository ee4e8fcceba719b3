// The options `assess` and `import` share for form-tool exports (import.md): --mapping and
// --sheet, and what is done with what the exports' reading found.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>
#include <vector>

#include "centric/answers_io.hpp"
#include "centric/mapping.hpp"
#include "centric/scoring.hpp"

namespace centric::cli {

struct ExportOptions {
  std::string mapping;  // a centric-mapping/1 file, or empty
  std::string sheet;    // an XLSX worksheet, or empty: the first
};

void add_export_options(CLI::App& app, ExportOptions& options);

// The mapping file loaded and checked against the questionnaire, its problems printed;
// nullopt with `failed` set when it has errors (exit 1).
std::optional<MappingFile> load_mapping_option(const ExportOptions& options, const Questionnaire& questionnaire,
                                               bool& failed);

// A warning for each department spelling counted as another (import.md §3).
std::vector<Diagnostic> department_merge_warnings(const std::vector<DepartmentMerge>& merges);

// The departments seen, with the merged spellings counted as the one kept (so that they
// are not warned about again as near duplicates).
void merge_departments_seen(std::vector<DepartmentSeen>& seen, const std::vector<DepartmentMerge>& merges);

}  // namespace centric::cli
