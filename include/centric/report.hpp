// Renderers: every output format is drawn from the same Assessment, so they agree.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "centric/answers_io.hpp"
#include "centric/questionnaire.hpp"
#include "centric/scoring.hpp"

namespace centric {

struct Report {
  const Questionnaire& questionnaire;
  const Assessment& assessment;
  const InputSummary& inputs;
  std::string language;
  // Shown first in every report (and in the JSON report's inputs.warnings): departments that
  // look misspelt, a small organisation, ...
  std::vector<std::string> warnings;
};

// The centric-report/1 document (formats.md §4), pretty-printed, ending in a newline.
std::string render_json(const Report& report);

// The CSV report (formats.md §4b): RFC 4180, CRLF, UTF-8 with a byte-order mark.
std::string render_csv(const Report& report);

struct TextStyle {
  bool color = false;
  int width = 80;
};

// A questionnaire's text (title, intro, names, questions, help, scale labels, levels,
// recommendations, department names) in `language`, as a terminal may show it: control
// characters, C1 controls and bidirectional controls spelled out (printable(), as for
// department ids), so a questionnaire from anyone cannot clear the screen, retitle the
// window or reorder what follows. Every text the terminal shows from a questionnaire is
// fetched through it; widths are then measured on what is shown (formats.md §5e).
std::string terminal_text(const Questionnaire& q, const LocalizedText& text, std::string_view language);

// The terminal report for a manager.
std::string render_text(const Report& report, const TextStyle& style);

// The report as GitHub-flavoured Markdown: the text report's content, user strings escaped.
std::string render_markdown(const Report& report);

// A self-contained HTML page (no script, no request) with inline SVG charts: a radar of
// the organisation, a heatmap of departments × dimensions, the answer distribution, and a
// card per shown department with its recommendations; a table behind every chart.
std::string render_html(const Report& report);

// One respondent's own result at the end of a survey: the overall score and level, a
// bar per dimension with its level, and the recommendations of `a` (assessed with
// min_group 1, so nothing of it is suppressed).
std::string render_personal_result(const Questionnaire& q, const Assessment& a, const std::string& language,
                                   const TextStyle& style);

// The questionnaire, readable in a terminal.
std::string render_questionnaire(const Questionnaire& q, const std::string& language, const TextStyle& style);

}  // namespace centric
