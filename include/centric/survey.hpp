// The interactive survey's logic (survey.md), kept apart from any terminal: which question
// is current, what a key does, when the file must be saved. The terminal layer only turns
// bytes into Keys and draws what the session says.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "centric/answers.hpp"
#include "centric/messages.hpp"
#include "centric/questionnaire.hpp"

namespace centric {

struct Key {
  enum class Kind { value, not_applicable, dont_know, back, skip, help, quit, enter, interrupt, invalid };
  Kind kind = Kind::invalid;
  int value = 0;     // for Kind::value
  std::string text;  // for Kind::invalid: what was typed
};

class SurveySession {
 public:
  // `answers` holds the department, role, id and any answers already given (a resumed
  // file); the session goes through the questions unanswered at the start, in order.
  // `messages` words message(), in the respondent's language. Keys come from a terminal,
  // or as lines without one: the message for a line that is no answer lists the tokens.
  enum class Input { keys, lines };
  SurveySession(const Questionnaire& q, AnswerSet answers, const Messages& messages, Input input = Input::keys);

  enum class Outcome {
    moved,     // to another question (an answer given, kept, skipped, or a step back)
    stayed,    // the same question; see message()
    help,      // show the current question's help
    quit,      // save and stop (resumable)
    finished,  // the last question was passed
  };
  struct Step {
    Outcome outcome = Outcome::stayed;
    bool save = false;  // the answers file must be rewritten now
  };
  Step press(const Key& key);

  bool finished() const { return finished_; }
  std::size_t position() const { return current_; }  // flat question index
  // The questions the respondent is asked (leaders-only ones only of a leader), and the
  // current one's place among them (from 0): "question 3 of 36" counts only these.
  std::size_t total() const { return asked_total_; }
  std::size_t asked_position() const;
  const Question& question() const { return *questions_[current_].question; }
  const Dimension& dimension() const { return *questions_[current_].dimension; }
  const AnswerValue& current_answer() const { return answers_.answers[current_]; }
  const std::string& message() const { return message_; }  // why a key did nothing
  const AnswerSet& answers() const { return answers_; }
  // Answered, N/A or don't know: the keys an answers file holds.
  std::size_t given_count() const;

 private:
  struct Item {
    const Dimension* dimension;
    const Question* question;
  };
  void forward();
  std::string not_a_token(const std::string& typed) const;

  const Questionnaire& questionnaire_;
  const Messages& messages_;
  Input input_;
  AnswerSet answers_;
  std::vector<Item> questions_;
  std::vector<bool> pending_;  // unanswered when the session started, and asked
  std::vector<bool> asked_;    // asked of this respondent (audience, formats.md §1)
  std::size_t asked_total_ = 0;
  std::size_t current_ = 0;
  bool finished_ = false;
  std::string message_;
};

// Turns typed text into Keys for one questionnaire's scale. On a terminal each call gets
// the bytes of one keypress (an arrow key's escape sequence is one keypress); without a
// terminal each call gets one line. Scales of 11 points take a typed number confirmed
// with Enter, so digits are collected until Enter.
class KeyInterpreter {
 public:
  explicit KeyInterpreter(const Scale& scale) : scale_(scale) {}

  // One keypress on a terminal: a Key, or nothing yet (a digit of a longer number).
  std::optional<Key> keypress(const std::string& bytes);
  // One line without a terminal.
  Key line(const std::string& text) const;
  // Digits typed so far towards a number (11-point scales), to echo on screen.
  const std::string& typed() const { return typed_; }

 private:
  Key number(const std::string& digits) const;
  const Scale& scale_;
  std::string typed_;
};

// The default answers file name: answers-<department>-<YYYYMMDDTHHMMSSZ>.json, the
// department's Polish, Hungarian and Russian letters transliterated (transliterated()),
// then its ASCII letters lower-cased and every other code point outside [a-z0-9._-]
// written as '-': "Отдел продаж" is answers-otdel-prodazh-<time>.json.
std::string answers_file_name(const std::string& department, const std::string& utc_compact_time);

// A random (version 4) UUID: the respondent id when none is given.
std::string random_uuid();

struct SurveySettings {
  std::string questionnaire_path;  // repeated in the resume command; empty: the built-in one
  std::optional<std::string> department;
  std::optional<Role> role;
  std::optional<std::string> respondent;
  std::string language;
  // The words the survey says, in `language`; null: Messages::built_in(language).
  const Messages* messages = nullptr;
  std::string output;  // empty: answers_file_name() in the current directory
  std::string resume;  // a partial answers file to continue
  bool color = false;
};

enum class SurveyEnd {
  completed,    // the last question was passed: complete file, result shown
  quit,         // q or end of input: saved, resumable
  interrupted,  // Ctrl-C, SIGTERM, SIGHUP, a closed terminal: saved, resumable
  refused,      // an error before the first question (said on stderr); nothing written
  failed,       // the file could not be written
};

// Runs the survey on standard input and output (a terminal, or lines from a pipe).
SurveyEnd run_survey(const Questionnaire& q, const SurveySettings& settings);

}  // namespace centric
