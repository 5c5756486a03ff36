#!/usr/bin/env bash
# Release build of the web app into dist/ (wasm-opt -Oz via Trunk, see index.html).
# Assumes scripts/bootstrap.sh has run (make run / make test do that first).
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# Trunk's own `cargo build` is --offline (Trunk.toml), so run it after a fetch;
# TRUNK_OFFLINE is exported by lib.sh. Target before flags, as Trunk wants.
trunk build index.html --release "$@"
[[ -f dist/index.html ]] || die "trunk build produced no dist/index.html"
