#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "centric/questionnaire_io.hpp"
#include "io/json_fields.hpp"
#include "io/read_file.hpp"

namespace centric {
namespace {

using detail::Fields;
using detail::shown;

using nlohmann::json;

constexpr std::string_view questionnaire_format = "centric-questionnaire/1";

// An integer written the one way the schema allows: ^(0|-?[1-9][0-9]*)$ ("3", "-2", "0";
// not "03", "+3", " 3" or "-0", which std::stoi would take).
bool is_plain_integer(std::string_view s) {
  std::string_view digits = s;
  if (!digits.empty() && digits.front() == '-') digits.remove_prefix(1);
  if (digits.empty()) return false;
  if (digits.front() == '0') return s == "0";
  for (char c : digits)
    if (c < '0' || c > '9') return false;
  return true;
}

// A language code as the schema allows it, BCP 47 in its common forms: "en", "pl",
// "pt-BR", "zh-Hant", "sr-Latn-RS": ^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$.
bool is_language_code(std::string_view s) {
  const auto lower = [](char c) { return c >= 'a' && c <= 'z'; };
  const auto alnum = [&](char c) { return lower(c) || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); };
  std::size_t i = 0;
  while (i < s.size() && lower(s[i])) ++i;
  if (i < 2 || i > 3) return false;
  while (i < s.size()) {
    if (s[i] != '-') return false;
    const std::size_t start = ++i;
    while (i < s.size() && alnum(s[i])) ++i;
    if (i - start < 2 || i - start > 8) return false;
  }
  return true;
}

std::string not_a_language_code(const std::string& s) {
  return fmt::format("{} is not a language code: use one like \"en\", \"pl\" or \"pt-BR\" (BCP 47)", shown(s));
}

// Scale values beyond this are refused: no questionnaire needs them, and scores computed
// from values near the limits of int would overflow (formats.md §1).
constexpr int max_scale_magnitude = 1000;

class QuestionnaireChecker {
 public:
  QuestionnaireChecker(const std::string& source, std::vector<Diagnostic>& out) : f_(source, out) {}

  Questionnaire read(const json& root) {
    Questionnaire q;
    const JsonPath at;
    if (!f_.expect_object(root, at)) return q;
    f_.reject_unknown_keys(root, at,
                           {"$schema", "format", "id", "version", "default_language", "languages", "title", "intro",
                            "scale", "levels", "departments", "dimensions"});
    if (auto format = f_.string(root, at, "format", true); format && *format != questionnaire_format)
      f_.error(at.key("format"), fmt::format("is {}, expected \"{}\"", shown(*format), questionnaire_format));
    q.id = f_.id(root, at, "id", true).value_or("");
    q.version = f_.string(root, at, "version", true).value_or("");
    if (root.contains("version") && root["version"].is_string() && q.version.empty())
      f_.error(at.key("version"), "must not be empty");
    q.default_language = f_.string(root, at, "default_language", true).value_or("");
    if (root.contains("default_language") && root["default_language"].is_string() && q.default_language.empty())
      f_.error(at.key("default_language"), "must not be empty");
    else if (!q.default_language.empty() && !is_language_code(q.default_language))
      f_.error(at.key("default_language"), not_a_language_code(q.default_language));
    default_language_ = q.default_language;
    read_languages(root, at, q);

    q.title = localized(root, at, "title", true);
    q.intro = localized(root, at, "intro", false);
    read_scale(root, at, q);
    read_levels(root, at, q);
    read_departments(root, at, q);
    read_dimensions(root, at, q);
    check_translations(q);
    return q;
  }

