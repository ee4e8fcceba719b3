#include "centric/text_table.hpp"

#include <algorithm>

#include "centric/text.hpp"

namespace centric {

std::string TextTable::render(int width, bool color) const {
  const int gap = gap_;
  std::vector<int> widths;
  for (const auto& row : rows_) {
    if (widths.size() < row.size()) widths.resize(row.size(), 0);
    for (std::size_t c = 0; c < row.size(); ++c) widths[c] = std::max(widths[c], display_width(row[c].text));
  }
  if (widths.empty()) return {};
  int total = 0;
  for (int w : widths) total += w;
  total += gap * static_cast<int>(widths.size() - 1);
  if (total > width) widths[0] = std::max(4, widths[0] - (total - width));

  std::string out;
  std::size_t rule = 0;
  for (std::size_t r = 0; r < rows_.size(); ++r) {
    std::string line;
    const auto& row = rows_[r];
    for (std::size_t c = 0; c < row.size(); ++c) {
      const Cell& cell = row[c];
      const std::string text = truncate_to_width(cell.text, widths[c]);
      std::string padded = cell.align == Align::right ? pad_left(text, widths[c]) : pad_right(text, widths[c]);
      if (c + 1 == row.size() && cell.align == Align::left) padded = text;  // no trailing blanks
      if (color && (cell.style.has_foreground() || cell.style.has_emphasis())) {
        // Pad outside the escape codes so that alignment counts only visible columns.
        const std::string core = fmt::format(cell.style, "{}", text);
        padded = cell.align == Align::right
                     ? std::string(static_cast<std::size_t>(widths[c] - display_width(text)), ' ') + core
                     : core + (c + 1 == row.size()
                                   ? std::string()
                                   : std::string(static_cast<std::size_t>(widths[c] - display_width(text)), ' '));
      }
      line += padded;
      if (c + 1 < row.size()) line.append(gap, ' ');
    }
    while (!line.empty() && line.back() == ' ') line.pop_back();
    out += line + "\n";
    while (rule < rules_.size() && rules_[rule] == r + 1) {
      int line_width = 0;
      for (int w : widths) line_width += w;
      line_width += gap * static_cast<int>(widths.size() - 1);
      std::string dashes;
      for (int i = 0; i < std::min(line_width, width); ++i) dashes += "\u2500";
      out += dashes + "\n";
      ++rule;
    }
  }
  return out;
}

}  // namespace centric
