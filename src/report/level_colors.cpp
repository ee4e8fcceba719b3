#include "report/level_colors.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace centric {
namespace {

// ColorBrewer's five-class RdYlBu, from lowest to highest level.
constexpr std::array<Rgb, 5> anchors{{{215, 48, 39}, {252, 141, 89}, {254, 224, 144}, {145, 191, 219}, {69, 117, 180}}};

double linear(int channel) {
  const double c = channel / 255.0;
  return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const Rgb& c) { return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b); }

}  // namespace

std::string Rgb::hex() const { return fmt::format("#{:02x}{:02x}{:02x}", r, g, b); }

Rgb level_fill(int level, int levels) {
  if (levels <= 1) return anchors[2];
  const double position = std::clamp(static_cast<double>(level - 1) / (levels - 1), 0.0, 1.0);
  // With five levels each level gets an anchor; with other counts, colours in between.
  const double scaled = position * (anchors.size() - 1);
  const auto low = static_cast<std::size_t>(std::floor(scaled));
  const std::size_t high = std::min(low + 1, anchors.size() - 1);
  const double f = scaled - low;
  const auto mix = [f](int a, int b) { return static_cast<int>(std::lround(a + (b - a) * f)); };
  return {mix(anchors[low].r, anchors[high].r), mix(anchors[low].g, anchors[high].g),
          mix(anchors[low].b, anchors[high].b)};
}

double contrast_ratio(const Rgb& a, const Rgb& b) {
  const double la = luminance(a);
  const double lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

Rgb text_color_on(const Rgb& background) {
  constexpr Rgb black{0, 0, 0};
  constexpr Rgb white{255, 255, 255};
  return contrast_ratio(background, black) >= contrast_ratio(background, white) ? black : white;
}

}  // namespace centric
