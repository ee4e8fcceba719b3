// The colours of the HTML report: one fill per maturity level, from red (lowest) through
// yellow to blue (highest) — a scale that people with red-green colour blindness can read —
// and for every fill the text colour that contrasts with it best.
#pragma once

#include <string>

namespace centric {

struct Rgb {
  int r = 0;
  int g = 0;
  int b = 0;

  std::string hex() const;  // "#rrggbb"
  friend bool operator==(const Rgb&, const Rgb&) = default;
};

// The fill of `level` (1..levels) on a scale of `levels` levels.
Rgb level_fill(int level, int levels);

// The WCAG 2 contrast ratio of two colours (1 to 21).
double contrast_ratio(const Rgb& a, const Rgb& b);

// Black or white, whichever contrasts more with `background`; at least 4.58:1 for any
// background, above the 4.5:1 WCAG asks of body text.
Rgb text_color_on(const Rgb& background);

}  // namespace centric
