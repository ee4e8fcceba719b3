#!/usr/bin/env python3
"""Writes the fuzzers' seed corpora (fuzz/corpus/HARNESS/) and dictionaries (fuzz/HARNESS.dict)
from examples/, questionnaires/ and tests/data/, plus small hand-made inputs that reach the readers' error
paths. Run it again after the examples or the built-in questionnaire change:

    python3 fuzz/make_corpus.py

It replaces fuzz/corpus/{answer_set_loader,assess_pipeline,questionnaire_loader}/ and their
three .dict files; nothing else (fuzz/corpus/table_readers/ is kept: see docs/fuzzing.md)."""

import copy
import json
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FUZZ = ROOT / "fuzz"
CORPUS = FUZZ / "corpus"
QUESTIONNAIRE = json.loads((ROOT / "questionnaires/customer-centricity.json").read_text(encoding="utf-8"))
EXAMPLES = sorted((ROOT / "examples/acme").glob("*.json"))
EXTRA = (ROOT / "examples/acme-extra.jsonl").read_text(encoding="utf-8")
EXTRA_SETS = [json.loads(line) for line in EXTRA.splitlines() if line.strip()]
ALL_SETS = [json.loads(p.read_text(encoding="utf-8")) for p in EXAMPLES] + EXTRA_SETS
QUESTION_IDS = [q["id"] for d in QUESTIONNAIRE["dimensions"] for q in d["questions"]]


def compact(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def jsonl(sets):
    return "".join(compact(s) + "\n" for s in sets)


def write(harness, name, content):
    path = CORPUS / harness / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))


def example(name):
    return json.loads((ROOT / "examples/acme" / name).read_text(encoding="utf-8"))


def with_respondent(answer_set, **respondent):
    s = copy.deepcopy(answer_set)
    s["respondent"].update(respondent)
    return s


