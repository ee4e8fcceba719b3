// The table readers (import.md §2): CSV/TSV through libcsv and XLSX through libzip and
// expat, bytes to rows. The workbooks are made by tests/support/make_xlsx.py (openpyxl,
// or the XML parts written by hand for what openpyxl never writes).
#include <catch2/catch.hpp>

#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "io/table_source.hpp"
#include "support/temp_dir.hpp"

using namespace centric;
using Status = TableSource::Status;

namespace {

struct ReadRow {
  Status status = Status::row;
  std::uint32_t number = 0;
  std::vector<std::string> cells;
  std::vector<bool> numeric;
  std::string problem;
};

// Every row up to the end or the failure (the last entry, then).
std::vector<ReadRow> read_all(TableSource& source) {
  std::vector<ReadRow> rows;
  TableRow row;
  for (;;) {
    std::string problem;
    const Status status = source.next(row, problem);
    if (status == Status::end) break;
    rows.push_back({status, row.number, row.cells, row.numeric, problem});
    if (status == Status::failed) break;
  }
  return rows;
}

std::unique_ptr<TableSource> open_text(std::string text, char delimiter = 0, const TableLimits& limits = {}) {
  auto opened = open_csv_text(std::move(text), delimiter, limits);
  if (auto* error = std::get_if<std::string>(&opened)) FAIL(*error);
  return std::move(std::get<std::unique_ptr<TableSource>>(opened));
}

std::vector<ReadRow> csv_rows(std::string text, char delimiter = 0, const TableLimits& limits = {}) {
  auto source = open_text(std::move(text), delimiter, limits);
  return read_all(*source);
}

using Cells = std::vector<std::string>;

std::string utf16(const std::u16string& text, bool big_endian) {
  std::string out = big_endian ? std::string("\xFE\xFF") : std::string("\xFF\xFE");
  for (const char16_t unit : text) {
    const char hi = static_cast<char>(unit >> 8), lo = static_cast<char>(unit & 0xFF);
    out += big_endian ? hi : lo;
    out += big_endian ? lo : hi;
  }
  return out;
}

}  // namespace

TEST_CASE("csv table: the delimiter is whichever splits the first record most") {
  SECTION("comma") {
    const auto rows = csv_rows("a,b,c\n1,2,3\n");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].cells == Cells{"a", "b", "c"});
    CHECK(rows[1].cells == Cells{"1", "2", "3"});
    CHECK(rows[1].number == 2);
  }
  SECTION("semicolon, with commas in the cells") {
    const auto rows = csv_rows("a;b,c;d\n1,5;2;3\n");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].cells == Cells{"a", "b,c", "d"});
    CHECK(rows[1].cells == Cells{"1,5", "2", "3"});
  }
  SECTION("tab") {
    const auto rows = csv_rows("a\tb;c\td\n1\t2\t3\n");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].cells == Cells{"a", "b;c", "d"});
  }
  SECTION("ties: comma, then semicolon, then tab") {
    CHECK(csv_rows("a,b;c\n")[0].cells == Cells{"a", "b;c"});
    CHECK(csv_rows("a;b\tc\n")[0].cells == Cells{"a", "b\tc"});
    CHECK(csv_rows("abc\n")[0].cells == Cells{"abc"});
  }
  SECTION("a first record with quoted line breaks and delimiters") {
    // Line by line the first line would have two commas; the record has three semicolons.
    const auto rows = csv_rows("\"x,\ny,z\";b;c;d\n1;2;3;4\n");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].cells == Cells{"x,\ny,z", "b", "c", "d"});
    CHECK(rows[1].cells == Cells{"1", "2", "3", "4"});
  }
  SECTION("an explicit delimiter skips the detection") {
    const auto rows = csv_rows("a,b\tc\n", '\t');
    CHECK(rows[0].cells == Cells{"a,b", "c"});
  }
  SECTION("one line without a line break at the end") {
    const auto rows = csv_rows("a;b");
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].cells == Cells{"a", "b"});
  }
  SECTION("nothing at all") { CHECK(csv_rows("").empty()); }
}

