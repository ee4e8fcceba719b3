// User text made safe for HTML and SVG, in content and in quoted attribute values.
#pragma once

#include <string>
#include <string_view>

namespace centric {

// `text` with control characters spelled out (printable()) and & < > " ' replaced by
// character references: a department called "<script>" shows as that text.
std::string html_escape(std::string_view text);

}  // namespace centric
