#!/usr/bin/env bash
# Regioportaal against Hugo and against the cmark floor, on synthetic corpora of N updates; and
# Regioportaal with bare templates, which shows what interpreting the portal's templates costs.
#
#   Benchmarks/run.sh                                   # N = 1000 10000 50000, 5 runs each
#   SIZES="1000 10000" RUNS=3 Benchmarks/run.sh          # fewer sizes / runs
#   SIZES="" Benchmarks/run.sh                           # only the `serve` rebuild measurement
#
# Environment:
#   SIZES        corpus sizes (default "1000 10000 50000"; empty: none, only the serve measurement)
#   RUNS         cold runs per generator and size (default 5); RUNS_<N> overrides it for one size,
#                e.g. RUNS_50000=3
#   SEED         corpus seed (default 42)
#   PER_PAGE     updates per list page in both generators (default 10, the documented default)
#   SERVE_N      corpus size for the `serve` rebuild measurement (default 10000; "" skips it)
#   SERVE_EDITS  edits of each kind measured in `serve` (default 5): the text of an update, its
#                title, and the text of a thema
#   SERVE_PORT   port for `serve` (default 18731)
#   SKIP_BUILD=1 use the existing release binary in .build-bench (or BIN=/path/to/regioportaal)
#   WORK         work folder (default Benchmarks/work, git-ignored)
#
# Every run is a fresh process writing into an empty output folder ("cold" process; the page
# cache is warm: dropping it needs privileges and would disturb other users of the machine).
# The generators and the floor run in alternating order, so slow phases of a shared machine hit
# all of them. Wall time and peak RSS come from /usr/bin/time -v; the tables show medians.
# Raw figures go to $WORK/results.tsv. Nothing here asserts a timing.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH=$ROOT/Benchmarks
WORK=${WORK:-$BENCH/work}
SIZES=${SIZES-1000 10000 50000}
RUNS=${RUNS:-5}
SEED=${SEED:-42}
PER_PAGE=${PER_PAGE:-10}
SERVE_N=${SERVE_N-10000}
SERVE_EDITS=${SERVE_EDITS:-5}
SERVE_PORT=${SERVE_PORT:-18731}
NOW=2026-11-22
SCRATCH=.build-bench
BIN=${BIN:-$ROOT/$SCRATCH/release/regioportaal}
FLOOR=$WORK/cmark_floor
RESULTS=$WORK/results.tsv

