#include "io/table_mapping.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>

#include "centric/text.hpp"
#include "text/edit_distance.hpp"
#include "text/normalised_text.hpp"

namespace centric {

namespace {

// import.md §3, normalised. The order of each list is its priority when two columns match.
constexpr std::array department_words{"department", "dept",          "team",    "dział",
                                      "отдел",      "подразделение", "osztály", "részleg"};
// Inside a question ("W jakim dziale pracujesz?"): the words above, and the forms of them
// that do not hold them ("dziale" is "dział" in the locative; "подразделении").
constexpr std::array department_stems{"department", "dept",         "team",    "dział",  "dziale",
                                      "отдел",      "подразделени", "osztály", "részleg"};
constexpr std::array role_words{"role", "rola", "роль", "szerep", "szerepkör"};
constexpr std::array id_words{"respondent id", "response id", "responseid", "id"};
// "date submitted": LimeSurvey's full-text heading of "submitdate" (more than import.md lists).
constexpr std::array submitted_words{"timestamp",         "submitted",       "submitdate",      "date submitted",
                                     "end date",          "enddate",         "completion time", "recorded date",
                                     "sygnatura czasowa", "отметка времени", "időbélyeg"};
constexpr std::array leader_words{"leader", "lider", "kierownik", "руководитель", "vezető"};
constexpr std::array employee_words{"employee", "pracownik", "сотрудник", "munkatárs", "beosztott"};
constexpr std::array na_words{"n/a",         "na",           "not applicable",   "nie dotyczy",       "не применимо",
                              "неприменимо", "nem releváns", "nem értelmezhető", "nem vonatkozik rám"};
// "Don't know" (formats.md §1, scored like "not applicable"), with the typographic apostrophe too.
constexpr std::array dk_words{"don't know", "don\u2019t know", "dont know", "do not know",
                              "dk",         "nie wiem",        "не знаю",   "nem tudom"};

// Without the spaces at its ends, no-break spaces too: a cell of them is empty.
std::string_view trimmed(std::string_view s) { return trimmed_spaces(s); }

bool blank(std::string_view s) { return s.find_first_not_of(" \t\r\n") == std::string_view::npos; }

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A label written for both genders ("Согласен(-на)", "Zgodziłem(-am) się") as a form tool's
// option is typed: the masculine ("Согласен") and the feminine ("Согласна") spelling. The
// feminine of a word ending in "ен" before "(-на)" drops the fleeting "е" (согласен →
// согласна); any other "(-x)" is appended. Empty when the label has no such group.
std::vector<std::string> gendered_spellings(std::string_view label) {
  std::string masculine, feminine;
  bool found = false;
  std::size_t i = 0;
  while (i < label.size()) {
    const auto open = label.find('(', i);
    const auto close = open == std::string_view::npos ? open : label.find(')', open);
    if (close == std::string_view::npos) break;
    std::string_view inside = label.substr(open + 1, close - open - 1);
    if (!inside.empty() && inside.front() == '-') inside.remove_prefix(1);
    const bool word_before = open > 0 && label[open - 1] != ' ';
    if (!word_before || inside.empty() || inside.size() > 8 || inside.find(' ') != std::string_view::npos) {
      masculine.append(label.substr(i, close + 1 - i));
      feminine.append(label.substr(i, close + 1 - i));
      i = close + 1;
      continue;
    }
    found = true;
    const std::string_view before = label.substr(i, open - i);
    masculine.append(before);
    constexpr std::string_view en = "\u0435\u043d";  // "ен"
    constexpr std::string_view na = "\u043d\u0430";  // "на"
    if (inside == na && before.size() >= en.size() && before.substr(before.size() - en.size()) == en)
      feminine.append(before.substr(0, before.size() - en.size())).append(na);
    else
      feminine.append(before).append(inside);
    i = close + 1;
  }
  if (!found) return {};
  masculine.append(label.substr(i));
  feminine.append(label.substr(i));
  return {masculine, feminine};
}

// A header's text without a leading number label: "12. ", "12) ", "q12. ", "q12 - ", "q12: ".
std::string_view without_number_label(std::string_view h) {
  std::size_t i = 0;
  if (i < h.size() && h[i] == 'q') ++i;
  const std::size_t digits = i;
  while (i < h.size() && is_digit(h[i])) ++i;
  if (i == digits) return {};
  if (i < h.size() && (h[i] == '.' || h[i] == ')' || h[i] == ':')) {
    ++i;
  } else if (h.substr(i).starts_with(" -")) {
    i += 2;
  } else {
    return {};
  }
  return trimmed(h.substr(i));
}

// "Grid title [row text]" -> "row text".
std::string_view bracketed_tail(std::string_view h) {
  if (!h.ends_with(']')) return {};
  const auto open = h.rfind('[');
  if (open == std::string_view::npos) return {};
  return trimmed(h.substr(open + 1, h.size() - open - 2));
}

// "Grid title - row text" -> "row text".
std::string_view dashed_tail(std::string_view h) {
  const auto dash = h.rfind(" - ");
  if (dash == std::string_view::npos) return {};
  return trimmed(h.substr(dash + 3));
}

// A whole number written the way exports write one: "4", "+4", "4.0", " 4 ".
std::optional<long long> whole_number(std::string_view s, std::size_t* used = nullptr) {
  std::size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
  const std::size_t digits = i;
  long long value = 0;
  while (i < s.size() && is_digit(s[i]) && i - digits < 12) value = value * 10 + (s[i++] - '0');
  if (i == digits || (i < s.size() && is_digit(s[i]))) return std::nullopt;
  if (i < s.size() && s[i] == '.' && i + 1 < s.size() && s[i + 1] == '0') {  // "4.0", "4.00"
    std::size_t j = i + 1;
    while (j < s.size() && s[j] == '0') ++j;
    if (j == s.size() || !is_digit(s[j])) i = j;
  }
  if (used) *used = i;
  return negative ? -value : value;
}

std::string quoted(std::string_view s) {
  std::string shown = printable(s);
  if (display_width(shown) > 60) shown = truncate_to_width(shown, 60);
  return fmt::format("\"{}\"", shown);
}

int days_from_civil(int y, unsigned m, unsigned d) {  // H. Hinnant's algorithm
  y -= m <= 2;
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<int>(doe) - 719468;
}

void civil_from_days(int z, int& y, unsigned& m, unsigned& d) {
  z += 719468;
  const int era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<int>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  y += m <= 2;
}

bool valid_date(int y, int m, int d) {
  if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1) return false;
  static constexpr std::array<int, 12> days{31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d > days[static_cast<std::size_t>(m - 1)]) return false;
  return m != 2 || d < 29 || (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
}

// The date-time written in ISO 8601, or nullopt. Forms: 2026-11-20 10:15[:00][Z|±hh:mm],
// 2026/11/20 ..., 2026. 11. 20. ... (Hungarian), 20.11.2026 ... (Polish, Russian),
// 11/20/2026 ... with AM/PM (when the day is unambiguous: a slash date whose day and month
// could be swapped is left as written).
// "YYYY-MM-DDTHH:MM:SS", without fmt: this runs for every row of an export.
std::string iso_text(int y, int m, int d, int hour, int minute, int second) {
  std::string out = "0000-00-00T00:00:00";
  const auto put = [&](std::size_t at, int value, int digits) {
    for (int k = digits - 1; k >= 0; --k, value /= 10) out[at + static_cast<std::size_t>(k)] = char('0' + value % 10);
  };
  put(0, y, 4), put(5, m, 2), put(8, d, 2), put(11, hour, 2), put(14, minute, 2), put(17, second, 2);
  return out;
}

// The date-time written in ISO 8601, or nullopt. Forms: 2026-11-20 10:15[:00][Z|±hh:mm],
// 2026/11/20 ..., 2026. 11. 20. ... (Hungarian), 20.11.2026 ... (Polish, Russian),
// 11/20/2026 ... with AM/PM (when the day is unambiguous: a slash date whose day and month
// could be swapped is left as written).
std::optional<std::string> iso_date_time(std::string_view text) {
  std::array<int, 6> numbers{};
  std::size_t count = 0;
  char first_separator = ' ';
  std::size_t i = 0;
  std::string_view zone;
  bool pm = false, am = false;
  const std::string_view rest = trimmed(text);
  while (i < rest.size()) {
    if (is_digit(rest[i])) {
      int value = 0;
      std::size_t digits = 0;
      while (i < rest.size() && is_digit(rest[i]) && digits < 5) value = value * 10 + (rest[i++] - '0'), ++digits;
      if (i < rest.size() && is_digit(rest[i])) return std::nullopt;
      if (count == numbers.size()) return std::nullopt;
      numbers[count++] = value;
      continue;
    }
    const char c = rest[i];
    if (c == '.' && i + 1 < rest.size() && is_digit(rest[i + 1]) && count == 6) {
      ++i;  // fractions of a second
      while (i < rest.size() && is_digit(rest[i])) ++i;
      continue;
    }
    if (c == '-' || c == '/' || c == '.' || c == ':' || c == 'T') {
      if (count >= 5 && c == '-') {
        zone = rest.substr(i);
        break;
      }
      if (count == 1 && first_separator == ' ') first_separator = c;
      ++i;
      continue;
    }
    if (c == ' ') {
      ++i;
      continue;
    }
    const std::string_view word = rest.substr(i);
    if (word.starts_with("AM") || word.starts_with("am") || word.starts_with("de.")) {
      am = true;
      i += word.starts_with("de.") ? 3 : 2;
    } else if (word.starts_with("PM") || word.starts_with("pm") || word.starts_with("du.")) {
      pm = true;
      i += word.starts_with("du.") ? 3 : 2;
    } else if (c == 'Z' || c == '+' || word.starts_with("UTC") || word.starts_with("GMT")) {
      zone = word;
      break;
    } else {
      return std::nullopt;
    }
  }
  if (count < 5) return std::nullopt;
  int y = 0, m = 0, d = 0;
  const char s = first_separator;
  if (numbers[0] >= 1000) {
    y = numbers[0], m = numbers[1], d = numbers[2];
  } else if (numbers[2] >= 1000 && s == '.') {
    d = numbers[0], m = numbers[1], y = numbers[2];
  } else if (numbers[2] >= 1000 && (s == '/' || s == '-')) {
    if (numbers[0] > 12 && numbers[1] <= 12) {
      d = numbers[0], m = numbers[1];
    } else if (numbers[1] > 12 && numbers[0] <= 12) {
      m = numbers[0], d = numbers[1];
    } else if (numbers[0] == numbers[1]) {
      m = d = numbers[0];
    } else {
      return std::nullopt;  // 05/11/2026: May or November?
    }
    y = numbers[2];
  } else {
    return std::nullopt;
  }
  int hour = numbers[3];
  const int minute = numbers[4], second = numbers[5];
  if (am || pm) {
    if (hour < 1 || hour > 12) return std::nullopt;
    hour = hour % 12 + (pm ? 12 : 0);
  }
  if (!valid_date(y, m, d) || hour > 23 || minute > 59 || second > 60) return std::nullopt;
  std::string out = iso_text(y, m, d, hour, minute, second);
  // A zone: Z, UTC, GMT, GMT+1, +01:00, -0500.
  std::string_view z = trimmed(zone);
  if (z.empty()) return out;
  if (z == "Z" || z == "UTC" || z == "GMT") return out + "Z";
  if (z.starts_with("UTC") || z.starts_with("GMT")) z.remove_prefix(3);
  if (z.size() < 2 || (z[0] != '+' && z[0] != '-')) return std::nullopt;
  int zh = 0, zm = 0;
  std::size_t k = 1;
  std::size_t digits = 0;
  while (k < z.size() && is_digit(z[k]) && digits < 2) zh = zh * 10 + (z[k++] - '0'), ++digits;
  if (k < z.size() && z[k] == ':') ++k;
  std::size_t minute_digits = 0;
  while (k < z.size() && is_digit(z[k]) && minute_digits < 2) zm = zm * 10 + (z[k++] - '0'), ++minute_digits;
  if (k != z.size() || digits == 0 || zh > 14 || zm > 59) return std::nullopt;
  return out + fmt::format("{}{:02}:{:02}", z[0], zh, zm);
}

// An XLSX date: days since 1899-12-30 (what Excel's 1900 system comes to after March 1900).
std::optional<std::string> iso_from_serial(std::string_view text) {
  double serial = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), serial);
  if (ec != std::errc{} || end != text.data() + text.size() || !(serial >= 61) || !(serial < 400000))
    return std::nullopt;
  const auto seconds_total = static_cast<long long>(std::llround(serial * 86400.0));
  const int days = static_cast<int>(seconds_total / 86400);
  const long long seconds = seconds_total % 86400;
  int y = 0;
  unsigned m = 0, d = 0;
  civil_from_days(days_from_civil(1899, 12, 30) + days, y, m, d);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}", y, m, d, seconds / 3600, (seconds / 60) % 60, seconds % 60);
}

