// Reading answer sets (formats.md §2): one document, and every input form `assess` takes.
#pragma once

#include <functional>
#include <istream>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include "centric/answers.hpp"
#include "centric/diagnostic.hpp"
#include "centric/questionnaire.hpp"

namespace centric {

// Limits that keep a wrong file (a database dump, a sparse multi-gigabyte file) from
// exhausting memory: a .json document or standard input, and one line of JSON Lines.
inline constexpr std::size_t max_json_document_bytes = std::size_t{512} << 20;
inline constexpr std::size_t max_json_line_bytes = std::size_t{16} << 20;

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

// One rejected entry (formats.md §2): a whole file, an array element or a JSON Lines line.
struct Rejection {
  std::string source;
  std::vector<Diagnostic> problems;  // at least one
  std::string reason() const;        // the problems in one line, for reports
};

struct InputSummary {
  long sources = 0;  // accepted + rejected.size()
  long accepted = 0;
  long partial = 0;  // accepted sets with "complete": false
  std::vector<Rejection> rejected;
  std::vector<Diagnostic> warnings;
};

// Reads the inputs of `centric assess` in order: files holding one object or an array,
// `.jsonl` files, directories (every *.json and *.jsonl below, sorted by path) and "-"
// for standard input. Each accepted answer set goes to `on_accepted` as soon as it is
// read, so the caller can fold it away; duplicates of a respondent id are rejected.
class AnswerInputs {
 public:
  using Sink = std::function<void(const AnswerSet&)>;
  AnswerInputs(const Questionnaire& questionnaire, Sink on_accepted);

  void read_argument(const std::string& argument, std::istream& standard_input);
  void read_file(const std::string& path);
  void read_text(std::string_view text, const std::string& source, bool json_lines);

  const InputSummary& summary() const { return summary_; }

 private:
  void read_stream(std::istream& in, const std::string& source);
  void read_json_lines(std::istream& in, const std::string& source);
  void read_json_line(std::string& line, int number, const std::string& source);
  void reject_long_line(const std::string& source, int number);
  void read_document(std::string_view text, const std::string& source);
  void read_value(const nlohmann::json& value, const std::string& source);
  void offer(const nlohmann::json& object, const std::string& source);
  void reject(std::string source, std::vector<Diagnostic> problems);

  AnswerSetReader reader_;
  Sink on_accepted_;
  InputSummary summary_;
  std::unordered_map<std::string, std::string> first_source_of_id_;
};

}  // namespace centric