log() { printf '[%s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

# --- tools -------------------------------------------------------------------------------------
missing=()
command -v hugo >/dev/null || missing+=(hugo)
command -v hyperfine >/dev/null || missing+=(hyperfine)
[ -x /usr/bin/time ] || missing+=(time)
pkg-config --exists libcmark 2>/dev/null || missing+=(libcmark-dev pkg-config)
command -v cc >/dev/null || missing+=(gcc)
if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi

mkdir -p "$WORK"

# --- binaries ----------------------------------------------------------------------------------
if [ "${SKIP_BUILD:-0}" != 1 ]; then
    log "building the release binary (swift build -c release --scratch-path $SCRATCH)"
    (cd "$ROOT" && swift build -c release --product regioportaal --scratch-path "$SCRATCH" 2>&1 | tail -n 3) >&2
fi
[ -x "$BIN" ] || { echo "no binary at $BIN" >&2; exit 1; }
cc -O2 -o "$FLOOR" "$BENCH/cmark_floor.c" $(pkg-config --cflags --libs libcmark) -lpthread

# --- measurement helpers ---------------------------------------------------------------------
# measure N TOOL RUN CMD...: runs CMD under /usr/bin/time -v, appends a row to $RESULTS.
measure() {
    local n=$1 tool=$2 run=$3; shift 3
    local tf=$WORK/time.txt out=$WORK/cmd.log
    if ! /usr/bin/time -v -o "$tf" "$@" >"$out" 2>&1; then
        echo "FAILED: $*" >&2; tail -n 20 "$out" >&2; cat "$tf" >&2; exit 1
    fi
    local wall rss user sys extra=""
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$tf")
    rss=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$tf")
    user=$(awk -F': ' '/User time/ { print $2 }' "$tf")
    sys=$(awk -F': ' '/System time/ { print $2 }' "$tf")
    # The floor reports its own rendering time (file reading excluded).
    if [ "$tool" = floor ] || [ "$tool" = floor2 ]; then extra=$(awk '{ print $8 }' "$out"); fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$tool" "$run" "$wall" "$rss" "$user" "$sys" "${extra:-}" \
        "$(cut -d' ' -f1 /proc/loadavg)" >>"$RESULTS"
    log "  N=$n $tool run $run: ${extra:-$wall} s, ${rss} KB"
}

run_regioportaal() {  # N RUN
    local c=$WORK/corpus-$1/regioportaal out=$WORK/out-$1-regioportaal
    rm -rf "$out" "$WORK"/.regioportaal-tmp-*
    measure "$1" regioportaal "$2" "$BIN" build --content "$c/Content" --templates "$c/Templates" --public "$c/Public" \
        --output "$out" --now "$NOW"
}

# The same build with bare templates: a title and the Markdown of each page, no layout, lists or
# navigation. Everything else (loading, checks, page data, feeds, search index, open data, link
# check, writing) is unchanged, so the difference to run_regioportaal is what interpreting the
# portal's templates costs.
bare_templates() {
    local dir=$WORK/bare-templates page name
    rm -rf "$dir"; mkdir -p "$dir"
    printf '<!DOCTYPE html>\n<html lang="nl"><head><title>{{page.titel}}</title></head><body><main id="inhoud">{{$main}}{{/main}}</main></body></html>\n' \
        >"$dir/base.mustache"
    page='{{<base}}{{$main}}<h1>{{page.titel}}</h1>'
    for name in update besluit pagina thema gemeente opgave coalitie; do page+="{{#$name}}{{{body_html}}}{{/$name}}"; done
    page+='{{/main}}{{/base}}'
    # One bare page template for each page template of the repository (all but the layout).
    for name in "$ROOT"/Templates/*.mustache; do
        name=$(basename "$name" .mustache)
        [ "$name" = base ] || printf '%s\n' "$page" >"$dir/$name.mustache"
    done
}

run_bare() {  # N RUN
    local c=$WORK/corpus-$1/regioportaal out=$WORK/out-$1-bare
    rm -rf "$out"
    measure "$1" bare "$2" "$BIN" build --content "$c/Content" --templates "$WORK/bare-templates" --public "$c/Public" \
        --output "$out" --now "$NOW"
}

run_hugo() {  # N RUN
    local out=$WORK/out-$1-hugo
    rm -rf "$out"
    measure "$1" hugo "$2" hugo --quiet -s "$WORK/corpus-$1/hugo" -d "$out"
}

run_floor() {  # N RUN
    measure "$1" floor "$2" "$FLOOR" "$WORK/corpus-$1/bodies.txt"
    measure "$1" floor2 "$2" "$FLOOR" -j 2 "$WORK/corpus-$1/bodies.txt"
}

corpus() {  # N: (re)generates when the generator, seed, page size or templates changed
    local dir=$WORK/corpus-$1 stamp
    stamp="$SEED $PER_PAGE $(cat "$BENCH/gen_corpus.py" <(cd "$ROOT" && find Templates Public -type f | sort | xargs cat) | sha1sum)"
    if [ "$(cat "$dir/stamp" 2>/dev/null)" != "$stamp" ]; then
        log "generating corpus N=$1"
        python3 "$BENCH/gen_corpus.py" --updates "$1" --seed "$SEED" --per-page "$PER_PAGE" --out "$dir"
        echo "$stamp" >"$dir/stamp"
    fi
    log "checking corpus N=$1 with regioportaal check"
    "$BIN" check --content "$dir/regioportaal/Content" --templates "$dir/regioportaal/Templates" \
        --public "$dir/regioportaal/Public" --now "$NOW" >"$WORK/check-$1.log" 2>&1 \
        || { echo "regioportaal check failed on corpus N=$1:" >&2; head -n 40 "$WORK/check-$1.log" >&2; exit 1; }
}

# --- the runs ----------------------------------------------------------------------------------
printf 'n\ttool\trun\twall_s\tmaxrss_kb\tuser_s\tsys_s\trender_s\tload1\n' >"$RESULTS"
{
    echo "date: $(date -u)"
    echo "host: $(uname -srm), $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB"
    echo "swift: $(swift --version 2>&1 | head -n 1)"
    echo "hugo: $(hugo version)"
    echo "cmark: $(pkg-config --modversion libcmark)"
    echo "command: SIZES=\"$SIZES\" RUNS=$RUNS $(env | grep '^RUNS_' | tr '\n' ' ')SEED=$SEED PER_PAGE=$PER_PAGE Benchmarks/run.sh"
    echo "load at start: $(cat /proc/loadavg)"
} | tee "$WORK/machine.txt" >&2

bare_templates
for n in $SIZES; do
    corpus "$n"
    runs_n=RUNS_$n
    for run in $(seq 1 "${!runs_n:-$RUNS}"); do
        if [ $((run % 2)) -eq 1 ]; then
            run_regioportaal "$n" "$run"; run_hugo "$n" "$run"; run_bare "$n" "$run"; run_floor "$n" "$run"
        else
            run_floor "$n" "$run"; run_bare "$n" "$run"; run_hugo "$n" "$run"; run_regioportaal "$n" "$run"
        fi
    done
    du -sk "$WORK/out-$n-regioportaal" "$WORK/out-$n-hugo" | awk -v n="$n" '{ print n "\t" $1 "\t" $2 }' >>"$WORK/sizes.tsv"
    find "$WORK/out-$n-regioportaal" -type f | wc -l | awk -v n="$n" '{ print n "\tregioportaal_files\t" $1 }' >>"$WORK/sizes.tsv"
    find "$WORK/out-$n-hugo" -type f | wc -l | awk -v n="$n" '{ print n "\thugo_files\t" $1 }' >>"$WORK/sizes.tsv"
    rm -rf "$WORK/out-$n-bare"
done
echo "load at end: $(cat /proc/loadavg)" | tee -a "$WORK/machine.txt" >&2

# --- serve: rebuild after editing one update ---------------------------------------------------
SERVE_RESULTS=$WORK/serve.tsv
: >"$SERVE_RESULTS"
if [ -n "$SERVE_N" ]; then
    corpus "$SERVE_N"
    c=$WORK/corpus-$SERVE_N/regioportaal
    out=$WORK/serve-out
    slog=$WORK/serve.log
    rm -rf "$out"
    file=$(ls "$c/Content/updates" | sort | tail -n 1)
    cp "$c/Content/updates/$file" "$WORK/serve-original.md"
    thema=$(ls "$c/Content/themas" | sort | head -n 1)
    cp "$c/Content/themas/$thema" "$WORK/serve-original-thema.md"
    log "serve: N=$SERVE_N, editing updates/$file $SERVE_EDITS times"
    # English log lines (--taal en): the lines below are matched by their words.
    "$BIN" serve --content "$c/Content" --templates "$c/Templates" --public "$c/Public" --output "$out" --now "$NOW" \
        --port "$SERVE_PORT" --taal en 2>"$slog" >/dev/null &
    spid=$!
    # rebuilt_count: how many rebuild lines the server has logged.
    rebuilt_count() { grep -c 'rebuilt\|build failed' "$slog" || true; }
    for _ in $(seq 1 1200); do grep -q 'serving http' "$slog" && break; sleep 0.5; done
    grep -q 'serving http' "$slog" || { echo "serve did not start:" >&2; cat "$slog" >&2; kill "$spid"; exit 1; }
    sleep 1
    # CPU the idle preview uses: clock ticks (10 ms) over 5 s.
    ticks() { awk '{ print $14 + $15 }' "/proc/$spid/stat"; }
    idle_before=$(ticks); sleep 5; idle_after=$(ticks)
    echo -e "serve_idle_ticks_5s\t$((idle_after - idle_before))" >>"$SERVE_RESULTS"
    # edit KIND I: the text (below the front matter) or the title (front matter) of the update,
    # or the text of a thema.
    edit() {
        local kind=$1 i=$2 target=$c/Content/updates/$file
        before=$(rebuilt_count)
        t0=$(date +%s.%N)
        if [ "$kind" = text ]; then
            printf '\nBewerkt voor de benchmark, ronde %s.\n' "$i" >>"$target"
        elif [ "$kind" = thema ]; then
            printf '\nBewerkt voor de benchmark, ronde %s.\n' "$i" >>"$c/Content/themas/$thema"
        else
            sed "s/^titel: \"\(.*\)\"$/titel: \"\1 (ronde $i)\"/" "$target" >"$target.tmp" && mv "$target.tmp" "$target"
        fi
        for _ in $(seq 1 6000); do [ "$(rebuilt_count)" -gt "$before" ] && break; sleep 0.02; done
        t1=$(date +%s.%N)
        line=$(grep 'rebuilt\|build failed' "$slog" | tail -n 1)
        ms=$(echo "$line" | sed -n 's/.* in \([0-9]*\) ms.*/\1/p')
        printf '%s\t%s\t%s\t%s\t%s\n' "$kind" "$i" "${ms:-NA}" "$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')" "$line" >>"$SERVE_RESULTS"
        log "  $kind edit $i: pipeline ${ms:-?} ms, edit to rebuilt line $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }') s"
        sleep 1
    }
    for i in $(seq 1 "$SERVE_EDITS"); do edit text "$i"; done
    for i in $(seq 1 "$SERVE_EDITS"); do edit title "$i"; done
    for i in $(seq 1 "$SERVE_EDITS"); do edit thema "$i"; done
    hwm=$(awk '/VmHWM/ { print $2 }' "/proc/$spid/status" 2>/dev/null || echo NA)
    echo -e "serve_peak_rss_kb\t$hwm" >>"$SERVE_RESULTS"
    cp "$WORK/serve-original.md" "$c/Content/updates/$file"
    cp "$WORK/serve-original-thema.md" "$c/Content/themas/$thema"
    sleep 2
    kill -TERM "$spid" 2>/dev/null || true
    wait "$spid" 2>/dev/null || true
fi

# --- summary -----------------------------------------------------------------------------------
python3 - "$RESULTS" "$SERVE_RESULTS" <<'EOF'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
med = lambda xs: statistics.median(xs) if xs else float("nan")
def get(n, tool, key):
    return med([float(r[key]) for r in rows if r["n"] == n and r["tool"] == tool and r[key]])
sizes = sorted({r["n"] for r in rows}, key=int)
print()
print("| N | Regioportaal wall s | Hugo wall s | ratio R/H | Regioportaal peak RSS MB | Hugo peak RSS MB | ratio R/H "
      "| cmark floor s (1 thread) | floor s (2 threads) | R / floor | R / floor(2) | runs |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
for n in sizes:
    rw, hw = get(n, "regioportaal", "wall_s"), get(n, "hugo", "wall_s")
    rm, hm = get(n, "regioportaal", "maxrss_kb") / 1024, get(n, "hugo", "maxrss_kb") / 1024
    f1, f2 = get(n, "floor", "render_s"), get(n, "floor2", "render_s")
    runs = len([r for r in rows if r["n"] == n and r["tool"] == "regioportaal"])
    print(f"| {int(n):,} | {rw:.2f} | {hw:.2f} | {rw / hw:.2f} | {rm:.0f} | {hm:.0f} | {rm / hm:.2f} "
          f"| {f1:.3f} | {f2:.3f} | {rw / f1:.1f} | {rw / f2:.1f} | {runs} |")
print()
print("| N | Regioportaal wall s | with bare templates s | templates' share | bare ÷ Hugo |")
print("|---:|---:|---:|---:|---:|")
for n in sizes:
    rw, bw, hw = get(n, "regioportaal", "wall_s"), get(n, "bare", "wall_s"), get(n, "hugo", "wall_s")
    print(f"| {int(n):,} | {rw:.2f} | {bw:.2f} | {(rw - bw) / rw:.0%} | {bw / hw:.2f} |")
print()
print("CPU time (user+sys, median s): " + "; ".join(
    f"N={int(n):,}: Regioportaal {med([float(r['user_s']) + float(r['sys_s']) for r in rows if r['n'] == n and r['tool'] == 'regioportaal']):.2f}, "
    f"Hugo {med([float(r['user_s']) + float(r['sys_s']) for r in rows if r['n'] == n and r['tool'] == 'hugo']):.2f}" for n in sizes))
print("load average (1 min) during runs: " + "; ".join(
    f"N={int(n):,}: {min(float(r['load1']) for r in rows if r['n'] == n):.1f}-{max(float(r['load1']) for r in rows if r['n'] == n):.1f}" for n in sizes))
serve = [l.rstrip("\n").split("\t") for l in open(sys.argv[2]) if l.strip()]
for kind in ("text", "title", "thema"):
    edits = [s for s in serve if s[0] == kind]
    if edits:
        ms = [float(s[2]) for s in edits if s[2] != "NA"]
        lat = [float(s[3]) for s in edits]
        what = "the text of a thema" if kind == "thema" else f"the {kind} of an update"
        print(f"serve rebuild after editing {what}: median pipeline {med(ms):.0f} ms "
              f"({min(ms):.0f}-{max(ms):.0f}), median edit-to-rebuilt {med(lat):.2f} s over {len(edits)} edits")
idle = [s[1] for s in serve if s[0] == "serve_idle_ticks_5s"]
if idle:
    print(f"idle server: {idle[0]} clock ticks of 10 ms in 5 s")
hwm = [s[1] for s in serve if s[0] == "serve_peak_rss_kb"]
if hwm:
    print(f"server peak RSS {int(hwm[0]) // 1024 if hwm[0].isdigit() else 'NA'} MB")
EOF
