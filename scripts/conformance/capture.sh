#!/usr/bin/env bash
# Capture what real AWS clients print for credential and clock errors, and
# write them as fixtures to tests/fixtures/conformance/. Run on demand (not in
# CI); commit the result. Needs python3 (with venv), node >= 20 with npm, and
# Debian's faketime. Reaches only PyPI and npm, and only when the pinned
# clients are not installed yet. Arguments go to capture.py (--only NAME to
# try some cases without writing anything).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$HERE"

for tool in faketime node npm; do
  command -v "$tool" >/dev/null || { echo "capture.sh: $tool is needed" >&2; exit 1; }
done
PYTHON="${PYTHON:-python3}"
VENV="$HERE/.venv"

# The pinned Python clients (AWS CLI v1, boto3), reinstalled when
# requirements.txt changes.
if ! cmp -s requirements.txt "$VENV/.installed-requirements.txt" 2>/dev/null; then
  echo "capture.sh: installing Python clients into $VENV" >&2
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check --no-deps -r requirements.txt
  cp requirements.txt "$VENV/.installed-requirements.txt"
fi

# The pinned JS SDKs, exactly as package-lock.json has them.
if ! cmp -s package-lock.json node_modules/.installed-package-lock.json 2>/dev/null; then
  echo "capture.sh: installing JS SDKs into $HERE/node_modules" >&2
  npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
  cp package-lock.json node_modules/.installed-package-lock.json
fi

exec "$VENV/bin/python" capture.py "$@"
