#include "text/transliteration.hpp"

#include <array>

#include "text/normalised_text.hpp"

namespace centric {

namespace {

// а..я (U+0430..U+044F).
constexpr std::array<std::string_view, 32> cyrillic = {"a",  "b",  "v",  "g",    "d", "e", "zh", "z", "i",  "y", "k",
                                                       "l",  "m",  "n",  "o",    "p", "r", "s",  "t", "u",  "f", "kh",
                                                       "ts", "ch", "sh", "shch", "",  "y", "",   "e", "yu", "ya"};

// The ASCII of a Polish or Hungarian letter with a diacritic (lower case), or 0.
char latin(char32_t c) {
  switch (c) {
    case U'ą':
    case U'á':
      return 'a';
    case U'ć':
      return 'c';
    case U'ę':
    case U'é':
      return 'e';
    case U'í':
      return 'i';
    case U'ł':
      return 'l';
    case U'ń':
      return 'n';
    case U'ó':
    case U'ö':
    case U'ő':
      return 'o';
    case U'ś':
      return 's';
    case U'ú':
    case U'ü':
    case U'ű':
      return 'u';
    case U'ź':
    case U'ż':
      return 'z';
    default:
      return 0;
  }
}

}  // namespace

std::string transliterated(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    char32_t c = 0;
    const std::size_t length = decode_utf8(text, i, c);
    if (length == 0) {  // an invalid byte, kept
      out += text[i++];
      continue;
    }
    const char32_t lower = folded(c);
    const bool upper = lower != c;
    std::string_view ascii;
    char letter = 0;
    if (lower >= U'а' && lower <= U'я')
      ascii = cyrillic[lower - U'а'];
    else if (lower == U'ё')
      ascii = "e";
    else if ((letter = latin(lower)) != 0)
      ascii = std::string_view(&letter, 1);
    else {
      out.append(text.substr(i, length));
      i += length;
      continue;
    }
    for (std::size_t k = 0; k < ascii.size(); ++k)
      out += upper && k == 0 ? static_cast<char>(ascii[k] - 'a' + 'A') : ascii[k];
    i += length;
  }
  return out;
}

}  // namespace centric
