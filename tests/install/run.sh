#!/usr/bin/env bash
# Installs copydesk into PREFIX with `cmake --install`, then builds and runs
# tests/install/main.cc against it twice: through find_package(copydesk) and
# through pkg-config; then builds and runs the C++ example the same way.
# Usage: tests/install/run.sh PREFIX [shared]   (shared: libcopydesk.so instead of .a)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
prefix="${1:?usage: tests/install/run.sh PREFIX [shared]}"
shared=OFF
[[ "${2:-}" == "shared" ]] && shared=ON
export LD_LIBRARY_PATH="$prefix/lib:$prefix/lib64:${LD_LIBRARY_PATH:-}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cmake -S "$root" -B "$work/lib" -G Ninja -DCMAKE_BUILD_TYPE=Release \
      -DCOPYDESK_BUILD_TESTS=OFF -DBUILD_SHARED_LIBS="$shared" \
      -DCMAKE_INSTALL_PREFIX="$prefix" >/dev/null
cmake --build "$work/lib" >/dev/null
cmake --install "$work/lib" >/dev/null

echo "-- find_package(copydesk)"
cmake -S "$root/tests/install" -B "$work/consumer" -G Ninja \
      -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$work/consumer" >/dev/null
"$work/consumer/consumer"

echo "-- pkg-config copydesk"
pc_dir="$(dirname "$(find "$prefix" -name copydesk.pc | head -n 1)")"
flags="$(PKG_CONFIG_PATH="$pc_dir" pkg-config --cflags --libs copydesk)"
# shellcheck disable=SC2086  # the flags are meant to split
c++ -std=c++17 "$root/tests/install/main.cc" -o "$work/consumer-pc" $flags
"$work/consumer-pc"

echo "-- examples/cpp against the install"
cmake -S "$root/examples/cpp" -B "$work/example" -G Ninja -DCMAKE_PREFIX_PATH="$prefix" >/dev/null
cmake --build "$work/example" >/dev/null
"$work/example/analyze_story" "$root/examples/sample_article.txt" 2025-08-14 | head -n 2
