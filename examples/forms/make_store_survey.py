#!/usr/bin/env python3
"""Writes examples/forms/store-survey.csv: what Google Forms exports for 40 staff of a
small chain who answered the built-in questionnaire in a web form (a made-up example).

Standard library only and deterministic: running it twice gives the same file. The form
has the English statements as one grid ("How far do you agree? [statement]"), answered
with the scale's labels, "Don't know" or "Not applicable"; the two statements asked of
leaders only sit in a section that only people who manage others see, so employees'
cells there are empty.

Usage:  python3 examples/forms/make_store_survey.py
"""

import csv
import io
import json
import random
from pathlib import Path

HERE = Path(__file__).resolve().parent
QUESTIONNAIRE = HERE.parent.parent / "questionnaires" / "customer-centricity.json"
OUT = HERE / "store-survey.csv"
SEED = 20261103

# store as typed, how many, how good things are there (1..5 for a positive statement)
STORES = [("Sales", 11, 3.6), ("Customer service", 11, 3.9), ("Warehouse", 8, 2.6),
          ("Web shop", 6, 3.1), ("web shop ", 3, 3.1), ("sales ", 1, 3.6)]
COMMENTS = ["More time for customers, please.", "The new returns process works well.",
            "We hear about late deliveries after the customer does.", ""]


def main():
    q = json.loads(QUESTIONNAIRE.read_text(encoding="utf-8"))
    labels = {int(k): v["en"] for k, v in q["scale"]["labels"].items()}
    lo, hi = q["scale"]["min"], q["scale"]["max"]
    items = [(item["text"]["en"], bool(item.get("reverse")), item.get("audience") == "leaders")
             for d in q["dimensions"] for item in d["questions"]]
    rng = random.Random(SEED)
    header = ["Timestamp", "Email address", "Which store or team do you work in?", "Do you manage people?"]
    header += [f"How far do you agree? [{text}]" for text, _, _ in items]
    header += ["Anything else you want to tell us?"]
    rows = []
    person = 0
    for store, count, good in STORES:
        for _ in range(count):
            manager = person % 5 == 0
            row = [f"2026/11/{3 + person % 10:02d} {8 + person % 9:02d}:{person % 60:02d}:{(person * 7) % 60:02d}",
                   f"person{person}@example.com", store, "Yes" if manager else "No"]
            level = good + rng.gauss(0, 0.4)
            for text, reverse, leaders_only in items:
                if leaders_only and not manager:
                    row.append("")
                    continue
                r = rng.random()
                if r < 0.04:
                    row.append("")
                elif r < 0.08:
                    row.append("Don't know")
                elif r < 0.10:
                    row.append("Not applicable")
                else:
                    v = max(lo, min(hi, round(level + rng.gauss(0, 0.8))))
                    row.append(labels[lo + hi - v if reverse else v])
            row.append(COMMENTS[person % len(COMMENTS)])
            rows.append(row)
            person += 1
    out = io.StringIO()
    csv.writer(out, lineterminator="\r\n").writerows([header] + rows)
    OUT.write_text(out.getvalue(), encoding="utf-8", newline="")
    print(f"wrote {len(rows)} rows to {OUT.relative_to(HERE.parent.parent)}")


if __name__ == "__main__":
    main()
