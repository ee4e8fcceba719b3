// Letters of Polish, Hungarian and Russian written in ASCII, so that a department's name
// stays readable where only ASCII may go (the survey's default file name, survey.md).
#pragma once

#include <string>
#include <string_view>

namespace centric {

// `text` with the letters of Polish (ą ć ę ł ń ó ś ź ż), Hungarian (á é í ó ö ő ú ü ű)
// and Russian Cyrillic written in ASCII, in either case: the accents dropped, Cyrillic
// by a readable scheme (ж zh, х kh, ц ts, ч ch, ш sh, щ shch, ы y, э e, ю yu, я ya,
// ё e, й y; ъ and ь dropped), an upper-case letter as a capital ("Ж" → "Zh"). Anything
// else, invalid UTF-8 bytes too, is kept as it is.
std::string transliterated(std::string_view text);

}  // namespace centric
