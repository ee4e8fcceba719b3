#include "io/fast_answer_parser.hpp"

#include <simdjson.h>

#include <algorithm>
#include <optional>
#include <string>
#include <utility>

#include "centric/text.hpp"
#include "io/department_names.hpp"

namespace centric {
namespace dom = simdjson::dom;

namespace {

// A string a person wrote that the diagnosing way would take as it is: control
// characters (raw ones are a syntax error there, escaped ones are rare enough to leave to
// it) and text that is not UTF-8 (an unpaired surrogate escape) are declined.
bool plain_text(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) < 0x20) return false;
  return is_valid_utf8(s);
}

bool get_string(dom::element e, std::string_view& out) { return !e.get_string().get(out) && plain_text(out); }

// Reuses the string's memory when it has some.
void assign(std::optional<std::string>& to, std::string_view s) {
  if (to)
    to->assign(s);
  else
    to.emplace(s);
}

}  // namespace

struct FastAnswerParser::State {
  explicit State(const Questionnaire& q) : questionnaire(q), departments(q), department_memo(departments) {
    for (const auto& d : q.dimensions)
      for (const auto& item : d.questions) {
        ids_in_order.push_back(item.id);
        leaders_only.push_back(item.audience == Audience::leaders ? 1 : 0);
        any_leaders_only = any_leaders_only || item.audience == Audience::leaders;
      }
    for (std::size_t i = 0; i < ids_in_order.size(); ++i) sorted_ids.emplace_back(ids_in_order[i], i);
    std::sort(sorted_ids.begin(), sorted_ids.end());
    major = std::string(Questionnaire::major_version(q.version));
    seen.assign(ids_in_order.size(), 0);
  }

  // Answers usually come in questionnaire order: try the one after the last first.
  std::ptrdiff_t index_of(std::string_view id, std::size_t guess) const {
    if (guess < ids_in_order.size() && ids_in_order[guess] == id) return static_cast<std::ptrdiff_t>(guess);
    auto it = std::lower_bound(sorted_ids.begin(), sorted_ids.end(), id,
                               [](const auto& entry, std::string_view key) { return entry.first < key; });
    if (it == sorted_ids.end() || it->first != id) return -1;
    return static_cast<std::ptrdiff_t>(it->second);
  }

  bool read(dom::element doc, AnswerSet& a);
  bool read_questionnaire(dom::element e, AnswerSet& a) const;
  bool read_respondent(dom::element e, AnswerSet& a);
  bool read_answers(dom::element e, AnswerSet& a);

  const Questionnaire& questionnaire;
  DepartmentNames departments;
  // The same few departments come in set after set: a compare or a hash, not a normalised().
  DepartmentMemo department_memo;
  std::vector<std::string> ids_in_order;
  std::vector<unsigned char> leaders_only;  // per question: asked of leaders only
  bool any_leaders_only = false;
  std::vector<std::pair<std::string_view, std::size_t>> sorted_ids;
  std::string major;
  std::vector<unsigned char> seen;  // per question, while reading one answers object
  dom::parser parser{FastAnswerParser::max_bytes};
};

bool FastAnswerParser::State::read_questionnaire(dom::element e, AnswerSet& a) const {
  dom::object o;
  if (e.get_object().get(o)) return false;
  bool has_id = false, has_version = false;
  for (auto [key, value] : o) {
    std::string_view s;
    if (key == "id" && !has_id) {
      if (!get_string(value, s) || s != questionnaire.id) return false;
      a.questionnaire_id.assign(s);
      has_id = true;
    } else if (key == "version" && !has_version) {
      if (!get_string(value, s) || Questionnaire::major_version(s) != major) return false;
      a.questionnaire_version.assign(s);
      has_version = true;
    } else {
      return false;
    }
  }
  return has_id && has_version;
}

bool FastAnswerParser::State::read_respondent(dom::element e, AnswerSet& a) {
  dom::object o;
  if (e.get_object().get(o)) return false;
  bool has_department = false, has_role = false, has_id = false;
  for (auto [key, value] : o) {
    std::string_view s;
    if (key == "department" && !has_department) {
      if (!get_string(value, s) || s.empty()) return false;
      a.respondent.department.assign(departments.empty() ? s : department_memo.resolve(s));
      has_department = true;
    } else if (key == "role" && !has_role) {
      if (value.get_string().get(s)) return false;
      if (s == "leader")
        a.respondent.role = Role::leader;
      else if (s == "employee")
        a.respondent.role = Role::employee;
      else
        return false;
      has_role = true;
    } else if (key == "id" && !has_id) {
      if (!get_string(value, s)) return false;
      // An empty id names nobody, as in AnswerSetReader.
      if (s.empty())
        a.respondent.id.reset();
      else
        assign(a.respondent.id, s);
      has_id = true;
    } else {
      return false;
    }
  }
  if (!has_id) a.respondent.id.reset();
  return has_department;
}

