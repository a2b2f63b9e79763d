#!/usr/bin/env bash
# End-to-end check of `regioportaal serve`, as a person would use it: build the binary,
# copy the repository's Content/Templates/Public into a temporary project, start the
# preview on a free loopback port, edit a content file and measure how long it takes until
# the new text is served (must be under 1 s), check that a content error keeps the site up
# and reaches open pages, and that traversal requests get 404. Always stops the server.
#
#   scripts/serve-check.sh                        # debug build (what `swift test` builds too)
#   scripts/serve-check.sh --release              # release build (what build-site.sh uses)
#   scripts/serve-check.sh --release --no-build   # use the binary already built
#
# Environment: SERVE_CHECK_SCRATCH (build folder, default .build-server),
# SERVE_CHECK_LIMIT_MS (latency limit, default 1000).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

configuration=debug
build=yes
for argument in "$@"; do
  case "$argument" in
    --release) configuration=release ;;
    --debug) configuration=debug ;;
    --no-build) build=no ;;
    *) echo "usage: $0 [--release|--debug] [--no-build]" >&2; exit 2 ;;
  esac
done
scratch=${SERVE_CHECK_SCRATCH:-.build-server}
limit_ms=${SERVE_CHECK_LIMIT_MS:-1000}

work=$(mktemp -d "${TMPDIR:-/tmp}/serve-check.XXXXXX")
server_pid=""
events_pid=""