TEST_CASE("csv table: RFC 4180 quoting") {
  SECTION("a record over several lines is one row, and the rows after keep the spreadsheet's numbers") {
    const auto rows = csv_rows("id,comment\n1,\"line one\nline two\r\nline three\"\n2,plain\n3,\"x\"\n");
    REQUIRE(rows.size() == 4);
    CHECK(rows[1].number == 2);
    CHECK(rows[1].cells == Cells{"1", "line one\nline two\r\nline three"});
    CHECK(rows[2].number == 3);
    CHECK(rows[2].cells == Cells{"2", "plain"});
    CHECK(rows[3].number == 4);
    CHECK(rows[3].cells == Cells{"3", "x"});
  }
  SECTION("doubled quotes and delimiters inside quotes") {
    const auto rows = csv_rows("a,b\n\"say \"\"hi\"\", then go\",\"\"\"\"\n");
    REQUIRE(rows.size() == 2);
    CHECK(rows[1].cells == Cells{"say \"hi\", then go", "\""});
  }
  SECTION("empty cells") {
    const auto rows = csv_rows("a,b,c\n,,\n\"\",x,\n");
    REQUIRE(rows.size() == 3);
    CHECK(rows[1].cells == Cells{"", "", ""});
    CHECK(rows[2].cells == Cells{"", "x", ""});
  }
  SECTION("a stray quote inside an unquoted cell is kept") {
    const auto rows = csv_rows("a,b\n5\" screen,x\n");
    REQUIRE(rows.size() == 2);
    CHECK(rows[1].status == Status::row);
    CHECK(rows[1].cells == Cells{"5\" screen", "x"});
  }
  SECTION("text after the quote that closes a cell rejects that row alone; the rows after are read") {
    // Read leniently, the cell would run on to the next quote, four lines below, and the
    // rows between would vanish into it.
    const auto rows = csv_rows(
        "dept,comment,q\r\nSales,\"quoted\" trailing,4\r\nSales,b,4\r\nSales,c,5\r\n"
        "Sales,\"fine\",2\r\nIT,\"two\r\nlines\" x,1\nIT,f,1\n");
    REQUIRE(rows.size() == 7);
    CHECK(rows[1].status == Status::bad_row);
    CHECK(rows[1].number == 2);
    CHECK(rows[1].problem ==
          "column 2: text after the quote that closes the cell (a quote inside a quoted cell is "
          "written twice: \"\")");
    CHECK(rows[2].cells == Cells{"Sales", "b", "4"});
    CHECK(rows[2].number == 3);
    CHECK(rows[4].cells == Cells{"Sales", "fine", "2"});
    CHECK(rows[5].status == Status::bad_row);  // the same, in a cell over two lines
    CHECK(rows[5].number == 6);
    CHECK(rows[6].cells == Cells{"IT", "f", "1"});
    CHECK(rows[6].number == 7);
  }
}

TEST_CASE("csv table: line ends and blank lines") {
  SECTION("CRLF") {
    const auto rows = csv_rows("a,b\r\n1,2\r\n3,4\r\n");
    REQUIRE(rows.size() == 3);
    CHECK(rows[1].cells == Cells{"1", "2"});
    CHECK(rows[2].cells == Cells{"3", "4"});
    CHECK(rows[2].number == 3);
  }
  SECTION("a blank line is an empty row and is counted") {
    for (const std::string eol : {"\n", "\r\n", "\r"}) {
      const auto rows = csv_rows("a,b" + eol + eol + "1,2" + eol);
      REQUIRE(rows.size() == 3);
      CHECK(rows[1].number == 2);
      CHECK(rows[1].cells.empty());
      CHECK(rows[2].number == 3);
      CHECK(rows[2].cells == Cells{"1", "2"});
    }
  }
}

