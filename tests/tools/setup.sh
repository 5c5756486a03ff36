#!/usr/bin/env bash
# Installs, idempotently, the tools the tool-backed tests need:
#   - a Python venv at <repo>/.venv (or $TOKENDOCTOR_VENV) with the AWS CLI
#     (PyPI awscli), moto's server and boto3, at the versions pinned in
#     requirements.txt and constraints.txt (only PyPI is used);
#   - shellcheck (Debian package), when missing and apt-get can run as root.
# A warm run checks a stamp and installs nothing. Used by `make test` and by
# any test that needs moto (see crates/cli/tests/support/mod.rs).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
venv="${TOKENDOCTOR_VENV:-$root/.venv}"
python="${PYTHON:-python3}"

want="$(cat "$here/requirements.txt" "$here/constraints.txt" | sha256sum | cut -d' ' -f1)"
stamp="$venv/.tokendoctor-tools"

if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" && -x "$venv/bin/aws" && -x "$venv/bin/moto_server" ]]; then
  echo "tools venv up to date: $venv" >&2
else
  command -v "$python" >/dev/null || { echo "setup.sh: $python not found (Python 3.9+ with venv is needed)" >&2; exit 1; }
  echo "installing the AWS CLI, moto[server] and boto3 into $venv (first run: about a minute)" >&2
  "$python" -m venv "$venv"
  "$venv/bin/python" -m pip install -q --disable-pip-version-check -r "$here/requirements.txt" -c "$here/constraints.txt"
  "$venv/bin/aws" --version >&2
  printf '%s\n' "$want" >"$stamp"
fi

# Debian packages: shellcheck (command checks), faketime (the collector run
# with a clock 20 minutes behind) and curl (the collector and IMDS commands).
for pkg in shellcheck faketime curl; do
  command -v "$pkg" >/dev/null && continue
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    echo "installing $pkg (Debian package)" >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$pkg" >/dev/null ||
      { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$pkg" >/dev/null; }
  else
    echo "setup.sh: $pkg is missing; install it (Debian/Ubuntu: apt-get install $pkg)" >&2
    exit 1
  fi
done
shellcheck --version | sed -n 2p >&2