 private:
  LocalizedText localized(const json& object, const JsonPath& at, const char* key, bool required) {
    LocalizedText t;
    const json* v = f_.member(object, at, key, required);
    if (v == nullptr) return t;
    const JsonPath here = at.key(key);
    if (v->is_string()) {
      t.by_language[default_language_] = v->get<std::string>();
    } else if (v->is_object()) {
      for (const auto& [language, text] : v->items()) {
        if (!text.is_string()) {
          f_.error(here.key(language), fmt::format("must be a string, not {}", json_type_name(text)));
          continue;
        }
        t.by_language[language] = text.get<std::string>();
      }
      if (!default_language_.empty() && !t.has(default_language_))
        f_.error(here, fmt::format("has no text in the default language \"{}\"", default_language_));
    } else {
      f_.error(here,
               fmt::format("must be a string or an object of language codes to strings, not {}", json_type_name(*v)));
    }
    if (!t.empty()) {
      SeenText seen{here.str(), {}};
      for (const auto& entry : t.by_language) seen.languages.insert(entry.first);
      texts_.push_back(std::move(seen));
    }
    return t;
  }

  void read_languages(const json& root, const JsonPath& at, Questionnaire& q) {
    const json* v = f_.member(root, at, "languages", false);
    if (v == nullptr || !f_.expect_array(*v, at.key("languages"))) return;
    for (std::size_t i = 0; i < v->size(); ++i) {
      const json& language = (*v)[i];
      if (!language.is_string() || language.get<std::string>().empty()) {
        f_.error(at.key("languages").index(i), fmt::format("must be a language code, not {}", shown(language)));
        continue;
      }
      if (!is_language_code(language.get<std::string>())) {
        f_.error(at.key("languages").index(i), not_a_language_code(language.get<std::string>()));
        continue;
      }
      q.languages.push_back(language.get<std::string>());
    }
  }

  void read_scale(const json& root, const JsonPath& at, Questionnaire& q) {
    const json* v = f_.member(root, at, "scale", true);
    const JsonPath here = at.key("scale");
    if (v == nullptr || !f_.expect_object(*v, here)) return;
    f_.reject_unknown_keys(*v, here, {"min", "max", "labels", "not_applicable", "dont_know"});
    auto min = f_.integer(*v, here, "min", true);
    auto max = f_.integer(*v, here, "max", true);
    bool in_bounds = true;
    for (const auto& [key, value] : {std::pair{"min", min}, std::pair{"max", max}}) {
      if (value && (*value < -max_scale_magnitude || *value > max_scale_magnitude)) {
        f_.error(here.key(key), fmt::format("is {}; a scale's values must be between {} and {}", *value,
                                            -max_scale_magnitude, max_scale_magnitude));
        in_bounds = false;
      }
    }
    if (min && max && in_bounds) {
      if (*min >= *max) {
        f_.error(here, fmt::format("min ({}) must be less than max ({})", *min, *max));
      } else if (static_cast<long long>(*max) - *min + 1 > 11) {
        f_.error(here, fmt::format("{}..{} has {} points; at most 11 are allowed", *min, *max,
                                   static_cast<long long>(*max) - *min + 1));
      } else {
        q.scale.min = *min;
        q.scale.max = *max;
      }
    }
    q.scale.not_applicable = f_.boolean(*v, here, "not_applicable").value_or(false);
    q.scale.dont_know = f_.boolean(*v, here, "dont_know").value_or(false);
    const json* labels = f_.member(*v, here, "labels", false);
    if (labels == nullptr || !f_.expect_object(*labels, here.key("labels"))) return;
    for (const auto& [key, text] : labels->items()) {
      const JsonPath label_at = here.key("labels").key(key);
      int value = 0;
      std::size_t used = 0;
      try {
        value = std::stoi(key, &used);
      } catch (const std::exception&) {
        used = 0;
      }
      if (!is_plain_integer(key) || used == 0 || used != key.size()) {
        f_.error(label_at,
                 fmt::format("label key {} is not a whole number written plainly, like \"3\" or \"-2\"", shown(key)));
        continue;
      }
      if (min && max && (value < *min || value > *max)) {
        f_.error(label_at, fmt::format("label for {} is outside the scale {}..{}", value, *min, *max));
        continue;
      }
      q.scale.labels[value] = localized(*labels, here.key("labels"), key.c_str(), true);
    }
  }