TEST_CASE("csv table: encodings") {
  const std::string polish = "Zażółć gęślą jaźń", cyrillic = "Отдел продаж", hungarian = "Árvíztűrő tükörfúrógép";
  SECTION("a UTF-8 BOM is skipped") {
    const auto rows = csv_rows("\xEF\xBB\xBFid;dział\n1;" + polish + "\n");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].cells == Cells{"id", "dział"});
    CHECK(rows[1].cells == Cells{"1", polish});
  }
  SECTION("UTF-16 with a BOM, little and big endian") {
    const std::u16string text =
        u"id\tdział\tотдел\tosztály\tnote\r\n1\tZażółć gęślą jaźń\tОтдел продаж\t"
        u"Árvíztűrő tükörfúrógép\t\U0001F600 ok\r\n";
    for (const bool big : {false, true}) {
      const auto rows = csv_rows(utf16(text, big));
      REQUIRE(rows.size() == 2);
      CHECK(rows[0].cells == Cells{"id", "dział", "отдел", "osztály", "note"});
      CHECK(rows[1].cells == Cells{"1", polish, cyrillic, hungarian, "\xF0\x9F\x98\x80 ok"});
    }
  }
  SECTION("UTF-16 over many chunks, a surrogate pair and a code unit straddling them") {
    std::u16string text = u"a,b\n";
    for (int i = 0; i < 30000; ++i) text += u"\U0001F600x,\u0142\n";
    const auto rows = csv_rows(utf16(text, false));
    REQUIRE(rows.size() == 30001);
    CHECK(rows[30000].cells == Cells{"\xF0\x9F\x98\x80x", "ł"});
    CHECK(rows[30000].number == 30001);
  }
  SECTION("an unpaired surrogate becomes U+FFFD") {
    const auto rows = csv_rows(utf16(std::u16string(u"a,") + char16_t{0xD800} + u"b\n", false));
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].cells == Cells{"a",
                                 "\xEF\xBF\xBD"
                                 "b"});
  }
}

TEST_CASE("csv table: limits") {
  SECTION("a cell over the limit makes its row bad, and reading goes on") {
    TableLimits limits;
    limits.max_cell_bytes = 4;
    const auto rows = csv_rows("a,b\n1,12345\n\"123\n5\",x\n2,1234\n", 0, limits);
    REQUIRE(rows.size() == 4);
    CHECK(rows[1].status == Status::bad_row);
    CHECK(rows[1].number == 2);
    CHECK(rows[1].problem == "column 2: a cell longer than 4 bytes");
    CHECK(rows[2].status == Status::bad_row);
    CHECK(rows[2].problem == "column 1: a cell longer than 4 bytes");
    CHECK(rows[3].status == Status::row);
    CHECK(rows[3].number == 4);
    CHECK(rows[3].cells == Cells{"2", "1234"});
  }
  SECTION("a 50 MB cell over a 1 KiB limit is not held, and the next row arrives") {
    TableLimits limits;
    limits.max_cell_bytes = 1024;
    for (const bool quoted : {false, true}) {
      std::string text = "a,b\nx,";
      if (quoted) text += '"';
      text.append(std::size_t{50} << 20, 'y');
      if (quoted) text += "\"\"z\"";
      text += "\n1,2\n";
      auto source = open_text(std::move(text), 0, limits);
      TableRow row;
      std::string problem;
      REQUIRE(source->next(row, problem) == Status::row);
      REQUIRE(source->next(row, problem) == Status::bad_row);
      CHECK(row.number == 2);
      CHECK(problem == "column 2: a cell longer than 1024 bytes");
      // The row's cells hold nothing of the big cell.
      std::size_t held = 0;
      for (const auto& cell : row.cells) held += cell.capacity();
      CHECK(held < (std::size_t{1} << 20));
      REQUIRE(source->next(row, problem) == Status::row);
      CHECK(row.number == 3);
      CHECK(row.cells == Cells{"1", "2"});
      CHECK(source->next(row, problem) == Status::end);
    }
  }
  SECTION("more cells than the limit") {
    TableLimits limits;
    limits.max_cells = 3;
    const auto rows = csv_rows("a,b,c\n1,2,3,4\n1,2,3\n", 0, limits);
    REQUIRE(rows.size() == 3);
    CHECK(rows[1].status == Status::bad_row);
    CHECK(rows[1].problem == "more than 3 cells in the row");
    CHECK(rows[2].status == Status::row);
  }
}

TEST_CASE("csv table: an unclosed quote fails naming the row and column where it opened") {
  const auto rows = csv_rows("a,b\n1,2\n3,\"never\nclosed\n4,5\n");
  REQUIRE(rows.size() == 3);
  CHECK(rows[1].status == Status::row);
  CHECK(rows[2].status == Status::failed);
  CHECK(rows[2].problem == "unclosed quote starting in row 3, column B");
}

