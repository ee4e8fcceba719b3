#!/usr/bin/env python3
"""Generate the fictional "Acme Home Goods" example answers for `centric`.

Standard library only and deterministic (fixed seed): running it twice gives the same
files. It reads the question ids, dimensions and reverse flags from the default
questionnaire and writes

  examples/acme/<department>-r<NNN>.json   one centric-answers/1 object per file
  examples/acme-extra.jsonl                more answer sets, one object per line

Usage:  python3 examples/generate.py
"""

import json
import random
from pathlib import Path

SEED = 20261116

HERE = Path(__file__).resolve().parent
QUESTIONNAIRE = HERE.parent / "questionnaires" / "customer-centricity.json"
OUT_DIR = HERE / "acme"
OUT_JSONL = HERE / "acme-extra.jsonl"

# How good things are in each department, per dimension, on the 1..5 agreement scale
# for a positively phrased item (order: culture, leadership, employees-first,
# people-before-products, people-over-profit, across-departments). Reverse items are
# answered as (min + max - value), so a strong department disagrees with the negative
# statements.
DEPARTMENTS = [
    # id, respondents, leaders, where, profile
    ("sales",            8, 2, "dir",   [4.1, 3.9, 4.0, 3.8, 3.6, 3.0]),
    ("customer-service", 8, 2, "dir",   [4.3, 4.0, 4.1, 3.6, 4.2, 3.3]),
    ("marketing",        6, 1, "mixed", [3.4, 3.2, 3.3, 3.5, 3.1, 3.2]),
    ("it",               6, 1, "mixed", [3.0, 2.9, 3.1, 3.3, 3.0, 2.8]),
    ("hr",               5, 1, "dir",   [3.5, 3.1, 3.4, 2.9, 3.4, 3.3]),
    ("finance",          6, 1, "dir",   [2.2, 2.2, 2.1, 2.4, 2.3, 2.2]),
    ("logistics",        9, 2, "jsonl", [2.2, 2.1, 1.9, 2.3, 2.0, 1.8]),
    # Not in the questionnaire's department list, and below the anonymity threshold.
    ("legal",            2, 1, "jsonl", [3.0, 2.8, 3.0, 2.8, 2.9, 2.9]),
]

# Leaders see the organisation through rosier glasses, above all their own leadership.
LEADER_BONUS = {"leadership": 1.0}
LEADER_BONUS_OTHER = 0.35

# Department-specific stories on single items (added to the "how good" value).
ITEM_STORIES = {
    # Sales is strong but over-promises and fights with the back office.
    ("sales", "people-over-profit.promises-kept"): -1.7,
    ("sales", "across-departments.promises-agreed"): -1.4,
    ("sales", "across-departments.help-from-others"): -1.0,
    ("sales", "employees-first.time-for-customers"): -0.8,
    # Customer service hears customers all day, but product decisions ignore it.
    ("customer-service", "people-before-products.service-insight-used"): -1.6,
    ("customer-service", "across-departments.help-from-others"): -0.8,
    # The warehouse is overloaded and tells customers about delays late.
    ("logistics", "people-over-profit.bad-news-early"): -0.8,
    ("logistics", "employees-first.time-for-customers"): -0.6,
    ("logistics", "culture.own-impact-known"): -0.5,
    ("logistics", "people-before-products.output-checked"): -0.4,
    # Finance: approval levels and the ERP; little sense of reaching the customer.
    ("finance", "employees-first.authority-to-help"): -1.0,
    ("finance", "culture.own-impact-known"): -0.6,
    ("finance", "across-departments.whole-journey-known"): -0.6,
}

# Items that back-office staff often cannot judge ("dk") or find not to apply ("na").
DK_PRONE = {
    "people-over-profit.lost-customers-asked",
    "leadership.decisions-against-customers",
    "culture.processes-by-value",
    "people-over-profit.customer-results-first",
}
NA_PRONE = {
    "people-before-products.customers-involved",
    "people-over-profit.customer-before-quarter",
    "across-departments.promises-agreed",
}
BACK_OFFICE = {"logistics", "finance", "hr", "legal"}

# (department, position within department) of answer sets saved part-way;
# the flag says whether the partial set still carries submitted_at.
PARTIAL = {("sales", 3): True, ("it", 4): False, ("finance", 2): True, ("logistics", 6): False}

# The online survey ran on the working days of 16-27 November 2026 (times in UTC).
SURVEY_DAYS = [16, 17, 18, 19, 20, 23, 24, 25, 26, 27]

# Respondents of "mixed" departments whose answers arrived late and were keyed into
# the JSON Lines file: the last one of the department.
LATE_COUNT = 1


