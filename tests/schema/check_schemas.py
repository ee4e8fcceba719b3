#!/usr/bin/env python3
"""Check centric documents against the JSON Schema files in schemas/.

Run by CTest, e.g.

    /usr/bin/python3 tests/schema/check_schemas.py --schemas schemas \
        --questionnaire questionnaires/*.json \
        --answers tests/data/answers \
        --report /tmp/report.json \
        --expect-invalid tests/data/schema-invalid/*.json

Every document is validated against its schema (Draft 2020-12). Each failure
is printed with its source (FILE, FILE:LINE for a .jsonl line, FILE[INDEX]
for an element of an array) and the JSON path of the offending value. The
last line is "N passed, M failed". The exit status is 1 when anything failed
or when no document was checked, else 0.

Standard library and python3-jsonschema (4.10 or later) only.
"""

import argparse
import datetime
import json
import os
import re
import sys

try:
    import jsonschema
    from jsonschema import Draft202012Validator
except ImportError:  # pragma: no cover - reported to the user
    sys.stderr.write("check_schemas: error: the Python module jsonschema is missing "
                     "(Debian: apt-get install python3-jsonschema)\n")
    sys.exit(1)

SCHEMA_FILES = {
    "centric-questionnaire/1": "centric-questionnaire-1.schema.json",
    "centric-answers/1": "centric-answers-1.schema.json",
    "centric-report/1": "centric-report-1.schema.json",
    "centric-mapping/1": "centric-mapping-1.schema.json",
}
QUESTIONNAIRE = "centric-questionnaire/1"
ANSWERS = "centric-answers/1"
REPORT = "centric-report/1"
MAPPING = "centric-mapping/1"

MAX_MESSAGE = 300

# RFC 3339 date-time (section 5.6). jsonschema only checks "date-time" when the
# optional rfc3339-validator package is installed, which Debian 12 lacks, so
# the check is supplied here when it is missing.
_DATE_TIME = re.compile(
    r"^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d+)?"
    r"([Zz]|[+-](\d{2}):(\d{2}))$")


def _is_date_time(value):
    if not isinstance(value, str):
        return True
    m = _DATE_TIME.match(value)
    if not m:
        return False
    year, month, day, hour, minute, second = (int(g) for g in m.groups()[:6])
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    if hour > 23 or minute > 59 or second > 60:  # 60: leap second
        return False
    if m.group(9) is not None and (int(m.group(9)) > 23 or int(m.group(10)) > 59):
        return False
    return True


def make_format_checker():
    checker = getattr(Draft202012Validator, "FORMAT_CHECKER", None)
    if checker is None:
        checker = getattr(jsonschema, "draft202012_format_checker", None)
    if checker is None:
        return None
    if "date-time" not in checker.checkers:
        extended = jsonschema.FormatChecker(formats=())
        extended.checkers = dict(checker.checkers)
        extended.checks("date-time")(_is_date_time)
        checker = extended
    return checker


class Document:
    """One JSON value to check, with where it came from."""

    def __init__(self, source, value):
        self.source = source
        self.value = value


class LoadError(Exception):
    def __init__(self, source, message):
        super().__init__(message)
        self.source = source
        self.message = message


def _reject_constant(name):
    raise ValueError("%s is not valid JSON" % name)


def parse_json(text):
    return json.loads(text, parse_constant=_reject_constant)


def read_text(path):
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        raise LoadError(path, "cannot read: %s" % (e.strerror or e))
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    return data


def _json_error(source, e):
    if isinstance(e, UnicodeDecodeError):
        return LoadError(source, "not valid UTF-8 (byte %d)" % e.start)
    if isinstance(e, json.JSONDecodeError):
        return LoadError("%s:%d:%d" % (source, e.lineno, e.colno), "not valid JSON: %s" % e.msg)
    return LoadError(source, "not valid JSON: %s" % e)


