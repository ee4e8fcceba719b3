#include <fmt/format.h>

#include <algorithm>
#include <unordered_set>

#include "centric/import.hpp"
#include "centric/text.hpp"
#include "io/export_opening.hpp"
#include "text/normalised_text.hpp"

namespace centric {

namespace {

// Distinct values of a column with their counts, in order of first sight, up to a limit.
class ValueCounts {
 public:
  explicit ValueCounts(std::size_t limit) : limit_(limit) {}

  // The value's entry, or nullptr past the limit (then only counted as one more).
  ExportExplanation::Value* add(std::string_view text) {
    const auto it = index_.find(text);
    if (it != index_.end()) {
      ++values_[it->second].count;
      return nullptr;
    }
    if (values_.size() >= limit_) {
      if (more_seen_.size() < 100'000 && more_seen_.emplace(std::string(text)).second) ++more_;
      return nullptr;
    }
    index_.emplace(std::string(text), values_.size());
    values_.push_back({std::string(text), 1, {}, false});
    return &values_.back();
  }
  std::vector<ExportExplanation::Value>& values() { return values_; }
  long more() const { return more_; }

 private:
  std::size_t limit_;
  StringMap<std::size_t> index_;
  std::vector<ExportExplanation::Value> values_;
  std::unordered_set<std::string, StringHash, std::equal_to<>> more_seen_;
  long more_ = 0;
};

std::string_view trimmed(std::string_view s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

bool blank_header(std::string_view header) { return trimmed(header).empty(); }

std::string became(const AnswerCell& cell) {
  switch (cell.kind) {
    case AnswerCell::Kind::skipped:
      return "skipped";
    case AnswerCell::Kind::bad:
      return cell.why;
    case AnswerCell::Kind::value:
      break;
  }
  const std::string value = cell.value.kind == AnswerValue::Kind::not_applicable ? std::string("na")
                            : cell.value.kind == AnswerValue::Kind::dont_know    ? std::string("dk")
                                                                                 : std::to_string(cell.value.value);
  return cell.how.empty() ? value : fmt::format("{} ({})", value, cell.how);
}

}  // namespace

ExportExplanation explain_export(const std::string& path, const Questionnaire& questionnaire,
                                 const MappingFile* mapping, const std::string& sheet, std::size_t max_values) {
  ExportExplanation out;
  out.file = path;
  auto opening = open_export(path, questionnaire, mapping, sheet);
  if (auto* problems = std::get_if<std::vector<std::string>>(&opening)) {
    out.errors = std::move(*problems);
    return out;
  }
  OpenedExport& opened = std::get<OpenedExport>(opening);
  const TableMapping& plan = *opened.mapping;
  out.header_rows = plan.layout().rows;
  out.recognised = std::string(plan.layout().recognised);
  out.inferred.source = path;
  out.inferred.header_rows = out.header_rows;

  const auto& columns = plan.columns();
  std::vector<ValueCounts> counts(columns.size(), ValueCounts(max_values));
  for (std::size_t c = 0; c < columns.size(); ++c) {
    const ColumnPlan& column = columns[c];
    const std::string target = column.use == ColumnUse::unused
                                   ? std::string()
                                   : column_target_name(column.use, column.question, questionnaire);
    out.columns.push_back({column_letters(c), column.header, target, column.why});
    if (!blank_header(column.header)) out.inferred.columns.push_back({column.header, column.use, column.question});
  }

  TableRowScratch scratch;
  AnswerSet answers;
  std::vector<std::string_view> cells;
  std::vector<bool> numeric;
  std::vector<Diagnostic> problems;
  const auto take = [&](const TableRow& row, TableSource::Status status, const std::string& problem) {
    if (status == TableSource::Status::bad_row) {
      ++out.rows;
      ++out.rejected;
      if (out.row_problems.size() < 20) out.row_problems.push_back(fmt::format("row {}: {}", row.number, problem));
      return;
    }
    if (std::all_of(row.cells.begin(), row.cells.end(), [](const std::string& c) { return trimmed(c).empty(); }))
      return;
    ++out.rows;
    for (std::size_t c = 0; c < row.cells.size() && c < columns.size(); ++c) {
      const ColumnUse use = columns[c].use;
      if (use != ColumnUse::question && use != ColumnUse::department && use != ColumnUse::role) continue;
      ExportExplanation::Value* value = counts[c].add(row.cells[c]);
      if (value == nullptr) continue;
      if (use == ColumnUse::question) {
        const AnswerCell cell = plan.read_answer(row.cells[c]);
        value->became = became(cell);
        value->rejects = cell.kind == AnswerCell::Kind::bad;
      } else if (use == ColumnUse::department) {
        std::string why;
        value->became = plan.read_department(row.cells[c], &why);
        if (value->became.empty()) {
          value->became = "no department: rejects the row";
          value->rejects = true;
        } else {
          value->became = fmt::format("{} ({})", value->became, why);
        }
      } else {
        std::string why;
        const auto role = plan.read_role(row.cells[c], &why);
        value->rejects = !role;
        value->became = !role ? std::string("not a role: rejects the row")
                        : *role == Role::none
                            ? std::string("no role")
                            : fmt::format("{} ({})", *role == Role::leader ? "leader" : "employee", why);
      }
    }
    cells.clear();
    for (const auto& c : row.cells) cells.push_back(c);
    problems.clear();
    numeric = row.numeric;
    if (!plan.convert(cells, opened.xlsx ? &numeric : nullptr, answers, problems, path, row.number, scratch)) {
      ++out.rejected;
      for (const auto& p : problems)
        if (out.row_problems.size() < 20)
          out.row_problems.push_back(fmt::format("row {}: {}: {}", row.number, p.path, p.message));
    }
  };
  if (const auto failed = opened.read_rows(take)) out.errors.push_back(*failed);

  for (std::size_t c = 0; c < columns.size(); ++c) {
    auto& values = counts[c].values();
    if (columns[c].use == ColumnUse::question) {
      out.questions.push_back({plan.column_name(c),
                               column_target_name(ColumnUse::question, columns[c].question, questionnaire),
                               std::move(values), counts[c].more()});
      // Labels that are not numbers go to the mapping, with what they were read as.
      for (const auto& v : out.questions.back().values) {
        const AnswerCell cell = plan.read_answer(v.text);
        if (cell.kind != AnswerCell::Kind::value || cell.how == "number") continue;
        const std::string label(trimmed(v.text));
        const bool known =
            std::any_of(out.inferred.values.begin(), out.inferred.values.end(),
                        [&](const MappingFile::Value& m) { return normalised(m.label) == normalised(label); });
        if (!known) out.inferred.values.push_back({label, cell.value});
      }
    } else if (columns[c].use == ColumnUse::department) {
      for (auto& v : values) {
        const std::string department = plan.read_department(v.text);
        if (!department.empty() && department != trimmed(v.text))
          out.inferred.departments.emplace_back(std::string(trimmed(v.text)), department);
      }
      out.departments = std::move(values);
    } else if (columns[c].use == ColumnUse::role) {
      for (auto& v : values) {
        const auto role = plan.read_role(v.text);
        if (role && *role != Role::none) out.inferred.roles.emplace_back(std::string(trimmed(v.text)), *role);
      }
      out.roles = std::move(values);
    }
  }
  return out;
}

MappingFile merged_mapping(const std::vector<ExportExplanation>& explanations) {
  MappingFile merged;
  const auto has = [](const auto& entries, const std::string& key, auto key_of) {
    return std::any_of(entries.begin(), entries.end(),
                       [&](const auto& e) { return normalised(key_of(e)) == normalised(key); });
  };
  for (const auto& e : explanations) {
    if (!e.errors.empty() && e.columns.empty()) continue;
    if (!merged.header_rows) merged.header_rows = e.inferred.header_rows;
    for (const auto& c : e.inferred.columns)
      if (!has(merged.columns, c.header, [](const MappingFile::Column& m) { return m.header; }))
        merged.columns.push_back(c);
    for (const auto& v : e.inferred.values)
      if (!has(merged.values, v.label, [](const MappingFile::Value& m) { return m.label; })) merged.values.push_back(v);
    for (const auto& d : e.inferred.departments)
      if (!has(merged.departments, d.first, [](const auto& m) { return m.first; })) merged.departments.push_back(d);
    for (const auto& r : e.inferred.roles)
      if (!has(merged.roles, r.first, [](const auto& m) { return m.first; })) merged.roles.push_back(r);
  }
  return merged;
}

}  // namespace centric