TEST_CASE("csv table: files") {
  centric::test::UnitTempDir dir;
  SECTION("read in chunks") {
    std::string text = "id;value\n";
    for (int i = 0; i < 100000; ++i) text += std::to_string(i) + ";\"v\n" + std::to_string(i) + "\"\n";
    auto opened = open_csv_table(dir.write("big.csv", text), 0);
    REQUIRE(std::holds_alternative<std::unique_ptr<TableSource>>(opened));
    const auto rows = read_all(*std::get<std::unique_ptr<TableSource>>(opened));
    REQUIRE(rows.size() == 100001);
    CHECK(rows[100000].number == 100001);
    CHECK(rows[100000].cells == Cells{"99999", "v\n99999"});
  }
  SECTION("a missing file and a directory") {
    auto missing = open_csv_table(dir.path("none.csv"), 0);
    REQUIRE(std::holds_alternative<std::string>(missing));
    CHECK(std::get<std::string>(missing) == "cannot read: No such file or directory");
    auto folder = open_csv_table(dir.path(), 0);
    REQUIRE(std::holds_alternative<std::string>(folder));
    CHECK(std::get<std::string>(folder) == "is a directory");
  }
}

namespace {

// Writes a workbook with tests/support/make_xlsx.py (see there for `spec`) and returns its
// path.
std::string make_xlsx(const centric::test::UnitTempDir& dir, const std::string& name, std::string spec) {
  const std::string path = dir.path(name);
  spec.insert(1, "\"output\": \"" + path + "\", ");
  const std::string command = "/usr/bin/python3 " CENTRIC_SOURCE_DIR "/tests/support/make_xlsx.py";
  FILE* pipe = ::popen(command.c_str(), "w");
  REQUIRE(pipe != nullptr);
  std::fwrite(spec.data(), 1, spec.size(), pipe);
  REQUIRE(::pclose(pipe) == 0);
  return path;
}

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

std::unique_ptr<TableSource> open_xlsx(const std::string& path, const std::string& sheet = "",
                                       const TableLimits& limits = {}) {
  auto opened = open_xlsx_table(path, sheet, limits);
  if (auto* error = std::get_if<std::string>(&opened)) FAIL(*error);
  return std::move(std::get<std::unique_ptr<TableSource>>(opened));
}

std::string xlsx_error(const std::string& path, const std::string& sheet = "", const TableLimits& limits = {}) {
  auto opened = open_xlsx_table(path, sheet, limits);
  REQUIRE(std::holds_alternative<std::string>(opened));
  return std::get<std::string>(opened);
}

// A workbook with parts written by hand: one sheet holding `sheet_data`.
std::string xml_sheet(const std::string& sheet_data, const std::string& shared = "") {
  std::string spec = R"({"xml_sheets": [{"name": "S", "xml": ")" + sheet_data + "\"}]";
  if (!shared.empty()) spec += R"(, "shared_strings_xml": ")" + shared + "\"";
  return spec + "}";
}

}  // namespace

TEST_CASE("xlsx table: a workbook as openpyxl writes it (shared strings, numbers, dates, booleans)") {
  centric::test::UnitTempDir dir;
  const std::string path = make_xlsx(dir, "book.xlsx", R"({"sheets": [
      {"name": "Answers", "rows": [["Timestamp", "Dział", "Q1", "Q2", "Q3", "Note"],
                                   [{"datetime": "2023-07-15T12:00:00"}, "Sprzedaż", 4, 4.0, 3.5, true],
                                   [{"datetime": "2023-07-16T00:00:00"}, "Отдел", -2, 1e20, 0.1, false],
                                   [null, "Árvíztűrő", null, "", 7, "x"]]},
      {"name": "Other", "rows": [["only"], ["here"]]}]})");
  auto source = open_xlsx(path);
  const auto rows = read_all(*source);
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].number == 1);
  CHECK(rows[0].cells == Cells{"Timestamp", "Dział", "Q1", "Q2", "Q3", "Note"});
  CHECK(rows[1].cells == Cells{"45122.5", "Sprzedaż", "4", "4", "3.5", "TRUE"});
  CHECK(rows[1].numeric == std::vector<bool>{true, false, true, true, true, false});
  CHECK(rows[2].cells == Cells{"45123", "Отдел", "-2", "1e+20", "0.1", "FALSE"});
  CHECK(rows[3].number == 4);
  CHECK(rows[3].cells.size() >= 5);
  CHECK(rows[3].cells[0] == "");
  CHECK(rows[3].cells[1] == "Árvíztűrő");
  CHECK(rows[3].cells[4] == "7");
  CHECK(rows[3].cells[5] == "x");

  SECTION("another sheet by name") {
    const auto other = read_all(*open_xlsx(path, "Other"));
    REQUIRE(other.size() == 2);
    CHECK(other[1].cells == Cells{"here"});
  }
  SECTION("an unknown sheet name lists the sheets") {
    CHECK(xlsx_error(path, "Answer") == "the workbook has no sheet \"Answer\"; its sheets are \"Answers\", \"Other\"");
  }
  SECTION("the same bytes in memory") {
    auto opened = open_xlsx_bytes(read_bytes(path), "");
    REQUIRE(std::holds_alternative<std::unique_ptr<TableSource>>(opened));
    const auto again = read_all(*std::get<std::unique_ptr<TableSource>>(opened));
    REQUIRE(again.size() == 4);
    CHECK(again[2].cells == rows[2].cells);
  }
}

