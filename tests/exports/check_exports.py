#!/usr/bin/env python3
"""Proves that centric reads the exports of five form tools as the answer sets they hold.

  check_exports.py --centric BIN --source-dir DIR --work-dir DIR

make_exports.py writes each export with the answer sets it holds (the truth, as JSON
Lines). For each export this checks, through the real binary:
  - `assess EXPORT --format json` equals `assess TRUTH.jsonl --format json` (numbers to 10
    significant digits: the sums are added in other batches; `inputs` compared by counts),
    and the text and Markdown reports are byte for byte the same; exit codes 0;
  - `import EXPORT` writes the truth, answer set by answer set;
  - `import --write-mapping M EXPORT`, then `assess --mapping M EXPORT`: the same report;
  - `import --show-mapping EXPORT` names every column, "not used" for the personal ones;
  - no value of a personal or free-text column (names, e-mail and IP addresses, comments)
    appears in anything centric printed or wrote.
Then the bad exports made at run time (too large to keep, or made by a library):
a ZIP bomb, a 100 MB cell (peak memory measured), a truncated XLSX, a mapping naming a
column that the export lacks. Exits 1 with every failure listed.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys

failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message, file=sys.stderr)


QUESTION_IDS = []


def check(condition, message):
    if not condition:
        fail(message)
    return condition


class Runner:
    def __init__(self, centric, cwd):
        self.centric = centric
        self.cwd = cwd
        self.everything = []  # every text centric printed or wrote, for the personal-data check

    def __call__(self, *args):
        r = subprocess.run([self.centric, *args], cwd=self.cwd, capture_output=True, timeout=120,
                           env={**os.environ, "COLUMNS": "80", "NO_COLOR": "1"})
        out = r.stdout.decode("utf-8", "replace")
        err = r.stderr.decode("utf-8", "replace")
        self.everything.append((" ".join(args), out + "\n" + err))
        return r.returncode, out, err


def rounded(value):
    """The report with every number to 10 significant digits."""
    if isinstance(value, float):
        return float(f"{value:.10g}")
    if isinstance(value, dict):
        return {k: rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [rounded(v) for v in value]
    return value


def comparable(report):
    report = dict(report)
    inputs = report.pop("inputs")
    report["inputs"] = {"accepted": inputs["accepted"], "sources": inputs["sources"],
                        "rejected": len(inputs["rejected"])}
    return rounded(report)


def first_difference(a, b, path=""):
    if type(a) is not type(b):
        return f"{path}: {a!r} != {b!r}"
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                return f"{path}/{k}: only in one"
            d = first_difference(a[k], b[k], f"{path}/{k}")
            if d:
                return d
        return None
    if isinstance(a, list):
        if len(a) != len(b):
            return f"{path}: {len(a)} items != {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_difference(x, y, f"{path}[{i}]")
            if d:
                return d
        return None
    return None if a == b else f"{path}: {a!r} != {b!r}"


def show_mapping_columns(text):
    """The column lines of --show-mapping: [(letters, rest)]."""
    lines = text.splitlines()
    columns = []
    inside = False
    for line in lines:
        if line == "  columns:":
            inside = True
            continue
        if inside:
            if not line.startswith("    "):
                break
            letters, _, rest = line.strip().partition(" ")
            columns.append((letters, rest.strip()))
    return columns


def letters(n):
    s = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(65 + r) + s
    return s


def check_export(run, work, e):
    name = e["export"]
    extra = (["--sheet", e["sheet"]] if e.get("sheet") else []) + (["--mapping", e["mapping"]] if e.get("mapping")
                                                                     else [])
    common = ["--min-group", "3"]
    truth_lines = [json.loads(line) for line in open(os.path.join(work, e["truth"]), encoding="utf-8")]
    check(len(truth_lines) == e["sets"], f"{name}: the truth has {len(truth_lines)} sets")

    # The reports. assess needs --sheet or --mapping for some exports, and merges the
    # spellings of one department.
    check_reports(run, name, extra, common, e)

    # import writes the truth.
    code, out, err = run("import", name, *extra)
    check(code == 0, f"{name}: import exit code {code}, stderr:\n{err}")
    imported = [json.loads(line) for line in out.splitlines() if line.strip()]
    check(len(imported) == len(truth_lines), f"{name}: import wrote {len(imported)} sets, not {len(truth_lines)}")
    for row, (got, want) in enumerate(zip(imported, truth_lines), start=1):
        if got != want:
            fail(f"{name}: imported set {row} differs: {first_difference(got, want)}")
            break

    # --write-mapping, then --mapping: the same answer sets, and the same report.
    written = os.path.join(work, name + ".written-mapping.json")
    if os.path.exists(written):
        os.remove(written)
    code, out, err = run("import", name, *extra, "--write-mapping", written)
    check(code == 0 and os.path.exists(written), f"{name}: --write-mapping exit code {code}, stderr:\n{err}")
    if os.path.exists(written):
        with open(written, encoding="utf-8") as f:
            run.everything.append(("written mapping of " + name, f.read()))
        sheet = ["--sheet", e["sheet"]] if e.get("sheet") else []
        code, out, err = run("import", name, *sheet, "--mapping", written)
        check(code == 0, f"{name}: import --mapping (written) exit code {code}, stderr:\n{err}")
        again = [json.loads(line) for line in out.splitlines() if line.strip()]
        check(again == imported, f"{name}: import with the written mapping gives other answer sets")
        code, out, err = run("assess", name, *sheet, "--mapping", written, *common, "--format", "json")
        if check(code == 0, f"{name}: assess --mapping (written) exit code {code}, stderr:\n{err}"):
            code, truth_out, _ = run("assess", e["truth"], *common, "--format", "json")
            difference = first_difference(comparable(json.loads(out)), comparable(json.loads(truth_out)))
            check(difference is None, f"{name}: the report with the written mapping differs: {difference}")

    # --show-mapping: every column named, the personal ones not used.
    code, out, err = run("import", name, *extra, "--show-mapping")
    check(code == 0, f"{name}: --show-mapping exit code {code}, stderr:\n{err}")
    columns = show_mapping_columns(out)
    header_count = e["columns"]
    check(len(columns) == header_count, f"{name}: --show-mapping lists {len(columns)} columns, not {header_count}")
    check([c[0] for c in columns] == [letters(i) for i in range(len(columns))],
          f"{name}: --show-mapping's column letters are not A, B, C...")
    for header in e["personal_columns"]:
        shown = [rest for _, rest in columns if rest.startswith(json.dumps(header, ensure_ascii=False)[:40])]
        if check(len(shown) == 1, f"{name}: --show-mapping does not name the column {header!r} once"):
            check(shown[0].endswith(": not used"), f"{name}: column {header!r} is {shown[0]!r}, not 'not used'")
    # `"Header": question.id (how it was recognised)`: every question of the questionnaire once.
    found = sorted(m.group(1) for _, rest in columns for m in [re.search(r'": ([a-z0-9.-]+) \(', rest)] if m)
    check(found == sorted(QUESTION_IDS), f"{name}: --show-mapping's question columns are {found}")


def check_reports(run, name, extra, common, e):
    code, out, err = run("assess", name, *extra, *common, "--format", "json")
    if not check(code == 0, f"{name}: assess exit code {code}, stderr:\n{err}"):
        return
    from_export = json.loads(out)
    code, out, err = run("assess", e["truth"], *common, "--format", "json")
    if not check(code == 0, f"{name}: assess of the truth exit code {code}, stderr:\n{err}"):
        return
    from_truth = json.loads(out)
    check(from_export["inputs"]["accepted"] == e["sets"],
          f"{name}: {from_export['inputs']['accepted']} accepted, not {e['sets']}")
    difference = first_difference(comparable(from_export), comparable(from_truth))
    check(difference is None, f"{name}: the JSON report differs from the truth's: {difference}")
    # The comparison proves something only where the reports show figures.
    check(from_truth["organisation"]["overall"]["score"] is not None, f"{name}: no overall score")
    check(sum(1 for d in from_truth["departments"] if not d.get("suppressed")) >= 4,
          f"{name}: fewer than 4 departments shown")
    # Spellings of one department that differ in case or spaces are one department, and
    # the report says so at its top; the truth has one spelling, so no such warning.
    merged = [w for w in from_export["inputs"]["warnings"] if "is counted as" in w]
    check(bool(merged) == bool(e["variants"]),
          f"{name}: {len(merged)} warnings of merged department spellings, for variants {e['variants']!r}")
    for fmt_name in ("text", "md"):
        a = run("assess", name, *extra, *common, "--format", fmt_name)
        b = run("assess", e["truth"], *common, "--format", fmt_name)
        check(a[0] == 0 and b[0] == 0, f"{name}: --format {fmt_name} exit codes {a[0]}, {b[0]}")
        shown = without_merge_warnings(a[1], fmt_name)
        check(shown == b[1], f"{name}: the {fmt_name} report differs from the truth's")
        check((shown != a[1]) == bool(e["variants"]),
              f"{name}: the {fmt_name} report's top says nothing of the merged department spellings")


def without_merge_warnings(report, fmt_name):
    """The report less the warnings about merged department spellings at its top (and the
    blank line after them, when no other warning is left)."""
    lines = report.splitlines(keepends=True)
    out, i, kept, dropped = [], 0, 0, 0
    while i < len(lines):
        start = "> **Warning" if fmt_name == "md" else "Warning: "
        if not lines[i].startswith(start):
            if fmt_name == "text" and dropped and not kept and not lines[i].strip():
                i += 1  # the blank line that ended the warnings
                dropped = 0
                continue
            out.append(lines[i])
            i += 1
            continue
        paragraph = [lines[i]]
        i += 1
        while i < len(lines) and lines[i].strip() and fmt_name == "text" and not lines[i].startswith(start):
            paragraph.append(lines[i])
            i += 1
        if "is counted as" in " ".join(l.strip() for l in paragraph):
            dropped += 1
            if fmt_name == "md" and i < len(lines) and not lines[i].strip():
                i += 1  # a Markdown warning is a paragraph of its own
        else:
            kept += 1
            out.extend(paragraph)
    return "".join(out)


def check_personal_data(run, manifest):
    values = sorted({v for e in manifest for v in e["personal"]})
    # A comment's lines, too: a line of it alone would be a leak.
    pieces = set(values)
    for v in values:
        for piece in v.replace("\r", "\n").replace("\t", "\n").split("\n"):
            if len(piece.strip()) >= 6:
                pieces.add(piece.strip())
    for what, text in run.everything:
        for piece in pieces:
            if piece in text:
                fail(f"personal data {piece!r} in the output of: {what}")
                return


def peak_rss_of(command, cwd):
    """Runs a command in a child that reports its own children's peak memory (kB)."""
    code = ("import resource, subprocess, sys\n"
            "r = subprocess.run(sys.argv[1:], capture_output=True)\n"
            "out = sys.stdout.buffer\n"
            "out.write((str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) + '\\n').encode())\n"
            "out.write((str(r.returncode) + '\\n').encode())\n"
            "out.write(r.stdout)\n"
            "sys.stderr.buffer.write(r.stderr)\n")
    r = subprocess.run([sys.executable, "-c", code, *command], cwd=cwd, capture_output=True, timeout=120)
    first, second, rest = r.stdout.decode("utf-8", "replace").split("\n", 2)
    return int(first), int(second), rest, r.stderr.decode("utf-8", "replace")


