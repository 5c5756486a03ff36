#!/usr/bin/env bash
# Installs, idempotently and at pinned versions, what `make run` (`bootstrap.sh
# run`) or `make test` (`bootstrap.sh test`, the default) needs. Each step
# checks first and installs only on a mismatch, so a warm run installs nothing.
# Only package registries are used (crates.io, npm, Debian): never GitHub.
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PROFILE="${1:-test}"
[[ "$PROFILE" == run || "$PROFILE" == test ]] || die "usage: $0 [run|test]"

is_root() { [[ "$(id -u)" == 0 ]]; }

step() { printf '    %-22s %s\n' "$1" "$2" >&2; }

# `timed_install WHAT ESTIMATE CMD...`: say what is installed and roughly how
# long it takes, so a slow first run is explained, then time it.
timed_install() {
  local what="$1" estimate="$2" t0
  shift 2
  log "installing $what (first run only; $estimate)"
  t0="$(now)"
  "$@" || die "installing $what failed (see the output above)."
  step "$what" "installed in $(secs $(($(now) - t0)))s"
}

check_rust() {
  if ! { command -v cargo && command -v rustup; } >/dev/null; then
    die "cargo and rustup are required: install Rust with rustup (https://rustup.rs), then re-run."
  fi
  local have min
  have="$(rustc --version | awk '{print $2}')"
  min="$(min_rust_version)"
  version_ge "$have" "$min" ||
    die "rustc $have is too old: the workspace needs >= $min (rustup update stable)."
  step rustc "$have"
  # No rust-toolchain.toml on purpose: a pinned channel would make rustup try
  # to download that toolchain, and only the machine's own one is available.
  local installed
  installed="$(rustup component list --installed)"
  local comp
  for comp in rustfmt clippy; do
    if ! grep -q "^$comp" <<<"$installed"; then
      timed_install "$comp" "seconds" rustup component add "$comp"
    fi
  done
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    timed_install "wasm32 target" "under a minute" rustup target add wasm32-unknown-unknown
  fi
  step "wasm32 target" ok
}

check_node() {
  { command -v node && command -v npm; } >/dev/null ||
    die "Node.js >= $MIN_NODE_MAJOR and npm are required (Debian/Ubuntu: see https://nodejs.org, or apt-get install nodejs npm if new enough)."
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  ((major >= MIN_NODE_MAJOR)) || die "Node.js $(node --version) is too old: need >= $MIN_NODE_MAJOR."
  step node "$(node --version), npm $(npm --version)"
}

# Crates for both targets, so Trunk's `cargo build --offline` finds them all.
fetch_crates() {
  cargo fetch "${CARGO_LOCKED[@]}" >&2 || die "cargo fetch failed (see above): Cargo.lock out of date (CI=true adds --locked), or crates.io unreachable."
  step crates fetched
}

install_trunk() {
  if [[ "$(trunk --version 2>/dev/null)" == "trunk $TRUNK_VERSION" ]]; then
    step trunk "$TRUNK_VERSION"
    return
  fi
  # --locked: trunk's own lockfile builds with this rustc (0.22 needs 1.96).
  timed_install "trunk $TRUNK_VERSION" "about 8 min on 2 cores" \
    cargo install --locked --force trunk --version "$TRUNK_VERSION"
}

install_wasm_bindgen() {
  local want
  want="$(wasm_bindgen_version)"
  [[ -n "$want" ]] || die "no wasm-bindgen in Cargo.lock"
  local trunk_pin
  trunk_pin="$(toml_value Trunk.toml wasm_bindgen)"
  [[ "$trunk_pin" == "$want" ]] ||
    die "Trunk.toml [tools] wasm_bindgen = \"$trunk_pin\" but Cargo.lock has wasm-bindgen $want: set them equal (and keep the exact '=' pin in Cargo.toml)."
  if [[ "$(wasm-bindgen --version 2>/dev/null)" == "wasm-bindgen $want" &&
    "$(wasm-bindgen-test-runner --version 2>/dev/null)" == *" $want" ]]; then
    step wasm-bindgen-cli "$want"
    return
  fi
  # Not --locked: its lockfile names a webpki-roots the registry mirror lacks.
  timed_install "wasm-bindgen-cli $want" "about 4 min on 2 cores" \
    cargo install --force wasm-bindgen-cli --version "$want"
}

# node_modules from the committed lockfile; re-run only when the lockfile
# changes (a stamp holds the hash of the lockfile last installed).
install_node_modules() {
  local stamp=node_modules/.bootstrap-lock-sha256 want
  want="$(sha256sum package-lock.json | cut -d' ' -f1)"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
    step node_modules "up to date"
  else
    timed_install "node_modules (npm ci)" "seconds" npm ci --no-audit --no-fund --loglevel=error
    echo "$want" >"$stamp"
  fi
  local pin have
  pin="$(toml_value Trunk.toml wasm_opt)"
  have="$(wasm-opt --version 2>/dev/null | sed -n 's/.*(\(version_[0-9]*\)).*/\1/p')"
  [[ "$have" == "$pin" ]] ||
    die "wasm-opt on PATH is '${have:-missing}' but Trunk.toml [tools] wasm_opt = \"$pin\": keep package.json's binaryen and Trunk.toml in step."
  step wasm-opt "$have (npm binaryen)"
}

install_chromium() {
  if [[ ! -x "$CHROMIUM" || ! -x "$CHROMEDRIVER" ]]; then
    if is_root && command -v apt-get >/dev/null; then
      timed_install "chromium + chromium-driver (apt)" "under a minute" bash -c \
        'apt-get update -qq && apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null'
    else
      die "Chromium and its WebDriver are missing ($CHROMIUM, $CHROMEDRIVER). Install them, e.g. on Debian/Ubuntu:
    sudo apt-get install chromium chromium-driver
or point CHROMIUM and CHROMEDRIVER at existing binaries, then re-run."
    fi
  fi
  [[ -x "$CHROMIUM" && -x "$CHROMEDRIVER" ]] ||
    die "still no $CHROMIUM / $CHROMEDRIVER after apt-get: set CHROMIUM and CHROMEDRIVER to where they are."
  local browser driver
  browser="$("$CHROMIUM" --version 2>/dev/null | grep -o '[0-9][0-9.]*' | head -n 1)"
  driver="$("$CHROMEDRIVER" --version 2>/dev/null | grep -o '[0-9][0-9.]*' | head -n 1)"
  [[ "${browser%%.*}" == "${driver%%.*}" ]] ||
    die "Chromium $browser and ChromeDriver $driver differ in major version: install matching packages."
  step chromium "$browser (driver $driver)"
}

t0="$(now)"
log "bootstrap ($PROFILE): checking tools"
check_rust
check_node
fetch_crates
install_node_modules
install_trunk
install_wasm_bindgen
if [[ "$PROFILE" == test ]]; then
  install_chromium
  # The real tools the command and collector tests run: AWS CLI, moto and
  # boto3 (a venv from PyPI), shellcheck and faketime (Debian).
  "$ROOT/tests/tools/setup.sh" || die "installing the test tools failed (see above)."
  step "test tools" "aws, moto_server, shellcheck, faketime"
fi
log "bootstrap done in $(secs $(($(now) - t0)))s"
