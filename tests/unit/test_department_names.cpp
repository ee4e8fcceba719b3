// Departments as people write them (formats.md §2, import.md §3): a listed department's
// id or name in any language, normalised, is that department.
#include <catch2/catch.hpp>

#include <string>

#include "centric/questionnaire_io.hpp"
#include "io/department_names.hpp"
#include "support/small_questionnaire.hpp"

using namespace centric;

namespace {

const Questionnaire& built_in() {
  static const Questionnaire q = *load_default_questionnaire().questionnaire;
  return q;
}

}  // namespace

TEST_CASE("a listed department is found by its id and by its name in every language, normalised") {
  const DepartmentNames names(built_in());
  CHECK(names.listed("sales") == "sales");
  CHECK(names.listed("Sales") == "sales");
  CHECK(names.listed("  SALES ") == "sales");
  CHECK(names.listed("Sprzedaż") == "sales");
  CHECK(names.listed("SPRZEDAŻ:") == "sales");
  CHECK(names.listed("Продажи") == "sales");
  CHECK(names.listed("продажи") == "sales");
  CHECK(names.listed("Értékesítés") == "sales");
  CHECK(names.listed("logistics & Warehouse ") == "logistics");
  CHECK(names.listed("Logistyka\u00a0i  magazyn") == "logistics");
  CHECK(names.listed("Управление персоналом") == "hr");
  CHECK(names.listed("Customer-Service") == "customer-service");
}

TEST_CASE("a department that is not listed is not found") {
  const DepartmentNames names(built_in());
  CHECK_FALSE(names.listed("legal"));
  CHECK_FALSE(names.listed("Sprzedaz"));  // close is not the same: that is a warning's job
  CHECK_FALSE(names.listed(""));
  CHECK_FALSE(names.listed("  "));
  CHECK_FALSE(names.listed("*"));
}

TEST_CASE("a questionnaire without departments lists none") {
  const Questionnaire q = centric::test::small_questionnaire();
  const DepartmentNames names(q);
  CHECK(names.empty());
  CHECK_FALSE(names.listed("sales"));
}

TEST_CASE("an id wins over another department's name that is spelled the same") {
  Questionnaire q = centric::test::small_questionnaire();
  q.departments.push_back({"ops", {}});
  q.departments.back().name.by_language["en"] = "Support";
  q.departments.push_back({"support", {}});
  q.departments.back().name.by_language["en"] = "Helpdesk";
  const DepartmentNames names(q);
  CHECK(names.listed("Support") == "support");
  CHECK(names.listed("helpdesk") == "support");
  CHECK(names.listed("OPS") == "ops");
}

TEST_CASE("the memo gives what listed() gives, also after many other values") {
  const DepartmentNames names(built_in());
  DepartmentMemo memo(names);
  for (int round = 0; round < 3; ++round) {
    for (int i = 0; i < 200; ++i) {
      const std::string other = "team " + std::to_string(i);
      CHECK(memo.resolve(other) == other);
      CHECK(memo.resolve("Sprzedaż") == "sales");
      CHECK(memo.resolve("Sprzedaż") == "sales");
      CHECK(memo.resolve("hr") == "hr");
    }
  }
  const Questionnaire q = centric::test::small_questionnaire();
  const DepartmentNames none(q);
  DepartmentMemo empty_memo(none);
  CHECK(empty_memo.resolve("Sales") == "Sales");
}