template <std::size_t N>
std::optional<std::size_t> word_index(const std::array<const char*, N>& words, std::string_view h) {
  for (std::size_t i = 0; i < N; ++i)
    if (h == words[i]) return i;
  return std::nullopt;
}

const char* use_name(ColumnUse use) {
  switch (use) {
    case ColumnUse::department:
      return "the department";
    case ColumnUse::role:
      return "the role";
    case ColumnUse::id:
      return "the respondent id";
    case ColumnUse::submitted_at:
      return "the time submitted";
    case ColumnUse::question:
      return "a question";
    case ColumnUse::unused:
      break;
  }
  return "nothing";
}

}  // namespace

std::string column_letters(std::size_t column) {
  std::string letters;
  for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26) letters.insert(letters.begin(), char('A' + (n - 1) % 26));
  return letters;
}

HeaderLayout header_layout(const std::vector<TableRow>& first, std::optional<int> mapping_header_rows) {
  HeaderLayout layout;
  const auto cell = [&](std::size_t row, std::size_t column) -> std::string_view {
    if (row >= first.size() || column >= first[row].cells.size()) return {};
    return first[row].cells[column];
  };
  const auto width = [&](std::size_t rows) {
    std::size_t w = 0;
    for (std::size_t r = 0; r < std::min(rows, first.size()); ++r) w = std::max(w, first[r].cells.size());
    return w;
  };
  const auto is_response_word = [](std::string_view s) {
    s = trimmed(s);
    return s == "Response" || s == "Open-Ended Response";
  };
  // Names from row 2, where it has one, else from the nearest row-1 cell at or left of the
  // column (a grid's title is written once over its columns).
  const auto two_row_names = [&] {
    std::string carried;
    for (std::size_t c = 0; c < width(2); ++c) {
      const std::string_view top = cell(0, c);
      if (!blank(top)) carried = std::string(top);
      const std::string_view below = cell(1, c);
      layout.names.push_back(blank(below) || is_response_word(below) ? carried : std::string(below));
    }
  };
  if (mapping_header_rows) {
    layout.rows = *mapping_header_rows;
    layout.recognised = "the mapping's header_rows";
    if (layout.rows == 1) {
      for (std::size_t c = 0; c < width(1); ++c) layout.names.emplace_back(cell(0, c));
    } else {
      two_row_names();
    }
    return layout;
  }
  bool qualtrics = false;
  if (first.size() >= 3)
    for (const auto& c : first[2].cells)
      if (trimmed(c).starts_with("{\"ImportId\"")) qualtrics = true;
  if (qualtrics) {
    layout.rows = 3;
    layout.recognised = "Qualtrics";
    // Row 2 holds the question texts; row 1 the tool's own ids, where row 2 has none.
    for (std::size_t c = 0; c < width(2); ++c) layout.names.emplace_back(blank(cell(1, c)) ? cell(0, c) : cell(1, c));
    return layout;
  }
  bool survey_monkey = false;
  if (first.size() >= 2)
    for (const auto& c : first[1].cells)
      if (is_response_word(c)) survey_monkey = true;
  if (survey_monkey) {
    layout.rows = 2;
    layout.recognised = "SurveyMonkey";
    two_row_names();
    return layout;
  }
  for (std::size_t c = 0; c < width(1); ++c) layout.names.emplace_back(cell(0, c));
  return layout;
}

