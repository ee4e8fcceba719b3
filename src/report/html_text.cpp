#include "report/html_text.hpp"

#include "centric/text.hpp"

namespace centric {

std::string html_escape(std::string_view text) {
  // Control characters are not allowed in HTML text; bidirectional controls could reorder
  // what a reader sees. printable() spells both out, as in the terminal report.
  const std::string safe = printable(text);
  std::string out;
  out.reserve(safe.size() + safe.size() / 8);
  for (char c : safe) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out.push_back(c);
    }
  }
  return out;
}

}  // namespace centric