cleanup() {
  local status=$?
  for pid in "$events_pid" "$server_pid"; do
    [ -n "$pid" ] || continue
    if kill -0 "$pid" 2>/dev/null; then
      kill -TERM "$pid" 2>/dev/null || true
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
  done
  if [ "$status" -ne 0 ] && [ -f "$work/serve.log" ]; then
    echo "--- server log ---" >&2
    cat "$work/serve.log" >&2
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

fail() { echo "serve-check: FAIL: $*" >&2; exit 1; }
now_ms() { date +%s%3N; }

bash scripts/setup.sh
command -v curl >/dev/null || fail "curl is needed"
if [ "$build" = yes ]; then
  echo "serve-check: building ($configuration, scratch path $scratch)"
  swift build -c "$configuration" --scratch-path "$scratch" --product regioportaal
fi
binary="$(swift build -c "$configuration" --scratch-path "$scratch" --show-bin-path)/regioportaal"
[ -x "$binary" ] || fail "no binary at $binary; run without --no-build"

cp -R "$repo/Content" "$repo/Templates" "$repo/Public" "$work/"
# A free port: bind to port 0 on loopback, read what the kernel chose, release it.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
base="http://127.0.0.1:$port"

# English: the lines below are parsed by their English wording (rebuilt N pages in X ms).
(cd "$work" && exec "$binary" serve --port "$port" --now 2026-11-22 --taal en) >"$work/serve.log" 2>&1 &
server_pid=$!

started=$(now_ms)
until curl -fs -o /dev/null "$base/"; do
  kill -0 "$server_pid" 2>/dev/null || fail "the server exited during start-up"
  [ $(( $(now_ms) - started )) -lt 60000 ] || fail "the server did not answer within 60 s"
  sleep 0.1
done
echo "serve-check: server up on $base after $(( $(now_ms) - started )) ms"

# Loopback only: the listening socket must be bound to 127.0.0.1, never 0.0.0.0 or [::].
if command -v ss >/dev/null; then
  listening=$(ss -Hltn "sport = :$port" | awk '{print $4}')
  [ "$listening" = "127.0.0.1:$port" ] || fail "listening on '$listening', expected 127.0.0.1:$port only"
  echo "serve-check: listening on $listening only"
fi

page="$base/over/"
file="$work/Content/paginas/over.md"
body=$(curl -fsS "$page")
grep -q '<script src="/__regioportaal/reload.js" defer></script></body>' <<<"$body" || fail "reload script not injected into $page"
[ "$(curl -s -o /dev/null -w '%{http_code}' "$base/over")" = 302 ] || fail "/over did not redirect to /over/"

# Open pages listen on the event stream; keep one open for the error check below.
curl -sN "$base/__regioportaal/events" >"$work/events.txt" 2>/dev/null &
events_pid=$!

# Edit → served: poll every 50 ms.
marker="Servecheck-$RANDOM$RANDOM"
printf '\n%s staat nu op de pagina.\n' "$marker" >>"$file"
edited=$(now_ms)
latency=""
while [ $(( $(now_ms) - edited )) -lt 10000 ]; do
  if curl -fsS "$page" 2>/dev/null | grep -q "$marker"; then
    latency=$(( $(now_ms) - edited ))
    break
  fi
  sleep 0.05
done
[ -n "$latency" ] || fail "the edit was not served within 10 s"
# The server logs how long the pipeline itself took; the rest is watcher + serving.
build_ms=""
for _ in $(seq 1 20); do
  build_ms=$(sed -n 's/.*rebuilt [0-9]* pages in \([0-9]*\) ms.*/\1/p' "$work/serve.log" | tail -1)
  [ -n "$build_ms" ] && break
  sleep 0.05
done
echo "serve-check: edit served after $latency ms (limit $limit_ms ms); the server reports the generator build itself took ${build_ms:-?} ms"
latency_ok=yes
[ "$latency" -le "$limit_ms" ] || latency_ok=no

# A content error: the last good page stays, open pages get the errors.
cp "$file" "$work/over.md.good"
printf -- '---\ntitl: Kapot\n---\nTekst.\n' >"$file"
deadline=$(( $(now_ms) + 10000 ))
until grep -q '^event: error' "$work/events.txt"; do
  [ "$(now_ms)" -lt "$deadline" ] || fail "no error event reached the open page"
  sleep 0.05
done
grep -q 'Content/paginas/over.md' "$work/events.txt" || fail "the error event does not name the file"
curl -fsS "$page" | grep -q "$marker" || fail "the last good page is no longer served after a content error"
echo "serve-check: content error reported to open pages; last good site still served"
reloads_before=$(grep -c '^event: reload' "$work/events.txt" || true)
cp "$work/over.md.good" "$file"
until [ "$(grep -c '^event: reload' "$work/events.txt" || true)" -gt "$reloads_before" ]; do
  [ "$(now_ms)" -lt "$(( deadline + 10000 ))" ] || fail "no recovery after fixing the file"
  sleep 0.05
done
echo "serve-check: fixed file rebuilt, open pages told to reload"

# Traversal: sent as written (--path-as-is), each must be a plain 404.
ln -s / "$work/_preview/leak"
for target in "/../etc/passwd" "/../../../../etc/passwd" "/%2e%2e/%2e%2e/%2e%2e/etc/passwd" \
              "/css/..%2f..%2f..%2fetc%2fpasswd" "/%252e%252e/%252e%252e/etc/passwd" \
              "/..%5c..%5cetc%5cpasswd" "/over/%00" "/leak/etc/passwd" "/__regioportaal/../../etc/passwd"; do
  code=$(curl -s --path-as-is -o "$work/reply" -w '%{http_code}' "$base$target")
  [ "$code" = 404 ] || fail "$target answered $code, expected 404"
  if grep -q 'root:' "$work/reply"; then fail "$target leaked /etc/passwd"; fi
done
echo "serve-check: traversal requests answered 404"

kill -TERM "$server_pid"
stopped=$(now_ms)
for _ in $(seq 1 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$server_pid" 2>/dev/null && fail "the server did not stop within 5 s of SIGTERM"
wait "$server_pid" 2>/dev/null || true
server_pid=""
echo "serve-check: server stopped $(( $(now_ms) - stopped )) ms after SIGTERM"
echo "serve-check: build lines from the server:"
grep -E 'built|rebuilt|build failed' "$work/serve.log" | sed 's/^/  /'
[ "$latency_ok" = yes ] || fail "edit-to-served latency $latency ms is over $limit_ms ms (generator build ${build_ms:-?} ms of it); all other checks passed"
echo "serve-check: OK (edit-to-served latency $latency ms)"
