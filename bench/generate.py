#!/usr/bin/env python3
"""Generate N realistic answer sets for the built-in questionnaire, for the benchmark.

Standard library only and deterministic: the same --seed gives the same answer sets, and
the first K sets of a run with N > K are the K sets of a run with N = K (every set is
drawn from one random stream, in order). It reads the departments, dimensions, question
ids, reverse flags and the scale from questionnaires/customer-centricity.json and writes
the same answer sets

  --jsonl FILE   as JSON Lines, one compact object per line (what a survey tool exports);
  --dir DIR      as one file per answer set, indented like `centric survey` writes them,
                 in subdirectories of --per-dir files (DIR/0000/, DIR/0001/, ...).

What the data looks like (the printed summary gives the exact shares of each run):
  - the questionnaire's 12 departments, of very different sizes (customer service and
    sales large, management small), each with its own profile per dimension;
  - about 12% leaders (most of management), 1.5% without a role, the rest employees;
    leaders answer more favourably, above all on leadership;
  - about 3% of the items "na" (more on a few items in back-office departments), 2% "dk",
    about 5% skipped (key absent); the questions asked of leaders only are not answered by
    anyone else;
  - about 4% of the sets saved part-way ("complete": false, only the first questions
    answered, half of them without submitted_at);
  - respondent ids are random UUIDs, as `centric survey` gives, all different; --no-ids
    leaves them out (the same sets otherwise), so the duplicate check has nothing to keep.

Usage:  bench/generate.py 100000 --jsonl /tmp/b/answers.jsonl --dir /tmp/b/answers
"""

import argparse
import json
import random
import sys
import uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
QUESTIONNAIRE = HERE.parent / "questionnaires" / "customer-centricity.json"

# Department id -> (share of respondents, probability of being a leader, profile on the
# 1..5 agreement scale per dimension: culture, leadership, employees-first,
# people-before-products, people-over-profit, across-departments).
DEPARTMENTS = {
    "management":           (0.020, 0.65, [3.9, 4.0, 3.6, 3.5, 3.4, 3.3]),
    "sales":                (0.160, 0.10, [3.8, 3.5, 3.3, 3.2, 2.9, 2.8]),
    "marketing":            (0.070, 0.12, [3.5, 3.3, 3.3, 3.4, 3.1, 3.2]),
    "customer-service":     (0.180, 0.08, [4.0, 3.4, 3.1, 3.0, 3.6, 3.0]),
    "logistics":            (0.120, 0.09, [2.6, 2.5, 2.3, 2.6, 2.4, 2.3]),
    "finance":              (0.050, 0.12, [2.4, 2.6, 2.5, 2.5, 2.2, 2.4]),
    "production":           (0.150, 0.08, [2.8, 2.7, 2.6, 3.0, 2.7, 2.6]),
    "quality":              (0.050, 0.11, [3.4, 3.0, 3.0, 3.6, 3.2, 3.1]),
    "it":                   (0.070, 0.11, [3.0, 2.9, 3.1, 3.3, 3.0, 2.8]),
    "hr":                   (0.030, 0.14, [3.5, 3.1, 3.7, 2.9, 3.4, 3.2]),
    "administration":       (0.050, 0.10, [2.7, 2.8, 2.7, 2.5, 2.8, 2.6]),
    "research-development": (0.050, 0.12, [3.2, 3.0, 3.2, 3.8, 3.1, 3.0]),
}
NO_ROLE = 0.015                      # respondents who did not say whether they lead people
LEADER_BONUS = {"leadership": 0.9}   # leaders see their own leadership rosier ...
LEADER_BONUS_OTHER = 0.3             # ... and the rest a little rosier
PERSON_SD = 0.45                     # how much one respondent differs from the department
ITEM_SD = 0.75                       # how much one answer differs from the respondent

