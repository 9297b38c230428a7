#!/usr/bin/env bash
# UDP benchmark: datagrams per second received AND logged, by
#   1. the tutorial's Node dgram server (tests/peers/udp_seed_server.js: console.log per
#      datagram, stdout to a file), the baseline;
#   2. `netstage udp serve --preset seed --events FILE --quiet` (one JSON line per datagram);
# with the same sender (bench/udpws/udp_blast, sendmmsg, paced) and no relay (no loss added).
# For each pace it prints how many arrived and were logged, the loss (the kernel drops what a
# slow receiver leaves in its buffer), and the rate: logged / (last log write - first send).
#
# Usage: bench/udpws/run_udp_bench.sh BUILD_DIR
# Environment (optional): COUNT (200000) SIZE (64) RATES ("50000 100000 200000 0"; 0 = flat out)
#                         REPEAT (3: each figure is the best of REPEAT runs)
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
BLAST="$BUILD_DIR/bench/udpws/udp_blast"
[ -x "$NETSTAGE" ] || { echo "no netstage binary at $NETSTAGE (build it first)" >&2; exit 1; }
[ -x "$BLAST" ] || { echo "no udp_blast at $BLAST (build the udp_blast target)" >&2; exit 1; }
command -v node >/dev/null || { echo "node is not installed" >&2; exit 1; }

COUNT=${COUNT:-200000}
SIZE=${SIZE:-64}
RATES=${RATES:-"50000 100000 200000 0"}
REPEAT=${REPEAT:-3}

TMP=$(mktemp -d)
SERVER_PID=""
cleanup() {
    if [ -n "$SERVER_PID" ]; then
        kill -INT "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
    fi
    rm -rf "$TMP"
}
trap cleanup EXIT

now() { date +%s.%N; }

# Starts a server; sets SERVER_PID, PORT and LOG (the file it logs to).
start_server() {
    LOG="$TMP/$1.log"
    rm -f "$LOG"
    case "$1" in
    node)
        node "$ROOT/tests/peers/udp_seed_server.js" 0 >"$LOG" 2>"$TMP/err" &
        SERVER_PID=$!
        for _ in $(seq 100); do
            PORT=$(sed -n 's/^listening \([0-9]*\)$/\1/p' "$LOG" 2>/dev/null | head -1)
            [ -n "$PORT" ] && return 0
            sleep 0.1
        done ;;
    netstage)
        "$NETSTAGE" udp serve --port 0 --preset seed --quiet --events "$LOG" 2>"$TMP/err" &
        SERVER_PID=$!
        for _ in $(seq 100); do
            PORT=$(grep -o '"event":"listening"[^}]*"local":"127.0.0.1:[0-9]*"' "$LOG" 2>/dev/null |
                   head -1 | sed 's/.*127.0.0.1:\([0-9]*\)"/\1/' || true)
            [ -n "$PORT" ] && return 0
            sleep 0.1
        done ;;
    esac
    echo "the $1 server did not start" >&2
    cat "$TMP/err" >&2
    exit 1
}

stop_server() {
    kill -INT "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 50); do
        kill -0 "$SERVER_PID" 2>/dev/null || break
        sleep 0.1
    done
    kill -KILL "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
}

logged() { # datagrams logged so far
    case "$1" in
    node) grep -c '^server got:' "$LOG" || true ;;
    netstage) grep -c '"event":"message"' "$LOG" || true ;;
    esac
}

# One run: sends COUNT at RATE, waits until the log stops growing, prints "logged loss% rate".
run_once() {
    local name=$1 rate=$2
    local before t0 size last_size last_change after secs
    before=$(logged "$name")
    t0=$(now)
    "$BLAST" 127.0.0.1 "$PORT" "$COUNT" "$rate" "$SIZE" >"$TMP/blast.json"
    # The log is done when its size has not changed for 0.5 s (at most 30 s).
    last_size=-1
    last_change=$(now)
    for _ in $(seq 300); do
        size=$(stat -c %s "$LOG")
        if [ "$size" != "$last_size" ]; then
            last_size=$size
            last_change=$(now)
        elif awk -v a="$(now)" -v b="$last_change" 'BEGIN{exit !(a-b>0.5)}'; then
            break
        fi
        sleep 0.05
    done
    after=$(logged "$name")
    awk -v n=$((after - before)) -v c="$COUNT" -v a="$t0" -v b="$last_change" \
        'BEGIN{printf "%d %.2f %.0f\n", n, 100*(c-n)/c, n/(b-a)}'
}

printf "UDP: %d datagrams of %d bytes per run, best of %d; sender: udp_blast (sendmmsg)\n" \
    "$COUNT" "$SIZE" "$REPEAT"
printf "%-10s %-10s %10s %8s %14s\n" server pace logged loss received/s
declare -A BEST
for name in node netstage; do
    start_server "$name"
    for rate in $RATES; do
        best="0 100 0"
        for _ in $(seq "$REPEAT"); do
            r=$(run_once "$name" "$rate")
            if awk -v a="$r" -v b="$best" 'BEGIN{split(a,x," ");split(b,y," ");exit !(x[3]>y[3])}'; then
                best=$r
            fi
        done
        read -r n loss per <<<"$best"
        BEST["$name/$rate"]=$per
        pace=$([ "$rate" = 0 ] && echo "flat-out" || echo "$rate/s")
        printf "%-10s %-10s %10d %7.2f%% %14.0f\n" "$name" "$pace" "$n" "$loss" "$per"
    done
    stop_server
done
echo
printf "%-10s %16s\n" pace "netstage/node"
for rate in $RATES; do
    pace=$([ "$rate" = 0 ] && echo "flat-out" || echo "$rate/s")
    awk -v a="${BEST[netstage/$rate]}" -v b="${BEST[node/$rate]}" -v p="$pace" \
        'BEGIN{printf "%-10s %16.2f\n", p, (b>0? a/b : 0)}'
done
