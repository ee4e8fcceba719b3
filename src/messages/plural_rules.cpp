#include "centric/messages.hpp"

namespace centric {

std::string_view plural_category(std::string_view language, long long n) {
  const long long a = n < 0 ? -n : n;
  const long long last = a % 10;
  const long long last_two = a % 100;
  const bool few = last >= 2 && last <= 4 && !(last_two >= 12 && last_two <= 14);
  if (language == "pl") {
    if (a == 1) return "one";
    return few ? "few" : "many";
  }
  if (language == "ru") {
    if (last == 1 && last_two != 11) return "one";
    return few ? "few" : "many";
  }
  return a == 1 ? "one" : "other";
}

}  // namespace centric