TEST_CASE("xlsx table: what openpyxl never writes") {
  centric::test::UnitTempDir dir;
  SECTION("inline strings, formula strings, booleans, errors, sparse rows and cells, absolute targets") {
    const std::string sheet =
        R"(<sheetData><row r='1'><c r='A1' t='inlineStr'><is><t>id</t></is></c><c r='C1' t='str'><f>A1</f>)"
        R"(<v>dept &amp; co</v></c></row><row r='4'><c r='B4' t='b'><v>1</v></c><c t='e'><v>#N/A</v></c>)"
        R"(<c r='E4'><v>4E0</v></c></row><row><c t='inlineStr'><is><r><t>rich </t></r><r><t>text</t></r>)"
        R"(</is></c><c t='s'><v>1</v></c></row></sheetData>)";
    const std::string shared =
        R"(<si><t>zero</t></si><si><r><t>漢</t></r><r><t>字</t></r><rPh sb='0' eb='1'><t>かんじ</t></rPh></si>)";
    auto spec = xml_sheet(sheet, shared);
    spec.insert(1, "\"absolute_targets\": true, ");
    const auto rows = read_all(*open_xlsx(make_xlsx(dir, "hand.xlsx", spec)));
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].number == 1);
    CHECK(rows[0].cells == Cells{"id", "", "dept & co"});
    CHECK(rows[1].number == 4);
    CHECK(rows[1].cells == Cells{"", "TRUE", "#N/A", "", "4"});
    CHECK(rows[1].numeric == std::vector<bool>{false, false, false, false, true});
    CHECK(rows[2].number == 5);
    CHECK(rows[2].cells == Cells{"rich text", "漢字"});
  }
  SECTION("a shared string that does not exist, and limits") {
    TableLimits limits;
    limits.max_cell_bytes = 4;
    limits.max_cells = 3;
    const std::string sheet =
        R"(<sheetData><row r='1'><c t='s'><v>7</v></c></row><row r='2'><c t='inlineStr'><is><t>12345</t></is></c>)"
        R"(</row><row r='3'><c r='D3'><v>1</v></c></row><row r='4'><c t='s'><v>0</v></c></row>)"
        R"(<row r='5'><c><v>1234</v></c></row></sheetData>)";
    const auto rows =
        read_all(*open_xlsx(make_xlsx(dir, "limits.xlsx", xml_sheet(sheet, "<si><t>long one</t></si>")), "", limits));
    REQUIRE(rows.size() == 5);
    CHECK(rows[0].status == Status::bad_row);
    CHECK(rows[0].problem == "column 1: the shared string \"7\" does not exist");
    CHECK(rows[1].status == Status::bad_row);
    CHECK(rows[1].problem == "column 1: a cell longer than 4 bytes");
    CHECK(rows[2].status == Status::bad_row);
    CHECK(rows[2].problem == "more than 3 cells in the row");
    CHECK(rows[3].status == Status::bad_row);
    CHECK(rows[3].problem == "column 1: a cell longer than 4 bytes");
    CHECK(rows[4].status == Status::row);
    CHECK(rows[4].number == 5);
    CHECK(rows[4].cells == Cells{"1234"});
  }
  SECTION("a DTD is refused (no entity expansion)") {
    auto spec = xml_sheet("<sheetData/>");
    spec.insert(1, R"("parts": {"xl/sharedStrings.xml": "<?xml version='1.0'?><!DOCTYPE sst [<!ENTITY a 'aaaa'>]><sst>)"
                   R"(<si><t>&a;</t></si></sst>"}, )");
    CHECK(xlsx_error(make_xlsx(dir, "dtd.xlsx", spec)) ==
          "the workbook holds a DTD, which no spreadsheet program writes");
  }
}