P_NA = 0.022                         # "na" on any item ...
P_NA_PRONE = 0.20                    # ... on product items in back-office departments ...
P_DK = 0.02                          # "dk" (don't know) on any item
NA_PRONE = {
    "people-before-products.customers-involved",
    "across-departments.changes-made-together",
    "people-before-products.service-insight-used",
}
BACK_OFFICE = {"logistics", "finance", "hr", "administration", "production"}
P_SKIP = 0.05                        # an item skipped (key absent)
P_PARTIAL = 0.04                     # a set saved part-way
PARTIAL_KEEP = (0.25, 0.85)          # the share of the questions such a set reached

# The online survey ran on the working days of 2-13 March 2026 (times in UTC).
SURVEY_DAYS = [2, 3, 4, 5, 6, 9, 10, 11, 12, 13]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int, help="how many answer sets")
    parser.add_argument("--jsonl", type=Path, help="write them to this JSON Lines file")
    parser.add_argument("--dir", type=Path, help="write them as one file each below this directory (must not exist)")
    parser.add_argument("--per-dir", type=int, default=1000, help="files per subdirectory of --dir (default 1000)")
    parser.add_argument("--seed", type=int, default=20260302, help="random seed (default 20260302)")
    parser.add_argument("--no-ids", action="store_true", help="leave respondent.id out")
    parser.add_argument("--questionnaire", type=Path, default=QUESTIONNAIRE,
                        help="the questionnaire (default: the built-in one, from questionnaires/)")
    args = parser.parse_args()
    if args.count < 0 or args.per_dir < 1:
        parser.error("count must be >= 0 and --per-dir >= 1")
    if args.jsonl is None and args.dir is None:
        parser.error("give --jsonl FILE, --dir DIR or both")
    if args.dir is not None and args.dir.exists():
        parser.error(f"{args.dir} exists; remove it first (files of an older run would be read too)")
    return args


def clamp_round(x, lo, hi):
    return max(lo, min(hi, int(round(x))))