std::variant<std::shared_ptr<const TableMapping>, std::vector<std::string>> TableMapping::plan(
    const Questionnaire& questionnaire, const MappingFile* mapping, const HeaderLayout& layout, bool from_xlsx) {
  std::shared_ptr<TableMapping> plan(new TableMapping(questionnaire));
  plan->layout_ = layout;
  plan->from_xlsx_ = from_xlsx;
  std::vector<std::string> problems;

  // Questions by id and by text in every language, normalised.
  StringMap<std::pair<std::size_t, std::string>> questions;
  std::size_t flat = 0;
  for (const auto& d : questionnaire.dimensions) {
    for (const auto& q : d.questions) {
      questions.emplace(normalised(q.id), std::pair{flat, std::string("question id")});
      for (const auto& [language, text] : q.text.by_language)
        questions.emplace(normalised(text), std::pair{flat, fmt::format("question text ({})", language)});
      ++flat;
    }
  }
  StringMap<const MappingFile::Column*> mapped_columns;
  if (mapping)
    for (const auto& c : mapping->columns) mapped_columns.emplace(normalised(c.header), &c);

  const auto find_question = [&](std::string_view h) -> const std::pair<std::size_t, std::string>* {
    if (h.empty()) return nullptr;
    const auto it = questions.find(h);
    return it == questions.end() ? nullptr : &it->second;
  };

  auto& columns = plan->columns_;
  columns.resize(layout.names.size());
  for (std::size_t c = 0; c < layout.names.size(); ++c) {
    ColumnPlan& column = columns[c];
    column.header = layout.names[c];
    const std::string h = normalised(column.header);
    if (const auto it = mapped_columns.find(h); it != mapped_columns.end()) {
      column.use = it->second->use;
      column.question = it->second->question;
      column.why = "the mapping";
      continue;
    }
    const std::array<std::pair<std::string_view, const char*>, 4> tries{{
        {h, ""},
        {without_number_label(h), ", after the number label"},
        {bracketed_tail(h), ", the grid row in [...]"},
        {dashed_tail(h), ", the grid row after \" - \""},
    }};
    bool found = false;
    for (const auto& [text, how] : tries) {
      const auto* q = find_question(text);
      if (q == nullptr && text != h) q = find_question(without_number_label(text));
      if (q != nullptr) {
        column.use = ColumnUse::question;
        column.question = q->first;
        column.why = q->second + how;
        found = true;
        break;
      }
    }
    if (found) continue;
    if (auto d = word_index(department_words, h)) {
      column.use = ColumnUse::department, column.why = fmt::format("named \"{}\"", department_words[*d]);
    } else if (auto r = word_index(role_words, h)) {
      column.use = ColumnUse::role, column.why = fmt::format("named \"{}\"", role_words[*r]);
    }
  }

  // The respondent id and the time: the column named by the earliest word of the list.
  const auto pick_by_word = [&](const auto& words, ColumnUse use) {
    if (std::any_of(columns.begin(), columns.end(), [&](const ColumnPlan& c) { return c.use == use; })) return;
    for (const char* word : words) {
      for (std::size_t c = 0; c < columns.size(); ++c) {
        if (columns[c].use == ColumnUse::unused && columns[c].why.empty() && normalised(columns[c].header) == word) {
          columns[c].use = use;
          columns[c].why = fmt::format("named \"{}\"", word);
          return;
        }
      }
    }
  };
  pick_by_word(id_words, ColumnUse::id);
  pick_by_word(submitted_words, ColumnUse::submitted_at);
  // No column named as a department: one whose name holds such a word ("Which team are
  // you in?"), when only one does.
  if (std::none_of(columns.begin(), columns.end(),
                   [](const ColumnPlan& c) { return c.use == ColumnUse::department; })) {
    std::vector<std::size_t> holding;
    std::string word_found;
    for (std::size_t c = 0; c < columns.size(); ++c) {
      if (columns[c].use != ColumnUse::unused || !columns[c].why.empty()) continue;
      const std::string h = normalised(columns[c].header);
      for (const char* word : department_stems) {
        const auto at = h.find(word);
        // A whole word, or the start of one ("działu" holds "dział").
        if (at != std::string::npos && (at == 0 || h[at - 1] == ' ')) {
          holding.push_back(c);
          word_found = word;
          break;
        }
      }
    }
    if (holding.size() == 1) {
      columns[holding[0]].use = ColumnUse::department;
      columns[holding[0]].why = fmt::format("its name holds \"{}\"", word_found);
    } else if (holding.size() > 1) {
      std::string names;
      for (std::size_t c : holding) names += (names.empty() ? "" : " and ") + plan->column_name(c);
      problems.push_back(
          fmt::format("{} could each be the department; say which in a mapping file "
                      "(\"columns\": {{\"...\": \"@department\"}})",
                      names));
    }
  }
  for (auto& column : columns)
    if (column.use == ColumnUse::unused && column.why.empty()) column.why = "not used";

  // A header a few letters from a question's text (a typo, a tool that drops diacritics)
  // would leave that question without answers, silently: it is named, so that a warning
  // can say so. Only for questions no column answers.
  {
    std::vector<bool> answered(questionnaire.question_count(), false);
    for (const auto& column : columns)
      if (column.use == ColumnUse::question) answered[column.question] = true;
    std::vector<std::string_view> texts;
    StringMap<std::size_t> question_of;
    for (const auto& [text, found] : questions) {
      if (answered[found.first]) continue;
      texts.push_back(text);
      question_of.emplace(text, found.first);
    }
    const LikelyMeant near(texts);
    std::size_t budget = 4'000'000;
    for (std::size_t c = 0; c < columns.size() && !texts.empty(); ++c) {
      if (columns[c].use != ColumnUse::unused || columns[c].why != "not used") continue;
      const std::string h = normalised(columns[c].header);
      for (const std::string_view text :
           {std::string_view(h), without_number_label(h), bracketed_tail(h), dashed_tail(h)}) {
        if (text.size() < 8) continue;  // short headers ("Name", "E-mail") are no question's text
        const auto meant = near.find(text, budget);
        if (!meant) continue;
        const std::size_t question = question_of.find(*meant)->second;
        if (answered[question]) continue;
        answered[question] = true;
        columns[c].why = fmt::format("not used, but close to the text of {}",
                                     column_target_name(ColumnUse::question, question, questionnaire));
        plan->near_misses_.emplace_back(c, question);
        break;
      }
    }
  }

  // One column per question, department, role, id and time.
  for (std::size_t a = 0; a < columns.size(); ++a) {
    if (columns[a].use == ColumnUse::unused) continue;
    for (std::size_t b = a + 1; b < columns.size(); ++b) {
      if (columns[b].use != columns[a].use) continue;
      if (columns[a].use == ColumnUse::question && columns[a].question != columns[b].question) continue;
      const std::string what =
          columns[a].use == ColumnUse::question
              ? fmt::format("question {}", column_target_name(ColumnUse::question, columns[a].question, questionnaire))
              : std::string(use_name(columns[a].use));
      problems.push_back(fmt::format("{} and {} are both {}; mark one as not used in a mapping file (null)",
                                     plan->column_name(a), plan->column_name(b), what));
    }
  }
  const bool any_question =
      std::any_of(columns.begin(), columns.end(), [](const ColumnPlan& c) { return c.use == ColumnUse::question; });
  if (!any_question)
    problems.push_back(
        fmt::format("no column is a question of the questionnaire \"{}\" (the header has {} "
                    "column{}); see docs/import.md for how columns are recognised, or name them in a "
                    "mapping file",
                    questionnaire.id, columns.size(), columns.size() == 1 ? "" : "s"));
  if (std::none_of(columns.begin(), columns.end(),
                   [](const ColumnPlan& c) { return c.use == ColumnUse::department; }) &&
      problems.empty())
    problems.push_back(
        "no column holds the department (a column named \"Department\", \"Team\", \"Dział\", \"Отдел\", "
        "\"Osztály\"...); name it in a mapping file (\"columns\": {\"...\": \"@department\"})");
  if (!problems.empty()) return problems;

  // Answers: the mapping's labels first (they win), then the scale's labels in every
  // language, then the words for "not applicable".
  const Scale& scale = questionnaire.scale;
  const auto add_label = [&](const std::string& label, AnswerValue value, const std::string& why) {
    plan->exact_labels_.emplace(std::string(trimmed(label)), std::pair{value, why});
    const std::string key = normalised(label);
    if (plan->labels_.emplace(key, std::pair{value, why}).second) {
      plan->label_names_.push_back(key);
      plan->label_spellings_.emplace(key, std::string(trimmed(label)));
    }
  };
  if (mapping) {
    for (const auto& v : mapping->values) add_label(v.label, v.value, "the mapping");
    plan->mapped_labels_ = !mapping->values.empty();
  }
  for (const auto& [value, text] : scale.labels)
    for (const auto& [language, label] : text.by_language) {
      add_label(label, AnswerValue::of(value), fmt::format("label ({})", language));
      for (const auto& spelling : gendered_spellings(label))
        add_label(spelling, AnswerValue::of(value), fmt::format("label ({})", language));
    }
  for (const char* word : na_words) add_label(word, AnswerValue::na(), "not applicable");
  for (const char* word : dk_words) add_label(word, AnswerValue::dk(), "don't know");

  if (mapping)
    for (const auto& [value, department] : mapping->departments)
      plan->mapped_departments_.emplace(normalised(value), department);
  plan->listed_departments_ = std::make_unique<DepartmentNames>(questionnaire);
  if (mapping)
    for (const auto& [value, role] : mapping->roles) plan->mapped_roles_.emplace(normalised(value), role);
  return std::shared_ptr<const TableMapping>(std::move(plan));
}

