#include "centric/mapping.hpp"

#include <fmt/format.h>

#include <unordered_map>

#include "centric/json_input.hpp"
#include "io/json_fields.hpp"
#include "text/edit_distance.hpp"
#include "text/normalised_text.hpp"

namespace centric {

using detail::shown;
using nlohmann::json;

namespace {

constexpr int max_header_rows = 10;

// Keys are compared normalised (import.md §4): two that are the same once normalised say
// the same thing twice, and the second is surely a mistake.
void reject_repeated(const json& object, const JsonPath& at, detail::Fields& f) {
  std::unordered_map<std::string, std::string> seen;
  for (const auto& entry : object.items()) {
    const auto& key = entry.key();
    auto [it, fresh] = seen.emplace(normalised(key), key);
    if (!fresh)
      f.error(at.key(key), fmt::format("is {} again, once case and white space are ignored", shown(it->second)));
  }
}

}  // namespace

std::string column_target_name(ColumnUse use, std::size_t question, const Questionnaire& questionnaire) {
  switch (use) {
    case ColumnUse::department:
      return "@department";
    case ColumnUse::role:
      return "@role";
    case ColumnUse::id:
      return "@id";
    case ColumnUse::submitted_at:
      return "@submitted_at";
    case ColumnUse::question: {
      std::size_t flat = 0;
      for (const auto& d : questionnaire.dimensions)
        for (const auto& q : d.questions)
          if (flat++ == question) return q.id;
      return {};
    }
    case ColumnUse::unused:
      break;
  }
  return {};
}

MappingLoad read_mapping(std::string_view text, const std::string& source, const Questionnaire& questionnaire) {
  MappingLoad load;
  auto parsed = parse_json(text, source);
  if (auto* error = std::get_if<Diagnostic>(&parsed)) {
    load.diagnostics.push_back(std::move(*error));
    return load;
  }
  auto& document = std::get<JsonParse>(parsed);
  load.diagnostics = std::move(document.warnings);
  const json& doc = document.value;
  detail::Fields f(source, load.diagnostics);
  const JsonPath at;
  if (!f.expect_object(doc, at)) return load;
  f.reject_unknown_keys(doc, at, {"$schema", "format", "header_rows", "columns", "values", "departments", "roles"});

  MappingFile mapping;
  mapping.source = source;
  if (auto format = f.string(doc, at, "format", true); format && *format != mapping_format)
    f.error(at.key("format"), fmt::format("is {}, expected \"{}\"", shown(*format), mapping_format));

  if (doc.contains("header_rows")) {
    if (auto rows = f.integer(doc, at, "header_rows", false)) {
      if (*rows < 1 || *rows > max_header_rows)
        f.error(at.key("header_rows"), fmt::format("must be between 1 and {}, not {}", max_header_rows, *rows));
      else
        mapping.header_rows = *rows;
    }
  }

  std::vector<std::string_view> ids;
  std::unordered_map<std::string_view, std::size_t> question_index;
  for (const auto& d : questionnaire.dimensions)
    for (const auto& q : d.questions) {
      question_index.emplace(q.id, ids.size());
      ids.push_back(q.id);
    }
  const LikelyMeant suggestions(ids);

  if (const json* columns = f.member(doc, at, "columns", false);
      columns != nullptr && f.expect_object(*columns, at.key("columns"))) {
    const JsonPath c_at = at.key("columns");
    reject_repeated(*columns, c_at, f);
    for (const auto& [header, target] : columns->items()) {
      MappingFile::Column column{header, ColumnUse::unused, 0};
      if (normalised(header).empty()) f.error(c_at.key(header), "a column's name must not be empty");
      if (target.is_null()) {
        mapping.columns.push_back(std::move(column));
        continue;
      }
      if (!target.is_string()) {
        f.error(c_at.key(header), fmt::format("must be a question id, \"@department\", \"@role\", \"@id\", "
                                              "\"@submitted_at\" or null, not {}",
                                              json_type_name(target)));
        continue;
      }
      const auto& name = target.get_ref<const std::string&>();
      if (name == "@department") {
        column.use = ColumnUse::department;
      } else if (name == "@role") {
        column.use = ColumnUse::role;
      } else if (name == "@id") {
        column.use = ColumnUse::id;
      } else if (name == "@submitted_at") {
        column.use = ColumnUse::submitted_at;
      } else if (const auto it = question_index.find(name); it != question_index.end()) {
        column.use = ColumnUse::question;
        column.question = it->second;
      } else {
        std::size_t budget = 1'000'000;
        std::string message = fmt::format("{} is not a question id of the questionnaire", shown(name));
        if (name.starts_with('@')) {
          message = fmt::format("{} is not one of \"@department\", \"@role\", \"@id\", \"@submitted_at\"", shown(name));
          if (auto meant = likely_meant(name, {"@department", "@role", "@id", "@submitted_at"}))
            message += fmt::format("; did you mean \"{}\"?", *meant);
        } else if (auto meant = suggestions.find(name, budget))
          message += fmt::format("; did you mean \"{}\"?", *meant);
        f.error(c_at.key(header), std::move(message));
        continue;
      }
      mapping.columns.push_back(std::move(column));
    }
  }

  const Scale& scale = questionnaire.scale;
  if (const json* values = f.member(doc, at, "values", false);
      values != nullptr && f.expect_object(*values, at.key("values"))) {
    const JsonPath v_at = at.key("values");
    reject_repeated(*values, v_at, f);
    for (const auto& [label, value] : values->items()) {
      if (value == "na") {
        if (!scale.not_applicable)
          f.error(v_at.key(label), "\"na\" is not allowed: the questionnaire's scale has no \"not applicable\"");
        else
          mapping.values.push_back({label, AnswerValue::na()});
      } else if (value == "dk") {
        if (!scale.dont_know)
          f.error(v_at.key(label), "\"dk\" is not allowed: the questionnaire's scale has no \"don't know\"");
        else
          mapping.values.push_back({label, AnswerValue::dk()});
      } else if (const auto number = detail::as_int(value)) {
        if (*number < scale.min || *number > scale.max)
          f.error(v_at.key(label), fmt::format("{} is outside the scale {}..{}", *number, scale.min, scale.max));
        else
          mapping.values.push_back({label, AnswerValue::of(*number)});
      } else {
        f.error(v_at.key(label), fmt::format("must be a whole number in {}..{}{}{}, not {}", scale.min, scale.max,
                                             scale.not_applicable ? (scale.dont_know ? ", \"na\"" : " or \"na\"") : "",
                                             scale.dont_know ? " or \"dk\"" : "", shown(value)));
      }
    }
  }

  if (const json* departments = f.member(doc, at, "departments", false);
      departments != nullptr && f.expect_object(*departments, at.key("departments"))) {
    const JsonPath d_at = at.key("departments");
    reject_repeated(*departments, d_at, f);
    for (const auto& [value, department] : departments->items()) {
      if (!department.is_string() || normalised(department.get_ref<const std::string&>()).empty()) {
        f.error(d_at.key(value),
                fmt::format("must be a department's name or id (a non-empty string), not {}", shown(department)));
        continue;
      }
      mapping.departments.emplace_back(value, department.get<std::string>());
    }
  }

  if (const json* roles = f.member(doc, at, "roles", false);
      roles != nullptr && f.expect_object(*roles, at.key("roles"))) {
    const JsonPath r_at = at.key("roles");
    reject_repeated(*roles, r_at, f);
    for (const auto& [value, role] : roles->items()) {
      if (role == "leader") {
        mapping.roles.emplace_back(value, Role::leader);
      } else if (role == "employee") {
        mapping.roles.emplace_back(value, Role::employee);
      } else {
        f.error(r_at.key(value), fmt::format("must be \"leader\" or \"employee\", not {}", shown(role)));
      }
    }
  }

  if (!has_errors(load.diagnostics)) load.mapping = std::move(mapping);
  return load;
}

MappingLoad load_mapping_file(const std::string& path, const Questionnaire& questionnaire) {
  auto content = read_document_file(path);
  if (auto* error = std::get_if<Diagnostic>(&content)) {
    MappingLoad load;
    load.diagnostics.push_back(std::move(*error));
    return load;
  }
  return read_mapping(std::get<std::string>(content), path, questionnaire);
}

std::string write_mapping(const MappingFile& mapping, const Questionnaire& questionnaire) {
  using ordered = nlohmann::ordered_json;
  ordered doc = ordered::object();
  doc["format"] = mapping_format;
  doc["header_rows"] = mapping.header_rows.value_or(1);
  ordered columns = ordered::object();
  for (const auto& c : mapping.columns) {
    if (c.use == ColumnUse::unused)
      columns[c.header] = nullptr;
    else
      columns[c.header] = column_target_name(c.use, c.question, questionnaire);
  }
  doc["columns"] = std::move(columns);
  ordered values = ordered::object();
  for (const auto& v : mapping.values) {
    if (v.value.kind == AnswerValue::Kind::not_applicable)
      values[v.label] = "na";
    else if (v.value.kind == AnswerValue::Kind::dont_know)
      values[v.label] = "dk";
    else
      values[v.label] = v.value.value;
  }
  doc["values"] = std::move(values);
  ordered departments = ordered::object();
  for (const auto& [value, department] : mapping.departments) departments[value] = department;
  doc["departments"] = std::move(departments);
  ordered roles = ordered::object();
  for (const auto& [value, role] : mapping.roles) roles[value] = role == Role::leader ? "leader" : "employee";
  doc["roles"] = std::move(roles);
  return doc.dump(2, ' ', false, ordered::error_handler_t::replace) + "\n";
}

}  // namespace centric
