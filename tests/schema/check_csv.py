#!/usr/bin/env python3
"""Check a centric CSV report against the JSON report of the same inputs.

Run by CTest, e.g.

    /usr/bin/python3 tests/schema/check_csv.py --csv /tmp/report.csv --json /tmp/report.json \
        --questionnaire /tmp/questionnaire.json

An independent reader of formats.md section 4b: the CSV is read with Python's csv
module (utf-8-sig, so the leading byte-order mark is allowed), every record must end
in CRLF, the header must be exactly the specified columns, and every row must carry
the numbers, levels and names the JSON report has (numbers within 1e-9; absent values
are empty cells). The names are in the report's language ("language" in the JSON
report): dimension_name is the questionnaire's name of the dimension (given with
--questionnaire, as `centric questionnaire --json` prints it) on every dimension row,
and the JSON report's dimension_name too; level_name is the questionnaire's name of
the level. The words from the message catalogue (the organisation's and the roles'
group_name, the overall rows' dimension_name) must be "Organisation", "Leaders",
"Employees" and "Overall" in English and are only required to be non-empty in other
languages. A suppressed department's row has only group_kind, group_id and n.

Text cells (every column but the numbers) follow formats.md section 5b's guard against
CSV injection: a text that starts with =, +, -, @, TAB, CR or ' is written with one more
' in front, and no other text is. The checker requires exactly that, drops the added '
and compares the text as it was with the JSON report; a number cell must read as a
plain number (a negative one has no ' in front). Each failure is printed; the last line
is "N rows checked, M failures". The exit status is 1 when anything failed, else 0.

Standard library only.
"""

import argparse
import csv
import io
import json
import math
import sys

HEADER = [
    "group_kind", "group_id", "group_name", "n", "dimension", "score", "level",
    "level_name", "sd", "ci95_low", "ci95_high", "alpha", "favorable", "neutral",
    "unfavorable", "dimension_name", "hidden",
]
NUMBERS = {"n", "score", "level", "sd", "ci95_low", "ci95_high", "alpha", "favorable", "neutral",
           "unfavorable"}
# A text cell starting with one of these is written with one more ' in front.
GUARDED_STARTS = ("=", "+", "-", "@", "\t", "\r", "'")
STATS = ["sd", "ci95_low", "ci95_high", "alpha", "favorable", "neutral", "unfavorable"]
# The message catalogue's English words; None: any non-empty text (another language).
ENGLISH_WORDS = {"organisation": "Organisation", "leaders": "Leaders", "employees": "Employees",
                 "overall": "Overall"}


class Checker:
    def __init__(self):
        self.failures = 0

    def fail(self, where, message):
        self.failures += 1
        print(f"FAIL {where}: {message}")

    def number(self, where, cell, expected):
        if expected is None:
            if cell != "":
                self.fail(where, f"expected an empty cell, got {cell!r}")
            return
        if cell == "":
            self.fail(where, f"expected {expected!r}, got an empty cell")
            return
        try:
            value = float(cell)
        except ValueError:
            self.fail(where, f"not a number: {cell!r}")
            return
        if not math.isfinite(value) or abs(value - expected) > 1e-9 * max(1.0, abs(expected)):
            self.fail(where, f"expected {expected!r}, got {cell!r}")

    def equal(self, where, cell, expected):
        if cell != expected:
            self.fail(where, f"expected {expected!r}, got {cell!r}")

    def word(self, where, cell, expected):
        """`expected`, or any non-empty text when it is None."""
        if expected is None:
            if cell == "":
                self.fail(where, "expected a non-empty cell")
        else:
            self.equal(where, cell, expected)


class Names:
    """The names the CSV must have in the report's language."""

    def __init__(self, questionnaire, language):
        def name(entry):
            text = entry["name"]
            if isinstance(text, str):  # a plain string: the default language's text
                return text
            return text.get(language, text[questionnaire.get("default_language", "en")])

        words = ENGLISH_WORDS if language == "en" else {}
        self.organisation = words.get("organisation")
        self.leaders = words.get("leaders")
        self.employees = words.get("employees")
        self.overall = words.get("overall")
        self.dimensions = {d["id"]: name(d) for d in questionnaire["dimensions"]}
        self.levels = {str(lv["level"]): name(lv) for lv in questionnaire["levels"]}


def expected_groups(report, names):
    """(group_kind, group_id, group_name, group) in the order the CSV has them; a None
    group_name: any non-empty text."""
    yield "organisation", "organisation", names.organisation, report["organisation"]
    for d in report["departments"]:
        yield "department", d["id"], d.get("name", ""), d
    roles = report.get("roles")
    if roles is not None:
        yield "role", "leaders", names.leaders, roles["leaders"]
        yield "role", "employees", names.employees, roles["employees"]


def unguarded(c, line, row):
    """The row's cells as the texts were before the guard: checks that a ' was added to
    exactly the text cells that start with a guarded character, and drops it."""
    cells = []
    for header, cell in zip(HEADER, row):
        if header in NUMBERS:
            if cell.startswith("'"):
                c.fail(f"line {line} {header}", f"a number cell with a ' in front: {cell!r}")
            cells.append(cell)
            continue
        if cell.startswith(GUARDED_STARTS):
            if not cell.startswith("'") or not cell[1:].startswith(GUARDED_STARTS):
                c.fail(f"line {line} {header}", f"a text starting with {cell[:1]!r} without the guarding ': {cell!r}")
            else:
                cell = cell[1:]
        cells.append(cell)
    return cells + row[len(HEADER):]