std::string TableMapping::column_name(std::size_t column) const {
  const std::string header = column < columns_.size() ? columns_[column].header : std::string();
  if (blank(header)) return fmt::format("column {}", column_letters(column));
  return fmt::format("column {} {}", column_letters(column), quoted(trimmed(header)));
}

AnswerCell TableMapping::read_answer(std::string_view cell) const {
  AnswerCell out;
  const std::string_view text = trimmed(cell);
  if (text.empty()) return out;  // skipped
  const Scale& scale = questionnaire_.scale;
  const auto in_scale = [&](long long v) { return v >= scale.min && v <= scale.max; };
  if (mapped_labels_) {  // the mapping's labels win, even over numbers
    const std::pair<AnswerValue, std::string>* found = nullptr;
    if (const auto exact = exact_labels_.find(text); exact != exact_labels_.end()) found = &exact->second;
    if (found == nullptr || found->second != "the mapping")
      if (const auto any = labels_.find(normalised(text)); any != labels_.end()) found = &any->second;
    if (found != nullptr && found->second == "the mapping") {
      out.kind = AnswerCell::Kind::value, out.value = found->first, out.how = found->second;
      return out;
    }
  }
  std::size_t used = 0;
  if (const auto number = whole_number(text, &used)) {
    const std::string_view after = text.substr(used);
    const bool alone = after.empty();
    // "4.5" is a decimal, not the number label "4." before "5".
    const bool decimal = after.size() > 1 && after[0] == '.' && is_digit(after[1]);
    if (decimal) {
      out.kind = AnswerCell::Kind::bad;
      out.why = fmt::format("{} is not a whole number (the scale is {}..{})", quoted(text), scale.min, scale.max);
      return out;
    }
    const bool labelled =
        !alone && (after[0] == ' ' || after[0] == '-' || after[0] == ')' || after[0] == ':' ||
                   (after[0] == '.' && (after.size() == 1 || !is_digit(after[1]))));  // "4.5" is no label
    if (alone || labelled) {
      if (in_scale(*number)) {
        out.kind = AnswerCell::Kind::value, out.value = AnswerValue::of(static_cast<int>(*number));
        out.how = alone ? "number" : "number before the label";
        return out;
      }
      if (alone) {
        out.kind = AnswerCell::Kind::bad;
        out.why = fmt::format("{} is outside the scale {}..{}", *number, scale.min, scale.max);
        return out;
      }
    }
  }
  auto it = exact_labels_.find(text);
  if (it == exact_labels_.end()) {
    const std::string key = normalised(text);
    it = labels_.find(key);
    if (it == labels_.end()) {
      out.kind = AnswerCell::Kind::bad;
      if (!is_valid_utf8(text)) {
        out.why = "is not valid UTF-8 text";
        return out;
      }
      out.why = fmt::format("{} is not an answer: a number {}..{}, a label of the scale{}{}", quoted(text), scale.min,
                            scale.max, scale.not_applicable ? (scale.dont_know ? ", \"n/a\"" : " or \"n/a\"") : "",
                            scale.dont_know ? " or \"don't know\"" : "");
      std::vector<std::string_view> names(label_names_.begin(), label_names_.end());
      if (auto meant = likely_meant(key, names)) {
        const auto& meant_value = labels_.find(std::string(*meant))->second.first;
        // Shown as the questionnaire (or the mapping) writes it: "Agree", not "agree".
        const std::string& shown = label_spellings_.find(std::string(*meant))->second;
        if (meant_value.kind == AnswerValue::Kind::not_applicable)
          out.why += fmt::format("; did you mean \"{}\" (not applicable)?", shown);
        else if (meant_value.kind == AnswerValue::Kind::dont_know)
          out.why += fmt::format("; did you mean \"{}\" (don't know)?", shown);
        else
          out.why += fmt::format("; did you mean \"{}\" ({})?", shown, meant_value.value);
      }
      return out;
    }
  }
  const AnswerValue value = it->second.first;
  if (value.kind == AnswerValue::Kind::not_applicable && !scale.not_applicable) {
    out.kind = AnswerCell::Kind::bad;
    out.why = fmt::format("{} means \"not applicable\", which this questionnaire's scale does not allow", quoted(text));
    return out;
  }
  if (value.kind == AnswerValue::Kind::dont_know && !scale.dont_know) {
    out.kind = AnswerCell::Kind::bad;
    out.why = fmt::format("{} means \"don't know\", which this questionnaire's scale does not allow", quoted(text));
    return out;
  }
  out.kind = AnswerCell::Kind::value, out.value = value, out.how = it->second.second;
  return out;
}

