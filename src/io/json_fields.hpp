// Typed access to the members of a JSON object, recording a Diagnostic for each problem
// instead of stopping at the first, so that a file's every mistake is reported at once.
#pragma once

#include <fmt/format.h>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "centric/diagnostic.hpp"
#include "centric/json_input.hpp"
#include "centric/text.hpp"
#include "text/edit_distance.hpp"

namespace centric::detail {

using nlohmann::json;

// A value quoted for a message, cut short when it is long.
inline std::string shown(const json& v) {
  std::string s = v.dump(-1, ' ', false, json::error_handler_t::replace);
  if (s.size() > 60) s = std::string(fit_prefix(s, 57)) + "...";
  return s;
}

inline bool is_id(const std::string& s) {
  if (s.empty()) return false;
  const auto ok_first = [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); };
  if (!ok_first(s[0])) return false;
  for (char c : s)
    if (!ok_first(c) && c != '.' && c != '_' && c != '-') return false;
  return true;
}

// A number that is a whole number (4 and 4.0 alike, as in JSON Schema) within int range.
inline std::optional<int> as_int(const json& v) {
  if (v.is_number_integer()) {
    if (v.is_number_unsigned()) {
      const auto u = v.get<std::uint64_t>();
      if (u > static_cast<std::uint64_t>(std::numeric_limits<int>::max())) return std::nullopt;
      return static_cast<int>(u);
    }
    const auto i = v.get<std::int64_t>();
    if (i < std::numeric_limits<int>::min() || i > std::numeric_limits<int>::max()) return std::nullopt;
    return static_cast<int>(i);
  }
  if (v.is_number_float()) {
    const double d = v.get<double>();
    if (std::isfinite(d) && d == std::floor(d) && d >= std::numeric_limits<int>::min() &&
        d <= std::numeric_limits<int>::max())
      return static_cast<int>(d);
  }
  return std::nullopt;
}

inline bool is_whole_number(const json& v) {
  if (v.is_number_integer()) return true;
  if (!v.is_number_float()) return false;
  const double d = v.get<double>();
  return std::isfinite(d) && d == std::floor(d);
}

class Fields {
 public:
  Fields(std::string source, std::vector<Diagnostic>& out) : source_(std::move(source)), out_(out) {}

  void error(const JsonPath& at, std::string message) {
    out_.push_back(Diagnostic::error(source_, at.str(), std::move(message)));
  }
  void error_at(const std::string& path, std::string message) {
    out_.push_back(Diagnostic::error(source_, path, std::move(message)));
  }
  void warning(const JsonPath& at, std::string message) {
    out_.push_back(Diagnostic::warning(source_, at.str(), std::move(message)));
  }
  const std::string& source() const { return source_; }

  // The member `key` of `object`, or nullptr (with an error when `required`).
  const json* member(const json& object, const JsonPath& at, const char* key, bool required) {
    auto it = object.find(key);
    if (it == object.end()) {
      if (required) error(at.key(key), "missing (required)");
      return nullptr;
    }
    return &*it;
  }

  bool expect_object(const json& v, const JsonPath& at) {
    if (v.is_object()) return true;
    error(at, fmt::format("must be an object, not {}", json_type_name(v)));
    return false;
  }
  bool expect_array(const json& v, const JsonPath& at) {
    if (v.is_array()) return true;
    error(at, fmt::format("must be an array, not {}", json_type_name(v)));
    return false;
  }

  std::optional<std::string> string(const json& object, const JsonPath& at, const char* key, bool required) {
    const json* v = member(object, at, key, required);
    if (v == nullptr) return std::nullopt;
    if (!v->is_string()) {
      error(at.key(key), fmt::format("must be a string, not {}", json_type_name(*v)));
      return std::nullopt;
    }
    return v->get<std::string>();
  }

  std::optional<std::string> id(const json& object, const JsonPath& at, const char* key, bool required) {
    auto s = string(object, at, key, required);
    if (s && !is_id(*s)) {
      error(at.key(key), fmt::format("{} is not a valid id: use lower-case letters, digits, '.', '_' and '-', "
                                     "starting with a letter or digit",
                                     shown(*s)));
      return std::nullopt;
    }
    return s;
  }

  std::optional<bool> boolean(const json& object, const JsonPath& at, const char* key) {
    const json* v = member(object, at, key, false);
    if (v == nullptr) return std::nullopt;
    if (!v->is_boolean()) {
      error(at.key(key), fmt::format("must be true or false, not {}", json_type_name(*v)));
      return std::nullopt;
    }
    return v->get<bool>();
  }

  std::optional<double> number(const json& object, const JsonPath& at, const char* key, bool required) {
    const json* v = member(object, at, key, required);
    if (v == nullptr) return std::nullopt;
    if (!v->is_number()) {
      error(at.key(key), fmt::format("must be a number, not {}", json_type_name(*v)));
      return std::nullopt;
    }
    return v->get<double>();
  }

  std::optional<int> integer(const json& object, const JsonPath& at, const char* key, bool required) {
    const json* v = member(object, at, key, required);
    if (v == nullptr) return std::nullopt;
    auto i = as_int(*v);
    if (!i) error(at.key(key), fmt::format("must be a whole number, not {}", shown(*v)));
    return i;
  }

  // Members not in `known` are mistakes, and silent ones ("revers": true would score
  // reversed questions as they are): an error naming the nearest known key. Keys that
  // begin with "x-" are left for other tools.
  void reject_unknown_keys(const json& object, const JsonPath& at, std::initializer_list<const char*> known) {
    for (const auto& [key, value] : object.items()) {
      if (key.rfind("x-", 0) == 0) continue;
      bool found = false;
      for (const char* k : known) found = found || key == k;
      if (found) continue;
      const std::vector<std::string_view> candidates(known.begin(), known.end());
      if (const auto meant = likely_meant(key, candidates)) {
        error(at.key(key), fmt::format("unknown key {}; did you mean \"{}\"?", shown(key), *meant));
      } else {
        std::string list;
        for (const char* k : known)
          if (*k != '$') list += (list.empty() ? "" : ", ") + std::string(k);
        error(at.key(key), fmt::format("unknown key {}: the keys here are {} (a key that begins with \"x-\" is "
                                       "left for other tools)",
                                       shown(key), list));
      }
    }
  }

 private:
  std::string source_;
  std::vector<Diagnostic>& out_;
};

}  // namespace centric::detail
