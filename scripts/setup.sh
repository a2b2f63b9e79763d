#!/usr/bin/env bash
# Installs what building Regioportaal needs on Debian/Ubuntu: the system C library libcmark
# (with pkg-config, which SwiftPM uses to find it). Safe to run again; does nothing when
# everything is there.
set -euo pipefail

missing=()
dpkg -s libcmark-dev >/dev/null 2>&1 || missing+=(libcmark-dev)
command -v pkg-config >/dev/null 2>&1 || missing+=(pkg-config)

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! command -v swift >/dev/null 2>&1; then
  echo "setup: swift is not on PATH; install Swift 6 (https://www.swift.org/install/linux/) first" >&2
  exit 1
fi