TEST_CASE("xlsx table: damaged files and ZIP bombs") {
  centric::test::UnitTempDir dir;
  const std::string good = make_xlsx(dir, "good.xlsx", R"({"sheets": [{"name": "S", "rows": [["a"], [1]]}]})");
  SECTION("not a ZIP archive") {
    CHECK(xlsx_error(dir.write("text.xlsx", "a,b\n1,2\n")) == "not an XLSX workbook (not a ZIP archive)");
    auto opened = open_xlsx_bytes("", "");
    REQUIRE(std::holds_alternative<std::string>(opened));
    CHECK(std::get<std::string>(opened) == "not an XLSX workbook (not a ZIP archive)");
  }
  SECTION("cut in half") {
    const std::string bytes = read_bytes(good);
    const std::string error = xlsx_error(dir.write("half.xlsx", bytes.substr(0, bytes.size() / 2)));
    CHECK(error.starts_with("the workbook is damaged or cut short ("));
    auto opened = open_xlsx_bytes(bytes.substr(0, bytes.size() / 2), "");
    REQUIRE(std::holds_alternative<std::string>(opened));
    CHECK(std::get<std::string>(opened) == error);
  }
  SECTION("a ZIP archive without a workbook, a missing file") {
    auto spec = xml_sheet("<sheetData/>");
    spec.insert(1, R"("drop": ["xl/workbook.xml"], )");
    CHECK(xlsx_error(make_xlsx(dir, "x.xlsx", spec)) == "not an XLSX workbook: the archive has no xl/workbook.xml");
    CHECK(xlsx_error(dir.path("none.xlsx")) == "cannot read: No such file or directory");
  }
  SECTION("a worksheet whose XML stops in a row") {
    auto spec = xml_sheet("<sheetData/>");
    spec.insert(1, R"("parts": {"xl/worksheets/sheet1.xml": "<worksheet><sheetData><row r='1'><c><v>1</v></c></row>)"
                   R"(<row r='2'><c>"}, )");
    const std::string path = make_xlsx(dir, "cut.xlsx", spec);
    const auto rows = read_all(*open_xlsx(path));
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].status == Status::row);
    CHECK(rows[1].status == Status::failed);
    CHECK(rows[1].problem == "the worksheet is cut short in row 2");
  }
  SECTION("200 MB of XML deflated to almost nothing, over a small limit") {
    TableLimits limits;
    limits.max_unpacked_bytes = 10 << 20;
    const std::string path = make_xlsx(
        dir, "bomb.xlsx",
        R"({"xml_sheets": [{"name": "S", "xml": "<sheetData><row r='1'><c><v>1</v></c></row>"}], "filler": "<row/>", "filler_bytes": 200000000})");
    CHECK(read_bytes(path).size() < (1 << 20));
    auto source = open_xlsx(path, "", limits);
    TableRow row;
    std::string problem;
    std::size_t rows = 0;
    Status status;
    while ((status = source->next(row, problem)) == Status::row) ++rows;
    CHECK(status == Status::failed);
    CHECK(problem == "the workbook unpacks to more than 10485760 bytes (a ZIP bomb?)");
    CHECK(rows < 2000000);
  }
  SECTION("a part that lies about its size trips the default limit without being held") {
    const std::string path = make_xlsx(dir, "huge.xlsx", R"({"huge_sheet_bytes": 4400000000})");
    CHECK(read_bytes(path).size() < (8 << 20));
    const auto rows = read_all(*open_xlsx(path));
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].status == Status::failed);
    CHECK(rows[0].problem == "the workbook unpacks to more than 4294967296 bytes (a ZIP bomb?)");
  }
}
