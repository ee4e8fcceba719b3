// Reading answer sets (formats.md §2): one document, and every input form `assess` takes.
#pragma once

#include <cstdint>
#include <functional>
#include <istream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include "centric/answers.hpp"
#include "centric/diagnostic.hpp"
#include "centric/questionnaire.hpp"

namespace centric {

class FastAnswerParser;
class RespondentIds;

// Checks answer documents against one questionnaire.
class AnswerSetReader {
 public:
  explicit AnswerSetReader(const Questionnaire& questionnaire);

  // Either the answer set or every problem that rejects it.
  std::variant<AnswerSet, std::vector<Diagnostic>> read(const nlohmann::json& doc, const std::string& source) const;
  const Questionnaire& questionnaire() const { return questionnaire_; }

 private:
  const Questionnaire& questionnaire_;
  std::unordered_map<std::string, std::size_t> question_index_;
};

// The centric-answers/1 document of `answers` (answered and "na" questions, in
// questionnaire order), pretty-printed, ending in a newline.
std::string write_answer_set(const Questionnaire& questionnaire, const AnswerSet& answers);

// One rejected entry (formats.md §2): a whole file, an array element or a JSON Lines line.
// Kept small, since a wrong file can hold millions of them; the full diagnostics go to
// the problem handler as they are found.
struct Rejection {
  std::string source;
  std::string reason;  // every problem in one line, for reports
};

struct InputSummary {
  long sources = 0;  // accepted + rejected.size()
  long accepted = 0;
  long partial = 0;  // accepted sets with "complete": false
  std::vector<Rejection> rejected;
  std::vector<Diagnostic> warnings;
};

// Whether a directory walk reads this file: *.json and *.jsonl.
bool is_answer_file_name(std::string_view path);

// How a text holds answer sets.
enum class InputForm {
  document,    // one object or an array of them (a .json file)
  json_lines,  // one object per line (a .jsonl file)
  detect,      // either (standard input): JSON Lines when the first line is an object alone
};

// Reads the inputs of `centric assess` in order: files holding one object or an array,
// `.jsonl` files, directories (every *.json and *.jsonl below, sorted by path) and "-"
// for standard input. Each accepted answer set goes to `on_accepted` as soon as it is
// read, so the caller can fold it away; each rejected entry's diagnostics go to
// `on_problems` as soon as they are found. Duplicates of a respondent id are rejected.
class AnswerInputs {
 public:
  using Sink = std::function<void(const AnswerSet&)>;
  using ProblemSink = std::function<void(const std::vector<Diagnostic>&)>;
  AnswerInputs(const Questionnaire& questionnaire, Sink on_accepted, ProblemSink on_problems = {});
  ~AnswerInputs();
  AnswerInputs(const AnswerInputs&) = delete;
  AnswerInputs& operator=(const AnswerInputs&) = delete;

  void read_argument(const std::string& argument, std::istream& standard_input);
  void read_file(const std::string& path);
  void read_text(std::string_view text, const std::string& source, InputForm form);

  const InputSummary& summary() const { return summary_; }

 private:
  class Lines;
  // Where an entry came from, in a few bytes: respondent ids remember their first source.
  struct EntryRef {
    std::uint32_t file = 0;    // index into files_
    std::uint32_t number = 0;  // line (from 1) or array index
    enum class Kind : std::uint8_t { whole, line, element } kind = Kind::whole;
  };

  std::uint32_t add_file(const std::string& name);
  std::string name_of(const EntryRef& entry) const;
  void read_directory(const std::string& directory);
  void read_stream(std::istream& in, const std::string& source);
  void read_lines(Lines& lines, std::uint32_t file);
  void read_json_line(std::string& line, EntryRef entry);
  void read_document(std::string_view text, std::uint32_t file);
  void offer(const nlohmann::json& object, EntryRef entry);
  void accept(const AnswerSet& answers, EntryRef entry);
  void reject(const EntryRef& entry, std::vector<Diagnostic> problems);
  void reject(const std::string& source, std::vector<Diagnostic> problems);

  AnswerSetReader reader_;
  std::unique_ptr<FastAnswerParser> fast_;
  AnswerSet fast_set_;  // reused, so that a line costs no new allocations
  std::vector<AnswerSet> fast_sets_;
  Sink on_accepted_;
  ProblemSink on_problems_;
  InputSummary summary_;
  std::vector<std::string> files_;
  std::unique_ptr<RespondentIds> ids_;
};

}  // namespace centric
