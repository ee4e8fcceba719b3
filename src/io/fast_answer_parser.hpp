// The common case, fast: answer sets that are accepted as they are, read straight from
// their text with simdjson, without building an nlohmann::json tree (docs/performance.md).
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "centric/answers.hpp"
#include "centric/questionnaire.hpp"

namespace centric {

// Accepts only what AnswerSetReader accepts, and reads it into the same AnswerSet; it
// declines everything else, including some valid sets (unknown keys, 4.0 for 4, a
// duplicate key, escapes that yield control characters...), which then take the
// diagnosing way: parse_json and AnswerSetReader, which say what is wrong. So the fast way
// decides nothing a person sees; fuzz/answer_set_loader.cpp checks that the two agree.
// One per thread: it keeps simdjson's buffers between texts.
class FastAnswerParser {
 public:
  explicit FastAnswerParser(const Questionnaire& questionnaire);
  ~FastAnswerParser();
  FastAnswerParser(const FastAnswerParser&) = delete;
  FastAnswerParser& operator=(const FastAnswerParser&) = delete;

  // simdjson reads a little past the end of a text. `copy`: the text is copied into a
  // buffer that allows it; `present`: at least `padding_bytes` readable bytes follow the text
  // (whatever they hold), and it is read where it is.
  enum class Padding { copy, present };
  static constexpr std::size_t padding_bytes = 64;

  // One answers object. On false, `out` holds nothing of use. `out`'s memory is reused.
  bool parse_object(std::string_view text, AnswerSet& out, Padding padding = Padding::copy);
  // One answers object, or an array of them (a .json file): all of them, or declined.
  enum class Document { declined, object, array };
  Document parse_document(std::string_view text, std::vector<AnswerSet>& out, Padding padding = Padding::copy);

  // Longer texts are declined, so that simdjson's buffers stay small; they go the
  // diagnosing way.
  static constexpr std::size_t max_bytes = std::size_t{16} << 20;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace centric
