// The CSV report (formats.md §4b): one row per group and dimension, drawn from the same
// Assessment as the JSON report, so both say the same thing.
#include <fmt/format.h>

#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "centric/messages.hpp"
#include "centric/report.hpp"
#include "report/names.hpp"
#include "report/suppression_notes.hpp"

namespace centric {
namespace {

constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";
constexpr std::string_view line_end = "\r\n";
constexpr std::string_view header =
    "group_kind,group_id,group_name,n,dimension,score,level,level_name,sd,ci95_low,ci95_high,alpha,favorable,"
    "neutral,unfavorable,dimension_name,hidden";
constexpr std::size_t column_count = 17;
constexpr std::size_t hidden_column = 16;  // why the figures of the row are not shown

// Columns that hold numbers (n, score, level, sd, ci95_low, ci95_high, alpha and the
// shares); every other column holds text.
constexpr bool is_number_column(std::size_t column) {
  return column == 3 || (column >= 5 && column <= 14 && column != 7);
}

// The first characters OWASP's advice on CSV injection names (a spreadsheet may take such
// a cell as a formula: `=`, `+`, `-`, `@`, TAB, CR), and the guard itself, `'`: a text cell
// that starts with one of these gets one more `'` in front, so Excel, LibreOffice and Google
// Sheets show it as text, and the rule is undone exactly by dropping the first `'` of every
// text cell that starts with one (formats.md §5b).
constexpr std::string_view guarded_starts = "=+-@\t\r'";

// A field as RFC 4180 wants it: quoted (quotes doubled) when it holds a comma, a quote, CR or
// LF. A text cell that starts with one of `guarded_starts` is prefixed with ' and quoted;
// numbers (a negative one too) are written as they are.
std::string field(std::string_view value, bool text) {
  const bool guard = text && !value.empty() && guarded_starts.find(value.front()) != std::string_view::npos;
  if (!guard && value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
  std::string quoted = guard ? "\"'" : "\"";
  for (char c : value) {
    if (c == '"') quoted += '"';
    quoted += c;
  }
  quoted += '"';
  return quoted;
}

// Shortest text that reads back as the same double (as the JSON report has it); empty when absent.
std::string number(std::optional<double> value) {
  if (!value || !std::isfinite(*value)) return {};
  return fmt::format("{}", *value);
}

class CsvRenderer {
 public:
  explicit CsvRenderer(const Report& r) : r_(r), q_(r.questionnaire), m_(Messages::built_in(r.language)) {}

  std::string document() {
    out_ = byte_order_mark;
    out_ += header;
    out_ += line_end;
    const Assessment& a = r_.assessment;
    group("organisation", "organisation", m_("group.organisation"), a.organisation);
    for (const auto& d : a.departments) {
      if (d.suppressed) {
        std::vector<std::string> cells(column_count);
        cells[0] = "department";
        cells[1] = d.id;
        cells[3] = std::to_string(d.n);
        cells[hidden_column] = suppression_reason(d, a, m_);
        row(cells);
        continue;
      }
      group("department", d.id, department_name(q_, d.id, r_.language), d);
    }
    if (a.roles_shown) {
      group("role", "leaders", m_("group.leaders"), a.leaders);
      group("role", "employees", m_("group.employees"), a.employees);
    }
    return std::move(out_);
  }

 private:
  void row(const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i > 0) out_ += ',';
      out_ += field(cells[i], !is_number_column(i));
    }
    out_ += line_end;
  }

  void group(const std::string& kind, const std::string& id, const std::string& name, const GroupResult& g) {
    for (std::size_t i = 0; i < q_.dimensions.size(); ++i) {
      std::vector<std::string> cells(column_count);
      cells[0] = kind;
      cells[1] = id;
      cells[2] = name;
      cells[3] = std::to_string(g.n);
      cells[4] = q_.dimensions[i].id;
      cells[15] = q_.text(q_.dimensions[i].name, r_.language);
      if (const auto& d = g.dimensions[i]) {
        cells[5] = number(d->score);
        cells[6] = std::to_string(d->level);
        cells[7] = level_name(q_, d->level, r_.language);
        cells[8] = number(d->sd);
        if (d->ci95) {
          cells[9] = number(d->ci95->first);
          cells[10] = number(d->ci95->second);
        }
        cells[11] = number(d->alpha);
        cells[12] = number(d->favorable);
        cells[13] = number(d->neutral);
        cells[14] = number(d->unfavorable);
      }
      cells[hidden_column] = hidden_reason(g.hidden[i], r_.assessment, m_);
      row(cells);
    }
    std::vector<std::string> cells(column_count);
    cells[0] = kind;
    cells[1] = id;
    cells[2] = name;
    cells[3] = std::to_string(g.n);
    cells[4] = "overall";
    cells[15] = m_("table.overall");
    if (g.overall) {
      cells[5] = number(g.overall->score);
      cells[6] = std::to_string(g.overall->level);
      cells[7] = level_name(q_, g.overall->level, r_.language);
    }
    cells[hidden_column] = hidden_reason(g.overall_hidden, r_.assessment, m_);
    row(cells);
  }

  const Report& r_;
  const Questionnaire& q_;
  const Messages& m_;
  std::string out_;
};

}  // namespace

std::string render_csv(const Report& report) { return CsvRenderer(report).document(); }

}  // namespace centric
