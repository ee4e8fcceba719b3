#include <fmt/format.h>

#include "centric/json_input.hpp"

namespace centric {
namespace {

bool is_plain_key(std::string_view k) {
  if (k.empty()) return false;
  for (char c : k) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return !(k[0] >= '0' && k[0] <= '9');
}

}  // namespace

JsonPath JsonPath::key(std::string_view k) const {
  if (is_plain_key(k)) return JsonPath(path_.empty() ? std::string(k) : path_ + "." + std::string(k));
  // Question ids hold dots, so they are quoted to keep the path unambiguous.
  return JsonPath(path_ + "[" +
                  nlohmann::json(std::string(k)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "]");
}

JsonPath JsonPath::index(std::size_t i) const { return JsonPath(fmt::format("{}[{}]", path_, i)); }

std::string_view json_type_name(const nlohmann::json& v) {
  switch (v.type()) {
    case nlohmann::json::value_t::null:
      return "null";
    case nlohmann::json::value_t::object:
      return "an object";
    case nlohmann::json::value_t::array:
      return "an array";
    case nlohmann::json::value_t::string:
      return "a string";
    case nlohmann::json::value_t::boolean:
      return "a boolean";
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned:
      return "an integer";
    case nlohmann::json::value_t::number_float:
      return "a number";
    default:
      return "a value";
  }
}

}  // namespace centric