std::string TableMapping::read_department(std::string_view cell, std::string* why) const {
  const std::string_view text = trimmed(cell);
  if (text.empty()) return {};
  const std::string key = normalised(text);
  if (const auto it = mapped_departments_.find(key); it != mapped_departments_.end()) {
    if (why) *why = "the mapping";
    // The mapping may name a listed department by its name.
    if (const auto listed = listed_departments_->listed(it->second)) return std::string(*listed);
    return it->second;
  }
  if (const auto listed = listed_departments_->listed(text)) {
    if (why) *why = "a department of the questionnaire";
    return std::string(*listed);
  }
  if (why) *why = "as written";
  return std::string(text);
}

std::optional<Role> TableMapping::read_role(std::string_view cell, std::string* why) const {
  const std::string_view text = trimmed(cell);
  if (text.empty()) return Role::none;
  const std::string key = normalised(text);
  if (const auto it = mapped_roles_.find(key); it != mapped_roles_.end()) {
    if (why) *why = "the mapping";
    return it->second;
  }
  if (why) *why = "a role word";
  if (word_index(leader_words, key)) return Role::leader;
  if (word_index(employee_words, key)) return Role::employee;
  return std::nullopt;
}

std::string TableMapping::read_submitted_at(std::string_view cell, bool numeric) const {
  const std::string_view text = trimmed(cell);
  if (numeric && from_xlsx_)
    if (auto iso = iso_from_serial(text)) return *iso;
  if (auto iso = iso_date_time(text)) return *iso;
  return std::string(text);
}

