#include <cstdint>

#include "centric/text.hpp"

namespace centric {
namespace {

struct Decoded {
  char32_t code_point;
  std::size_t length;  // bytes consumed; an invalid byte is consumed alone
  bool valid;
};

Decoded decode(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) return {b0, 1, true};
  std::size_t length = 0;
  char32_t cp = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    length = 2;
    cp = b0 & 0x1F;
    min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    length = 3;
    cp = b0 & 0x0F;
    min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    length = 4;
    cp = b0 & 0x07;
    min = 0x10000;
  } else
    return {0xFFFD, 1, false};
  if (i + length > s.size()) return {0xFFFD, 1, false};
  for (std::size_t k = 1; k < length; ++k) {
    const unsigned char b = byte(i + k);
    if ((b & 0xC0) != 0x80) return {0xFFFD, 1, false};
    cp = (cp << 6) | (b & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {0xFFFD, 1, false};
  return {cp, length, true};
}

bool in(char32_t cp, char32_t lo, char32_t hi) { return cp >= lo && cp <= hi; }

int code_point_width(char32_t cp) {
  if (cp == 0) return 0;
  if (cp < 0x20 || in(cp, 0x7F, 0x9F)) return 0;
  // Combining marks and zero-width characters.
  if (in(cp, 0x0300, 0x036F) || in(cp, 0x0483, 0x0489) || in(cp, 0x0591, 0x05BD) || in(cp, 0x0610, 0x061A) ||
      in(cp, 0x064B, 0x065F) || in(cp, 0x1AB0, 0x1AFF) || in(cp, 0x1DC0, 0x1DFF) || in(cp, 0x200B, 0x200F) ||
      in(cp, 0x20D0, 0x20FF) || in(cp, 0xFE00, 0xFE0F) || in(cp, 0xFE20, 0xFE2F) || cp == 0x00AD || cp == 0x2060 ||
      cp == 0xFEFF)
    return 0;
  // Wide and full-width characters (East Asian scripts, most emoji).
  if (in(cp, 0x1100, 0x115F) || in(cp, 0x2E80, 0x303E) || in(cp, 0x3041, 0x33FF) || in(cp, 0x3400, 0x4DBF) ||
      in(cp, 0x4E00, 0x9FFF) || in(cp, 0xA000, 0xA4CF) || in(cp, 0xAC00, 0xD7A3) || in(cp, 0xF900, 0xFAFF) ||
      in(cp, 0xFE30, 0xFE4F) || in(cp, 0xFF00, 0xFF60) || in(cp, 0xFFE0, 0xFFE6) || in(cp, 0x1F300, 0x1F64F) ||
      in(cp, 0x1F900, 0x1F9FF) || in(cp, 0x20000, 0x3FFFD))
    return 2;
  return 1;
}

// Code points a terminal acts on rather than shows, beyond C0 and DEL: the C1 controls
// (U+009B is an 8-bit CSI) and the bidirectional controls, which reorder what follows.
bool is_escaped_code_point(char32_t cp) {
  return in(cp, 0x80, 0x9F) || cp == 0x061C || cp == 0x200E || cp == 0x200F || in(cp, 0x202A, 0x202E) ||
         in(cp, 0x2066, 0x2069);
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const Decoded d = decode(text, i);
    if (!d.valid) return false;
    i += d.length;
  }
  return true;
}

std::string printable(std::string_view text) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const Decoded d = decode(text, i);
    if (!d.valid || d.code_point < 0x20 || d.code_point == 0x7F) {
      const auto b = static_cast<unsigned char>(text[i]);
      out += "\\x";
      out += hex[b >> 4];
      out += hex[b & 0xF];
    } else if (is_escaped_code_point(d.code_point)) {
      // Four hex digits (every such code point is below U+10000): \u{009B}, \u{202E}.
      out += "\\u{";
      for (int shift = 12; shift >= 0; shift -= 4) out += hex[(d.code_point >> shift) & 0xF];
      out += '}';
    } else {
      out.append(text.substr(i, d.length));
    }
    i += d.length;
  }
  return out;
}

int display_width(std::string_view text) {
  int width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const Decoded d = decode(text, i);
    width += d.valid ? code_point_width(d.code_point) : 1;
    i += d.length;
  }
  return width;
}

std::string_view fit_prefix(std::string_view text, int columns) {
  int width = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    const Decoded d = decode(text, i);
    const int w = d.valid ? code_point_width(d.code_point) : 1;
    if (width + w > columns) break;
    width += w;
    i += d.length;
  }
  return text.substr(0, i);
}

std::string truncate_to_width(std::string_view text, int columns) {
  if (display_width(text) <= columns) return std::string(text);
  if (columns <= 0) return {};
  std::string out(fit_prefix(text, columns - 1));
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out + "\u2026";
}

std::string pad_right(std::string_view text, int columns) {
  std::string out(text);
  for (int w = display_width(text); w < columns; ++w) out += ' ';
  return out;
}

std::string pad_left(std::string_view text, int columns) {
  std::string out;
  for (int w = display_width(text); w < columns; ++w) out += ' ';
  return out.append(text);
}

std::vector<std::string> wrap(std::string_view text, int columns) {
  if (columns < 1) columns = 1;
  std::vector<std::string> lines;
  std::string line;
  int line_width = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == ' ' || text[i] == '\t') {
      ++i;
      continue;
    }
    if (text[i] == '\n') {
      lines.push_back(line);
      line.clear();
      line_width = 0;
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && text[end] != ' ' && text[end] != '\t' && text[end] != '\n') ++end;
    std::string_view word = text.substr(i, end - i);
    i = end;
    int word_width = display_width(word);
    if (line_width > 0 && line_width + 1 + word_width <= columns) {
      line += ' ';
      line += word;
      line_width += 1 + word_width;
      continue;
    }
    if (line_width > 0) {
      lines.push_back(line);
      line.clear();
      line_width = 0;
    }
    while (word_width > columns) {
      std::string_view head = fit_prefix(word, columns);
      if (head.empty()) head = word.substr(0, decode(word, 0).length);  // a glyph wider than a line
      lines.emplace_back(head);
      word.remove_prefix(head.size());
      word_width -= display_width(head);  // not the rest re-measured: linear in the word's length
    }
    line = std::string(word);
    line_width = word_width;
  }
  if (!line.empty() || lines.empty()) lines.push_back(line);
  return lines;
}

}  // namespace centric
