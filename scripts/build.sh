#!/usr/bin/env bash
# Release build of the web app into dist/ (wasm-opt -Oz via Trunk, see index.html).
# Assumes scripts/bootstrap.sh has run (make run / make test do that first).
#
#   scripts/build.sh [--site-path /repo/] [TRUNK ARGS...]
#
# dist/ works as built at a site root and under any sub-path (relative URLs).
# --site-path only helps dist/404.html: given the app's absolute path on its
# host (GitHub Pages: /<repo>/), an unknown URL at any depth below it leads
# back to the app; without it, one level deep (see scripts/postbuild.mjs).
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

post_args=()
trunk_args=()
while (($#)); do
  case "$1" in
    --site-path)
      [[ $# -ge 2 ]] || die "--site-path needs a value, e.g. /my-repo/"
      post_args+=(--site-path "$2")
      shift 2
      ;;
    *)
      trunk_args+=("$1")
      shift
      ;;
  esac
done

# Trunk's own `cargo build` is --offline (Trunk.toml), so run it after a fetch;
# TRUNK_OFFLINE is exported by lib.sh. Target before flags, as Trunk wants.
trunk build index.html --release "${trunk_args[@]}"
[[ -f dist/index.html ]] || die "trunk build produced no dist/index.html"

# The service worker with its precache list, and 404.html.
node "$ROOT/scripts/postbuild.mjs" dist "${post_args[@]}"
