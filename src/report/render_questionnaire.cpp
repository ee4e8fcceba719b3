#include <fmt/color.h>
#include <fmt/format.h>

#include <algorithm>

#include "centric/messages.hpp"
#include "centric/report.hpp"
#include "centric/text.hpp"
#include "report/names.hpp"
#include "report/text_writer.hpp"

namespace centric {
namespace {

class QuestionnaireRenderer {
 public:
  QuestionnaireRenderer(const Questionnaire& q, const std::string& language, const TextStyle& style)
      : q_(q), language_(language), m_(Messages::built_in(language)), out_(style) {}

  std::string render() {
    out_ += bold(t(q_.title)) + "\n";
    out_ += m_("questionnaire.summary", fmt::arg("id", q_.id), fmt::arg("version", printable(q_.version)),
               fmt::arg("dimensions", m_.plural("count.dimensions", static_cast<long long>(q_.dimensions.size()))),
               fmt::arg("questions", m_.plural("count.questions", static_cast<long long>(q_.question_count())))) +
            "\n";
    if (!q_.intro.empty()) {
      out_ += "\n";
      paragraph(t(q_.intro), "");
    }
    scale();
    levels();
    for (std::size_t i = 0; i < q_.dimensions.size(); ++i) dimension(i);
    if (!q_.departments.empty()) {
      heading(m_("questionnaire.heading.departments"));
      for (const auto& d : q_.departments)
        out_ += fmt::format("  {:<22} {}\n", d.id, printable(department_name(q_, d.id, language_)));
    }
    out_ += "\n" + m_("questionnaire.reverse_note") + "\n";
    return out_.take();
  }

 private:
  // Every questionnaire text is shown spelled out for the terminal (formats.md §5e).
  std::string t(const LocalizedText& text) const { return terminal_text(q_, text, language_); }
  std::string bold(const std::string& s) const { return out_.bold(s); }
  void heading(const std::string& s) { out_.heading(s); }
  void paragraph(const std::string& text, const std::string& indent, const std::string& first = "") {
    out_.paragraph(text, indent, first);
  }

  void scale() {
    const Scale& s = q_.scale;
    const char* key = s.not_applicable && s.dont_know ? "questionnaire.scale_with_na_dk"
                      : s.not_applicable              ? "questionnaire.scale_with_na"
                      : s.dont_know                   ? "questionnaire.scale_with_dk"
                                                      : "questionnaire.scale";
    heading(m_(key, fmt::arg("min", s.min), fmt::arg("max", s.max)));
    for (const auto& [value, label] : s.labels) out_ += fmt::format("  {:>3}  {}\n", value, t(label));
  }

  void levels() {
    heading(m_("questionnaire.heading.levels"));
    for (const auto& l : q_.levels) {
      out_ += "  " +
              m_("questionnaire.level", fmt::arg("level", m_("level.short", fmt::arg("number", l.number))),
                 fmt::arg("name", t(l.name)), fmt::arg("min", fmt::format("{:g}", l.min))) +
              "\n";
      if (!l.description.empty()) paragraph(t(l.description), "      ");
    }
  }

  void dimension(std::size_t index) {
    const Dimension& d = q_.dimensions[index];
    heading(fmt::format(
        "{}. {} [{}]{}", index + 1, t(d.name), d.id,
        d.weight != 1 ? ", " + m_("questionnaire.weight", fmt::arg("weight", fmt::format("{:g}", d.weight))) : ""));
    if (!d.description.empty()) paragraph(t(d.description), "  ");
    out_ += "\n";
    for (std::size_t k = 0; k < d.questions.size(); ++k) {
      const Question& q = d.questions[k];
      std::string line = t(q.text);
      if (q.reverse) line += " (R)";
      if (q.audience == Audience::leaders) line += " " + m_("questionnaire.leaders_only");
      if (q.weight != 1)
        line += " [" + m_("questionnaire.weight", fmt::arg("weight", fmt::format("{:g}", q.weight))) + "]";
      const std::string number = fmt::format("  {:>2}. ", k + 1);
      paragraph(line, std::string(static_cast<std::size_t>(display_width(number)), ' '), number);
      out_ += fmt::format("      id: {}\n", q.id);
    }
    if (!d.level_descriptions.empty()) {
      out_ += "\n  " + m_("questionnaire.level_descriptions") + "\n";
      for (const auto& [level, description] : d.level_descriptions) {
        const std::string lead = fmt::format("    {}: ", m_("level.short", fmt::arg("number", level)));
        paragraph(t(description), std::string(static_cast<std::size_t>(display_width(lead)), ' '), lead);
      }
    }
    if (d.recommendations.empty()) return;
    out_ += "\n  " + m_("questionnaire.recommendations") + "\n";
    for (const auto& r : d.recommendations) {
      std::string levels;
      for (int l : r.levels) levels += (levels.empty() ? "" : ", ") + m_("level.short", fmt::arg("number", l));
      const std::string lead = fmt::format("    {}: ", levels);
      std::string text = t(r.text) + recommendation_details(m_, t(r.owner), t(r.time_frame));
      if (!r.items.empty()) {
        std::string items;
        for (const auto& id : r.items) items += (items.empty() ? "" : ", ") + id;
        text += " (" + m_("questionnaire.items", fmt::arg("items", items)) + ")";
      }
      paragraph(text, std::string(static_cast<std::size_t>(display_width(lead)), ' '), lead);
    }
  }

  const Questionnaire& q_;
  std::string language_;
  const Messages& m_;
  TextWriter out_;
};

}  // namespace

std::string render_questionnaire(const Questionnaire& q, const std::string& language, const TextStyle& style) {
  return QuestionnaireRenderer(q, language, style).render();
}

}  // namespace centric
