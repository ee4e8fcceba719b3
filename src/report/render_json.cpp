#include <nlohmann/json.hpp>

#include "centric/report.hpp"
#include "report/names.hpp"

namespace centric {
namespace {

using ojson = nlohmann::ordered_json;

class JsonRenderer {
 public:
  explicit JsonRenderer(const Report& r) : r_(r), q_(r.questionnaire) {}

  ojson document() const {
    const Assessment& a = r_.assessment;
    ojson doc;
    doc["format"] = "centric-report/1";
    doc["questionnaire"] = {{"id", q_.id}, {"version", q_.version}};
    doc["language"] = r_.language;
    doc["min_group"] = a.options.min_group;
    doc["top"] = a.options.top;
    doc["organisation"] = group(a.organisation, true);
    ojson departments = ojson::array();
    for (const auto& d : a.departments) departments.push_back(group(d, false));
    doc["departments"] = std::move(departments);
    if (a.roles_shown) {
      doc["roles"] = {{"leaders", group(a.leaders, true)}, {"employees", group(a.employees, true)}};
      doc["roles_hidden"] = nullptr;
    } else {
      doc["roles"] = nullptr;
      doc["roles_hidden"] = reason(a.roles_hidden);
    }
    ojson silo = ojson::object(), leader = ojson::object();
    for (std::size_t i = 0; i < q_.dimensions.size(); ++i) {
      silo[q_.dimensions[i].id] = optional(a.silo_spread[i]);
      leader[q_.dimensions[i].id] = optional(a.leader_gap[i]);
    }
    doc["gaps"] = {{"silo_spread", std::move(silo)}, {"leader_gap", std::move(leader)}};
    doc["inputs"] = inputs();
    return doc;
  }

 private:
  static ojson optional(const std::optional<double>& v) { return v ? ojson(*v) : ojson(nullptr); }

  // Why a figure is hidden, as a code for programs (the other formats say it in words).
  static const char* reason(Hidden why) {
    switch (why) {
      case Hidden::small:
        return "small";
      case Hidden::complementary:
        return "complementary";
      case Hidden::recoverable:
        return "recoverable";
      case Hidden::incomplete:
        return "incomplete";
      case Hidden::shown:
        break;
    }
    return "shown";
  }

  // A questionnaire text in the report's language, or null where the questionnaire has none.
  ojson text_or_null(const LocalizedText& text) const {
    if (text.empty()) return nullptr;
    return q_.text(text, r_.language);
  }

  std::string level_name(int level) const { return centric::level_name(q_, level, r_.language); }

  ojson group(const GroupResult& g, bool organisation_like) const {
    ojson out;
    if (!organisation_like) out["id"] = g.id;
    if (g.suppressed) {
      out["n"] = g.n;
      out["suppressed"] = true;
      return out;
    }
    if (!organisation_like) out["name"] = department_name(q_, g.id, r_.language);
    out["n"] = g.n;
    out["partial"] = g.partial;
    if (!organisation_like) out["suppressed"] = false;
    if (g.overall) {
      out["overall"] = {
          {"score", g.overall->score}, {"level", g.overall->level}, {"level_name", level_name(g.overall->level)}};
    } else {
      out["overall"] = {{"score", nullptr}, {"level", nullptr}, {"level_name", nullptr}};
    }
    ojson dimensions = ojson::object();
    for (std::size_t i = 0; i < q_.dimensions.size(); ++i) {
      const auto& d = g.dimensions[i];
      if (!d) {
        dimensions[q_.dimensions[i].id] = nullptr;
        continue;
      }
      ojson stats;
      stats["dimension_name"] = q_.text(q_.dimensions[i].name, r_.language);
      stats["score"] = d->score;
      stats["level"] = d->level;
      stats["level_name"] = level_name(d->level);
      stats["level_description"] = text_or_null(q_.level_description(q_.dimensions[i], d->level));
      stats["n"] = d->n;
      stats["sd"] = optional(d->sd);
      stats["ci95"] = d->ci95 ? ojson::array({d->ci95->first, d->ci95->second}) : ojson(nullptr);
      stats["alpha"] = optional(d->alpha);
      stats["favorable"] = d->favorable;
      stats["neutral"] = d->neutral;
      stats["unfavorable"] = d->unfavorable;
      dimensions[q_.dimensions[i].id] = std::move(stats);
    }
    out["dimensions"] = std::move(dimensions);
    ojson recommendations = ojson::array();
    for (const auto& rec : g.recommendations) {
      const Dimension& d = q_.dimensions[rec.dimension];
      const Recommendation& r = d.recommendations[rec.recommendation];
      recommendations.push_back({{"dimension", d.id},
                                 {"level", rec.level},
                                 {"text", q_.text(r.text, r_.language)},
                                 {"owner", text_or_null(r.owner)},
                                 {"time_frame", text_or_null(r.time_frame)},
                                 {"items", r.items}});
    }
    out["recommendations"] = std::move(recommendations);
    ojson hidden = ojson::object();
    for (std::size_t i = 0; i < q_.dimensions.size(); ++i)
      if (g.hidden[i] != Hidden::shown) hidden[q_.dimensions[i].id] = reason(g.hidden[i]);
    if (g.overall_hidden != Hidden::shown) hidden["overall"] = reason(g.overall_hidden);
    out["hidden"] = std::move(hidden);
    return out;
  }

  ojson inputs() const {
    const InputSummary& in = r_.inputs;
    ojson rejected = ojson::array();
    for (const auto& rejection : in.rejected)
      rejected.push_back({{"source", rejection.source}, {"error", rejection.reason}});
    ojson warnings = ojson::array();
    for (const auto& w : in.warnings) warnings.push_back(describe(w));
    for (const auto& w : r_.warnings) warnings.push_back(w);
    return {{"sources", in.sources},
            {"accepted", in.accepted},
            {"partial", in.partial},
            {"rejected", std::move(rejected)},
            {"warnings", std::move(warnings)}};
  }

  const Report& r_;
  const Questionnaire& q_;
};

}  // namespace

std::string render_json(const Report& report) {
  return JsonRenderer(report).document().dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace centric