def good_rows(header_and_rows):
    return "\r\n".join(",".join(row) for row in header_and_rows) + "\r\n"


def check_bad_exports(run, centric, source_dir, work):
    with open(os.path.join(source_dir, "questionnaires/customer-centricity.json"), encoding="utf-8") as f:
        q = json.load(f)
    ids = [qq["id"] for d in q["dimensions"] for qq in d["questions"]]
    header = ["Timestamp", "Department", "Role"] + ids
    row = lambda dept, n: ["2026-11-20 10:15", dept, "employee"] + [str(1 + (i + n) % 5) for i in range(len(ids))]

    good = os.path.join(work, "good.csv")
    with open(good, "w", encoding="utf-8", newline="") as f:
        f.write(good_rows([header] + [row("Sales", n) for n in range(4)]))

    # A 100 MB cell in a comment column, between good rows: that row is rejected, the others
    # are scored, and memory does not grow with the cell: it is judged against the same
    # binary reading the same file with a cell of 2 MB, also over the limit (a build with
    # AddressSanitizer has a large fixed overhead of its own).
    def write_big(path, megabytes):
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(",".join(header + ["Comments"]) + "\r\n")
            for n in range(3):
                f.write(",".join(row("Sales", n) + ["ok"]) + "\r\n")
            f.write(",".join(row("Sales", 9)) + ',"')
            chunk = "x" * (1 << 20)
            for _ in range(megabytes):
                f.write(chunk)
            f.write('"\r\n')
            for n in range(3):
                f.write(",".join(row("Sales", n + 3) + ["ok"]) + "\r\n")

    big = os.path.join(work, "cell-100mb.csv")
    write_big(big, 100)
    small = os.path.join(work, "cell-2mb.csv")
    write_big(small, 2)
    baseline, _, _, _ = peak_rss_of([centric, "assess", "cell-2mb.csv", "--format", "json"], work)
    rss, code, out, err = peak_rss_of([centric, "assess", "cell-100mb.csv", "--format", "json"], work)
    run.everything.append(("assess cell-100mb.csv", err))
    check(code == 3, f"cell-100mb.csv: exit code {code}, not 3; stderr:\n{err[:2000]}")
    if code in (0, 3):
        report = json.loads(out)
        check(report["inputs"]["accepted"] == 6, f"cell-100mb.csv: {report['inputs']['accepted']} accepted, not 6")
        check([r["source"] for r in report["inputs"]["rejected"]] == ["cell-100mb.csv:5"],
              f"cell-100mb.csv: rejected {report['inputs']['rejected']}")
    check("cell-100mb.csv:5" in err, f"cell-100mb.csv: the message does not name row 5: {err[:2000]}")
    check(rss < baseline + 40 * 1024, f"cell-100mb.csv: peak memory {rss} kB, not under {baseline} kB (a 2 MB cell) + 40 MB")
    check(len(err) < 2000, f"cell-100mb.csv: {len(err)} bytes on stderr")
    os.remove(big)
    os.remove(small)
    baseline, _, _, _ = peak_rss_of([centric, "assess", "good.csv", "--format", "json"], work)

    # A ZIP bomb: a sheet that unpacks to 2 GB of white space in a small file.
    maker = os.path.join(source_dir, "tests/support/make_xlsx.py")
    bomb = os.path.join(work, "zip-bomb.xlsx")
    subprocess.run([sys.executable, maker], input=json.dumps({"output": bomb, "huge_sheet_bytes": 2 << 30}).encode(),
                   check=True)
    check(os.path.getsize(bomb) < 10 << 20, f"zip-bomb.xlsx: {os.path.getsize(bomb)} bytes")
    rss, code, out, err = peak_rss_of([centric, "assess", "zip-bomb.xlsx", "good.csv", "--format", "json"], work)
    check(code == 3, f"zip-bomb.xlsx: exit code {code}, not 3; stderr:\n{err[:2000]}")
    check(err.startswith("centric: error: zip-bomb.xlsx: "), f"zip-bomb.xlsx: message {err[:500]!r}")
    if code == 3:
        report = json.loads(out)
        check(report["inputs"]["accepted"] == 4, "zip-bomb.xlsx: the good file's 4 rows not all scored")
        check([r["source"] for r in report["inputs"]["rejected"]] == ["zip-bomb.xlsx"],
              f"zip-bomb.xlsx: rejected {report['inputs']['rejected']}")
    check(rss < baseline + 80 * 1024, f"zip-bomb.xlsx: peak memory {rss} kB, not under {baseline} kB + 80 MB")
    code, out, err = run("assess", "zip-bomb.xlsx")
    check(code == 1, f"zip-bomb.xlsx alone: exit code {code}, not 1")

    # A truncated XLSX, written by openpyxl then cut in half.
    import openpyxl
    book = openpyxl.Workbook()
    for r in [header] + [row("Sales", n) for n in range(20)]:
        book.active.append(r)
    whole = os.path.join(work, "whole.xlsx")
    book.save(whole)
    with open(whole, "rb") as f:
        data = f.read()
    with open(os.path.join(work, "truncated.xlsx"), "wb") as f:
        f.write(data[:len(data) // 2])
    code, out, err = run("assess", "truncated.xlsx", "good.csv", "--format", "json")
    check(code == 3, f"truncated.xlsx: exit code {code}, not 3; stderr:\n{err}")
    check(err.startswith("centric: error: truncated.xlsx: "), f"truncated.xlsx: message {err!r}")
    code, out, err = run("assess", "whole.xlsx", "--format", "json")
    check(code == 0 and json.loads(out)["inputs"]["accepted"] == 20, f"whole.xlsx: exit code {code}; {err}")

    # A mapping naming a column that the export lacks: exit 1, the entry named.
    mapping = os.path.join(work, "stale-mapping.json")
    with open(mapping, "w", encoding="utf-8") as f:
        json.dump({"format": "centric-mapping/1", "columns": {"Which store?": "@department"}}, f)
    for command in ("assess", "import"):
        code, out, err = run(command, "--mapping", "stale-mapping.json", "good.csv")
        check(code == 1, f"stale mapping, {command}: exit code {code}, not 1; stderr:\n{err}")
        check("Which store?" in err, f"stale mapping, {command}: the entry is not named: {err!r}")
        check(out == "", f"stale mapping, {command}: something written to stdout")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--centric", required=True)
    parser.add_argument("--source-dir", required=True)
    parser.add_argument("--work-dir", required=True)
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()
    work = args.work_dir
    shutil.rmtree(work, ignore_errors=True)
    os.makedirs(work)
    subprocess.run([sys.executable, os.path.join(args.source_dir, "tests/exports/make_exports.py"), "--questionnaire",
                    os.path.join(args.source_dir, "questionnaires/customer-centricity.json"), "--out", work,
                    "--seed", str(args.seed)], check=True)
    with open(os.path.join(work, "manifest.json"), encoding="utf-8") as f:
        manifest = json.load(f)
    with open(os.path.join(args.source_dir, "questionnaires/customer-centricity.json"), encoding="utf-8") as f:
        QUESTION_IDS.extend(qq["id"] for d in json.load(f)["dimensions"] for qq in d["questions"])
    run = Runner(os.path.abspath(args.centric), work)
    tools = set()
    for e in manifest:
        tools.add(e["tool"])
        check_export(run, work, e)
    check(len(tools) == 5, f"exports of {len(tools)} tools, not 5")
    check_bad_exports(run, os.path.abspath(args.centric), args.source_dir, work)
    check_personal_data(run, manifest)
    if failures:
        print(f"{len(failures)} failure(s); the exports are kept in {work}", file=sys.stderr)
        return 1
    print(f"{len(manifest)} exports of {len(tools)} tools read as their answer sets; bad exports handled")
    return 0


if __name__ == "__main__":
    sys.exit(main())
