#!/usr/bin/env python3
"""Write answer sets (centric-answers/1 JSON Lines) as a form tool's CSV export.

One row per set: Timestamp, Respondent ID, Department, Role, then one column per question
headed by its English text, the answers as numbers (empty: skipped, "N/A": not applicable).
Standard library only; streams, so 1M sets need no more memory than one.

Usage:  bench/jsonl_to_csv.py QUESTIONNAIRE.json ANSWERS.jsonl EXPORT.csv
"""

import csv
import json
import sys


def main():
    questionnaire, answers, export = sys.argv[1:4]
    with open(questionnaire, encoding="utf-8") as f:
        q = json.load(f)
    questions = [x for d in q["dimensions"] for x in d["questions"]]
    with open(answers, encoding="utf-8") as src, open(export, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(["Timestamp", "Respondent ID", "Department", "Role"] + [x["text"]["en"] for x in questions])
        for line in src:
            s = json.loads(line)
            r = s["respondent"]
            given = s["answers"]
            cells = []
            for x in questions:
                v = given.get(x["id"])
                cells.append("" if v is None else ("N/A" if v == "na" else str(v)))
            writer.writerow([s.get("submitted_at", ""), r.get("id", ""), r["department"], r.get("role", "")] + cells)


if __name__ == "__main__":
    main()
