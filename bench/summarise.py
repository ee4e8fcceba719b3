#!/usr/bin/env python3
"""Turn the measurements of bench/run.sh into a Markdown table and the ratios.

    bench/summarise.py RESULTS_DIR

RESULTS_DIR holds manifest.tsv (one contender a line: name, label, input, answer sets,
CPU list, group) and raw/NAME.RUN.time, the `/usr/bin/time -v` output of each timed run,
with raw/NAME.RUN.wall beside it: the wall time in microseconds, taken by run.sh around
the command (time -v gives it in hundredths of a second only, a tenth of a 0.1 s run).
For each contender the median of its runs is taken, separately for wall time, CPU time
(user + system) and peak memory (maximum resident set size). Prints the tables and the
ratios against the issue's targets; also writes them to RESULTS_DIR/summary.md.

Standard library only.
"""

import argparse
import re
import statistics
import sys
from pathlib import Path


def parse_time_file(path):
    """Wall seconds, CPU seconds and max RSS (KiB) from one `/usr/bin/time -v` output."""
    text = path.read_text(encoding="utf-8", errors="replace")
    fields = {}
    for line in text.splitlines():
        key, sep, value = line.strip().rpartition(": ")
        if sep:
            fields[key] = value
    if fields.get("Exit status", "0") != "0":
        raise SystemExit(f"summarise.py: {path}: the command failed (exit status {fields['Exit status']})")
    elapsed = fields["Elapsed (wall clock) time (h:mm:ss or m:ss)"]
    seconds = 0.0
    for part in elapsed.split(":"):
        seconds = seconds * 60 + float(part)
    cpu = float(fields["User time (seconds)"]) + float(fields["System time (seconds)"])
    precise = path.with_suffix(".wall")
    if precise.exists():  # results of older runs have none
        seconds = int(precise.read_text(encoding="utf-8")) / 1e6
    return seconds, cpu, int(fields["Maximum resident set size (kbytes)"])