def main():
    args = parse_args()
    q = json.loads(args.questionnaire.read_text(encoding="utf-8"))
    lo, hi = q["scale"]["min"], q["scale"]["max"]
    dims = [d["id"] for d in q["dimensions"]]
    # (dimension index, question id, reverse) in questionnaire order.
    questions = [(di, item["id"], bool(item.get("reverse", False)))
                 for di, d in enumerate(q["dimensions"]) for item in d["questions"]]
    # Questions asked of leaders only: an employee is not asked them (a form's own section).
    leaders_only = [item.get("audience") == "leaders" for d in q["dimensions"] for item in d["questions"]]
    known_questions = {qid for _, qid, _ in questions}
    known_departments = {d["id"] for d in q.get("departments", [])}
    for qid in NA_PRONE:
        if qid not in known_questions:
            sys.exit(f"generate.py: unknown question id {qid}; update bench/generate.py to the questionnaire")
    for dept, (_, _, profile) in DEPARTMENTS.items():
        if dept not in known_departments or len(profile) != len(dims):
            sys.exit(f"generate.py: department {dept} does not match the questionnaire; update bench/generate.py")
    dept_ids = list(DEPARTMENTS)
    dept_weights = [DEPARTMENTS[d][0] for d in dept_ids]
    # Each department's "how good" value per question, before the respondent's own mood,
    # and its chance of "na" per question: computed once, not per answer set.
    base = {}
    p_na = {}
    for dept in dept_ids:
        _, _, profile = DEPARTMENTS[dept]
        base[dept] = [profile[di] for di, _, _ in questions]
        p_na[dept] = [P_NA_PRONE if (qid in NA_PRONE and dept in BACK_OFFICE) else P_NA for _, qid, _ in questions]
    leader_bonus = [LEADER_BONUS.get(dims[di], LEADER_BONUS_OTHER) for di, _, _ in questions]
    # Key prefixes of the compact line, so each answer costs a string join, not a dict.
    keys = [json.dumps(qid) + ": " for _, qid, _ in questions]
    header = json.dumps({"format": "centric-answers/1",
                         "questionnaire": {"id": q["id"], "version": q["version"]}})[:-1]

    rng = random.Random(args.seed)
    gauss, rand, randint = rng.gauss, rng.random, rng.randint
    jsonl = args.jsonl.open("w", encoding="utf-8", newline="\n") if args.jsonl else None
    if args.dir is not None:
        args.dir.mkdir(parents=True)
    items = answered = na = skipped = partial = leaders = no_role = 0
    per_dept = dict.fromkeys(dept_ids, 0)
    n_questions = len(questions)

    for number in range(args.count):
        dept = rng.choices(dept_ids, dept_weights)[0]
        r = rand()
        role = None if r < NO_ROLE else ("leader" if r < NO_ROLE + DEPARTMENTS[dept][1] else "employee")
        # Drawn for every set, with or without --no-ids, so both give the same answers.
        respondent_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
        is_partial = rand() < P_PARTIAL
        keep = round(n_questions * rng.uniform(*PARTIAL_KEEP)) if is_partial else n_questions
        person = gauss(0.0, PERSON_SD)
        values = base[dept]
        dept_na = p_na[dept]
        parts = []
        for i in range(n_questions):
            # Every random number is drawn for every item, so one set's skips never shift
            # the values of the next.
            good = values[i] + person + gauss(0.0, ITEM_SD)
            if role == "leader":
                good += leader_bonus[i]
            r_na, r_skip = rand(), rand()
            if i >= keep:
                continue                      # saved part-way: not reached
            if leaders_only[i] and role != "leader":
                continue                      # not asked
            items += 1
            limit = dept_na[i]
            if r_na < limit:
                parts.append(keys[i] + '"na"')
                na += 1
            elif r_na < limit + P_DK:
                parts.append(keys[i] + '"dk"')
                na += 1
            elif r_skip < P_SKIP:
                skipped += 1                  # skipped question: key absent
            else:
                value = clamp_round(good, lo, hi)
                if questions[i][2]:
                    value = lo + hi - value   # a reverse item: a good department disagrees
                parts.append(keys[i] + str(value))
                answered += 1
        day = SURVEY_DAYS[randint(0, len(SURVEY_DAYS) - 1)]
        when = f"2026-03-{day:02d}T{randint(7, 17):02d}:{randint(0, 59):02d}:{randint(0, 59):02d}Z"
        with_time = rand() < 0.5 or not is_partial

        respondent = {"department": dept}
        if not args.no_ids:
            respondent = {"id": respondent_id, "department": dept}
        if role is not None:
            respondent["role"] = role
        line = (header + ", \"respondent\": " + json.dumps(respondent)
                + ", \"complete\": " + ("false" if is_partial else "true")
                + (", \"submitted_at\": \"" + when + "\"" if with_time else "")
                + ", \"answers\": {" + ", ".join(parts) + "}}")
        if jsonl is not None:
            jsonl.write(line + "\n")
        if args.dir is not None:
            sub = args.dir / f"{number // args.per_dir:04d}"
            if number % args.per_dir == 0:
                sub.mkdir()
            # Indented, as `centric survey` writes its files.
            (sub / f"{dept}-{number:07d}.json").write_text(
                json.dumps(json.loads(line), indent=2) + "\n", encoding="utf-8")

        per_dept[dept] += 1
        partial += is_partial
        leaders += role == "leader"
        no_role += role is None

    if jsonl is not None:
        jsonl.close()
    n = max(args.count, 1)
    shares = ", ".join(f"{d} {per_dept[d]}" for d in dept_ids)
    print(f"generate.py: {args.count} answer sets (seed {args.seed}{', no ids' if args.no_ids else ''}): "
          f"{100 * leaders / n:.1f}% leaders, {100 * no_role / n:.1f}% without role, "
          f"{100 * partial / n:.1f}% partial; of {items} items reached "
          f"{100 * na / max(items, 1):.1f}% na or dk, {100 * skipped / max(items, 1):.1f}% skipped; "
          f"departments: {shares}", file=sys.stderr)


if __name__ == "__main__":
    main()
