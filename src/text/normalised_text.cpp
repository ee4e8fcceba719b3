#include "text/normalised_text.hpp"

namespace centric {

namespace {

bool is_space(char32_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000 ||
         c == 0xFEFF;  // a BOM left inside a cell reads as nothing
}

bool even(char32_t c) { return c % 2 == 0; }

}  // namespace

std::size_t decode_utf8(std::string_view text, std::size_t i, char32_t& c) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) {
    c = b0;
    return 1;
  }
  std::size_t length = 0;
  char32_t min = 0;
  if ((b0 & 0xE0) == 0xC0) {
    length = 2, c = b0 & 0x1F, min = 0x80;
  } else if ((b0 & 0xF0) == 0xE0) {
    length = 3, c = b0 & 0x0F, min = 0x800;
  } else if ((b0 & 0xF8) == 0xF0) {
    length = 4, c = b0 & 0x07, min = 0x10000;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
    c = (c << 6) | (byte(i + k) & 0x3F);
  }
  if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;
  return length;
}

// CaseFolding.txt's C and S entries for these blocks; the pairs of Latin Extended-A and
// Cyrillic alternate upper, lower, except where a letter without a pair shifts them.
char32_t folded(char32_t c) {
  if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 0x20 : c;
  if (c == 0xB5) return 0x3BC;  // micro sign -> Greek mu
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;
  if (c >= 0x100 && c <= 0x12F) return even(c) ? c + 1 : c;
  if (c >= 0x132 && c <= 0x137) return even(c) ? c + 1 : c;
  if (c >= 0x139 && c <= 0x148) return even(c) ? c : c + 1;
  if (c >= 0x14A && c <= 0x177) return even(c) ? c + 1 : c;
  if (c == 0x178) return 0xFF;
  if (c >= 0x179 && c <= 0x17E) return even(c) ? c : c + 1;
  if (c == 0x17F) return 's';
  if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 0x20;
  if (c == 0x3C2) return 0x3C3;  // final sigma
  if (c >= 0x400 && c <= 0x40F) return c + 0x50;
  if (c >= 0x410 && c <= 0x42F) return c + 0x20;
  if (c >= 0x460 && c <= 0x481) return even(c) ? c + 1 : c;
  if (c >= 0x48A && c <= 0x4BF) return even(c) ? c + 1 : c;
  if (c == 0x4C0) return 0x4CF;
  if (c >= 0x4C1 && c <= 0x4CE) return even(c) ? c : c + 1;
  if (c >= 0x4D0 && c <= 0x52F) return even(c) ? c + 1 : c;
  if (c == 0x1E9E) return 0xDF;  // capital sharp s
  return c;
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

std::string_view trimmed_spaces(std::string_view text) {
  std::size_t begin = 0;
  while (begin < text.size()) {
    char32_t c = 0;
    const std::size_t length = decode_utf8(text, begin, c);
    if (length == 0 || !is_space(c)) break;
    begin += length;
  }
  std::size_t end = text.size();
  while (end > begin) {
    // Back to the start of the last code point: at most 4 bytes, continuation bytes 10xxxxxx.
    std::size_t start = end - 1;
    while (start > begin && end - start < 4 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;
    char32_t c = 0;
    if (decode_utf8(text, start, c) != end - start || !is_space(c)) break;
    end = start;
  }
  return text.substr(begin, end - begin);
}

std::string normalised(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < text.size();) {
    char32_t c = 0;
    const std::size_t length = decode_utf8(text, i, c);
    if (length == 0) {  // an invalid byte, kept
      if (pending_space && !out.empty()) out += ' ';
      pending_space = false;
      out += text[i++];
      continue;
    }
    i += length;
    if (is_space(c)) {
      pending_space = true;
      continue;
    }
    if (pending_space && !out.empty()) out += ' ';
    pending_space = false;
    append_utf8(out, folded(c));
  }
  if (!out.empty() && (out.back() == '*' || out.back() == ':')) {
    out.pop_back();
    if (!out.empty() && out.back() == ' ') out.pop_back();
  }
  return out;
}

}  // namespace centric
