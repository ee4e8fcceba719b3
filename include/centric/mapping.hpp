// A centric-mapping/1 file (import.md §4): what a consultant tells about an export that
// cannot be inferred from it — which column is which, what a label is worth, which
// spelling is which department.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "centric/answers.hpp"
#include "centric/diagnostic.hpp"
#include "centric/questionnaire.hpp"

namespace centric {

inline constexpr std::string_view mapping_format = "centric-mapping/1";

// What a column holds, when it is not a question.
enum class ColumnUse : std::uint8_t { unused, question, department, role, id, submitted_at };

struct MappingFile {
  std::string source;  // its path, for messages
  std::optional<int> header_rows;
  struct Column {
    std::string header;  // as written in the mapping
    ColumnUse use = ColumnUse::unused;
    std::size_t question = 0;  // with ColumnUse::question: in questionnaire order
  };
  std::vector<Column> columns;
  struct Value {
    std::string label;
    AnswerValue value;
  };
  std::vector<Value> values;
  std::vector<std::pair<std::string, std::string>> departments;  // a value -> a department
  std::vector<std::pair<std::string, Role>> roles;
};

struct MappingLoad {
  std::optional<MappingFile> mapping;  // set only when there is no error
  std::vector<Diagnostic> diagnostics;
};

// Checks every entry against the questionnaire (question ids, the scale) and reports
// every mistake with its JSON path; an unknown key is one too.
MappingLoad read_mapping(std::string_view text, const std::string& source, const Questionnaire& questionnaire);
MappingLoad load_mapping_file(const std::string& path, const Questionnaire& questionnaire);

// The file `--write-mapping` writes: every key, entries in the order given.
std::string write_mapping(const MappingFile& mapping, const Questionnaire& questionnaire);

// "@department", "@role", "@id", "@submitted_at", a question id, or null (unused).
std::string column_target_name(ColumnUse use, std::size_t question, const Questionnaire& questionnaire);

}  // namespace centric
