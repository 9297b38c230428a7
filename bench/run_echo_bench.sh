#!/usr/bin/env bash
# Echo benchmark: the same Node client (bench/echo_load.js) against
#   1. Node's net echo server (bench/echo_server.js), the baseline,
#   2. `netstage tcp serve --preset echo --events /dev/null` (every event logged, to nowhere),
#   3. `netstage tcp serve --preset echo --events FILE` (every event logged to a temporary file),
# and prints a table with each netstage run's ratio to Node.
#
# Usage: bench/run_echo_bench.sh BUILD_DIR
# Environment (optional): CONNS MESSAGES SIZE BIG_MESSAGES BIG_SIZE COUNT PARALLEL MAX_SECONDS REPEAT
# Every client run stops after MAX_SECONDS (default 10) even if unfinished; each figure is the
# best of REPEAT (default 3) runs.
set -euo pipefail
# Job control: background servers get their own process group and keep SIGINT (a script's
# background jobs otherwise start with SIGINT ignored), so they can be stopped cleanly.
set -m

if [ $# -ne 1 ]; then
    echo "usage: $0 BUILD_DIR" >&2
    exit 2
fi
BUILD_DIR=$(cd "$1" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
NETSTAGE="$BUILD_DIR/app/netstage"
[ -x "$NETSTAGE" ] || { echo "no netstage binary at $NETSTAGE (build it first)" >&2; exit 1; }
command -v node >/dev/null || { echo "node is not installed" >&2; exit 1; }

CONNS=${CONNS:-8}
MESSAGES=${MESSAGES:-2000}
SIZE=${SIZE:-1024}
BIG_MESSAGES=${BIG_MESSAGES:-200}
BIG_SIZE=${BIG_SIZE:-65536}
COUNT=${COUNT:-1000}
PARALLEL=${PARALLEL:-4}
MAX_SECONDS=${MAX_SECONDS:-10}
REPEAT=${REPEAT:-3}

TMP=$(mktemp -d)
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ]; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$TMP"
}
trap cleanup EXIT

free_port() {
    node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();})"
}

# Waits (at most 10 s) until something accepts connections on the port.
wait_listening() {
    local port=$1
    for _ in $(seq 100); do
        if node -e "const c=require('net').connect($port,'127.0.0.1',()=>{c.destroy();process.exit(0)});c.on('error',()=>process.exit(1))" 2>/dev/null; then
            return 0
        fi
        sleep 0.1
    done
    echo "nothing listens on port $port after 10 s" >&2
    return 1
}

start_server() { # name -> sets SERVER_PID, PORT
    PORT=$(free_port)
    case "$1" in
    node) node "$HERE/echo_server.js" "$PORT" >"$TMP/server.out" 2>&1 & ;;
    netstage-null) "$NETSTAGE" tcp serve --port "$PORT" --preset echo --quiet --events /dev/null \
        >"$TMP/server.out" 2>&1 & ;;
    netstage-file) "$NETSTAGE" tcp serve --port "$PORT" --preset echo --quiet \
        --events "$TMP/events.jsonl" >"$TMP/server.out" 2>&1 & ;;
    esac
    SERVER_PID=$!
    wait_listening "$PORT"
}

stop_server() { # SIGINT, then SIGKILL if it is still there after 5 s
    kill -INT "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 50); do
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$SERVER_PID" 2>/dev/null; then
        echo "warning: server $SERVER_PID ignored SIGINT; killing it" >&2
        kill -KILL "$SERVER_PID" 2>/dev/null || true
    fi
    local status=0
    wait "$SERVER_PID" 2>/dev/null || status=$?
    if [ "$status" != 0 ]; then
        echo "note: the $1 server exited with status $status after SIGINT (0 = clean stop)" >&2
    fi
    SERVER_PID=""
}

# field FILE KEY: a number from the client's JSON line
field() {
    node -e "const r=JSON.parse(require('fs').readFileSync('$1','utf8'));console.log(r['$2'])"
}

