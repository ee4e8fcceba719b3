// A terminal table laid out by display columns, shared by every command that prints one.
#pragma once

#include <fmt/color.h>

#include <string>
#include <vector>

namespace centric {

class TextTable {
 public:
  enum class Align { left, right };
  struct Cell {
    std::string text;
    Align align = Align::left;
    fmt::text_style style = {};
  };

  // `gap` spaces between columns.
  explicit TextTable(int gap = 2) : gap_(gap) {}

  void add_row(std::vector<Cell> row) { rows_.push_back(std::move(row)); }
  // A rule under the row added last.
  void add_rule() { rules_.push_back(rows_.size()); }

  // Columns are as wide as their widest cell. When that is wider than
  // `width`, the first column is shortened (with an ellipsis) to fit.
  std::string render(int width, bool color) const;

 private:
  std::vector<std::vector<Cell>> rows_;
  std::vector<std::size_t> rules_;
  int gap_;
};

}  // namespace centric
