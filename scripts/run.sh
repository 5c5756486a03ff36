#!/usr/bin/env bash
# `make run`: install what is missing, build the release app, serve dist/ on
# http://127.0.0.1:8080 until Ctrl-C. PORT overrides the port.
# shellcheck source=scripts/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

PORT="${PORT:-8080}"
"$ROOT/scripts/bootstrap.sh" run
log "building the release app (trunk build --release)"
"$ROOT/scripts/build.sh"
exec node "$ROOT/scripts/serve.mjs" dist --port "$PORT"