# best OUT KEY FILE...: copies the run with the highest KEY to OUT (best of REPEAT runs: on a busy
# machine the best run is the one least disturbed by others)
best() {
    local out=$1 key=$2
    shift 2
    node -e "
const fs = require('fs');
const runs = process.argv.slice(1).map(f => { try { return JSON.parse(fs.readFileSync(f, 'utf8')); } catch (e) { return null; } }).filter(r => r);
runs.sort((a, b) => (b['$key'] || 0) - (a['$key'] || 0));
fs.writeFileSync('$out', JSON.stringify(runs[0] || {}) + '\\n');" "$@"
}

run_all() { # server name
    local name=$1 i
    start_server "$name"
    for i in $(seq "$REPEAT"); do
        node "$HERE/echo_load.js" throughput 127.0.0.1 "$PORT" --conns "$CONNS" \
            --messages "$MESSAGES" --size "$SIZE" --max-seconds "$MAX_SECONDS" \
            >"$TMP/$name.small.$i.json" || true
        node "$HERE/echo_load.js" throughput 127.0.0.1 "$PORT" --conns "$CONNS" \
            --messages "$BIG_MESSAGES" --size "$BIG_SIZE" --max-seconds "$MAX_SECONDS" \
            >"$TMP/$name.big.$i.json" || true
        node "$HERE/echo_load.js" connrate 127.0.0.1 "$PORT" --count "$COUNT" \
            --parallel "$PARALLEL" --max-seconds "$MAX_SECONDS" >"$TMP/$name.conn.$i.json" || true
    done
    best "$TMP/$name.small.json" mb_per_s "$TMP/$name".small.*.json
    best "$TMP/$name.big.json" mb_per_s "$TMP/$name".big.*.json
    best "$TMP/$name.conn.json" conn_per_s "$TMP/$name".conn.*.json
    stop_server "$name"
    if [ "$name" = netstage-file ]; then
        EVENTS_LINES=$(wc -l <"$TMP/events.jsonl")
        EVENTS_BYTES=$(wc -c <"$TMP/events.jsonl")
    fi
}

for server in node netstage-null netstage-file; do
    echo "running against $server..." >&2
    run_all "$server"
done

printf '\nEcho benchmark: %s connections x %s msgs x %s B; %s x %s x %s B; %s connections (%s at a time); best of %s; load %s\n' \
    "$CONNS" "$MESSAGES" "$SIZE" "$CONNS" "$BIG_MESSAGES" "$BIG_SIZE" "$COUNT" "$PARALLEL" "$REPEAT" \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-28s %14s %14s %14s %10s %10s\n' "metric" "node" "netstage-null" "netstage-file" "null/node" "file/node"
row() { # label kind key
    local n s f
    n=$(field "$TMP/node.$2.json" "$3")
    s=$(field "$TMP/netstage-null.$2.json" "$3")
    f=$(field "$TMP/netstage-file.$2.json" "$3")
    printf '%-28s %14s %14s %14s %10s %10s\n' "$1" "$n" "$s" "$f" \
        "$(node -e "console.log(($s/$n).toFixed(2))")" "$(node -e "console.log(($f/$n).toFixed(2))")"
}
row "MB/s (${SIZE} B msgs)" small mb_per_s
row "round trips/s (${SIZE} B)" small round_trips_per_s
row "MB/s (${BIG_SIZE} B msgs)" big mb_per_s
row "connections/s" conn conn_per_s
for kind in small big conn; do
    for server in node netstage-null netstage-file; do
        c=$(field "$TMP/$server.$kind.json" complete)
        e=$(field "$TMP/$server.$kind.json" errors)
        if [ "$c" != true ] || [ "$e" != 0 ]; then
            echo "warning: $server $kind run incomplete or with errors: $(cat "$TMP/$server.$kind.json")"
        fi
    done
done
echo "events file (netstage-file): ${EVENTS_LINES:-?} lines, ${EVENTS_BYTES:-?} bytes"
