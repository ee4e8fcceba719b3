// Names the reports show for levels and departments, in the report's language. One
// definition for every renderer, so that the text and JSON reports name things alike.
#pragma once

#include <string>

#include "centric/questionnaire.hpp"

namespace centric {

// The name of level number `level` (1, 2, ...); empty when the questionnaire has no such level.
std::string level_name(const Questionnaire& q, int level, const std::string& language);

// A department's display name: its name in the questionnaire's departments list, else its id
// (answer sets may name departments the questionnaire does not list). Not escaped: a
// renderer for the terminal passes it through printable().
std::string department_name(const Questionnaire& q, const std::string& id, const std::string& language);

class Messages;

// What a recommendation says besides its text, already in the report's language (and, for
// the terminal, made printable): " — Owner: Department head · within 3 months", or ""
// when it names neither owner nor time frame.
std::string recommendation_details(const Messages& m, const std::string& owner, const std::string& time_frame,
                                   const std::string& items = "");
// The statements a recommendation should raise, by their ids without the dimension's part
// ("promises-agreed, shared-goals"): short enough for a report line; the JSON report has
// the whole ids.
std::string short_item_ids(const Dimension& dimension, const Recommendation& recommendation);

}  // namespace centric
