#!/usr/bin/env bash
# What a very large questionnaire costs (issue 15): loading one of 100k questions, and the
# "did you mean" of unknown question ids checked against it. Timed with /usr/bin/time; the
# figures are in docs/performance.md ("A very large questionnaire").
#
#   bench/large_questionnaire.sh                    build/centric, 100k questions
#   bench/large_questionnaire.sh --centric PATH     another binary (say, an older build)
#   bench/large_questionnaire.sh --questions 20000  a smaller questionnaire
#
# Options:
#   --centric PATH     the binary to time (default build/centric, a Release build)
#   --questions N      questions in the questionnaire (default 100000)
#   --sets S           answer sets in each .jsonl file (default 10)
#   --unknown U        unknown question ids in each set of unknown.jsonl (default 10)
#   --repeat R         timed runs of each command (default 3); every run is shown
#   --work DIR         where the data goes (default ${TMPDIR:-/tmp}/centric-bench-large)
#
# Each command is run once untimed (warm page cache), then R times under /usr/bin/time.
# The exit codes are the expected ones (0 for the questionnaire and the known answers, 1
# for the unknown ones: every set is rejected); anything else stops the script.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
centric=$repo/build/centric
questions=100000
sets=10
unknown=10
repeat=3
work=${TMPDIR:-/tmp}/centric-bench-large

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }
while (($#)); do
  case $1 in
    --centric) centric=${2:?}; shift 2 ;;
    --questions) questions=${2:?}; shift 2 ;;
    --sets) sets=${2:?}; shift 2 ;;
    --unknown) unknown=${2:?}; shift 2 ;;
    --repeat) repeat=${2:?}; shift 2 ;;
    --work) work=${2:?}; shift 2 ;;
    -h | --help) usage ;;
    *) echo "bench/large_questionnaire.sh: unknown option $1" >&2; usage ;;
  esac
done
[[ -x /usr/bin/time ]] || { echo "bench/large_questionnaire.sh: needs GNU time (apt-get install time)" >&2; exit 1; }
[[ -x $centric ]] || { echo "bench/large_questionnaire.sh: no binary at $centric (build first, or --centric PATH)" >&2; exit 1; }

data=$work/q$questions-s$sets-u$unknown
python3 "$repo/bench/large_questionnaire.py" "$data" --questions "$questions" --sets "$sets" --unknown "$unknown"

# timed NAME EXPECTED_EXIT COMMAND...
timed() {
  local name=$1 expected=$2
  shift 2
  local status=0
  "$@" >/dev/null 2>&1 || status=$?
  if ((status != expected)); then
    echo "bench/large_questionnaire.sh: $name exited with $status, expected $expected:" >&2
    "$@" 2>&1 >/dev/null | head -5 >&2
    exit 1
  fi
  for ((run = 1; run <= repeat; run++)); do
    /usr/bin/time -o "$work/time.txt" -f '%e %U %S %M' "$@" >/dev/null 2>&1 || true
    read -r wall user system rss < <(tail -n 1 "$work/time.txt")  # after "Command exited with ..."
    awk -v name="$name" -v run="$run" -v wall="$wall" -v user="$user" -v sys="$system" -v rss="$rss" 'BEGIN {
      printf "%-34s run %d: %6.2f s wall, %6.2f s CPU, %6.1f MiB peak\n", name, run, wall, user + sys, rss / 1024 }'
  done
}

echo "centric: $centric ($("$centric" --version 2>/dev/null || echo '?'))"
timed "validate questionnaire" 0 "$centric" validate "$data/questionnaire.json"
timed "assess known ids ($sets sets)" 0 "$centric" assess --questionnaire "$data/questionnaire.json" \
  --format json --jobs 1 "$data/known.jsonl"
timed "assess unknown ids ($((sets * unknown)))" 1 "$centric" assess --questionnaire "$data/questionnaire.json" \
  --format json --jobs 1 "$data/unknown.jsonl"