  void read_levels(const json& root, const JsonPath& at, Questionnaire& q) {
    const json* v = f_.member(root, at, "levels", true);
    const JsonPath here = at.key("levels");
    if (v == nullptr || !f_.expect_array(*v, here)) return;
    if (v->empty()) f_.error(here, "must hold at least one level");
    std::optional<double> previous_min;
    for (std::size_t i = 0; i < v->size(); ++i) {
      const JsonPath level_at = here.index(i);
      const json& item = (*v)[i];
      if (!f_.expect_object(item, level_at)) continue;
      f_.reject_unknown_keys(item, level_at, {"level", "min", "name", "description"});
      Level level;
      if (auto number = f_.integer(item, level_at, "level", true)) {
        if (*number != static_cast<int>(i) + 1)
          f_.error(level_at.key("level"),
                   fmt::format("is {}, expected {} (levels are numbered 1, 2, 3 ... in order)", *number, i + 1));
        level.number = *number;
      }
      if (auto min = f_.number(item, level_at, "min", true)) {
        if (i == 0 && *min != 0)
          f_.error(level_at.key("min"), fmt::format("is {}; the first level's min must be 0", *min));
        if (*min < 0 || *min >= 100)
          f_.error(level_at.key("min"), fmt::format("is {}; it must be in 0..100 (below 100)", *min));
        if (previous_min && *min <= *previous_min)
          f_.error(level_at.key("min"),
                   fmt::format("is {}; it must be above the previous level's min ({})", *min, *previous_min));
        previous_min = *min;
        level.min = *min;
      }
      level.name = localized(item, level_at, "name", true);
      level.description = localized(item, level_at, "description", false);
      q.levels.push_back(std::move(level));
    }
  }

  void read_departments(const json& root, const JsonPath& at, Questionnaire& q) {
    const json* v = f_.member(root, at, "departments", false);
    const JsonPath here = at.key("departments");
    if (v == nullptr || !f_.expect_array(*v, here)) return;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < v->size(); ++i) {
      const JsonPath department_at = here.index(i);
      const json& item = (*v)[i];
      if (!f_.expect_object(item, department_at)) continue;
      f_.reject_unknown_keys(item, department_at, {"id", "name"});
      Department d;
      if (auto id = f_.id(item, department_at, "id", true)) {
        if (!seen.insert(*id).second)
          f_.error(department_at.key("id"), fmt::format("duplicate department id {}", shown(*id)));
        d.id = *id;
      }
      d.name = localized(item, department_at, "name", false);
      q.departments.push_back(std::move(d));
    }
  }

  void read_dimensions(const json& root, const JsonPath& at, Questionnaire& q) {
    const json* v = f_.member(root, at, "dimensions", true);
    const JsonPath here = at.key("dimensions");
    if (v == nullptr || !f_.expect_array(*v, here)) return;
    if (v->empty()) f_.error(here, "must hold at least one dimension");
    std::set<std::string> dimension_ids;
    std::set<std::string> question_ids;
    for (std::size_t i = 0; i < v->size(); ++i) {
      const JsonPath dimension_at = here.index(i);
      const json& item = (*v)[i];
      if (!f_.expect_object(item, dimension_at)) continue;
      f_.reject_unknown_keys(
          item, dimension_at,
          {"id", "name", "short", "description", "weight", "questions", "levels", "recommendations"});
      Dimension d;
      if (auto id = f_.id(item, dimension_at, "id", true)) {
        if (*id == "overall")
          f_.error(dimension_at.key("id"), "\"overall\" is reserved for the overall score; choose another id");
        else if (!dimension_ids.insert(*id).second)
          f_.error(dimension_at.key("id"), fmt::format("duplicate dimension id {}", shown(*id)));
        d.id = *id;
      }
      d.name = localized(item, dimension_at, "name", true);
      d.short_name = localized(item, dimension_at, "short", false);
      d.description = localized(item, dimension_at, "description", false);
      d.weight = weight(item, dimension_at);
      read_questions(item, dimension_at, d, question_ids);
      read_level_descriptions(item, dimension_at, d, q);
      read_recommendations(item, dimension_at, d, q);
      q.dimensions.push_back(std::move(d));
    }
  }