def slim(answer_set):
    """The set with only the first half (rounded up) of each dimension's questions answered."""
    s = copy.deepcopy(answer_set)
    keep = set()
    for d in QUESTIONNAIRE["dimensions"]:
        ids = [q["id"] for q in d["questions"]]
        keep.update(ids[:(len(ids) + 1) // 2])
    s["answers"] = {k: v for k, v in s["answers"].items() if k in keep}
    return s


def answer_set_loader():
    h = "answer_set_loader"
    for name in ["sales-r001.json", "sales-r003.json", "hr-r029.json", "finance-r035.json", "it-r026.json",
                 "customer-service-r009.json", "marketing-r017.json"]:
        write(h, "example-" + name, (ROOT / "examples/acme" / name).read_bytes())
    write(h, "acme-extra-head.jsonl", "".join(EXTRA.splitlines(keepends=True)[:4]))
    write(h, "three-lines.jsonl", jsonl(EXTRA_SETS[:3]))
    write(h, "array.json", compact(ALL_SETS[:3]))
    write(h, "pretty-array.json", json.dumps(ALL_SETS[3:5], indent=2, ensure_ascii=False))
    base = example("sales-r001.json")
    write(h, "bom.json", b"\xef\xbb\xbf" + compact(base).encode())
    write(h, "bom.jsonl", b"\xef\xbb\xbf" + jsonl(ALL_SETS[:2]).encode())
    write(h, "utf16.json", b"\xff\xfe" + '{"format":"centric-answers/1"}'.encode("utf-16-le"))
    minimal = {"format": "centric-answers/1", "questionnaire": {"id": "customer-centricity", "version": "1.0.0"},
               "respondent": {"department": "x"}, "answers": {}}
    write(h, "minimal.json", compact(minimal))
    write(h, "blank-lines-then-object.txt", "\n \n" + compact(minimal) + "\n\n")
    write(h, "one-line-then-more.txt", compact(minimal) + "\n" + compact(with_respondent(minimal, id="b")) + "\r\n")
    write(h, "broken-line.jsonl", compact(base) + "\n{broken\n" + compact(with_respondent(base, id="z")) + "\n")
    bad = []
    for question, value in [(QUESTION_IDS[0], 9), (QUESTION_IDS[1], 4.5), (QUESTION_IDS[2], 4.0), ("no.such", 3),
                            (QUESTION_IDS[3], "na"), (QUESTION_IDS[4], "4"), (QUESTION_IDS[5], None),
                            (QUESTION_IDS[6], 0)]:
        s = copy.deepcopy(minimal)
        s["respondent"]["id"] = "id-" + question
        s["answers"][question] = value
        bad.append(s)
    lines = jsonl(bad)
    lines += compact(with_respondent(minimal, role=None)) + "\n"
    lines += compact(with_respondent(minimal, role="boss")) + "\n"
    lines += compact(with_respondent(minimal, department="")) + "\n"
    lines += compact(with_respondent(minimal, id="dup")) + "\n" + compact(with_respondent(minimal, id="dup")) + "\n"
    lines += "[1,2]\n42\n\"text\"\nnull\n\n   \n"
    lines += compact({**minimal, "complete": False, "submitted_at": "2026-11-20T10:15:00Z"}) + "\r\n"
    write(h, "rule-breakers.jsonl", lines)
    write(h, "wrong-questionnaire.json", compact({**minimal, "questionnaire": {"id": "other", "version": "2.0.0"}}))
    write(h, "wrong-format.json", compact({**minimal, "format": "centric-answers/2"}))
    write(h, "not-objects.json", '[1, "a", null, {}, [], true]')
    write(h, "deep.json", "[" * 70 + "]" * 70)
    raw = compact(minimal).replace('"answers":{}',
                                   '"answers":{"%s":1e999,"%s":18446744073709551616,"%s":-0,"%s":5e0}' %
                                   tuple(QUESTION_IDS[:4]))
    write(h, "huge-numbers.json", raw)
    write(h, "invalid-utf8.jsonl", compact(minimal).replace('"x"', '"\xff\xfe"').encode("latin-1", "replace") + b"\n")
    write(h, "control-characters.json", compact(with_respondent(minimal, id="\u001b[2J", department="ops\u202etsil\u009b")))
    write(h, "truncated.json", compact(base)[:300])
    # The tests' hand-made bad inputs, byte for byte.
    for path in sorted((ROOT / "tests/data").glob("*/*")):
        if path.is_file() and path.parent.name != "fuzz-regressions":
            write(h, "%s-%s" % (path.parent.name, path.name), path.read_bytes())


def assess_pipeline():
    h = "assess_pipeline"
    # Small inputs fuzz fast: at most six sets a file, and slim ones (half the questions
    # of each dimension, still enough for a score) where the file mixes many.
    departments = sorted({s["respondent"]["department"] for s in ALL_SETS})
    for department in departments:
        write(h, "department-%s.jsonl" % department,
              jsonl([s for s in ALL_SETS if s["respondent"]["department"] == department][:6]))
    mixed = [slim(s) for d in departments for s in [t for t in ALL_SETS if t["respondent"]["department"] == d][:2]]
    write(h, "every-department-slim.jsonl", jsonl(mixed))
    leaders = [s for s in ALL_SETS if s["respondent"].get("role") == "leader"][:3]
    employees = [s for s in ALL_SETS if s["respondent"].get("role") == "employee"][:3]
    write(h, "leaders-and-employees.jsonl", jsonl(leaders + employees))
    write(h, "array-of-six.json", compact(ALL_SETS[10:16]))
    write(h, "one-set.json", (ROOT / "examples/acme/sales-r001.json").read_bytes())
    write(h, "partial.jsonl", jsonl([s for s in ALL_SETS if s.get("complete") is False]))
    base = example("sales-r001.json")
    names = ["<script>alert(1)</script>", "a|b", "\u001b[31mred", "\u202etsil", "d" + "x" * 300, "*_`#[]\\",
             "zespół", "営業部", "a\nb", "\"quoted\", comma"]
    hostile = [with_respondent(base, id="h%d" % i, department=name) for i, name in enumerate(names)]
    write(h, "hostile-names.jsonl", jsonl([slim(s) for s in hostile]))
    all_na = copy.deepcopy(base)
    all_na["answers"] = {q: "na" for q in QUESTION_IDS}
    write(h, "all-na.jsonl", jsonl([with_respondent(all_na, id="n%d" % i) for i in range(3)]))
    empty = copy.deepcopy(base)
    empty["answers"] = {}
    write(h, "empty-answers.jsonl", jsonl([with_respondent(empty, id="e%d" % i) for i in range(3)]))
    extremes = []
    for i, (department, value, role) in enumerate([("a", 1, "leader"), ("a", 1, "employee"), ("b", 5, "leader"),
                                                   ("b", 5, "employee"), ("c", 3, "leader"), ("c", 3, "employee")]):
        s = with_respondent(base, id="x%d" % i, department=department, role=role)
        s["answers"] = {q: value for q in QUESTION_IDS}
        extremes.append(s)
    write(h, "extremes.jsonl", jsonl(extremes))
    write(h, "with-rejections.jsonl", jsonl(ALL_SETS[:3]) + "{broken\n" + compact(ALL_SETS[0]) + "\n")
    no_role = [copy.deepcopy(s) for s in ALL_SETS[:4]]
    for s in no_role:
        s["respondent"].pop("role", None)
    write(h, "no-roles.jsonl", jsonl(no_role))


def small_questionnaire():
    return {
        "format": "centric-questionnaire/1", "id": "test-q", "version": "1.0.0", "default_language": "en",
        "title": {"en": "Test questionnaire"}, "intro": {"en": "Answer honestly."},
        "scale": {"min": 1, "max": 5, "labels": {"1": {"en": "No"}, "5": {"en": "Yes"}}, "not_applicable": True},
        "levels": [{"level": 1, "min": 0, "name": {"en": "Low"}, "description": {"en": "Just starting"}},
                   {"level": 2, "min": 40, "name": {"en": "Middle"}},
                   {"level": 3, "min": 70, "name": {"en": "High"}}],
        "departments": [{"id": "sales", "name": {"en": "Sales"}}, {"id": "it", "name": {"en": "IT"}}],
        "dimensions": [
            {"id": "alpha", "name": {"en": "Alpha"}, "description": {"en": "The first"}, "weight": 1,
             "questions": [{"id": "alpha.one", "text": {"en": "One?"}, "help": {"en": "Think."}},
                           {"id": "alpha.two", "text": {"en": "Two?"}, "weight": 2, "reverse": True}],
             "recommendations": [{"levels": [1, 2], "text": {"en": "Start."}}, {"levels": [3], "text": {"en": "Keep."}}]},
            {"id": "beta", "name": {"en": "Beta"}, "questions": [{"id": "beta.one", "text": {"en": "Beta?"}}]}]}


def english_only(value):
    if isinstance(value, dict):
        if "en" in value and all(isinstance(v, str) for v in value.values()) and len(value) > 1:
            return {"en": value["en"]}
        return {k: english_only(v) for k, v in value.items() if k != "languages"}
    if isinstance(value, list):
        return [english_only(v) for v in value]
    return value


def questionnaire_loader():
    h = "questionnaire_loader"
    write(h, "customer-centricity.json", (ROOT / "questionnaires/customer-centricity.json").read_bytes())
    write(h, "customer-centricity-en.json", compact(english_only(QUESTIONNAIRE)))
    small = small_questionnaire()
    write(h, "small.json", json.dumps(small, indent=2))
    write(h, "small-compact.json", compact(small))
    write(h, "small-bom.json", b"\xef\xbb\xbf" + compact(small).encode())

    def variant(name, change):
        q = copy.deepcopy(small)
        change(q)
        write(h, name, compact(q))

    minimal = {"format": "centric-questionnaire/1", "id": "m", "version": "1", "default_language": "en",
               "title": "M", "scale": {"min": 0, "max": 1},
               "levels": [{"level": 1, "min": 0, "name": "L"}],
               "dimensions": [{"id": "d", "name": "D", "questions": [{"id": "q", "text": "Q"}]}]}
    write(h, "minimal.json", compact(minimal))
    variant("scale-0-10.json", lambda q: q["scale"].update(min=0, max=10, labels={"0": "none", "10": "all"}))
    variant("scale-negative.json", lambda q: q["scale"].update(min=-2, max=2, labels={"-2": "no", "2": "yes"},
                                                               not_applicable=False))
    variant("two-languages.json", lambda q: q.update(languages=["en", "pl"], title={"en": "T", "pl": "T pl"}))
    variant("plain-strings.json", lambda q: q.update(title="Plain", intro="Plain intro"))
    variant("ten-levels.json", lambda q: q.update(
        levels=[{"level": i + 1, "min": i * 10, "name": "L%d" % (i + 1)} for i in range(10)]))
    variant("weights.json", lambda q: q["dimensions"][1].update(weight=1e-300))
    variant("hostile-texts.json", lambda q: q.update(
        title={"en": "<script>x</script> \u001b[2J |a|"},
        departments=[{"id": "sales", "name": {"en": "S\u202eales"}}]))
    variant("bad-duplicate-question.json",
            lambda q: q["dimensions"][1]["questions"].append({"id": "alpha.one", "text": "again"}))
    variant("bad-levels-order.json", lambda q: q["levels"][2].update(min=10))
    variant("bad-scale-20.json", lambda q: q["scale"].update(min=1, max=20))
    variant("bad-label-key.json", lambda q: q["scale"].update(labels={"03": "x", "+1": "y", "9": "z"}))
    variant("bad-overall-id.json", lambda q: q["dimensions"][0].update(id="overall"))
    variant("bad-missing-translation.json", lambda q: q.update(languages=["en", "de"]))
    variant("bad-recommendation-level.json",
            lambda q: q["dimensions"][0]["recommendations"][0].update(levels=[0, 4, "x", 2.0]))
    variant("bad-types.json", lambda q: q.update(id=7, version="", scale=[], levels={}, dimensions=[1, "x"]))
    variant("bad-unknown-keys.json", lambda q: q.update(extra=1, scale={**q["scale"], "step": 1}))
    write(h, "truncated.json", compact(small)[:200])
    write(h, "deep.json", '{"a":' * 70 + "1" + "}" * 70)
    write(h, "not-an-object.json", "[]")


def dictionary(name, tokens):
    lines = ["# Tokens for fuzz/%s.cpp, written by fuzz/make_corpus.py." % name.replace(".dict", "")]
    for t in tokens:
        escaped = "".join(c if 32 <= ord(c) < 127 and c not in '"\\' else
                          "".join("\\x%02X" % b for b in c.encode("utf-8")) for c in t)
        lines.append('"%s"' % escaped)
    (FUZZ / name).write_text("\n".join(lines) + "\n")


JSON_TOKENS = ["{", "}", "[", "]", ":", ",", '"', "true", "false", "null", "-0", "1e999", "0.5", "4.0",
               "18446744073709551616", "\\u0000", "\\ud800", "\\u202e", "\n", "\r\n", "\ufeff"]


def dictionaries():
    answers = JSON_TOKENS + ['"format"', '"centric-answers/1"', '"questionnaire"', '"id"', '"version"',
                             '"customer-centricity"', '"1.0.0"', '"2.0.0"', '"respondent"', '"department"', '"role"',
                             '"leader"', '"employee"', '"complete"', '"submitted_at"', '"answers"', '"na"',
                             '"dk"']
    answers += ['"%s"' % q for q in QUESTION_IDS]
    dictionary("answer_set_loader.dict", answers)
    dictionary("assess_pipeline.dict", answers + ['"<script>"', '"|"', '"`"', '"\\u001b["', '"&amp;"', '"sales"',
                                                  '"legal"', '"logistics"'])
    questionnaire = JSON_TOKENS + ['"%s"' % k for k in [
        "$schema", "format", "centric-questionnaire/1", "id", "version", "default_language", "languages", "title",
        "intro", "scale", "min", "max", "labels", "not_applicable", "levels", "level", "name", "description",
        "departments", "dimensions", "short", "weight", "questions", "text", "help", "reverse", "recommendations",
        "en", "pl", "ru", "hu", "overall", "dont_know", "audience", "everyone", "leaders", "owner", "time_frame",
        "items"]]
    dictionary("questionnaire_loader.dict", questionnaire)


def main():
    for harness in ("answer_set_loader", "assess_pipeline", "questionnaire_loader"):
        shutil.rmtree(CORPUS / harness, ignore_errors=True)
    answer_set_loader()
    assess_pipeline()
    questionnaire_loader()
    dictionaries()


if __name__ == "__main__":
    main()
