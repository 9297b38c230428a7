#!/usr/bin/env bash
# WebSocket benchmark: echo round trips per second and messages per second, for 1 and for 100
# clients, with the same client (bench/udpws/ws_load: epoll, its own handshake and framing)
# against
#   1. an npm `ws` echo server (tests/peers/ws_echo_server.js --quiet), the baseline;
#   2. `netstage ws serve --events FILE --quiet`: every frame parsed from the bytes and logged
#      as a JSON line (two events per echo), as in class;
#   3. `netstage ws serve --quiet`: the same, events kept in the timeline but not written;
#   4. (as root) 3. run as nobody: no wire capture, as on a student's machine.
# Round trips: each client waits for the echo before sending again (WINDOW 1).
# Messages: each client keeps WINDOW_MSG messages in flight.
#
# Usage: bench/udpws/run_ws_bench.sh BUILD_DIR
# Environment (optional): SECONDS_PER_RUN (3) SIZE (32) WINDOW_MSG (16) REPEAT (3)
set -euo pipefail
set -m

if [ $# -ne 1 ]; then
    echo "usage: $0 BUILD_DIR" >&2
    exit 2
fi
BUILD_DIR=$(cd "$1" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
NETSTAGE="$BUILD_DIR/app/netstage"
LOAD="$BUILD_DIR/bench/udpws/ws_load"
[ -x "$NETSTAGE" ] || { echo "no netstage binary at $NETSTAGE (build it first)" >&2; exit 1; }
[ -x "$LOAD" ] || { echo "no ws_load at $LOAD (build the ws_load target)" >&2; exit 1; }
command -v node >/dev/null || { echo "node is not installed" >&2; exit 1; }
[ -d "$ROOT/tests/peers/node_modules/ws" ] || { echo "run 'npm ci' in tests/peers first" >&2; exit 1; }

SECS=${SECONDS_PER_RUN:-3}
SIZE=${SIZE:-32}
WINDOW_MSG=${WINDOW_MSG:-16}
REPEAT=${REPEAT:-3}

TMP=$(mktemp -d)
SERVER_PIDS=""
cleanup() {
    for pid in $SERVER_PIDS; do
        kill -INT "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
    done
    rm -rf "$TMP"
}
trap cleanup EXIT

free_port() {
    node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();})"
}

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

# Starts a server in the background; prints "PID PORT".
start_server() {
    local port
    port=$(free_port)
    case "$1" in
    node) node "$ROOT/tests/peers/ws_echo_server.js" "$port" --quiet >"$TMP/$1.out" 2>&1 & ;;
    netstage-file) "$NETSTAGE" ws serve --port "$port" --quiet --events "$TMP/events.jsonl" \
        >"$TMP/$1.out" 2>&1 & ;;
    netstage-memory) "$NETSTAGE" ws serve --port "$port" --quiet >"$TMP/$1.out" 2>&1 & ;;
    netstage-unprivileged)
        # What a student at home runs: no capture permission, so no wire capture.
        setpriv --reuid=65534 --regid=65534 --clear-groups \
            "$NETSTAGE" ws serve --port "$port" --quiet >"$TMP/$1.out" 2>&1 & ;;
    esac
    local pid=$!
    wait_listening "$port"
    echo "$pid $port"
}

field() { sed -n "s/.*\"$1\":\([0-9.]*\).*/\1/p"; }

SERVERS="node netstage-file netstage-memory"
# As root the wire capture runs (every segment an event too); compare without it as well.
if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
    SERVERS="$SERVERS netstage-unprivileged"
fi
SCENARIOS="1:1 1:$WINDOW_MSG 100:1 100:$WINDOW_MSG"
declare -A PID PORTS RATE P50
# All servers run at once and the runs alternate between them, so a busy moment on the
# machine (a compiler next door) weighs on every server alike.
for server in $SERVERS; do
    read -r pid port < <(start_server "$server")
    PID[$server]=$pid
    PORTS[$server]=$port
    SERVER_PIDS="${SERVER_PIDS:-} $pid"
done
printf "WebSocket echo, %d-byte text messages, %d s per run, best of %d; client: ws_load\n" \
    "$SIZE" "$SECS" "$REPEAT"
for s in $SCENARIOS; do
    clients=${s%%:*}
    window=${s##*:}
    for _ in $(seq "$REPEAT"); do
        for server in $SERVERS; do
            out=$("$LOAD" "${PORTS[$server]}" "$clients" "$window" "$SECS" "$SIZE")
            r=$(echo "$out" | field rate)
            p=$(echo "$out" | field p50_us)
            if awk -v a="$r" -v b="${RATE[$server/$s]:-0}" 'BEGIN{exit !(a>b)}'; then
                RATE[$server/$s]=$r
                P50[$server/$s]=$p
            fi
        done
    done
done
printf "%-16s %8s %7s %14s %10s\n" server clients window "per second" "p50 (us)"
for server in $SERVERS; do
    for s in $SCENARIOS; do
        clients=${s%%:*}
        window=${s##*:}
        printf "%-16s %8d %7d %14.0f %10s\n" "$server" "$clients" "$window" "${RATE[$server/$s]}" \
            "$([ "$window" = 1 ] && echo "${P50[$server/$s]}" || echo -)"
    done
done
for server in $SERVERS; do
    kill -INT "${PID[$server]}" 2>/dev/null || true
    wait "${PID[$server]}" 2>/dev/null || true
done
SERVER_PIDS=""
echo
printf "%-40s %10s %10s %14s\n" "netstage / node" file memory unprivileged
for s in $SCENARIOS; do
    clients=${s%%:*}
    window=${s##*:}
    what=$([ "$window" = 1 ] && echo "round trips/s" || echo "messages/s (window $window)")
    awk -v f="${RATE[netstage-file/$s]}" -v m="${RATE[netstage-memory/$s]}" \
        -v u="${RATE[netstage-unprivileged/$s]:-0}" -v n="${RATE[node/$s]}" \
        -v w="$what" -v c="$clients" \
        'BEGIN{printf "%-40s %10.2f %10.2f %14s\n", c " client(s), " w, f/n, m/n, (u>0? sprintf("%.2f", u/n) : "-")}'
done