  double weight(const json& item, const JsonPath& at) {
    auto w = f_.number(item, at, "weight", false);
    if (w && !(*w > 0)) {
      f_.error(at.key("weight"), fmt::format("is {}; a weight must be above 0", *w));
      return 1;
    }
    return w.value_or(1);
  }

  void read_questions(const json& dimension, const JsonPath& at, Dimension& d, std::set<std::string>& ids) {
    const json* v = f_.member(dimension, at, "questions", true);
    const JsonPath here = at.key("questions");
    if (v == nullptr || !f_.expect_array(*v, here)) return;
    if (v->empty()) f_.error(here, "must hold at least one question");
    for (std::size_t i = 0; i < v->size(); ++i) {
      const JsonPath question_at = here.index(i);
      const json& item = (*v)[i];
      if (!f_.expect_object(item, question_at)) continue;
      f_.reject_unknown_keys(item, question_at, {"id", "text", "help", "weight", "reverse", "audience"});
      Question question;
      if (auto id = f_.id(item, question_at, "id", true)) {
        if (!ids.insert(*id).second)
          f_.error(question_at.key("id"), fmt::format("duplicate question id {} (question ids are unique across "
                                                      "the whole questionnaire)",
                                                      shown(*id)));
        question.id = *id;
      }
      question.text = localized(item, question_at, "text", true);
      question.help = localized(item, question_at, "help", false);
      question.weight = weight(item, question_at);
      question.reverse = f_.boolean(item, question_at, "reverse").value_or(false);
      if (auto audience = f_.string(item, question_at, "audience", false)) {
        if (*audience == "leaders")
          question.audience = Audience::leaders;
        else if (*audience != "everyone")
          f_.error(question_at.key("audience"),
                   fmt::format("is {}; it must be \"everyone\" or \"leaders\" (or left out)", shown(*audience)));
      }
      d.questions.push_back(std::move(question));
    }
  }

  void read_recommendations(const json& dimension, const JsonPath& at, Dimension& d, const Questionnaire& q) {
    const json* v = f_.member(dimension, at, "recommendations", false);
    const JsonPath here = at.key("recommendations");
    if (v == nullptr || !f_.expect_array(*v, here)) return;
    for (std::size_t i = 0; i < v->size(); ++i) {
      const JsonPath rec_at = here.index(i);
      const json& item = (*v)[i];
      if (!f_.expect_object(item, rec_at)) continue;
      f_.reject_unknown_keys(item, rec_at, {"levels", "text", "owner", "time_frame", "items"});
      Recommendation r;
      if (const json* levels = f_.member(item, rec_at, "levels", true);
          levels != nullptr && f_.expect_array(*levels, rec_at.key("levels"))) {
        if (levels->empty()) f_.error(rec_at.key("levels"), "must name at least one level");
        for (std::size_t k = 0; k < levels->size(); ++k) {
          auto level = detail::as_int((*levels)[k]);
          if (!level || *level < 1 || *level > static_cast<int>(q.levels.size())) {
            f_.error(rec_at.key("levels").index(k), fmt::format("{} is not a level of this questionnaire (1..{})",
                                                                shown((*levels)[k]), q.levels.size()));
            continue;
          }
          r.levels.push_back(*level);
        }
      }
      r.text = localized(item, rec_at, "text", true);
      r.owner = localized(item, rec_at, "owner", false);
      r.time_frame = localized(item, rec_at, "time_frame", false);
      if (const json* items = f_.member(item, rec_at, "items", false);
          items != nullptr && f_.expect_array(*items, rec_at.key("items"))) {
        std::set<std::string> seen;
        for (std::size_t k = 0; k < items->size(); ++k) {
          const JsonPath item_at = rec_at.key("items").index(k);
          const json& id = (*items)[k];
          const bool in_dimension =
              id.is_string() && std::any_of(d.questions.begin(), d.questions.end(), [&](const Question& question) {
                return question.id == id.get_ref<const std::string&>();
              });
          if (!in_dimension) {
            f_.error(item_at, fmt::format("{} is not a question of this dimension{}", shown(id),
                                          d.id.empty() ? "" : fmt::format(" (\"{}\")", d.id)));
            continue;
          }
          if (!seen.insert(id.get<std::string>()).second) {
            f_.error(item_at, fmt::format("{} is listed twice", shown(id)));
            continue;
          }
          r.items.push_back(id.get<std::string>());
        }
      }
      d.recommendations.push_back(std::move(r));
    }
  }

