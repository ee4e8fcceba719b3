#!/usr/bin/env bash
# The two commands of the README's quick start, on a fresh Debian 12 (as root or with sudo):
#   ./build.sh example   install what is missing, build in Release, print the report of the example data
#   ./build.sh test      install what is missing, build with warnings as errors and run every test,
#                        then build again with AddressSanitizer + UBSan and run every test again
# .ci/run runs `./build.sh test`, so a green CI proves the README.
set -euo pipefail
cd "$(dirname "$0")"

packages=(g++ cmake ninja-build libcli11-dev nlohmann-json3-dev libfmt-dev catch2 python3 python3-jsonschema chromium python3-pil)

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
    ;;
  *)
    echo "usage: ./build.sh example|test" >&2
    exit 2
    ;;
esac
