// Golden test: the JSON report of the example data, compared with
// tests/golden/acme-report.json.
//
// Numbers are compared with a relative tolerance of 1e-9, everything else exactly; the
// first difference is reported with its JSON path.
//
// When a change to the report is intended, regenerate the golden file and review the diff:
//
//     CENTRIC_UPDATE_GOLDEN=1 build/tests/centric_e2e_tests "golden*"
//
// With CENTRIC_UPDATE_GOLDEN=1 the test rewrites the file from the binary's output
// (instead of comparing) and then passes.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "e2e/e2e_common.hpp"
#include "support/process.hpp"

using namespace centric::test;
using nlohmann::json;

namespace {

const char* const golden_file = "tests/golden/acme-report.json";

bool numbers_close(double a, double b) {
  if (a == b) return true;
  return std::fabs(a - b) <= 1e-9 * std::max(std::fabs(a), std::fabs(b));
}

std::string type_name(const json& v) { return v.is_number() ? "number" : v.type_name(); }

// The first difference between `expected` and `actual` as "PATH: what differs", or
// nothing when they are equal (numbers within 1e-9 relative).
std::optional<std::string> first_difference(const json& expected, const json& actual, const std::string& path = "$") {
  if (expected.is_number() && actual.is_number()) {
    if (numbers_close(expected.get<double>(), actual.get<double>())) return std::nullopt;
    return path + ": expected " + expected.dump() + ", got " + actual.dump();
  }
  if (type_name(expected) != type_name(actual))
    return path + ": expected a " + type_name(expected) + " (" + expected.dump().substr(0, 80) + "), got a " +
           type_name(actual) + " (" + actual.dump().substr(0, 80) + ")";
  if (expected.is_object()) {
    for (const auto& [key, value] : expected.items()) {
      if (!actual.contains(key)) return path + "." + key + ": missing";
      if (auto d = first_difference(value, actual[key], path + "." + key)) return d;
    }
    for (const auto& [key, value] : actual.items())
      if (!expected.contains(key)) return path + "." + key + ": not expected (" + value.dump().substr(0, 80) + ")";
    return std::nullopt;
  }
  if (expected.is_array()) {
    for (std::size_t i = 0; i < std::min(expected.size(), actual.size()); ++i)
      if (auto d = first_difference(expected[i], actual[i], path + "[" + std::to_string(i) + "]")) return d;
    if (expected.size() != actual.size())
      return path + ": expected " + std::to_string(expected.size()) + " elements, got " + std::to_string(actual.size());
    return std::nullopt;
  }
  if (expected != actual) return path + ": expected " + expected.dump() + ", got " + actual.dump();
  return std::nullopt;
}

ProcessResult run_acme_report() {
  // Relative paths from the source directory, so that whatever the report says about its
  // inputs does not depend on where the tree is checked out.
  ProcessOptions options;
  options.working_directory = source_path("");
  return run_centric({"assess", "examples/acme", "examples/acme-extra.jsonl", "--format", "json"}, options);
}

}  // namespace

TEST_CASE("golden: the JSON report of the examples equals tests/golden/acme-report.json", "[golden]") {
  const auto r = run_acme_report();
  REQUIRE(r.exit_code == 0);
  const json actual = parse_report(r.out);

  const char* update = std::getenv("CENTRIC_UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream out(source_path(golden_file), std::ios::binary | std::ios::trunc);
    out << r.out;
    REQUIRE(out.good());
    WARN("rewrote " << golden_file << "; review the diff before committing it");
    return;
  }

  const std::string golden_text = read_text_file(source_path(golden_file));
  REQUIRE_FALSE(golden_text.empty());
  const json expected = json::parse(golden_text);
  const auto difference = first_difference(expected, actual);
  INFO("regenerate with CENTRIC_UPDATE_GOLDEN=1 if the change is intended");
  CHECK(difference.value_or("") == "");
}

TEST_CASE("golden: the comparer finds a difference and names its path", "[golden]") {
  const json expected = json::parse(read_text_file(source_path(golden_file)));
  CHECK_FALSE(first_difference(expected, expected).has_value());

  json nudged = expected;
  const double score = nudged["organisation"]["dimensions"]["culture"]["score"].get<double>();
  nudged["organisation"]["dimensions"]["culture"]["score"] = score * (1 + 1e-12);  // within tolerance
  CHECK_FALSE(first_difference(expected, nudged).has_value());
  nudged["organisation"]["dimensions"]["culture"]["score"] = score * (1 + 1e-6);  // beyond it
  CHECK(first_difference(expected, nudged).value_or("").rfind("$.organisation.dimensions.culture.score: ", 0) == 0);

  json renamed = expected;
  renamed["departments"][1]["id"] = "finance-x";
  CHECK(first_difference(expected, renamed).value_or("").rfind("$.departments[1].id: ", 0) == 0);

  json shorter = expected;
  shorter["departments"].erase(shorter["departments"].size() - 1);
  CHECK(first_difference(expected, shorter).value_or("").rfind("$.departments: ", 0) == 0);

  json extra = expected;
  extra["organisation"]["surprise"] = 1;
  CHECK(first_difference(expected, extra).value_or("").rfind("$.organisation.surprise: ", 0) == 0);

  json typed = expected;
  typed["organisation"]["n"] = "50";
  CHECK(first_difference(expected, typed).value_or("").rfind("$.organisation.n: ", 0) == 0);
}

TEST_CASE("golden: the golden report is plausible on its own", "[golden]") {
  // Guards against a wrong golden file having been accepted by CENTRIC_UPDATE_GOLDEN=1.
  const json g = json::parse(read_text_file(source_path(golden_file)));
  CHECK(g["format"] == "centric-report/1");
  CHECK(g["organisation"]["n"] == 50);
  CHECK(g["organisation"]["partial"] == 4);
  CHECK(g["inputs"]["accepted"] == 50);
  CHECK(g["inputs"]["rejected"].empty());
  int suppressed = 0;
  for (const auto& d : g["departments"]) {
    if (!d["suppressed"].get<bool>()) continue;
    ++suppressed;
    CHECK((d["id"] == "legal" || d["id"] == "hr"));
  }
  CHECK(suppressed == 2);
  for (const auto& [dim, v] : g["organisation"]["dimensions"].items()) {
    INFO(dim);
    CHECK(v["score"].get<double>() > 0);
    CHECK(v["score"].get<double>() < 100);
  }
}
