#include "report/text_writer.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "centric/text.hpp"

namespace centric {

std::string TextWriter::styled(const fmt::text_style& s, const std::string& text) const {
  return style_.color ? fmt::format(s, "{}", text) : text;
}

void TextWriter::paragraph(const std::string& text, const std::string& indent, const std::string& first_indent) {
  const std::string& lead = first_indent.empty() ? indent : first_indent;
  const int width = std::max(20, style_.width - display_width(indent));
  bool first = true;
  for (const auto& line : wrap(text, width)) {
    out_ += (first ? lead : indent) + line + "\n";
    first = false;
  }
}

void TextWriter::heading(const std::string& text) {
  out_ += "\n";
  // Unwrapped when it fits, so a heading keeps its spaces exactly as written.
  if (display_width(text) <= std::max(20, style_.width)) {
    out_ += bold(text) + "\n";
    return;
  }
  for (const auto& line : wrap(text, std::max(20, style_.width))) out_ += bold(line) + "\n";
}

}  // namespace centric
