// Form-tool exports explained (import.md §1, `centric import --show-mapping`): how every
// column was understood, every distinct answer and what it became, the departments and
// roles found; and the mapping inferred, for `--write-mapping`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "centric/mapping.hpp"
#include "centric/questionnaire.hpp"

namespace centric {

struct ExportExplanation {
  std::string file;
  std::vector<std::string> errors;  // why the file cannot be read as answers, if it cannot
  int header_rows = 1;
  std::string recognised;  // "Qualtrics", "SurveyMonkey", the mapping, or empty
  struct Column {
    std::string letters;  // "A", "B", ...
    std::string header;
    std::string target;  // a question id, "@department", ...; empty: not used
    std::string why;
  };
  std::vector<Column> columns;
  // A distinct cell text, how often it occurs, and what it became ("4", "na", "skipped",
  // a department id, or why it rejects its row).
  struct Value {
    std::string text;
    long count = 0;
    std::string became;
    bool rejects = false;
  };
  struct QuestionValues {
    std::string column;    // "column D \"...\""
    std::string question;  // its id
    std::vector<Value> values;
    long more = 0;  // distinct values past the limit, not listed
  };
  std::vector<QuestionValues> questions;
  std::vector<Value> departments;
  std::vector<Value> roles;
  long rows = 0;                          // data rows (not blank)
  long rejected = 0;                      // of which would be rejected (a duplicate id is not looked for here)
  std::vector<std::string> row_problems;  // the first few, "ROW: message"
  MappingFile inferred;                   // what --write-mapping writes
};

// Reads the whole export, in one pass and bounded memory (at most `max_values` distinct
// values kept per column).
ExportExplanation explain_export(const std::string& path, const Questionnaire& questionnaire,
                                 const MappingFile* mapping, const std::string& sheet, std::size_t max_values = 200);

// The inferred mappings of several exports as one file (the first export's header_rows).
MappingFile merged_mapping(const std::vector<ExportExplanation>& explanations);

}  // namespace centric
