// A small, strict RFC 4180 reader for the tests: records end in CRLF (the last one too);
// a quoted field may hold commas, CR, LF and doubled quotes, an unquoted one none of them.
// Anything else fails the running test.
#pragma once

#include <catch2/catch.hpp>
#include <string>
#include <vector>

namespace centric::test {

using CsvRow = std::vector<std::string>;

inline std::vector<CsvRow> parse_csv(const std::string& text) {
  std::vector<CsvRow> rows;
  CsvRow row;
  std::string cell;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '"') {
      ++i;
      for (;;) {
        REQUIRE(i < text.size());
        if (text[i] == '"') {
          if (i + 1 < text.size() && text[i + 1] == '"') {
            cell += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        cell += text[i++];
      }
    } else {
      while (i < text.size() && text[i] != ',' && text[i] != '\r' && text[i] != '\n' && text[i] != '"')
        cell += text[i++];
    }
    INFO("at byte " << i);
    REQUIRE(i < text.size());  // every record ends in CRLF
    if (text[i] == ',') {
      row.push_back(cell);
      cell.clear();
      ++i;
      continue;
    }
    REQUIRE(text.compare(i, 2, "\r\n") == 0);
    row.push_back(cell);
    cell.clear();
    rows.push_back(row);
    row.clear();
    i += 2;
  }
  return rows;
}

}  // namespace centric::test
