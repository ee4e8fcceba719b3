// The questionnaire of the engine's unit tests: three questions in two dimensions
// (alpha.one, alpha.two; beta.one), scale 1..5, id "test-q".
#pragma once

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>

#include "centric/questionnaire.hpp"
#include "centric/questionnaire_io.hpp"

namespace centric::test {

inline Questionnaire small_questionnaire(const std::string& version = "1.0.0", bool not_applicable = true) {
  nlohmann::json doc = nlohmann::json::parse(R"({
    "format": "centric-questionnaire/1", "id": "test-q", "version": "", "default_language": "en",
    "title": "Test", "scale": {"min": 1, "max": 5},
    "levels": [{"level": 1, "min": 0, "name": "Low"}, {"level": 2, "min": 50, "name": "High"}],
    "dimensions": [
      {"id": "alpha", "name": "Alpha", "questions": [{"id": "alpha.one", "text": "A1"}, {"id": "alpha.two", "text": "A2"}]},
      {"id": "beta", "name": "Beta", "questions": [{"id": "beta.one", "text": "B1"}]}]})");
  doc["version"] = version;
  doc["scale"]["not_applicable"] = not_applicable;
  auto load = read_questionnaire(doc.dump(), "q.json");
  REQUIRE(load.ok());
  return *load.questionnaire;
}

}  // namespace centric::test
