#!/usr/bin/env bash
# The benchmark of issue 6: centric against pandas, jq and a parse-only floor, on the same
# generated answer sets, timed with /usr/bin/time -v. See docs/performance.md.
#
#   bench/run.sh                      N = 100000: every contender, one core and two cores
#   bench/run.sh --memory-series      also centric's peak memory at 10k, 100k and 1M sets
#   bench/run.sh -n 10000 --repeat 1  a quick look
#
# Options:
#   -n, --count N          answer sets for the contenders (default 100000)
#   --repeat R             timed runs per contender, after one untimed warm-up (default 3);
#                          the table shows the median
#   --memory-series        also run centric alone on .jsonl files of --memory-sizes sets,
#                          with respondent ids and without (--no-ids), one core; and the
#                          largest with ids on two cores
#   --memory-sizes "A B C" default "10000 100000 1000000" (1M: about 1.7 GB per variant)
#   --only-memory-series   the memory series without the contenders
#   --no-nice              run the contenders at normal priority (by default, as root, they
#                          run at nice -10, so that other work on a busy machine disturbs
#                          them less)
#   --wait-idle SECONDS    before each run, wait up to SECONDS for the machine to be idle
#                          (at least 90% of all CPUs idle over one second); default 0
#   --work DIR             data, binaries and results (default ${TMPDIR:-/tmp}/centric-bench);
#                          generated data is kept there and reused while bench/generate.py
#                          is unchanged
# Environment:
#   PYTHON                 the Python with pandas (default /usr/bin/python3, Debian's: a
#                          pyenv or venv python3 earlier in PATH usually lacks pandas)
#   CENTRIC_TWO_CORE_ARGS  extra options for centric's two-core runs; default none (centric
#                          uses every core taskset allows it: one in the one-core runs, two
#                          in the two-core ones)
#
# Installs nothing: it checks for its tools and says what to apt-get install.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
count=100000
repeat=3
memory_series=0
contenders=1
memory_sizes="10000 100000 1000000"
work=${TMPDIR:-/tmp}/centric-bench
PYTHON=${PYTHON:-/usr/bin/python3}
two_core_args=${CENTRIC_TWO_CORE_ARGS:-}
use_nice=1
wait_idle=0

usage() { sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }
while (($#)); do
  case $1 in
    -n | --count) count=${2:?}; shift 2 ;;
    --repeat) repeat=${2:?}; shift 2 ;;
    --memory-series) memory_series=1; shift ;;
    --only-memory-series) memory_series=1; contenders=0; shift ;;
    --memory-sizes) memory_sizes=${2:?}; shift 2 ;;
    --work) work=${2:?}; shift 2 ;;
    --no-nice) use_nice=0; shift ;;
    --wait-idle) wait_idle=${2:?}; shift 2 ;;
    -h | --help) usage ;;
    *) echo "bench/run.sh: unknown option $1" >&2; usage ;;
  esac
done
[[ $count =~ ^[1-9][0-9]*$ && $repeat =~ ^[1-9][0-9]*$ ]] || { echo "bench/run.sh: -n and --repeat take positive numbers" >&2; exit 2; }

say() { printf '%s\n' "bench/run.sh: $*" >&2; }

