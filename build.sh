#!/usr/bin/env bash
# The two commands of the README's quick start, on a fresh Debian 12 (as root or with sudo):
#   ./build.sh example   install what is missing, build in Release, print the report of the example data
#   ./build.sh test      install what is missing, build with warnings as errors and run every test,
#                        then build again with AddressSanitizer + UBSan and run every test again,
#                        then build the libFuzzer harnesses with clang and run each one briefly
# .ci/run runs `./build.sh test`, so a green CI proves the README.
set -euo pipefail
cd "$(dirname "$0")"

packages=(g++ cmake ninja-build libcli11-dev nlohmann-json3-dev libfmt-dev libsimdjson-dev libxxhash-dev catch2 python3 python3-jsonschema python3-numpy chromium python3-pil clang libclang-rt-dev llvm
  libcsv-dev libzip-dev libexpat1-dev pkgconf python3-openpyxl)

install_missing() {
  local missing=() p
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
  done
  ((${#missing[@]} == 0)) && return 0
  echo "build.sh: installing ${missing[*]}" >&2
  local sudo=()
  if [[ $(id -u) -ne 0 ]]; then sudo=(sudo); fi
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

jobs=$(nproc 2>/dev/null || echo 2)

configure_and_build() {  # DIR [cmake options...]
  local dir=$1
  shift
  cmake -S . -B "$dir" -G Ninja "$@" >/dev/null
  cmake --build "$dir" -j "$jobs"
}

# The fuzzers (docs/fuzzing.md), built with clang in build/fuzz, each run for
# CENTRIC_FUZZ_SECONDS (default 20) on a copy of its seed corpus, so the repository is not
# changed. A crash, a hang (over 10 s), a leak or a broken check fails the run; the input
# that did it is kept in build/fuzz/findings/.
run_fuzzers() {
  local seconds=${CENTRIC_FUZZ_SECONDS:-20} work name
  cmake -S . -B build/fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++ -DCENTRIC_FUZZ=ON -DCENTRIC_TESTS=OFF >/dev/null
  cmake --build build/fuzz --target centric_fuzzers -j "$jobs"
  work=$(mktemp -d)
  mkdir -p build/fuzz/findings
  for name in questionnaire_loader answer_set_loader assess_pipeline table_readers; do
    mkdir "$work/$name"
    cp fuzz/corpus/$name/* "$work/$name/"
    echo "build.sh: fuzzing $name for ${seconds} s" >&2
    if ! ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 build/fuzz/fuzz/fuzz_$name \
      -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -dict=fuzz/$name.dict \
      -artifact_prefix=build/fuzz/findings/$name- "$work/$name" >"$work/$name.log" 2>&1; then
      tail -n 80 "$work/$name.log" >&2
      echo "build.sh: fuzz_$name failed; the input is in build/fuzz/findings/ (see docs/fuzzing.md)" >&2
      rm -rf "$work"
      return 1
    fi
    grep -E '^(#[0-9]+[[:space:]]+DONE|Done [0-9]+ runs)' "$work/$name.log" >&2 || true
  done
  rm -rf "$work"
}

case "${1:-}" in
  example)
    install_missing
    configure_and_build build/release -DCMAKE_BUILD_TYPE=Release -DCENTRIC_TESTS=OFF
    echo
    build/release/centric assess examples/acme examples/acme-extra.jsonl
    ;;
  test)
    install_missing
    # CENTRIC_TESTS=ON explicitly: `./build.sh example` caches OFF in build/release, and
    # --no-tests=error makes a build without tests fail instead of passing with none run.
    configure_and_build build/release -DCMAKE_BUILD_TYPE=Release -DCENTRIC_WERROR=ON -DCENTRIC_TESTS=ON
    (cd build/release && ctest --output-on-failure --no-tests=error -j "$jobs")
    configure_and_build build/sanitize -DCMAKE_BUILD_TYPE=Debug -DCENTRIC_WERROR=ON -DCENTRIC_SANITIZE=ON \
      -DCENTRIC_TESTS=ON
    (cd build/sanitize && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
      ctest --output-on-failure --no-tests=error -j "$jobs")
    # The reading threads under ThreadSanitizer: their tests, and assess --jobs through the
    # binary (a data race makes it exit 66, which fails the test).
    cmake -S . -B build/tsan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCENTRIC_WERROR=ON -DCENTRIC_TSAN=ON \
      -DCENTRIC_TESTS=ON >/dev/null
    cmake --build build/tsan -j "$jobs" --target centric centric_unit_tests centric_e2e_tests
    (cd build/tsan && TSAN_OPTIONS=halt_on_error=1 \
      ctest --output-on-failure --no-tests=error -j "$jobs" -R "parallel reading|ordered workers|tally: merging|--jobs")
    run_fuzzers
    ;;
  *)
    echo "usage: ./build.sh example|test" >&2
    exit 2
    ;;
esac