  // dimensions[].levels: what a level means in this dimension.
  void read_level_descriptions(const json& dimension, const JsonPath& at, Dimension& d, const Questionnaire& q) {
    const json* v = f_.member(dimension, at, "levels", false);
    const JsonPath here = at.key("levels");
    if (v == nullptr || !f_.expect_array(*v, here)) return;
    for (std::size_t i = 0; i < v->size(); ++i) {
      const JsonPath level_at = here.index(i);
      const json& item = (*v)[i];
      if (!f_.expect_object(item, level_at)) continue;
      f_.reject_unknown_keys(item, level_at, {"level", "description"});
      std::optional<int> number;
      if (const json* level = f_.member(item, level_at, "level", true)) {
        number = detail::as_int(*level);
        if (!number || *number < 1 || *number > static_cast<int>(q.levels.size())) {
          f_.error(level_at.key("level"),
                   fmt::format("{} is not a level of this questionnaire (1..{})", shown(*level), q.levels.size()));
          number.reset();
        } else if (d.level_descriptions.count(*number) != 0) {
          f_.error(level_at.key("level"), fmt::format("level {} is described twice in this dimension", *number));
          number.reset();
        }
      }
      LocalizedText description = localized(item, level_at, "description", true);
      if (number) d.level_descriptions[*number] = std::move(description);
    }
  }

  void check_translations(const Questionnaire& q) {
    // A questionnaire that claims a language must have every text in it.
    // (The default language is checked for every string already.) This is an error, not
    // a warning: the list is a promise to respondents that their language is complete.
    for (const auto& language : q.languages) {
      if (language == q.default_language) continue;
      for (const auto& text : texts_)
        if (text.languages.count(language) == 0)
          f_.error_at(text.path, fmt::format("has no \"{}\" text (\"languages\" claims it)", language));
    }
  }

  struct SeenText {
    std::string path;
    std::set<std::string> languages;
  };

  Fields f_;
  std::string default_language_;
  std::vector<SeenText> texts_;
};

}  // namespace

QuestionnaireLoad read_questionnaire(std::string_view text, const std::string& source) {
  QuestionnaireLoad load;
  load.text = std::string(text);
  auto parsed = parse_json(text, source);
  if (auto* error = std::get_if<Diagnostic>(&parsed)) {
    load.diagnostics.push_back(std::move(*error));
    return load;
  }
  auto& document = std::get<JsonParse>(parsed);
  load.diagnostics = std::move(document.warnings);
  Questionnaire q = QuestionnaireChecker(source, load.diagnostics).read(document.value);
  if (!has_errors(load.diagnostics)) load.questionnaire = std::move(q);
  return load;
}

QuestionnaireLoad load_questionnaire_file(const std::string& path) {
  auto content = read_file(path, max_json_document_bytes);
  if (auto* error = std::get_if<std::string>(&content)) {
    QuestionnaireLoad load;
    load.diagnostics.push_back(Diagnostic::error(path, "", *error));
    return load;
  }
  return read_questionnaire(std::get<FileContent>(content).bytes, path);
}

}  // namespace centric
