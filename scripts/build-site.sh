#!/usr/bin/env bash
# Sets up, builds the generator (release) and builds the portal from Content/ into _site/.
# Extra arguments go to `regioportaal build`, e.g. --now 2026-11-22 or --base-url URL.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
swift build -c release --product regioportaal
.build/release/regioportaal build "$@"
