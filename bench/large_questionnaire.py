#!/usr/bin/env python3
"""Generate a very large questionnaire and answer sets full of unknown question ids, for
bench/large_questionnaire.sh: what a hostile or careless file costs centric.

Standard library only and deterministic. Writes into DIR:

  questionnaire.json  a valid centric-questionnaire/1 with --questions questions (default
                      100000) in --dimensions dimensions (default 1: the longest array of
                      questions); ids like "dimension-0.question-004217",
                      all of a similar length, so a length filter alone rules few out;
  unknown.jsonl       --sets answer sets (default 10), each answering 5 real questions and
                      --unknown ids (default 10) that are not in the questionnaire: half of
                      them "question" misspelt in a real id (one edit: a suggestion is
                      found), half of them random letters as long as a real id (every
                      candidate of that length must be ruled out);
  known.jsonl         the same sets without the unknown ids (all accepted).

Usage:  bench/large_questionnaire.py DIR [--questions N] [--dimensions D] [--sets S] [--unknown U]
"""

import argparse
import json
import random
from pathlib import Path

def question_id(d, i):
    return f"dimension-{d}.question-{i:06d}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dir", type=Path)
    parser.add_argument("--questions", type=int, default=100000)
    parser.add_argument("--dimensions", type=int, default=1)
    parser.add_argument("--sets", type=int, default=10)
    parser.add_argument("--unknown", type=int, default=10)
    parser.add_argument("--seed", type=int, default=15)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    args.dir.mkdir(parents=True, exist_ok=True)

    per_dimension = max(1, args.questions // args.dimensions)
    ids = []
    dimensions = []
    for d in range(args.dimensions):
        questions = []
        for i in range(per_dimension):
            qid = question_id(d, d * per_dimension + i)
            ids.append(qid)
            questions.append({"id": qid, "text": f"Statement {qid}", "reverse": i % 7 == 0})
        dimensions.append({"id": f"dimension-{d}", "name": f"Dimension {d}", "questions": questions})
    questionnaire = {
        "format": "centric-questionnaire/1",
        "id": "large",
        "version": "1.0.0",
        "default_language": "en",
        "title": "A very large questionnaire",
        "scale": {"min": 1, "max": 5, "not_applicable": True},
        "levels": [{"level": n + 1, "min": 20 * n, "name": f"Level {n + 1}"} for n in range(5)],
        "dimensions": dimensions,
    }
    (args.dir / "questionnaire.json").write_text(json.dumps(questionnaire, indent=1) + "\n")

    known_lines, unknown_lines = [], []
    for s in range(args.sets):
        answers = {rng.choice(ids): rng.randint(1, 5) for _ in range(5)}
        base = {
            "format": "centric-answers/1",
            "questionnaire": {"id": "large", "version": "1.0.0"},
            "respondent": {"id": f"r-{s:05d}", "department": "sales", "role": "employee"},
            "complete": False,
            "answers": answers,
        }
        known_lines.append(json.dumps(base, separators=(",", ":")))
        unknown = dict(answers)
        for u in range(args.unknown):
            real = rng.choice(ids)
            if u % 2 == 0:
                # "question" misspelt: one edit from one real id, two or more from all others
                unknown[real.replace("question", rng.choice(["qeustion", "queston", "questoin", "questiom"]))] = 3
            else:
                # as long as a real id, but like none: every candidate of that length is compared
                unknown["".join(rng.choice("abcdefghijklmnopqrstuvwxyz.-") for _ in real)] = 3
        unknown_lines.append(json.dumps(dict(base, answers=unknown), separators=(",", ":")))
    (args.dir / "known.jsonl").write_text("\n".join(known_lines) + "\n")
    (args.dir / "unknown.jsonl").write_text("\n".join(unknown_lines) + "\n")
    print(f"{args.dir}: {len(ids)} questions, {args.sets} sets with {args.unknown} unknown ids each")


if __name__ == "__main__":
    main()