def load_single(path):
    """A file holding one JSON document."""
    data = read_text(path)
    try:
        return [Document(path, parse_json(data.decode("utf-8")))]
    except (UnicodeDecodeError, ValueError) as e:
        raise _json_error(path, e)


def load_many(path, errors):
    """A .json file (one value, or an array whose elements are documents) or a
    .jsonl file (one document per non-blank line). Problems are appended to
    errors; the documents that could be read are returned."""
    try:
        data = read_text(path)
    except LoadError as e:
        errors.append(e)
        return []
    docs = []
    if path.endswith(".jsonl"):
        for number, line in enumerate(data.split(b"\n"), start=1):
            source = "%s:%d" % (path, number)
            try:
                text = line.decode("utf-8")
            except UnicodeDecodeError as e:
                errors.append(_json_error(source, e))
                continue
            if not text.strip():
                continue
            try:
                docs.append(Document(source, parse_json(text)))
            except ValueError as e:
                if isinstance(e, json.JSONDecodeError):
                    errors.append(LoadError("%s:%d" % (source, e.colno), "not valid JSON: %s" % e.msg))
                else:
                    errors.append(LoadError(source, "not valid JSON: %s" % e))
        return docs
    try:
        value = parse_json(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as e:
        errors.append(_json_error(path, e))
        return []
    if isinstance(value, list):
        return [Document("%s[%d]" % (path, i), v) for i, v in enumerate(value)]
    return [Document(path, value)]


def expand(paths):
    """Files named, and *.json / *.jsonl below directories named (sorted by path)."""
    out = []
    for p in paths:
        if os.path.isdir(p):
            found = []
            for root, dirs, files in os.walk(p):
                dirs.sort()
                for name in files:
                    if name.endswith(".json") or name.endswith(".jsonl"):
                        found.append(os.path.join(root, name))
            out.extend(sorted(found, key=lambda s: s.encode("utf-8", "surrogateescape")))
        else:
            out.append(p)
    return out


def short(text):
    text = " ".join(str(text).split())
    return text if len(text) <= MAX_MESSAGE else text[:MAX_MESSAGE - 3] + "..."


def describe(error):
    """One line per leaf error; oneOf/anyOf failures list their alternatives."""
    lines = ["%s: %s" % (error.json_path, short(error.message))]
    if error.context:
        for sub in sorted(error.context, key=lambda e: (list(e.relative_schema_path), list(e.path))):
            branch = sub.relative_schema_path[0] if sub.relative_schema_path else "?"
            lines.append("    (alternative %s) %s: %s" % (branch, sub.json_path, short(sub.message)))
    return lines


def errors_of(validator, value):
    return sorted(validator.iter_errors(value),
                  key=lambda e: ([str(p) for p in e.absolute_path], e.message))


class Checker:
    def __init__(self, schema_dir, verbose):
        self.verbose = verbose
        self.passed = 0
        self.failed = 0
        self.validators = {}
        format_checker = make_format_checker()
        for fmt, name in SCHEMA_FILES.items():
            path = os.path.join(schema_dir, name)
            try:
                schema = load_single(path)[0].value
                Draft202012Validator.check_schema(schema)
            except LoadError as e:
                self.fail(e.source, e.message)
                continue
            except jsonschema.SchemaError as e:
                self.fail(path, "not a valid Draft 2020-12 schema: %s: %s"
                          % (e.json_path, short(e.message)))
                continue
            if format_checker is not None:
                self.validators[fmt] = Draft202012Validator(schema, format_checker=format_checker)
            else:
                self.validators[fmt] = Draft202012Validator(schema)

    def ok(self, source, what):
        self.passed += 1
        if self.verbose:
            print("ok: %s: %s" % (source, what))

    def fail(self, source, message, details=()):
        self.failed += 1
        print("FAIL: %s: %s" % (source, message))
        for line in details:
            print("    " + line)

    def check(self, doc, fmt):
        validator = self.validators.get(fmt)
        if validator is None:
            self.fail(doc.source, "no usable schema for %s" % fmt)
            return
        errors = errors_of(validator, doc.value)
        if not errors:
            self.ok(doc.source, fmt)
            return
        details = []
        for e in errors:
            details.extend(describe(e))
        self.fail(doc.source, "does not match %s (%d error%s)"
                  % (SCHEMA_FILES[fmt], len(errors), "" if len(errors) == 1 else "s"), details)

    def check_invalid(self, doc):
        fmt = doc.value.get("format") if isinstance(doc.value, dict) else None
        if fmt in self.validators:
            candidates = [fmt]
        elif fmt in SCHEMA_FILES:
            self.fail(doc.source, "no usable schema for %s" % fmt)
            return
        else:
            # No known format tag: the document must fail every schema.
            candidates = list(self.validators)
        matched = [f for f in candidates if self.validators[f].is_valid(doc.value)]
        if matched:
            self.fail(doc.source, "expected to be invalid, but matches %s" % SCHEMA_FILES[matched[0]])
            return
        if self.verbose:
            first = errors_of(self.validators[candidates[0]], doc.value)[0]
            self.ok(doc.source, "invalid as expected (%s: %s)" % (first.json_path, short(first.message)))
        else:
            self.ok(doc.source, "invalid as expected")

    def run_single(self, paths, fmt):
        for path in expand(paths):
            try:
                docs = load_single(path)
            except LoadError as e:
                self.fail(e.source, e.message)
                continue
            for doc in docs:
                self.check(doc, fmt)

    def run_many(self, paths, handle):
        for path in expand(paths):
            errors = []
            docs = load_many(path, errors)
            for e in errors:
                self.fail(e.source, e.message)
            for doc in docs:
                handle(doc)


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Validate centric questionnaires, answer sets and reports "
                    "against the JSON Schema files (Draft 2020-12).",
        epilog="Answers PATHs may be .json files (one object or an array of objects), "
               ".jsonl files (one object per non-blank line) or directories (every "
               "*.json and *.jsonl below them). --expect-invalid documents are read "
               "the same way; each must fail the schema named by its \"format\" key "
               "(or, without a known format, every schema). A file that is not valid "
               "JSON is always a failure. Prints \"N passed, M failed\" last; exits 1 "
               "when anything failed or nothing was checked.")
    parser.add_argument("--schemas", required=True, metavar="DIR",
                        help="directory holding the centric-*.schema.json files")
    parser.add_argument("--questionnaire", nargs="+", action="extend", default=[], metavar="FILE",
                        help="questionnaire files (centric-questionnaire/1)")
    parser.add_argument("--answers", nargs="+", action="extend", default=[], metavar="PATH",
                        help="answer files or directories (centric-answers/1)")
    parser.add_argument("--report", nargs="+", action="extend", default=[], metavar="FILE",
                        help="JSON report files (centric-report/1)")
    parser.add_argument("--mapping", nargs="+", action="extend", default=[], metavar="FILE",
                        help="mapping files (centric-mapping/1)")
    parser.add_argument("--expect-invalid", nargs="+", action="extend", default=[], metavar="FILE",
                        help="documents that must NOT match their schema")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="also list the documents that passed")
    args = parser.parse_args(argv)

    if not os.path.isdir(args.schemas):
        parser.error("--schemas %s: not a directory" % args.schemas)

    checker = Checker(args.schemas, args.verbose)
    checker.run_single(args.questionnaire, QUESTIONNAIRE)
    checker.run_many(args.answers, lambda doc: checker.check(doc, ANSWERS))
    checker.run_single(args.report, REPORT)
    checker.run_single(args.mapping, MAPPING)
    checker.run_many(args.expect_invalid, checker.check_invalid)

    print("%d passed, %d failed" % (checker.passed, checker.failed))
    if checker.failed or checker.passed == 0:
        if checker.passed + checker.failed == 0:
            print("check_schemas: error: no document was checked", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