def read_results(directory):
    contenders = []
    for line in (directory / "manifest.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        name, label, source, count, cpus, group = line.split("\t")
        runs = [parse_time_file(p) for p in sorted((directory / "raw").glob(f"{name}.*.time"))
                if re.fullmatch(rf"{re.escape(name)}\.\d+\.time", p.name)]
        if not runs:
            continue
        contenders.append({
            "name": name, "label": label, "input": source, "count": int(count), "cpus": cpus, "group": group,
            "runs": len(runs),
            "wall": statistics.median(r[0] for r in runs),
            "cpu": statistics.median(r[1] for r in runs),
            "rss": statistics.median(r[2] for r in runs),
            "wall_all": [r[0] for r in runs],
            "cpu_all": [r[1] for r in runs],
        })
    return contenders


def cores(cpus):
    return len(cpus.split(","))


def seconds(x):
    return f"{x:.3f}" if x < 10 else f"{x:.2f}" if x < 100 else f"{x:.0f}"


def per_set(c):
    return f"{1e6 * c['cpu'] / c['count']:.1f}" if c["count"] else ""


def table(contenders):
    lines = ["| contender | input | answer sets | cores | wall s | CPU s (user+sys) | CPU µs per set | "
             "peak RSS MiB | each run: wall / CPU s |",
             "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |"]
    for c in contenders:
        lines.append(f"| {c['label']} | {c['input']} | {c['count']:,} | {cores(c['cpus'])} | {seconds(c['wall'])} | "
                     f"{seconds(c['cpu'])} | {per_set(c)} | {c['rss'] / 1024:.1f} | "
                     f"{', '.join(f'{seconds(w)} / {seconds(u)}' for w, u in zip(c['wall_all'], c['cpu_all']))} |")
    return lines


def ratio_line(what, numerator, denominator, target, higher_is_better=True, on_cpu=True):
    """A ratio of wall times and, where it means something, of CPU times; target is a number or None.

    CPU time (user + system) is what a one-core run costs whatever else the machine does, so
    on a busy machine it is the steadier figure; the speed-up from a second core shows in
    wall time only."""
    if numerator is None or denominator is None:
        return None
    if min(numerator["wall"], numerator["cpu"], denominator["wall"], denominator["cpu"]) <= 0:
        return f"- {what}: too fast to measure (0.00 s); use more answer sets"

    def verdict(value):
        met = value >= target if higher_is_better else value <= target
        return "met" if met else "NOT met"

    wall = numerator["wall"] / denominator["wall"]
    text = f"- {what}: **{wall:.2f}×** on wall time"
    if on_cpu:
        cpu = numerator["cpu"] / denominator["cpu"]
        text += f", **{cpu:.2f}×** on CPU time"
    if target is not None:
        text += f" (target {'≥' if higher_is_better else '≤'} {target:g}: {verdict(wall)} on wall time"
        text += f", {verdict(cpu)} on CPU time)" if on_cpu else ")"
    return text


def bound_line(what, cpu0, cpu1, both):
    """How fast the second CPU is, and so the most two cores can give, against what they gave."""
    if not cpu0 or not cpu1 or not both or min(cpu0["wall"], cpu1["wall"], both["wall"]) <= 0:
        return None
    bound = 1 + cpu0["wall"] / cpu1["wall"]
    got = cpu0["wall"] / both["wall"]
    return (f"- one thread on the second CPU ÷ on the first ({what}): **{cpu1['wall'] / cpu0['wall']:.2f}×** the wall "
            f"time, so two cores can give at most **{bound:.2f}×**; centric's two cores gave {got:.2f}×, "
            f"{100 * got / bound:.0f}% of that")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("results", type=Path)
    args = parser.parse_args()
    contenders = read_results(args.results)
    by_name = {c["name"]: c for c in contenders}
    out = []

    main_runs = [c for c in contenders if c["group"] == "main"]
    if main_runs:
        out += ["### Contenders", ""] + table(main_runs) + [""]
        get = by_name.get
        ratios = [
            ratio_line("pandas ÷ centric (.jsonl, one core): centric faster by", get("pandas"), get("centric-jsonl-1"), 4),
            ratio_line("jq ÷ centric (.jsonl, one core): centric faster by", get("jq"), get("centric-jsonl-1"), 4),
            ratio_line("centric ÷ parse-only floor (.jsonl, one core)", get("centric-jsonl-1"), get("floor-jsonl-1"),
                       1.3, higher_is_better=False),
            ratio_line("centric ÷ parse-only floor (directory, one core)", get("centric-dir-1"), get("floor-dir-1"),
                       1.3, higher_is_better=False),
            ratio_line("centric one core ÷ two cores (.jsonl)", get("centric-jsonl-1"), get("centric-jsonl-2"), 1.7,
                       on_cpu=False),
            ratio_line("centric one core ÷ two cores (directory)", get("centric-dir-1"), get("centric-dir-2"), 1.7,
                       on_cpu=False),
            bound_line(".jsonl", get("centric-jsonl-1"), get("centric-jsonl-cpu1"), get("centric-jsonl-2")),
            bound_line("directory", get("centric-dir-1"), get("centric-dir-cpu1"), get("centric-dir-2")),
            ratio_line("floor one thread ÷ two threads on two cores (.jsonl), for reference", get("floor-jsonl-1"),
                       get("floor-jsonl-2"), None, on_cpu=False),
            ratio_line("floor one thread ÷ two threads on two cores (directory), for reference", get("floor-dir-1"),
                       get("floor-dir-2"), None, on_cpu=False),
            ratio_line("pandas ÷ parse-only floor (.jsonl)", get("pandas"), get("floor-jsonl-1"), None),
            ratio_line("jq ÷ parse-only floor (.jsonl)", get("jq"), get("floor-jsonl-1"), None),
        ]
        out += ["### Ratios", ""] + [r for r in ratios if r] + [""]

    for group, title in [("memory-ids", "with respondent ids"), ("memory-noids", "without respondent ids (--no-ids)")]:
        series = sorted((c for c in contenders if c["group"] == group), key=lambda c: c["count"])
        if not series:
            continue
        first = series[0]
        if first["rss"] <= 0:
            continue
        out += [f"### Memory series, centric assess --format json on .jsonl, one core, {title}", "",
                "| answer sets | wall s | CPU s | CPU µs per set | peak RSS MiB | RSS ÷ smallest |",
                "| ---: | ---: | ---: | ---: | ---: | ---: |"]
        for c in series:
            out.append(f"| {c['count']:,} | {seconds(c['wall'])} | {seconds(c['cpu'])} | {per_set(c)} | "
                       f"{c['rss'] / 1024:.1f} | {c['rss'] / first['rss']:.2f} |")
        last = series[-1]
        growth = last["rss"] / first["rss"]
        out += ["", f"- peak memory at {last['count']:,} ÷ at {first['count']:,}: **{growth:.2f}×** "
                    f"(target ≤ 1.10: {'met' if growth <= 1.10 else 'NOT met'})", ""]

    large = next((c for c in contenders if c["group"] == "large"), None)
    one_core = next((c for c in contenders if c["group"] == "memory-ids" and large and c["count"] == large["count"]),
                    None)
    if large and one_core:
        out += ["### One and two cores on the largest .jsonl, with respondent ids", ""] + table([one_core, large])
        out += ["", ratio_line(f"centric one core ÷ two cores (.jsonl, {large['count']:,} sets)", one_core, large, 1.7,
                               on_cpu=False), ""]

    text = "\n".join(out)
    print(text)
    (args.results / "summary.md").write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
