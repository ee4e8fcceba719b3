#include <fmt/format.h>

#include "centric/survey.hpp"

namespace centric {

SurveySession::SurveySession(const Questionnaire& q, AnswerSet answers, const Messages& messages, Input input)
    : questionnaire_(q), messages_(messages), input_(input), answers_(std::move(answers)) {
  for (const auto& d : q.dimensions)
    for (const auto& question : d.questions) questions_.push_back({&d, &question});
  answers_.answers.resize(questions_.size());
  // A leaders-only question is asked of a leader alone (the role is asked first).
  for (std::size_t i = 0; i < questions_.size(); ++i) {
    const bool asked = questions_[i].question->asked_of(answers_.respondent.role);
    asked_.push_back(asked);
    asked_total_ += asked ? 1 : 0;
    pending_.push_back(asked && !answers_.answers[i].given());
  }
  current_ = 0;
  while (current_ < questions_.size() && !pending_[current_]) ++current_;
  if (current_ == questions_.size()) {
    finished_ = true;
    current_ = questions_.empty() ? 0 : questions_.size() - 1;
    while (current_ > 0 && !asked_[current_]) --current_;
  }
}

std::size_t SurveySession::asked_position() const {
  std::size_t n = 0;
  for (std::size_t i = 0; i < current_ && i < asked_.size(); ++i) n += asked_[i] ? 1 : 0;
  return n;
}

std::size_t SurveySession::given_count() const {
  std::size_t n = 0;
  for (const auto& a : answers_.answers) n += a.given() ? 1 : 0;
  return n;
}

// The next question this session goes through: one unanswered at the start (a resumed
// file's earlier answers are not asked again), else the end.
void SurveySession::forward() {
  std::size_t next = current_ + 1;
  while (next < questions_.size() && !pending_[next]) ++next;
  if (next >= questions_.size())
    finished_ = true;
  else
    current_ = next;
}

SurveySession::Step SurveySession::press(const Key& key) {
  message_.clear();
  if (finished_) return {Outcome::finished, false};
  const Scale& scale = questionnaire_.scale;
  AnswerValue& answer = answers_.answers[current_];
  switch (key.kind) {
    case Key::Kind::value:
      if (key.value < scale.min || key.value > scale.max) {
        message_ = messages_("survey.invalid.out_of_range", fmt::arg("min", scale.min), fmt::arg("max", scale.max));
        return {Outcome::stayed, false};
      }
      answer = AnswerValue::of(key.value);
      break;
    case Key::Kind::not_applicable:
      if (!scale.not_applicable) {
        message_ = messages_("survey.invalid.no_not_applicable");
        return {Outcome::stayed, false};
      }
      answer = AnswerValue::na();
      break;
    case Key::Kind::dont_know:
      if (!scale.dont_know) {
        message_ = messages_("survey.invalid.no_dont_know");
        return {Outcome::stayed, false};
      }
      answer = AnswerValue::dk();
      break;
    case Key::Kind::skip:
    case Key::Kind::enter:
      break;  // an earlier answer is kept; an unanswered question stays unanswered
    case Key::Kind::back: {
      // Back to the question asked before this one (a question not asked is passed over).
      std::size_t previous = current_;
      while (previous > 0 && !asked_[previous - 1]) --previous;
      if (previous == 0) {
        message_ = messages_("survey.invalid.first_question");
        return {Outcome::stayed, false};
      }
      current_ = previous - 1;
      return {Outcome::moved, false};
    }
    case Key::Kind::help:
      return {Outcome::help, false};
    case Key::Kind::quit:
    case Key::Kind::interrupt:
      return {Outcome::quit, true};
    case Key::Kind::invalid:
      if (input_ == Input::lines) {
        message_ = not_a_token(key.text);
        return {Outcome::stayed, false};
      }
      message_ = key.text.empty() ? messages_("survey.invalid.unknown_key")
                                  : messages_("survey.invalid.unknown_key_typed", fmt::arg("key", key.text));
      return {Outcome::stayed, false};
  }
  forward();
  return {finished_ ? Outcome::finished : Outcome::moved, true};
}

// Without a terminal: what was typed, and every token that would do something here
// (n and d only where the scale allows them), in the respondent's language.
std::string SurveySession::not_a_token(const std::string& typed) const {
  const Scale& scale = questionnaire_.scale;
  const auto& m = messages_;
  std::vector<std::string> tokens{m("survey.tokens.answer", fmt::arg("first", scale.min), fmt::arg("last", scale.max))};
  if (scale.not_applicable) tokens.push_back(m("survey.tokens.not_applicable", fmt::arg("token", "n")));
  if (scale.dont_know) tokens.push_back(m("survey.tokens.dont_know", fmt::arg("token", "d")));
  tokens.push_back(m("survey.tokens.back", fmt::arg("token", "b")));
  tokens.push_back(m("survey.tokens.skip", fmt::arg("token", "s")));
  tokens.push_back(m("survey.tokens.help", fmt::arg("token", "?")));
  tokens.push_back(m("survey.tokens.save_and_quit", fmt::arg("token", "q")));
  std::string listed;
  for (const auto& token : tokens) listed += (listed.empty() ? "" : ", ") + token;
  const bool kept = answers_.answers[current_].given();
  return m("survey.invalid.not_a_token", fmt::arg("typed", typed), fmt::arg("tokens", listed),
           fmt::arg("empty_line", m(kept ? "survey.tokens.empty_line_keeps" : "survey.tokens.empty_line_skips")));
}

namespace {

bool all_digits(const std::string& s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

std::string shown_key(const std::string& bytes) {
  std::string out;
  for (unsigned char c : bytes) {
    if (c == 0x1B)
      out += "Esc";
    else if (c < 0x20 || c == 0x7F)
      out += fmt::format("^{}", static_cast<char>(c ^ 0x40));
    else
      out += static_cast<char>(c);
  }
  return out;
}

}  // namespace

Key KeyInterpreter::number(const std::string& digits) const {
  if (digits.size() > 3) return {Key::Kind::value, scale_.max + 1, digits};  // out of range, said so by the session
  return {Key::Kind::value, std::stoi(digits), digits};
}

std::optional<Key> KeyInterpreter::keypress(const std::string& bytes) {
  // One keypress per answer only where every value is a single digit.
  const bool typed_numbers = scale_.min < 0 || scale_.max > 9;
  if (bytes == "\x03") return Key{Key::Kind::interrupt, 0, ""};
  if (bytes == "\r" || bytes == "\n") {
    if (typed_ == "-") {  // a minus sign and no digits
      typed_.clear();
      return Key{Key::Kind::invalid, 0, "-"};
    }
    if (!typed_.empty()) {
      const Key k = number(typed_);
      typed_.clear();
      return k;
    }
    return Key{Key::Kind::enter, 0, ""};
  }
  if (bytes == "\x1b[D" || bytes == "\x1bOD") return Key{Key::Kind::back, 0, ""};
  if (bytes == "\x1b[C" || bytes == "\x1bOC") return Key{Key::Kind::skip, 0, ""};
  if (bytes.size() == 1) {
    const char c = bytes[0];
    if (c >= '0' && c <= '9') {
      if (!typed_numbers) return Key{Key::Kind::value, c - '0', bytes};
      if (typed_.size() < 3) typed_ += c;
      return std::nullopt;
    }
    if ((c == 0x7F || c == 0x08) && typed_numbers) {
      if (!typed_.empty()) typed_.pop_back();
      return std::nullopt;
    }
    if (c == '-' && typed_numbers && typed_.empty() && scale_.min < 0) {
      typed_ = "-";
      return std::nullopt;
    }
    typed_.clear();
    switch (c) {
      case 'n':
      case 'N':
        return Key{Key::Kind::not_applicable, 0, ""};
      case 'd':
      case 'D':
        return Key{Key::Kind::dont_know, 0, ""};
      case 'b':
      case 'B':
        return Key{Key::Kind::back, 0, ""};
      case 's':
      case 'S':
        return Key{Key::Kind::skip, 0, ""};
      case '?':
        return Key{Key::Kind::help, 0, ""};
      case 'q':
      case 'Q':
        return Key{Key::Kind::quit, 0, ""};
      default:
        break;
    }
  }
  typed_.clear();
  return Key{Key::Kind::invalid, 0, shown_key(bytes)};
}

Key KeyInterpreter::line(const std::string& raw) const {
  std::string text = raw;
  while (!text.empty() && (text.back() == '\r' || text.back() == ' ' || text.back() == '\t')) text.pop_back();
  std::size_t start = text.find_first_not_of(" \t");
  text = start == std::string::npos ? std::string() : text.substr(start);
  if (text.empty()) return {Key::Kind::enter, 0, ""};
  if (all_digits(text) || (text.size() > 1 && text[0] == '-' && all_digits(text.substr(1)))) {
    if (text.size() > 4) return {Key::Kind::value, scale_.max + 1, text};
    return {Key::Kind::value, std::stoi(text), text};
  }
  if (text == "na" || text == "n" || text == "N" || text == "NA" || text == "N/A" || text == "n/a")
    return {Key::Kind::not_applicable, 0, ""};
  if (text == "dk" || text == "d" || text == "D" || text == "DK") return {Key::Kind::dont_know, 0, ""};
  if (text == "b" || text == "B") return {Key::Kind::back, 0, ""};
  if (text == "s" || text == "S") return {Key::Kind::skip, 0, ""};
  if (text == "?") return {Key::Kind::help, 0, ""};
  if (text == "q" || text == "Q") return {Key::Kind::quit, 0, ""};
  return {Key::Kind::invalid, 0, text};
}

}  // namespace centric
