# shellcheck shell=bash
# shellcheck disable=SC2034 # settings here are used by the scripts that source this
# Shared setup for scripts/*.sh: strict mode, repo root, PATH, pinned versions,
# logging and timed stages. Source it; don't run it.

set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# Pinned tool versions. wasm-bindgen-cli is not listed: it must equal the
# wasm-bindgen in Cargo.lock, so it is read from there (wasm_bindgen_version).
# binaryen (wasm-opt) is pinned in package.json; Trunk.toml [tools] must agree.
TRUNK_VERSION="0.21.14"
MIN_NODE_MAJOR=20
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
export CHROMIUM

CARGO_BIN="${CARGO_HOME:-$HOME/.cargo}/bin"
# node_modules/.bin first: Trunk must find npm's binaryen wasm-opt, not an
# older system one (Debian's 108 cannot read current rustc output).
export PATH="$ROOT/node_modules/.bin:$CARGO_BIN:$PATH"

# Trunk must never reach the network: Trunk.toml's `offline = true` stops tool
# downloads, but only this stops its update check on every run.
export TRUNK_OFFLINE=true
export TRUNK_SKIP_VERSION_CHECK=true
# Playwright drives Debian's /usr/bin/chromium; it must never download one.
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
# wasm-bindgen-test-runner: use Chromium's driver even if geckodriver is on PATH.
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export DEBIAN_FRONTEND=noninteractive
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-auto}"

# In CI a stale Cargo.lock is an error, not something to fix silently.
CARGO_LOCKED=()
if [[ "${CI:-}" == "true" ]]; then CARGO_LOCKED=(--locked); fi

# Colour only on a terminal, and never with NO_COLOR set.
if [[ -t 2 && -z "${NO_COLOR:-}" ]]; then
  B=$'\033[1m' RED=$'\033[1;31m' GRN=$'\033[32m' BLU=$'\033[1;34m' RST=$'\033[0m'
else
  B='' RED='' GRN='' BLU='' RST=''
fi

log() { printf '%s==>%s %s\n' "$B" "$RST" "$*" >&2; }
note() { printf '    %s\n' "$*" >&2; }
die() {
  printf '%serror:%s %s\n' "$RED" "$RST" "$*" >&2
  exit 1
}

now() { printf '%s' "${EPOCHREALTIME/[.,]/}"; } # microseconds
secs() { awk -v us="$1" 'BEGIN { printf "%.1f", us / 1e6 }'; }

# The wasm-bindgen version Cargo.lock resolved; wasm-bindgen-cli, Trunk.toml
# [tools] and the test runner must all be exactly this.
# The workspace's rust-version (Cargo.toml), the oldest rustc that builds it.
min_rust_version() { toml_value Cargo.toml rust-version; }

wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

# `toml_value FILE KEY`: a simple `key = "value"` line (enough for Trunk.toml).
toml_value() {
  sed -n "s/^$2[[:space:]]*=[[:space:]]*\"\\([^\"]*\\)\".*/\\1/p" "$1" | head -n 1
}

# True when version $1 >= version $2 (dotted numbers).
version_ge() { [[ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n 1)" == "$2" ]]; }

# Timed stages: `stage NAME HINT CMD...` runs CMD, records its time, and on
# failure prints NAME, HINT and the summary, then exits (fail fast).
STAGE_NAMES=()
STAGE_TIMES=()
STAGE_TOTAL="${STAGE_TOTAL:-?}"
STAGE_START="$(now)"

stage() {
  local name="$1" hint="$2"
  shift 2
  local n=$((${#STAGE_NAMES[@]} + 1)) t0 rc=0
  printf '\n%s==> [%s/%s] %s%s\n' "$BLU" "$n" "$STAGE_TOTAL" "$name" "$RST" >&2
  t0="$(now)"
  "$@" </dev/null || rc=$?
  STAGE_NAMES+=("$name")
  STAGE_TIMES+=("$(secs $(($(now) - t0)))")
  if ((rc != 0)); then
    summary
    printf '\n%sFAILED: %s (exit %s)%s\n' "$RED" "$name" "$rc" "$RST" >&2
    [[ -n "$hint" ]] && printf '%s\n' "$hint" >&2
    exit "$rc"
  fi
  printf '%s    ok: %s (%ss)%s\n' "$GRN" "$name" "${STAGE_TIMES[-1]}" "$RST" >&2
}

summary() {
  printf '\n%-40s %8s\n' "stage" "seconds" >&2
  local i
  for i in "${!STAGE_NAMES[@]}"; do
    printf '%-40s %8s\n' "${STAGE_NAMES[$i]}" "${STAGE_TIMES[$i]}" >&2
  done
  printf '%-40s %8s\n' "total" "$(secs $(($(now) - STAGE_START)))" >&2
}
