#include <string>

#include "centric/questionnaire_io.hpp"

namespace centric {
namespace embedded {
extern const std::string_view default_questionnaire_json;
}

std::string_view default_questionnaire_text() { return embedded::default_questionnaire_json; }

QuestionnaireLoad load_default_questionnaire() {
  return read_questionnaire(default_questionnaire_text(), std::string(default_questionnaire_source));
}

}  // namespace centric
