// Reading printed text back in the tests: its lines, and a wrapped paragraph as one line.
#pragma once

#include <string>
#include <vector>

namespace centric::test {

// The lines of `text`, without their line breaks (no empty last line for a final break).
inline std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// `text` with each line break and the indentation after it made one space: a paragraph
// wrapped at a space reads as one line again.
inline std::string unwrapped(const std::string& text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n') {
      out += text[i];
      continue;
    }
    while (i + 1 < text.size() && text[i + 1] == ' ') ++i;
    out += ' ';
  }
  return out;
}

}  // namespace centric::test
