#!/usr/bin/env bash
# Exports against JSON Lines (import.md §5): the same answer sets scored from a form tool's
# CSV export and from .jsonl, whole-process times and peak memory with /usr/bin/time -v.
# See docs/performance.md ("Form-tool exports").
#
#   bench/exports.sh                 1,000,000 answer sets, 3 timed runs each (medians shown)
#   bench/exports.sh -n 100000 --repeat 5
#
# Options:
#   -n, --count N      answer sets (default 1000000; the .jsonl takes about 1.6 GB, the CSV 150 MB)
#   --repeat R         timed runs of each, alternating, after one untimed warm-up (default 3)
#   --binary PATH      the centric to time (default build/release/centric)
#   --work DIR         data (default ${TMPDIR:-/tmp}/centric-bench-exports), reused while the
#                      generator is unchanged
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
count=1000000
repeat=3
binary=$repo/build/release/centric
work=${TMPDIR:-/tmp}/centric-bench-exports
PYTHON=${PYTHON:-/usr/bin/python3}

while (($#)); do
  case $1 in
    -n | --count) count=${2:?}; shift 2 ;;
    --repeat) repeat=${2:?}; shift 2 ;;
    --binary) binary=${2:?}; shift 2 ;;
    --work) work=${2:?}; shift 2 ;;
    *) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2 ;;
  esac
done
[[ -x $binary ]] || { echo "bench/exports.sh: $binary not built (./build.sh example builds it)" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "bench/exports.sh: apt-get install time" >&2; exit 1; }

mkdir -p "$work"
stamp=$(cat "$repo/bench/generate.py" "$repo/bench/jsonl_to_csv.py" | sha256sum | cut -c1-16)-$count
if [[ ! -f $work/$stamp.done ]]; then
  echo "bench/exports.sh: generating $count answer sets in $work" >&2
  "$PYTHON" "$repo/bench/generate.py" "$count" --jsonl "$work/answers.jsonl" >/dev/null
  "$PYTHON" "$repo/bench/jsonl_to_csv.py" "$repo/questionnaires/customer-centricity.json" \
    "$work/answers.jsonl" "$work/export.csv"
  rm -f "$work"/*.done
  touch "$work/$stamp.done"
fi

run() {  # NAME INPUT: appends "wall_s max_rss_kb" to $work/NAME.times
  /usr/bin/time -f '%e %M' -o "$work/time.out" "$binary" assess "$2" --format json -o "$work/$1.report.json" \
    2>"$work/$1.stderr" || true
  cat "$work/time.out" >>"$work/$1.times"
}
rm -f "$work"/*.times
run csv "$work/export.csv"  # warm-up: the page cache
run jsonl "$work/answers.jsonl"
rm -f "$work"/*.times
for ((i = 0; i < repeat; i++)); do
  run csv "$work/export.csv"
  run jsonl "$work/answers.jsonl"
done
median() { sort -n | awk '{v[NR]=$1} END {print v[int((NR+1)/2)]}'; }
csv_s=$(cut -d' ' -f1 "$work/csv.times" | median)
jsonl_s=$(cut -d' ' -f1 "$work/jsonl.times" | median)
csv_kb=$(cut -d' ' -f2 "$work/csv.times" | median)
jsonl_kb=$(cut -d' ' -f2 "$work/jsonl.times" | median)
printf '%-26s %10s %12s %14s\n' input "size (MB)" "wall (s)" "peak RSS (MB)"
printf '%-26s %10d %12s %14d\n' "export.csv" $(($(stat -c %s "$work/export.csv") >> 20)) "$csv_s" $((csv_kb >> 10))
printf '%-26s %10d %12s %14d\n' "answers.jsonl" $(($(stat -c %s "$work/answers.jsonl") >> 20)) "$jsonl_s" $((jsonl_kb >> 10))
awk -v a="$csv_s" -v b="$jsonl_s" 'BEGIN {printf "CSV speed / JSON Lines speed: %.2f (import.md asks at least 0.5)\n", b / a}'