def clamp_round(x, lo, hi):
    return max(lo, min(hi, int(round(x))))


def timestamp(rng, days, hour_from, hour_to):
    day = rng.choice(days)
    hour = rng.randint(hour_from, hour_to)
    minute = rng.randint(0, 59)
    second = rng.randint(0, 59)
    return f"2026-11-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}Z"


def main():
    q = json.loads(QUESTIONNAIRE.read_text(encoding="utf-8"))
    lo, hi = q["scale"]["min"], q["scale"]["max"]
    dims = [d["id"] for d in q["dimensions"]]
    questions = [(d["id"], item["id"], bool(item.get("reverse", False)),
                  item.get("audience", "everyone") == "leaders")
                 for d in q["dimensions"] for item in d["questions"]]
    known = {qid for _, qid, _, _ in questions}
    for _, qid in ITEM_STORIES:
        if qid not in known:
            raise SystemExit(f"generate.py: unknown question id in ITEM_STORIES: {qid}")
    for qid in NA_PRONE | DK_PRONE:
        if qid not in known:
            raise SystemExit(f"generate.py: unknown question id in NA_PRONE or DK_PRONE: {qid}")
    for _, _, _, _, profile in DEPARTMENTS:
        if len(profile) != len(dims):
            raise SystemExit("generate.py: a department profile does not match the dimensions")

    rng = random.Random(SEED)
    files = []   # (file name, answer set)
    lines = []   # answer sets for the JSON Lines file
    number = 0

    for dept, count, n_leaders, where, profile in DEPARTMENTS:
        leader_positions = set(rng.sample(range(1, count + 1), n_leaders))
        for pos in range(1, count + 1):
            number += 1
            role = "leader" if pos in leader_positions else "employee"
            person = rng.gauss(0.0, 0.35)
            partial = (dept, pos) in PARTIAL
            keep = len(questions)
            if partial:
                keep = round(len(questions) * rng.uniform(0.34, 0.5))

            answers = {}
            for i, (dim, qid, reverse, leaders_only) in enumerate(questions):
                good = profile[dims.index(dim)] + person + rng.gauss(0.0, 0.7)
                good += ITEM_STORIES.get((dept, qid), 0.0)
                if role == "leader":
                    good += LEADER_BONUS.get(dim, LEADER_BONUS_OTHER)
                value = clamp_round(good, lo, hi)
                if reverse:
                    value = lo + hi - value
                # Draw the random numbers for every item, so that one answer set's
                # skips never shift the values of the next.
                r_na, r_skip = rng.random(), rng.random()
                if i >= keep:
                    continue                      # saved part-way: not reached
                if leaders_only and role != "leader":
                    continue                      # not asked of employees
                p_na, p_dk = 0.02, 0.02
                if qid in NA_PRONE and dept in BACK_OFFICE:
                    p_na = 0.3
                if qid in DK_PRONE and role == "employee":
                    p_dk = 0.25
                if r_na < p_na:
                    answers[qid] = "na"
                elif r_na < p_na + p_dk:
                    answers[qid] = "dk"
                elif r_skip < 0.025:
                    continue                      # skipped question: key absent
                else:
                    answers[qid] = value

            late = where == "jsonl" or (where == "mixed" and pos > count - LATE_COUNT)
            if dept == "logistics":
                # Paper session at the warehouse shift handover, keyed in two days later.
                when = timestamp(rng, [26], 7, 15)
            elif late:
                when = timestamp(rng, [30], 9, 16)
            else:
                when = timestamp(rng, SURVEY_DAYS, 8, 17)

            answer_set = {
                "format": "centric-answers/1",
                "questionnaire": {"id": q["id"], "version": q["version"]},
                "respondent": {"id": f"acme-{number:03d}", "department": dept, "role": role},
                "complete": not partial,
            }
            if not partial or PARTIAL[(dept, pos)]:
                answer_set["submitted_at"] = when
            answer_set["answers"] = answers

            if late:
                lines.append(answer_set)
            else:
                files.append((f"{dept}-r{number:03d}.json", answer_set))

    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for old in OUT_DIR.glob("*.json"):
        old.unlink()
    for name, answer_set in files:
        (OUT_DIR / name).write_text(
            json.dumps(answer_set, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    OUT_JSONL.write_text(
        "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in lines), encoding="utf-8")
    print(f"wrote {len(files)} files to {OUT_DIR.relative_to(HERE.parent)}/ and "
          f"{len(lines)} lines to {OUT_JSONL.relative_to(HERE.parent)}")


if __name__ == "__main__":
    main()