bool TableMapping::convert(const std::vector<std::string_view>& cells, const std::vector<bool>* numeric, AnswerSet& out,
                           std::vector<Diagnostic>& problems, const std::string& file, std::uint32_t row,
                           TableRowScratch& scratch) const {
  if (scratch.mapping != this) {
    scratch.mapping = this;
    scratch.departments.clear();
    scratch.roles.clear();
  }
  out.questionnaire_id = questionnaire_.id;
  out.questionnaire_version = questionnaire_.version;
  out.complete = true;
  out.submitted_at.reset();
  out.respondent.id.reset();
  out.respondent.department.clear();
  out.respondent.role = Role::none;
  out.answers.assign(questionnaire_.question_count(), AnswerValue::skipped());
  out.not_asked = 0;
  const std::size_t before = problems.size();
  bool department_unreadable = false;  // said once: not also "empty"
  const auto problem = [&](std::size_t column, std::string message) {
    problems.push_back(Diagnostic::error(fmt::format("{}:{}", file, row), column_name(column), std::move(message)));
  };
  for (std::size_t c = 0; c < cells.size(); ++c) {
    const std::string_view cell = cells[c];
    const ColumnUse use = c < columns_.size() ? columns_[c].use : ColumnUse::unused;
    if (use == ColumnUse::question) {
      const AnswerCell answer = read_answer(cell);
      if (answer.kind == AnswerCell::Kind::bad) {
        problem(c, fmt::format("({}) {}", column_target_name(ColumnUse::question, columns_[c].question, questionnaire_),
                               answer.why));
      } else {
        out.answers[columns_[c].question] = answer.value;
      }
      continue;
    }
    if (!is_valid_utf8(cell)) {
      // The value of a column that is not used is not shown: it may be personal.
      problem(c, "is not valid UTF-8 text (save the export as UTF-8, or UTF-16 with a byte-order mark)");
      department_unreadable = department_unreadable || use == ColumnUse::department;
      continue;
    }
    switch (use) {
      case ColumnUse::department: {
        auto it = scratch.departments.find(cell);
        if (it == scratch.departments.end()) {
          if (scratch.departments.size() > 4096) scratch.departments.clear();
          std::string why;
          it = scratch.departments.emplace(std::string(cell), read_department(cell, &why)).first;
          if (why == "the mapping") scratch.mapped_departments_used.emplace(normalised(cell), true);
        }
        out.respondent.department = it->second;
        break;
      }
      case ColumnUse::role: {
        auto it = scratch.roles.find(cell);
        if (it == scratch.roles.end()) {
          if (scratch.roles.size() > 4096) scratch.roles.clear();
          it = scratch.roles.emplace(std::string(cell), read_role(cell)).first;
        }
        if (it->second) {
          out.respondent.role = *it->second;
        } else {
          problem(c, fmt::format("{} is not a role: leader or employee (or a word for them in the questionnaire's "
                                 "languages), or a value of the mapping's \"roles\"",
                                 quoted(trimmed(cell))));
        }
        break;
      }
      case ColumnUse::id: {
        const std::string_view id = trimmed(cell);
        if (!id.empty()) out.respondent.id = std::string(id);
        break;
      }
      case ColumnUse::submitted_at: {
        if (!blank(cell)) out.submitted_at = read_submitted_at(cell, numeric && c < numeric->size() && (*numeric)[c]);
        break;
      }
      case ColumnUse::question:
      case ColumnUse::unused:
        break;
    }
  }
  // As in an answers file (formats.md §2): an employee's answer to a leaders-only
  // question is not counted.
  if (any_leaders_only_) clear_answers_not_asked(questionnaire_, out);
  if (out.respondent.department.empty() && !department_unreadable) {
    std::size_t column = 0;
    while (column < columns_.size() && columns_[column].use != ColumnUse::department) ++column;
    problem(column, "is empty: every answer set needs a department");
  }
  return problems.size() == before;
}

}  // namespace centric
