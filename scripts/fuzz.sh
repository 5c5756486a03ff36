#!/usr/bin/env bash
# Fuzzes every parser of the engine with cargo-fuzz (libFuzzer) on the nightly
# toolchain. One command:
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
#
# Default: 60 s for each target in fuzz/fuzz_targets/. The corpus of each
# target starts from the project's fixtures (real pastes), and grows in
# fuzz/corpus/<target>/ (git-ignored). Crashes land in fuzz/artifacts/.
# Installs cargo-fuzz (pinned) when missing; needs the nightly toolchain
# (`rustup toolchain install nightly` where it is not already installed).
set -euo pipefail
cd "$(dirname "$0")/.."

CARGO_FUZZ_VERSION=0.13.1
secs="${1:-60}"
shift || true

if ! rustup run nightly rustc --version >/dev/null 2>&1; then
  echo "fuzz: the nightly toolchain is needed: rustup toolchain install nightly" >&2
  exit 2
fi
if ! cargo fuzz --version 2>/dev/null | grep -q "$CARGO_FUZZ_VERSION"; then
  echo "fuzz: installing cargo-fuzz $CARGO_FUZZ_VERSION"
  cargo install --locked cargo-fuzz --version "$CARGO_FUZZ_VERSION"
fi

targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in fuzz/fuzz_targets/*.rs; do targets+=("$(basename "$f" .rs)"); done
fi

for t in "${targets[@]}"; do
  corpus="fuzz/corpus/$t"
  if [ ! -d "$corpus" ]; then
    mkdir -p "$corpus"
    find tests/fixtures -name '*.txt' -exec cp {} "$corpus/" \;
  fi
  echo "== fuzz $t for ${secs}s"
  cargo +nightly fuzz run "$t" "$corpus" -- -max_total_time="$secs" -max_len=65536 -print_final_stats=1 2>&1 |
    grep -E '^(#[0-9]+.*DONE|stat::number_of_executed_units|stat::peak_rss_mb|==[0-9]+==|SUMMARY|Done)' || true
  if ls "fuzz/artifacts/$t"/crash-* >/dev/null 2>&1; then
    echo "fuzz: $t crashed; inputs in fuzz/artifacts/$t/" >&2
    exit 1
  fi
done
echo "fuzz: no crash in ${#targets[@]} targets"
