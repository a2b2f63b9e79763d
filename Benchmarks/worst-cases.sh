#!/usr/bin/env bash
# The worst single-file inputs found for issue 29: one content file within the documented
# limits (2 MiB) that makes many diagnostics on one long line. Prints wall time and peak
# memory of `check` and `build` for each. Usage: Benchmarks/worst-cases.sh [path/to/regioportaal]
set -euo pipefail
cd "$(dirname "$0")/.."
bin=${1:-.build/release/regioportaal}
[ -x "$bin" ] || swift build -c release --product regioportaal
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

case_site() { # name, body generator (python expression printing the body)
  local dir="$work/$1"
  mkdir -p "$dir"
  cp -r Content Templates Public "$dir/"
  python3 -c "
import sys
body = $2
sys.stdout.write('---\ntitel: Slechtste geval\nsamenvatting: Benchmark.\n---\n' + body + '\n')
" > "$dir/Content/paginas/slechtste-geval.md"
  echo "$dir"
}

measure() { # label, dir, command...
  local label=$1 dir=$2; shift 2
  (cd "$dir" && /usr/bin/time -v -o "$work/time" "$@" >/dev/null 2>"$work/stderr") || true
  local wall rss lines
  wall=$(grep -F 'Elapsed (wall clock)' "$work/time" | awk '{print $NF}')
  rss=$(grep -F 'Maximum resident set size' "$work/time" | awk '{print $NF}')
  lines=$(wc -c <"$work/stderr")
  printf '%-52s %10s %8d MB %10d bytes of messages\n' "$label" "$wall" $((rss / 1024)) "$lines"
}

abs=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
printf '%-52s %10s %11s\n' case wall peak
for spec in \
  "117 KB line of ![](x)|'![](x) ' * (117 * 1024 // 7)" \
  "960 KB line of ![](x)|'![](x) ' * (960 * 1024 // 7)" \
  "2,000 broken links on one line|'[zie](/nergens/) ' * 2000" \
  "1.9 MB link path|'[zie](/' + 'a' * (1900 * 1024) + ')'" \
  "960 KB line of ![](x) after a non-ASCII word|'é ' + '![](x) ' * (960 * 1024 // 7)"; do
  label=${spec%%|*}; body=${spec#*|}
  dir=$(case_site "$(echo "$label" | tr -c 'a-zA-Z0-9' '-')" "$body")
  measure "check: $label" "$dir" "$abs" check --now 2026-11-22
  measure "build: $label" "$dir" "$abs" build --now 2026-11-22
done
