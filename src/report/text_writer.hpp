// Terminal text built up line by line: paragraphs wrapped to the width, headings, and
// bold or coloured text when the style allows colour. Shared by the text renderers.
#pragma once

#include <fmt/color.h>

#include <string>
#include <string_view>

#include "centric/report.hpp"

namespace centric {

class TextWriter {
 public:
  explicit TextWriter(const TextStyle& style) : style_(style) {}

  const TextStyle& style() const { return style_; }

  // `text` in style `s` when colour is on, else unchanged.
  std::string styled(const fmt::text_style& s, const std::string& text) const;
  std::string bold(const std::string& text) const { return styled(fmt::emphasis::bold, text); }

  // Appends `text` as it is.
  TextWriter& operator+=(std::string_view text) {
    out_ += text;
    return *this;
  }

  // `text` wrapped to the width (at least 20 columns after the indent), every line after
  // `indent`, the first after `first_indent` instead when that is not empty.
  void paragraph(const std::string& text, const std::string& indent = "", const std::string& first_indent = "");

  // A blank line, then `text` in bold (wrapped when it is wider than the width).
  void heading(const std::string& text);

  // What has been written; the writer is empty afterwards.
  std::string take() { return std::move(out_); }

 private:
  TextStyle style_;
  std::string out_;
};

}  // namespace centric
