#!/usr/bin/env python3
"""Per-department dimension scores with pandas: what a consultant would otherwise write.

The benchmark's pandas contender (bench/run.sh). It loads a JSON Lines file of
centric-answers/1 sets with pandas, applies the scoring rules of docs/formats.md §3
(reverse items, item scores 0-100, each respondent's weighted dimension score defined only
with at least ceil(k/2) answered items, "na" and skipped items not counted) and prints, per
department and for the organisation, each dimension's mean score D and its n, and the
overall score (the mean of the D weighted by the dimension weights).

Like such a script, it trusts its input: no validation, no duplicate check, no
anonymity threshold, no statistics beyond the means.

    /usr/bin/python3 bench/pandas_scores.py answers.jsonl
    /usr/bin/python3 bench/pandas_scores.py answers.jsonl --check report.json

--check REPORT.json compares every figure with centric's JSON report of the same data
(`centric assess --format json`): each shown department's and the organisation's n,
dimension scores, dimension n and overall score must agree within 1e-9; suppressed
departments are compared by n only. That shows both compute the same thing. Exit status 1
when anything differs.

Needs pandas (Debian: apt-get install python3-pandas); run it with Debian's python3.
"""

import argparse
import json
import math
import sys
from pathlib import Path

import numpy as np
import pandas as pd

QUESTIONNAIRE = Path(__file__).resolve().parent.parent / "questionnaires" / "customer-centricity.json"
TOLERANCE = 1e-9


def scores(path, questionnaire):
    low, high = questionnaire["scale"]["min"], questionnaire["scale"]["max"]
    raw = pd.read_json(path, lines=True, dtype=False)
    respondents = pd.DataFrame(raw["respondent"].tolist())
    department = respondents["department"]
    is_leader = respondents["role"] == "leader" if "role" in respondents else pd.Series(False, index=raw.index)
    is_employee = respondents["role"] == "employee" if "role" in respondents else pd.Series(False, index=raw.index)
    question_ids = [item["id"] for d in questionnaire["dimensions"] for item in d["questions"]]
    # One column per question; "na" and skipped (absent) both become NaN.
    answers = pd.DataFrame(raw["answers"].tolist(), columns=question_ids)
    answers = answers.apply(pd.to_numeric, errors="coerce")

    per_respondent = {}
    for d in questionnaire["dimensions"]:
        ids = [item["id"] for item in d["questions"]]
        reverse = [item["id"] for item in d["questions"] if item.get("reverse", False)]
        weights = pd.Series({item["id"]: float(item.get("weight", 1)) for item in d["questions"]})
        leaders_only = [item["id"] for item in d["questions"] if item.get("audience") == "leaders"]
        v = answers[ids].copy()
        # An employee's answer to a question asked of leaders only is not counted.
        v.loc[is_employee, leaders_only] = np.nan
        v[reverse] = low + high - v[reverse]
        x = 100.0 * (v - low) / (high - low)
        answered = x.notna()
        s = (x * weights).sum(axis=1) / answered.mul(weights).sum(axis=1)
        # k: every question for a leader, the ones asked of everyone for anyone else.
        needed = pd.Series(math.ceil((len(ids) - len(leaders_only)) / 2), index=raw.index)
        needed[is_leader] = math.ceil(len(ids) / 2)
        per_respondent[d["id"]] = s.where(answered.sum(axis=1) >= needed.clip(lower=1))
    per_respondent = pd.DataFrame(per_respondent)

    dimension_weights = pd.Series({d["id"]: float(d.get("weight", 1)) for d in questionnaire["dimensions"]})
    by_department = per_respondent.groupby(department)
    means = by_department.mean()
    counts = by_department.count()
    sizes = department.value_counts().sort_index()
    organisation_mean = per_respondent.mean()
    organisation_count = per_respondent.count()

    def overall(row):
        defined = row.notna()
        if not defined.any():
            return np.nan
        return (row[defined] * dimension_weights[defined]).sum() / dimension_weights[defined].sum()

    means["overall"] = means.apply(overall, axis=1)
    organisation = pd.DataFrame([organisation_mean], index=["(organisation)"])
    organisation["overall"] = overall(organisation_mean)
    return means, counts, sizes, organisation, organisation_count, len(department)


def check(report_path, means, counts, sizes, organisation, organisation_count, total):
    with open(report_path, encoding="utf-8") as f:
        report = json.load(f)
    failures = 0
    compared = 0

    def fail(where, message):
        nonlocal failures
        failures += 1
        print(f"FAIL {where}: {message}")

    def same_number(where, ours, theirs):
        nonlocal compared
        compared += 1
        ours_missing = ours is None or (isinstance(ours, float) and math.isnan(ours))
        if ours_missing or theirs is None:
            if not (ours_missing and theirs is None):
                fail(where, f"pandas {ours!r}, centric {theirs!r}")
            return
        if abs(float(ours) - float(theirs)) > TOLERANCE:
            fail(where, f"pandas {ours!r}, centric {theirs!r} (difference {float(ours) - float(theirs):.3g})")

    def same_group(where, group, mean_row, count_row):
        for dim, figures in group["dimensions"].items():
            if figures is None:
                same_number(f"{where} {dim}", mean_row[dim], None)
                continue
            same_number(f"{where} {dim} score", mean_row[dim], figures["score"])
            same_number(f"{where} {dim} n", int(count_row[dim]), figures["n"])
        same_number(f"{where} overall", mean_row["overall"], group["overall"]["score"])

    org = report["organisation"]
    same_number("organisation n", total, org["n"])
    same_group("organisation", org, organisation.iloc[0], organisation_count)
    seen = set()
    for department in report["departments"]:
        dept = department["id"]
        seen.add(dept)
        if dept not in sizes.index:
            fail(dept, "in centric's report, not in the data pandas read")
            continue
        same_number(f"{dept} n", int(sizes[dept]), department["n"])
        if department.get("suppressed"):
            continue
        same_group(dept, department, means.loc[dept], counts.loc[dept])
    for dept in sizes.index:
        if dept not in seen:
            fail(dept, "in the data pandas read, not in centric's report")
    print(f"check: {compared} figures compared with {report_path}, {failures} differ by more than {TOLERANCE:g}",
          file=sys.stderr)
    return failures


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("answers", help="a JSON Lines file of answer sets")
    parser.add_argument("--questionnaire", default=QUESTIONNAIRE, help="default: the built-in questionnaire")
    parser.add_argument("--check", metavar="REPORT.json", help="compare with centric's JSON report of the same data")
    args = parser.parse_args()
    with open(args.questionnaire, encoding="utf-8") as f:
        questionnaire = json.load(f)
    means, counts, sizes, organisation, organisation_count, total = scores(args.answers, questionnaire)
    table = pd.concat([means, organisation])
    table.insert(0, "n", list(sizes.reindex(means.index)) + [total])
    with pd.option_context("display.max_columns", None, "display.width", 200, "display.precision", 12):
        print(table)
    if args.check and check(args.check, means, counts, sizes, organisation, organisation_count, total):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
