// How a form tool's table becomes answer sets (import.md §2-§3): which rows are the header,
// what each column holds, and what each cell is worth. Planned once per file from its
// header; rows are then read on any thread (TableMapping is immutable once made).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <variant>
#include <vector>

#include "centric/answers.hpp"
#include "centric/diagnostic.hpp"
#include "centric/mapping.hpp"
#include "centric/questionnaire.hpp"
#include "io/department_names.hpp"
#include "io/table_source.hpp"

namespace centric {

// Which rows are the header, and the column names they give.
struct HeaderLayout {
  int rows = 1;
  std::vector<std::string> names;
  std::string_view recognised;  // "Qualtrics", "SurveyMonkey", "the mapping's header_rows", or empty
};

// `first` holds the file's first rows (up to 3, or the mapping's header_rows).
HeaderLayout header_layout(const std::vector<TableRow>& first, std::optional<int> mapping_header_rows);

struct ColumnPlan {
  std::string header;
  ColumnUse use = ColumnUse::unused;
  std::size_t question = 0;  // with ColumnUse::question, in questionnaire order
  std::string why;           // how it was recognised, for --show-mapping
};

// A cell of a question column, read.
struct AnswerCell {
  enum class Kind : std::uint8_t { value, skipped, bad } kind = Kind::skipped;
  AnswerValue value;
  std::string why;       // Kind::bad: what is wrong
  std::string_view how;  // else how it was read ("label (pl)", "number"): a literal or the mapping's text
};

struct StringHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
template <typename T>
using StringMap = std::unordered_map<std::string, T, StringHash, std::equal_to<>>;

// What one thread remembers between rows, so that a department or role spelled the same
// way again costs a hash lookup, not a normalisation.
struct TableRowScratch {
  const void* mapping = nullptr;  // the TableMapping the memory belongs to
  StringMap<std::string> departments;
  StringMap<std::optional<Role>> roles;
  std::vector<std::string_view> cells;
  // The mapping's "departments" entries that some row used (normalised keys), so that an
  // entry no row used can be reported.
  std::unordered_map<std::string, bool> mapped_departments_used;
};

class TableMapping {
 public:
  // The columns of a file planned from its names; or every reason the file cannot be read
  // (two columns for one question, no question column, no department column), each a
  // message without the file's name.
  static std::variant<std::shared_ptr<const TableMapping>, std::vector<std::string>> plan(
      const Questionnaire& questionnaire, const MappingFile* mapping, const HeaderLayout& layout, bool from_xlsx);

  const std::vector<ColumnPlan>& columns() const { return columns_; }
  const HeaderLayout& layout() const { return layout_; }
  // Columns not used whose header is a few letters from the text of a question that no
  // column answers: (column, question), for a warning.
  const std::vector<std::pair<std::size_t, std::size_t>>& near_misses() const { return near_misses_; }
  const Questionnaire& questionnaire() const { return questionnaire_; }

  // A data row into `out` (every field set); false with the problems, named "FILE:ROW",
  // when the row is rejected.
  bool convert(const std::vector<std::string_view>& cells, const std::vector<bool>* numeric, AnswerSet& out,
               std::vector<Diagnostic>& problems, const std::string& file, std::uint32_t row,
               TableRowScratch& scratch) const;

  AnswerCell read_answer(std::string_view cell) const;
  // The department a cell names, with how it was found; empty when the cell is.
  std::string read_department(std::string_view cell, std::string* why = nullptr) const;
  // nullopt: not a role; Role::none: empty.
  std::optional<Role> read_role(std::string_view cell, std::string* why = nullptr) const;
  std::string read_submitted_at(std::string_view cell, bool numeric) const;

  // "column D \"Header\"": how messages name a column.
  std::string column_name(std::size_t column) const;

 private:
  explicit TableMapping(const Questionnaire& questionnaire) : questionnaire_(questionnaire) {
    for (const auto& d : questionnaire.dimensions)
      for (const auto& q : d.questions) any_leaders_only_ = any_leaders_only_ || q.audience == Audience::leaders;
  }

  const Questionnaire& questionnaire_;
  HeaderLayout layout_;
  std::vector<ColumnPlan> columns_;
  std::vector<std::pair<std::size_t, std::size_t>> near_misses_;  // (column, question)
  bool from_xlsx_ = false;
  bool mapped_labels_ = false;  // the mapping gives labels: looked up before anything else
  // Answer labels: as written (the fast path), and normalised.
  StringMap<std::pair<AnswerValue, std::string>> exact_labels_;
  StringMap<std::pair<AnswerValue, std::string>> labels_;
  std::vector<std::string> label_names_;       // normalised, for "did you mean"
  StringMap<std::string> label_spellings_;     // normalised -> as first written, to show
  StringMap<std::string> mapped_departments_;  // normalised value -> department
  std::unique_ptr<DepartmentNames> listed_departments_;
  StringMap<Role> mapped_roles_;  // normalised
  bool any_leaders_only_ = false;
};

// "A", "B", ..., "Z", "AA": the column letters a spreadsheet shows (from 0).
std::string column_letters(std::size_t column);

}  // namespace centric