bool FastAnswerParser::State::read_answers(dom::element e, AnswerSet& a) {
  dom::object o;
  if (e.get_object().get(o)) return false;
  const Scale& scale = questionnaire.scale;
  std::fill(seen.begin(), seen.end(), 0);
  std::size_t guess = 0;
  for (auto [key, value] : o) {
    const std::ptrdiff_t index = index_of(key, guess);
    if (index < 0 || seen[static_cast<std::size_t>(index)]) return false;
    seen[static_cast<std::size_t>(index)] = 1;
    guess = static_cast<std::size_t>(index) + 1;
    AnswerValue& slot = a.answers[static_cast<std::size_t>(index)];
    std::int64_t v = 0;
    std::string_view s;
    if (!value.get_int64().get(v)) {
      if (v < scale.min || v > scale.max) return false;
      slot = AnswerValue::of(static_cast<int>(v));
    } else if (!value.get_string().get(s)) {
      if (s == "na" && scale.not_applicable)
        slot = AnswerValue::na();
      else if (s == "dk" && scale.dont_know)
        slot = AnswerValue::dk();
      else
        return false;
    } else {
      return false;
    }
  }
  return true;
}

bool FastAnswerParser::State::read(dom::element doc, AnswerSet& a) {
  dom::object o;
  if (doc.get_object().get(o)) return false;
  // The strings of `a` are overwritten, not freed: a worker thread would otherwise free,
  // for every set, memory that another thread allocated (docs/performance.md).
  a.questionnaire_id.clear();
  a.questionnaire_version.clear();
  a.respondent.department.clear();
  a.respondent.role = Role::none;
  a.complete = true;
  a.answers.assign(ids_in_order.size(), AnswerValue::skipped());
  enum : unsigned { format = 1, questionnaire_key = 2, respondent = 4, complete = 8, submitted_at = 16, answers = 32 };
  unsigned found = 0;
  const auto first = [&found](unsigned bit) {
    if (found & bit) return false;  // a duplicate key: the diagnosing way keeps the last one
    found |= bit;
    return true;
  };
  for (auto [key, value] : o) {
    std::string_view s;
    bool ok = false;
    if (key == "format") {
      ok = first(format) && get_string(value, s) && s == "centric-answers/1";
    } else if (key == "questionnaire") {
      ok = first(questionnaire_key) && read_questionnaire(value, a);
    } else if (key == "respondent") {
      ok = first(respondent) && read_respondent(value, a);
    } else if (key == "complete") {
      ok = first(complete) && !value.get_bool().get(a.complete);
    } else if (key == "submitted_at") {
      ok = first(submitted_at) && get_string(value, s);
      if (ok) assign(a.submitted_at, s);
    } else if (key == "answers") {
      ok = first(answers) && read_answers(value, a);
    }
    if (!ok) return false;
  }
  if (!(found & submitted_at)) a.submitted_at.reset();
  const unsigned required = format | questionnaire_key | respondent | answers;
  if ((found & required) != required) return false;
  // An employee's answer to a question asked of leaders only is not counted (formats.md §2).
  a.not_asked = 0;
  if (any_leaders_only && a.respondent.role == Role::employee)
    for (std::size_t i = 0; i < leaders_only.size(); ++i)
      if (leaders_only[i] && a.answers[i].given()) {
        a.answers[i] = AnswerValue::skipped();
        ++a.not_asked;
      }
  return true;
}

static_assert(FastAnswerParser::padding_bytes >= simdjson::SIMDJSON_PADDING);

FastAnswerParser::FastAnswerParser(const Questionnaire& questionnaire)
    : state_(std::make_unique<State>(questionnaire)) {}

FastAnswerParser::~FastAnswerParser() = default;

namespace {

// simdjson skips a UTF-8 byte-order mark; the diagnosing way warns about it.
bool declined(std::string_view text) {
  return text.size() > FastAnswerParser::max_bytes || text.starts_with("\xEF\xBB\xBF");
}

}  // namespace

bool FastAnswerParser::parse_object(std::string_view text, AnswerSet& out, Padding padding) {
  if (declined(text)) return false;
  dom::element doc;
  if (state_->parser.parse(text.data(), text.size(), padding == Padding::copy).get(doc)) return false;
  return state_->read(doc, out);
}

FastAnswerParser::Document FastAnswerParser::parse_document(std::string_view text, std::vector<AnswerSet>& out,
                                                            Padding padding) {
  out.clear();
  if (declined(text)) return Document::declined;
  dom::element doc;
  if (state_->parser.parse(text.data(), text.size(), padding == Padding::copy).get(doc)) return Document::declined;
  dom::array elements;
  if (doc.get_array().get(elements)) {
    out.emplace_back();
    return state_->read(doc, out.back()) ? Document::object : Document::declined;
  }
  for (dom::element e : elements) {
    out.emplace_back();
    if (!state_->read(e, out.back())) return Document::declined;
  }
  return Document::array;
}

}  // namespace centric
