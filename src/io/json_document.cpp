#include <fmt/format.h>

#include <algorithm>
#include <cstddef>
#include <iterator>

#include "centric/json_input.hpp"
#include "centric/text.hpp"
#include "io/json_mistakes.hpp"

namespace centric {
namespace {

using nlohmann::json;

struct Place {
  int line = 1;
  int column = 1;
};

// Where the byte at `offset` (from 0) is: its line, and its column in code points.
Place place_of(std::string_view text, std::size_t offset) {
  if (offset > text.size()) offset = text.size();
  Place p;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < offset; ++i)
    if (text[i] == '\n') {
      ++p.line;
      line_start = i + 1;
    }
  for (std::size_t i = line_start; i < offset; ++i)
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++p.column;
  return p;
}

Diagnostic at_offset(const std::string& source, std::string_view text, std::size_t offset, std::string path,
                     std::string message) {
  const Place p = place_of(text, offset);
  Diagnostic d = Diagnostic::error(source, std::move(path), std::move(message));
  d.line = p.line;
  d.column = p.column;
  return d;
}

Diagnostic at_byte(const std::string& source, std::string_view text, std::size_t byte, std::string message) {
  // nlohmann reports the 1-based byte at which it stopped, one past the end at the end.
  byte = std::min(byte, text.size());
  return at_offset(source, text, byte > 0 ? byte - 1 : 0, "", std::move(message));
}

// "[json.exception.parse_error.101] parse error at line 1, column 2: syntax error ..." ->
// "syntax error ...": the position is given separately.
std::string strip_exception_prefix(std::string_view what) {
  if (auto at = what.find("column "); at != std::string_view::npos) {
    if (auto colon = what.find(": ", at); colon != std::string_view::npos) return std::string(what.substr(colon + 2));
  }
  if (auto bracket = what.find("] "); bracket != std::string_view::npos) return std::string(what.substr(bracket + 2));
  return std::string(what);
}

bool only_whitespace(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// A number as a message quotes it: a hostile one may be a megabyte of digits.
std::string quoted_number(std::string_view literal) {
  if (literal.size() <= 40) return std::string(literal);
  return std::string(literal.substr(0, 37)) + "...";
}

// The text's bytes, telling how far the parser has read: nlohmann's SAX events carry no
// position, so a duplicate key is placed by where its closing quote was read.
class TrackingIterator {
 public:
  using iterator_category = std::forward_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  TrackingIterator() = default;
  TrackingIterator(const char* at, const char** reached) : at_(at), reached_(reached) {}
  const char& operator*() const { return *at_; }
  TrackingIterator& operator++() {
    *reached_ = ++at_;
    return *this;
  }
  TrackingIterator operator++(int) {
    TrackingIterator before = *this;
    ++*this;
    return before;
  }
  bool operator==(const TrackingIterator& other) const { return at_ == other.at_; }

 private:
  const char* at_ = nullptr;
  const char** reached_ = nullptr;
};

// Builds the document as nlohmann::json::parse would, and refuses what parse lets through:
// a key given twice in one object (parse keeps the last value, silently), an integer too
// large for 64 bits (parse keeps a double, without its digits), nesting deeper than
// max_json_depth. Number overflow ("1e400") is placed where parse gives no position.
class DocumentBuilder {
 public:
  enum class Failure { none, too_deep, placed, parser };

  DocumentBuilder(json& root, std::string_view text, const char* const& reached)
      : root_(root), text_(text), reached_(reached) {}

  bool null() { return value(nullptr); }
  bool boolean(bool v) { return value(v); }
  bool number_integer(json::number_integer_t v) { return value(v); }
  bool number_unsigned(json::number_unsigned_t v) { return value(v); }
  bool number_float(json::number_float_t v, const std::string& literal) {
    // An integer that does not fit 64 bits arrives as a double, its last digits lost.
    if (literal.find_first_of(".eE") == std::string::npos)
      return fail_at(number_start(literal), path_of_next_value(),
                     fmt::format("the whole number {} is too large to be read exactly (more than 64 bits)",
                                 quoted_number(literal)));
    return value(v);
  }
  bool string(std::string& v) { return value(std::move(v)); }
  bool binary(json::binary_t& v) { return value(std::move(v)); }

  bool start_object(std::size_t) {
    json* object = place(json::value_t::object);
    if (object == nullptr) return false;
    frames_.push_back({object, key_starts_.size(), nullptr, 0});
    return true;
  }
  bool key(std::string& k) {
    if (too_deep()) return false;
    Frame& frame = frames_.back();
    // The parser has just read the key's closing quote.
    const std::size_t start = string_start(static_cast<std::size_t>(reached_ - text_.data()) - 1);
    auto [it, inserted] = frame.value->get_ref<json::object_t&>().try_emplace(std::move(k));
    if (!inserted) return duplicate(it->first, start);
    key_starts_.push_back(start);
    frame.key = &it->first;
    slot_ = &it->second;
    return true;
  }
  bool end_object() {
    key_starts_.resize(frames_.back().first_key);
    frames_.pop_back();
    return true;
  }
  bool start_array(std::size_t) {
    json* array = place(json::value_t::array);
    if (array == nullptr) return false;
    frames_.push_back({array, key_starts_.size(), nullptr, 0});
    return true;
  }
  bool end_array() {
    frames_.pop_back();
    return true;
  }

  bool parse_error(std::size_t position, const std::string& last_token, const nlohmann::detail::exception& e) {
    if (e.id == 406) {  // number overflow: the parser has read the number, and no further
      const std::size_t end = std::min(position, text_.size());
      return fail_at(end - std::min(end, last_token.size()), path_of_next_value(),
                     fmt::format("the number {} is too large to be read", quoted_number(last_token)));
    }
    failure_ = Failure::parser;
    parser_byte_ = position;
    parser_message_ = e.what();
    return false;
  }

  Failure failure() const { return failure_; }
  std::size_t parser_byte() const { return parser_byte_; }
  const std::string& parser_message() const { return parser_message_; }
  std::size_t offset() const { return offset_; }
  std::string& path() { return path_; }
  std::string& message() { return message_; }

 private:
  struct Frame {
    json* value;
    std::size_t first_key;   // this object's keys in key_starts_ begin here
    const std::string* key;  // an object's latest key
    std::size_t elements;    // an array's elements so far
  };

  bool too_deep() {
    if (frames_.size() <= static_cast<std::size_t>(max_json_depth)) return false;
    failure_ = Failure::too_deep;
    return true;
  }

  template <typename Value>
  bool value(Value&& v) {
    return place(std::forward<Value>(v)) != nullptr;
  }

  template <typename Value>
  json* place(Value&& v) {
    if (too_deep()) return nullptr;
    if (frames_.empty()) {
      root_ = json(std::forward<Value>(v));
      return &root_;
    }
    Frame& frame = frames_.back();
    if (frame.value->is_array()) {
      auto& array = frame.value->get_ref<json::array_t&>();
      array.emplace_back(std::forward<Value>(v));
      ++frame.elements;
      return &array.back();
    }
    *slot_ = json(std::forward<Value>(v));
    return slot_;
  }

  // The opening quote of the string whose closing quote is at `close`.
  std::size_t string_start(std::size_t close) const {
    for (std::size_t at = close; at > 0;) {
      --at;
      if (text_[at] != '"') continue;
      std::size_t backslashes = 0;
      while (backslashes < at && text_[at - 1 - backslashes] == '\\') ++backslashes;
      if (backslashes % 2 == 0) return at;
    }
    return 0;
  }

  // Where a number that was just read starts: the parser has read one byte past its end,
  // unless it ended the text.
  std::size_t number_start(const std::string& literal) const {
    const auto read = static_cast<std::size_t>(reached_ - text_.data());
    for (const std::size_t end : {read - std::min<std::size_t>(read, 1), read})
      if (end >= literal.size() && text_.substr(end - literal.size(), literal.size()) == literal)
        return end - literal.size();
    return read;
  }

  // The decoded key of the string at `start`.
  std::string key_at(std::size_t start) const {
    std::size_t close = start + 1;
    while (close < text_.size() && text_[close] != '"') close += text_[close] == '\\' ? 2 : 1;
    return json::parse(text_.substr(start, close + 1 - start), nullptr, false).get<std::string>();
  }

  // The path of the innermost open object (`inner_placed`) or of the value about to be
  // placed in the innermost container: the latest key of each object, the latest element of
  // each array (for a value about to be placed in an array, the next one).
  JsonPath path_inside(std::size_t frame_count, bool inner_placed) const {
    JsonPath path;
    for (std::size_t i = 0; i < frame_count; ++i) {
      const Frame& f = frames_[i];
      const bool placed = i + 1 < frame_count || inner_placed;
      path = f.value->is_array() ? path.index(f.elements - (placed ? 1 : 0)) : path.key(*f.key);
    }
    return path;
  }
  std::string path_of_next_value() const { return path_inside(frames_.size(), false).str(); }

  bool duplicate(const std::string& key, std::size_t second) {
    const Frame& frame = frames_.back();
    std::size_t first = second;
    for (std::size_t i = frame.first_key; i < key_starts_.size(); ++i)
      if (key_at(key_starts_[i]) == key) {
        first = key_starts_[i];
        break;
      }
    const Place a = place_of(text_, first);
    const Place b = place_of(text_, second);
    const std::string where =
        a.line == b.line ? fmt::format("column {}", a.column) : fmt::format("line {}, column {}", a.line, a.column);
    const std::string shown_key = json(key).dump(-1, ' ', false, json::error_handler_t::replace);
    return fail_at(
        second, path_inside(frames_.size() - 1, true).key(key).str(),
        fmt::format("duplicate key {} (first at {}); each key may appear only once in an object", shown_key, where));
  }

  bool fail_at(std::size_t offset, std::string path, std::string message) {
    failure_ = Failure::placed;
    offset_ = offset;
    path_ = std::move(path);
    message_ = std::move(message);
    return false;
  }

  json& root_;
  std::string_view text_;
  const char* const& reached_;
  std::vector<Frame> frames_;
  std::vector<std::size_t> key_starts_;  // the keys of the open objects, where each starts
  json* slot_ = nullptr;                 // where the value after the latest key goes

  Failure failure_ = Failure::none;
  std::size_t parser_byte_ = 0;
  std::string parser_message_;
  std::size_t offset_ = 0;
  std::string path_;
  std::string message_;
};

}  // namespace

bool strip_utf8_bom(std::string_view& text) {
  if (text.substr(0, 3) != "\xEF\xBB\xBF") return false;
  text.remove_prefix(3);
  return true;
}

bool strip_utf8_bom(std::string& text) {
  if (text.compare(0, 3, "\xEF\xBB\xBF") != 0) return false;
  text.erase(0, 3);
  return true;
}

std::variant<JsonParse, Diagnostic> parse_json(std::string_view text, const std::string& source) {
  JsonParse result;
  if (strip_utf8_bom(text)) {
    result.warnings.push_back(Diagnostic::warning(source, "", "UTF-8 byte-order mark ignored"));
  }
  if (text.size() >= 2 && (text.substr(0, 2) == "\xFF\xFE" || text.substr(0, 2) == "\xFE\xFF"))
    return Diagnostic::error(source, "", "the file is UTF-16; save it as UTF-8");
  if (text.empty()) return Diagnostic::error(source, "", "empty input: expected a JSON document");
  if (only_whitespace(text)) return Diagnostic::error(source, "", "only white space: expected a JSON document");

  // nlohmann's parser takes a NUL byte for the end of the text and would drop the rest.
  if (const std::size_t nul = text.find('\0'); nul != std::string_view::npos) {
    const JsonMistake mistake = nul_byte_mistake(text, nul);
    if (!mistake.at) return Diagnostic::error(source, "", mistake.message);
    return at_offset(source, text, *mistake.at, "", mistake.message);
  }

  const char* reached = text.data();
  DocumentBuilder builder(result.value, text, reached);
  nlohmann::json::sax_parse(TrackingIterator(text.data(), &reached),
                            TrackingIterator(text.data() + text.size(), &reached), &builder);
  switch (builder.failure()) {
    case DocumentBuilder::Failure::none:
      break;
    case DocumentBuilder::Failure::too_deep:
      return Diagnostic::error(source, "", fmt::format("nested more than {} levels deep", max_json_depth));
    case DocumentBuilder::Failure::placed:
      return at_offset(source, text, builder.offset(), std::move(builder.path()), printable(builder.message()));
    case DocumentBuilder::Failure::parser: {
      const std::string& what = builder.parser_message();
      if (auto mistake = explain_json_mistake(text, builder.parser_byte(), what)) {
        if (!mistake->at) return Diagnostic::error(source, "", std::move(mistake->message));
        return at_offset(source, text, *mistake->at, "", std::move(mistake->message));
      }
      std::string message = printable(strip_exception_prefix(what));
      if (!is_valid_utf8(text)) message = "not valid UTF-8 text (" + message + ")";
      return at_byte(source, text, builder.parser_byte(), std::move(message));
    }
  }
  return result;
}

}  // namespace centric