def check(csv_bytes, report, dimension_ids, names):
    c = Checker()
    if not csv_bytes.endswith(b"\r\n"):
        c.fail("file", "does not end in CRLF")
    if b"\n" in csv_bytes.replace(b"\r\n", b""):
        # A bare LF may only appear inside a quoted field; the examples have none.
        c.fail("file", "has a line ending that is not CRLF")
    text = csv_bytes.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline=""), strict=True))
    if not rows or rows[0] != HEADER:
        c.fail("header", f"expected {','.join(HEADER)}, got {rows[0] if rows else None}")
        return c, 0
    body = [dict(zip(HEADER, unguarded(c, i, r))) for i, r in enumerate(rows[1:], start=2)]
    for i, r in enumerate(rows[1:], start=2):
        if len(r) != len(rows[0]):
            c.fail(f"line {i}", f"{len(r)} cells, the header has {len(rows[0])}")

    at = 0
    for kind, gid, name, group in expected_groups(report, names):
        if group.get("suppressed", False):
            where = f"{kind} {gid} (suppressed)"
            if at >= len(body):
                c.fail(where, "missing")
                return c, len(body)
            row = body[at]
            at += 1
            expected = {h: "" for h in HEADER}
            expected.update(group_kind=kind, group_id=gid, n=str(group["n"]))
            for h in HEADER:
                if h != "hidden":
                    c.equal(f"{where} {h}", row[h], expected[h])
            if not row["hidden"]:
                c.fail(f"{where} hidden", "empty: a suppressed department's row says why")
            continue
        for dim in dimension_ids + ["overall"]:
            where = f"{kind} {gid} {dim}"
            if at >= len(body):
                c.fail(where, "missing")
                return c, len(body)
            row = body[at]
            at += 1
            c.equal(f"{where} group_kind", row["group_kind"], kind)
            c.equal(f"{where} group_id", row["group_id"], gid)
            c.word(f"{where} group_name", row["group_name"], name)
            c.equal(f"{where} n", row["n"], str(group["n"]))
            c.equal(f"{where} dimension", row["dimension"], dim)
            # Hidden to protect anonymity exactly where the JSON report's "hidden" says so.
            if bool(row["hidden"]) != (dim in group.get("hidden", {})):
                c.fail(f"{where} hidden", f"{row['hidden']!r}, but the JSON report's hidden is {group.get('hidden')}")
            if dim == "overall":
                c.word(f"{where} dimension_name", row["dimension_name"], names.overall)
                o = group["overall"]
                c.number(f"{where} score", row["score"], o["score"])
                c.equal(f"{where} level", row["level"], "" if o["level"] is None else str(o["level"]))
                c.equal(f"{where} level_name", row["level_name"], o["level_name"] or "")
                if o["level"] is not None:
                    c.equal(f"{where} level_name", row["level_name"], names.levels[str(o["level"])])
                for h in STATS:
                    c.equal(f"{where} {h}", row[h], "")
                continue
            # Named on its row even when the group has no score in it.
            c.equal(f"{where} dimension_name", row["dimension_name"], names.dimensions[dim])
            d = group["dimensions"][dim]
            if d is None:
                for h in ["score", "level", "level_name"] + STATS:
                    c.equal(f"{where} {h}", row[h], "")
                continue
            c.number(f"{where} score", row["score"], d["score"])
            c.equal(f"{where} level", row["level"], str(d["level"]))
            c.equal(f"{where} level_name", row["level_name"], d["level_name"])
            c.equal(f"{where} level_name", row["level_name"], names.levels[str(d["level"])])
            c.equal(f"{where} dimension_name (as in the JSON report)", row["dimension_name"], d.get("dimension_name"))
            c.number(f"{where} sd", row["sd"], d["sd"])
            ci = d["ci95"]
            c.number(f"{where} ci95_low", row["ci95_low"], None if ci is None else ci[0])
            c.number(f"{where} ci95_high", row["ci95_high"], None if ci is None else ci[1])
            for h in ["alpha", "favorable", "neutral", "unfavorable"]:
                c.number(f"{where} {h}", row[h], d[h])
    if at != len(body):
        c.fail("file", f"{len(body) - at} rows more than the JSON report has")
    return c, len(body)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", required=True, nargs="+", help="CSV reports")
    parser.add_argument("--json", required=True, nargs="+", help="the JSON reports of the same inputs, in order")
    parser.add_argument("--questionnaire", required=True,
                        help="the questionnaire of the reports, as `centric questionnaire --json` prints it")
    args = parser.parse_args()
    with open(args.questionnaire, encoding="utf-8") as f:
        questionnaire = json.load(f)
    if len(args.csv) != len(args.json):
        parser.error("give as many --json files as --csv files")
    failures = 0
    checked = 0
    for csv_path, json_path in zip(args.csv, args.json):
        with open(json_path, encoding="utf-8") as f:
            # The JSON report keeps the questionnaire's dimension order in each group.
            report = json.load(f)
        dimension_ids = list(report["organisation"]["dimensions"].keys())
        with open(csv_path, "rb") as f:
            data = f.read()
        if not data.startswith(b"\xef\xbb\xbf"):
            print(f"note {csv_path}: no byte-order mark")
        language = report.get("language", "en")
        c, rows = check(data, report, dimension_ids, Names(questionnaire, language))
        print(f"{csv_path} ({language}): {rows} rows, {c.failures} failures")
        failures += c.failures
        checked += rows
    print(f"{checked} rows checked, {failures} failures")
    return 1 if failures or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
