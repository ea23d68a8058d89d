#!/usr/bin/env bash
# The whole test suite, from a fresh clone: a virtual environment with lzfk and its test
# dependencies, LibreOffice for the "opens in real office software" checks (installed with
# apt-get when running as root on Debian/Ubuntu; elsewhere those tests skip and say why),
# then pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
if ! command -v soffice >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing LibreOffice (calc, writer) and CJK fonts for the office checks…"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui libreoffice-writer-nogui \
      fonts-noto-cjk poppler-utils >/dev/null
  else
    echo "LibreOffice not found and cannot be installed here (needs root on Debian): office checks will be skipped."
  fi
fi
exec .venv/bin/python -m pytest "$@"