# --- tools -------------------------------------------------------------------------------
missing=()
need_package() {  # PACKAGE TEST...
  local package=$1
  shift
  "$@" >/dev/null 2>&1 || missing+=("$package")
}
need_package g++ command -v g++
need_package cmake command -v cmake
need_package time test -x /usr/bin/time
need_package util-linux command -v taskset
need_package jq command -v jq
need_package nlohmann-json3-dev test -f /usr/include/nlohmann/json.hpp
need_package libcli11-dev test -f /usr/include/CLI/CLI.hpp
need_package libfmt-dev test -f /usr/include/fmt/format.h
need_package python3-pandas "$PYTHON" -c 'import pandas'
need_package bash test -n "${EPOCHREALTIME:-}"
if ((${#missing[@]})); then
  say "missing: ${missing[*]}"
  say "install them with:  apt-get install -y ${missing[*]}"
  [[ " ${missing[*]} " == *" python3-pandas "* ]] &&
    say "(pandas is looked for in $PYTHON; set PYTHON=... to use another interpreter)"
  exit 1
fi
priority=()
((use_nice)) && [[ $(id -u) -eq 0 ]] && priority=(nice -n -10)
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)

mkdir -p "$work/bin" "$work/data" "$work/results"
results=$work/results/$(date +%Y%m%d-%H%M%S)
mkdir -p "$results/raw" "$results/out"
export LC_ALL=C  # the same report language and number formats in every run

# --- build -------------------------------------------------------------------------------
say "building centric (Release) in build/bench"
if ! { cmake -S "$repo" -B "$repo/build/bench" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release -DCENTRIC_TESTS=OFF &&
  cmake --build "$repo/build/bench" -j "$(nproc)"; } >"$results/build.log" 2>&1; then
  tail -n 30 "$results/build.log" >&2
  say "the build failed; the whole log is $results/build.log"
  exit 1
fi
centric=$repo/build/bench/centric
say "building the parse-only floor"
g++ -O2 -DNDEBUG -std=c++20 -pthread "$repo/bench/parse_floor.cpp" -o "$work/bin/parse_floor"
floor=$work/bin/parse_floor

# --- machine -----------------------------------------------------------------------------
{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "centric: $(git -C "$repo" describe --always --dirty 2>/dev/null || echo unknown)"
  echo "cpus: $(nproc) ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'))"
  echo "threads per core: $(lscpu 2>/dev/null | sed -n 's/^Thread(s) per core: *//p')"
  echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"
  echo "kernel: $(uname -r)"
  echo "g++: $(g++ -dumpfullversion)"
  echo "jq: $(jq --version)"
  echo "python: $("$PYTHON" -c 'import sys, pandas, numpy; print(sys.version.split()[0], "pandas", pandas.__version__, "numpy", numpy.__version__)')"
  echo "nlohmann/json: $(dpkg-query -W -f='${Version}' nlohmann-json3-dev 2>/dev/null || echo unknown)"
  echo "priority: ${priority[*]:-normal}"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} >"$results/machine.txt"
cat "$results/machine.txt" >&2

# --- data --------------------------------------------------------------------------------
generator_hash=$(md5sum "$repo/bench/generate.py" | cut -c1-32)

ensure_space() {  # BYTES
  local available
  available=$(df -P -B1 "$work" | awk 'NR == 2 {print $4}')
  if ((available < $1 + 200 * 1024 * 1024)); then
    say "not enough space in $work: $((available >> 20)) MiB free, about $(($1 >> 20)) MiB needed"
    say "free some, or choose another place with --work DIR"
    exit 1
  fi
}

# ensure_data N ids|noids jsonl|dir: prints the path of the data, generating it when needed.
ensure_data() {
  local n=$1 variant=$2 form=$3
  local dir=$work/data/n$n-$variant
  local path=$dir/answers.jsonl bytes=$((n * 1700)) flags=()
  [[ $form == dir ]] && path=$dir/answers && bytes=$((n * 4300))
  [[ $variant == noids ]] && flags=(--no-ids)
  local stamp="$generator_hash $n $variant"
  if [[ -e $path && -f $path.stamp && $(<"$path.stamp") == "$stamp" ]]; then
    echo "$path"
    return
  fi
  mkdir -p "$dir"
  rm -rf "$path" "$path.stamp"
  ensure_space "$bytes"
  say "generating $n answer sets ($variant) as $form: $path"
  if [[ $form == dir ]]; then
    "$PYTHON" "$repo/bench/generate.py" "$n" "${flags[@]}" --dir "$path" >&2
  else
    "$PYTHON" "$repo/bench/generate.py" "$n" "${flags[@]}" --jsonl "$path" >&2
  fi
  echo "$stamp" >"$path.stamp"
  echo "$path"
}

# --- contenders --------------------------------------------------------------------------
names=()
declare -A command_of cpus_of
# add NAME LABEL INPUT COUNT CPUS GROUP -- COMMAND...
add() {
  local name=$1 label=$2 input=$3 n=$4 cpus=$5 group=$6
  shift 7
  names+=("$name")
  cpus_of[$name]=$cpus
  command_of[$name]=$(printf '%q ' "$@")
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$label" "$input" "$n" "$cpus" "$group" >>"$results/manifest.tsv"
}

# The share of all CPUs idle over the next second, in percent.
idle_percent() {
  local a b
  read -ra a < <(head -n1 /proc/stat)
  sleep 1
  read -ra b < <(head -n1 /proc/stat)
  local total=0 i
  for ((i = 1; i < ${#a[@]}; i++)); do total=$((total + b[i] - a[i])); done
  echo $(((100 * (b[4] - a[4] + b[5] - a[5])) / (total > 0 ? total : 1)))
}

# Before a run: with --wait-idle, wait until the machine is (nearly) idle, for a while at most.
settle() {
  ((wait_idle > 0)) || return 0
  local start=$SECONDS idle
  while idle=$(idle_percent) && ((idle < 90 && SECONDS - start < wait_idle)); do :; done
  echo "idle ${idle}%"
}

# run_once NAME TAG: one run under /usr/bin/time -v, pinned to the contender's CPUs. Its
# wall time is also taken here, to the microsecond (bash's EPOCHREALTIME, no process
# started to read the clock): time -v rounds it to 10 ms, a tenth of centric's two-core run.
run_once() {
  local name=$1 tag=$2 before start end
  before=$(settle)
  start=${EPOCHREALTIME/./}
  if ! eval "/usr/bin/time -v -o $(printf %q "$results/raw/$name.$tag.time") ${priority[*]} taskset -c ${cpus_of[$name]} \
        ${command_of[$name]}" >"$results/out/$name.out" 2>"$results/out/$name.err"; then
    say "$name failed; its standard error:"
    tail -n 20 "$results/out/$name.err" >&2
    exit 1
  fi
  end=${EPOCHREALTIME/./}
  echo $((end - start)) >"$results/raw/$name.$tag.wall"
  local wall
  wall=$(printf '%d.%06d s' $(((end - start) / 1000000)) $(((end - start) % 1000000)))
  printf '  %-22s %-8s %s  (load average %s%s)\n' "$name" "$tag" "$wall" "$(cut -d' ' -f1 /proc/loadavg)" \
    "${before:+; before: $before}" | tee -a "$results/log.txt" >&2
}

# run_all NAME...: one untimed warm-up each, then --repeat rounds, each round running every
# contender once, so that a change of the machine's load hits all of them alike.
run_all() {
  local name round
  for name in "$@"; do run_once "$name" warmup; done
  for ((round = 1; round <= repeat; round++)); do
    for name in "$@"; do run_once "$name" "$round"; done
  done
}

if ((contenders)); then
  jsonl=$(ensure_data "$count" ids jsonl)
  dir=$(ensure_data "$count" ids dir)
  # shellcheck disable=SC2206  # word splitting intended
  extra=($two_core_args)
  add centric-jsonl-1 "centric assess --format json" .jsonl "$count" 0 main -- "$centric" assess --format json "$jsonl"
  add centric-dir-1 "centric assess --format json" directory "$count" 0 main -- "$centric" assess --format json "$dir"
  add pandas "pandas (bench/pandas_scores.py)" .jsonl "$count" 0 main -- "$PYTHON" "$repo/bench/pandas_scores.py" "$jsonl"
  add jq "jq (bench/department_means.jq)" .jsonl "$count" 0 main -- jq -n -f "$repo/bench/department_means.jq" "$jsonl"
  add floor-jsonl-1 "parse-only floor (nlohmann DOM)" .jsonl "$count" 0 main -- "$floor" "$jsonl"
  add floor-dir-1 "parse-only floor (nlohmann DOM)" directory "$count" 0 main -- "$floor" "$dir"
  add centric-jsonl-2 "centric assess --format json${two_core_args:+ $two_core_args}" .jsonl "$count" 0,1 main -- \
    "$centric" assess --format json "${extra[@]}" "$jsonl"
  add centric-dir-2 "centric assess --format json${two_core_args:+ $two_core_args}" directory "$count" 0,1 main -- \
    "$centric" assess --format json "${extra[@]}" "$dir"
  # One thread on the second CPU alone: the two vCPUs of a virtual machine need not be
  # equally fast, and two cores can give at most 1 + (time on CPU 0 ÷ time on CPU 1).
  add centric-jsonl-cpu1 "centric assess --format json, on the second CPU" .jsonl "$count" 1 main -- \
    "$centric" assess --format json "$jsonl"
  add centric-dir-cpu1 "centric assess --format json, on the second CPU" directory "$count" 1 main -- \
    "$centric" assess --format json "$dir"
  add floor-jsonl-2 "parse-only floor --threads 2" .jsonl "$count" 0,1 main -- "$floor" --threads 2 "$jsonl"
  add floor-dir-2 "parse-only floor --threads 2" directory "$count" 0,1 main -- "$floor" --threads 2 "$dir"
  say "timing the contenders on $count answer sets: warm-up, then $repeat rounds"
  run_all "${names[@]}"

  # Untimed checks that every contender did the whole job.
  say "checking the outputs"
  for name in centric-jsonl-1 centric-dir-1 centric-jsonl-2 centric-dir-2; do
    "$PYTHON" "$repo/bench/pandas_scores.py" "$jsonl" --check "$results/out/$name.out" >/dev/null ||
      { say "pandas and $name disagree"; exit 1; }
  done
  # The same report, byte for byte, from one thread or two (docs/architecture.md).
  for pair in "jsonl-1 jsonl-2" "jsonl-1 jsonl-cpu1" "dir-1 dir-2" "dir-1 dir-cpu1"; do
    read -r one other <<<"$pair"
    cmp -s "$results/out/centric-$one.out" "$results/out/centric-$other.out" ||
      { say "centric-$one and centric-$other wrote different reports"; exit 1; }
  done
  for name in floor-jsonl-1 floor-dir-1 floor-jsonl-2 floor-dir-2; do
    [[ $(<"$results/out/$name.out") == "$count answer sets parsed" ]] ||
      { say "$name: $(<"$results/out/$name.out"), expected $count"; exit 1; }
  done
  departments=$(jq 'length' "$results/out/jq.out")
  expected=$(jq '.departments | length' "$results/out/centric-jsonl-1.out")
  ((departments == expected)) || { say "jq printed $departments departments, centric $expected"; exit 1; }
  say "outputs agree: pandas = centric within 1e-9 (both forms, one and two cores; centric's reports byte-identical on one and two cores); the floor parsed $count sets; jq: $departments departments"
fi

if ((memory_series)); then
  memory_names=()
  for variant in ids noids; do
    for n in $memory_sizes; do
      data=$(ensure_data "$n" "$variant" jsonl)
      add "memory-$variant-$n" "centric assess --format json" .jsonl "$n" 0 "memory-$variant" -- \
        "$centric" assess --format json "$data"
      memory_names+=("memory-$variant-$n")
    done
  done
  # The largest file with ids again on two cores: the speed-up of a long run, where the
  # time nothing can share (starting the process, loading the questionnaire, the report)
  # weighs less than on 100k sets.
  largest=$(tr ' ' '\n' <<<"$memory_sizes" | sort -n | tail -n 1)
  add "large-jsonl-2" "centric assess --format json" .jsonl "$largest" 0,1 large -- \
    "$centric" assess --format json "$(ensure_data "$largest" ids jsonl)"
  memory_names+=(large-jsonl-2)
  say "memory series: $memory_sizes answer sets, with and without ids"
  run_all "${memory_names[@]}"
  cmp -s "$results/out/memory-ids-$largest.out" "$results/out/large-jsonl-2.out" ||
    { say "centric wrote different reports of $largest sets on one core and on two"; exit 1; }
fi

echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$results/machine.txt"
echo
echo "## Benchmark $(date -u +%Y-%m-%d), results in $results"
echo
sed 's/^/    /' "$results/machine.txt"
echo
"$PYTHON" "$repo/bench/summarise.py" "$results"
