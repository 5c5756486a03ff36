#!/usr/bin/env bash
# `make test`: installs what is missing, then runs the whole suite in order,
# stopping at the first failing stage with what to do next. Non-interactive
# (CI=true, no stdin, root are all fine). Ends with per-stage timings.
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

STAGE_TOTAL=10
# Tool-backed tests (AWS CLI + moto, shellcheck, faketime) fail instead of
# skipping when a tool is missing: the bootstrap installed them all.
export TOKENDOCTOR_REQUIRE_TOOLS=1
export TOKENDOCTOR_VENV="${TOKENDOCTOR_VENV:-$ROOT/.venv}"

stage "bootstrap (install missing tools)" \
  "Install what the message above names, then re-run." \
  "$ROOT/scripts/bootstrap.sh" test

stage "cargo fmt --check" \
  "Formatting differs: run \`cargo fmt --all\` and commit the result." \
  cargo fmt --all --check

stage "shellcheck (project scripts)" \
  "Fix the shellcheck findings above." \
  bash -c 'shellcheck -x scripts/*.sh tests/tools/*.sh .ci/run scripts/conformance/*.sh'

stage "clippy (native, workspace)" \
  "Fix the clippy findings above (warnings are errors here)." \
  cargo clippy "${CARGO_LOCKED[@]}" --workspace --all-targets -- -D warnings

stage "clippy (wasm32, web app)" \
  "Fix the clippy findings above (warnings are errors here)." \
  cargo clippy "${CARGO_LOCKED[@]}" -p expiredtoken-doctor --target wasm32-unknown-unknown --all-targets -- -D warnings

stage "native tests (engine, cli)" \
  "Re-run just these: cargo test --workspace --exclude expiredtoken-doctor" \
  cargo test "${CARGO_LOCKED[@]}" --workspace --exclude expiredtoken-doctor

# --tests: unit tests of the lib and bin; doctests cannot run on wasm32.
stage "wasm-bindgen tests (headless Chromium)" \
  "Re-run: cargo test -p expiredtoken-doctor --target wasm32-unknown-unknown --tests (browser options: webdriver.json)" \
  cargo test "${CARGO_LOCKED[@]}" -p expiredtoken-doctor --target wasm32-unknown-unknown --tests

stage "trunk build --release" \
  "Re-run: scripts/build.sh (add -v for Trunk's debug log)." \
  "$ROOT/scripts/build.sh"

stage "end-to-end (Playwright, Chromium)" \
  "Re-run: node tests/e2e/run.mjs [--grep NAME]; failure screenshots are in tests/e2e/out/." \
  node tests/e2e/run.mjs --dist dist

# The budget is 256 KB gzip for all of dist/ (the default in size-report.mjs;
# README "Size budget" has the breakdown and why the first 150 KB cannot hold).
stage "size report (gzip budget)" \
  "dist/ is over its gzip budget: see the table above (twiggy top on the .wasm shows what is big)." \
  node scripts/size-report.mjs dist

summary
printf '\n%sAll %s stages passed.%s\n' "$GRN" "$STAGE_TOTAL" "$RST" >&2
