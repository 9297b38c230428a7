#!/usr/bin/env bash
# What observation costs (issue 14): every pair side by side on loopback with the same client,
# alternating run by run, the median of REPEAT (>= 3) runs, and the ratios.
#
#   all   `netstage ... --observe all --events FILE` (as root: wire capture too)
#         vs the Node peer while `tshark -w` captures its port (the same work: observe + write)
#   none  `netstage ... --observe none` vs the plain Node peer
#
# Pairs: TCP echo round trips (64 B) and bulk (64 KiB messages) with bench/echo_load.js against
# bench/echo_server.js; HTTP with wrk, keep-alive and one connection per request
# (Connection: close), 1 and 50 connections, against bench/http/node_site_server.js serving
# the same page. (WebSocket and UDP pairs: bench/udpws/run_ws_bench.sh, run_udp_bench.sh.)
#
# Usage: bench/run_pipeline_bench.sh BUILD_DIR     Environment: REPEAT (3) SECS (3)
set -euo pipefail
set -m
[ $# -eq 1 ] || { echo "usage: $0 BUILD_DIR" >&2; exit 2; }
BUILD_DIR=$(cd "$1" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
NETSTAGE="$BUILD_DIR/app/netstage"
PAGE="$HERE/../resources/site/index.html"
REPEAT=${REPEAT:-3}
SECS=${SECS:-3}
[ -x "$NETSTAGE" ] || { echo "no netstage at $NETSTAGE" >&2; exit 1; }
for t in node wrk tshark; do command -v $t >/dev/null || { echo "$t is missing" >&2; exit 1; }; done

TMP=$(mktemp -d)
PIDS=""
cleanup() { for p in $PIDS; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done; rm -rf "$TMP"; }
trap cleanup EXIT

free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close();})"; }
wait_listening() {
    for _ in $(seq 100); do
        node -e "const c=require('net').connect($1,'127.0.0.1',()=>{c.destroy();process.exit(0)});c.on('error',()=>process.exit(1))" 2>/dev/null && return 0
        sleep 0.1
    done
    echo "nothing listens on $1" >&2; return 1
}
stop_all() {
    for p in $PIDS; do
        kill -INT "$p" 2>/dev/null || true
        for _ in $(seq 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$p" 2>/dev/null || true
        wait "$p" 2>/dev/null || true
    done
    PIDS=""
}

# start KIND(tcp|http) SIDE(netstage|node) MODE(all|none)
start() {
    PORT=$(free_port)
    case "$1/$2" in
    tcp/netstage) "$NETSTAGE" tcp serve --port "$PORT" --preset echo --quiet --observe "$3" \
        $([ "$3" = all ] && echo --events "$TMP/events.jsonl") >/dev/null 2>"$TMP/server.err" & ;;
    http/netstage) "$NETSTAGE" http serve --port "$PORT" --quiet --observe "$3" \
        $([ "$3" = all ] && echo --events "$TMP/events.jsonl") >/dev/null 2>"$TMP/server.err" & ;;
    tcp/node) node "$HERE/echo_server.js" "$PORT" >/dev/null 2>&1 & ;;
    http/node) node "$HERE/http/node_site_server.js" "$PAGE" "$PORT" >/dev/null 2>&1 & ;;
    esac
    PIDS="$!"
    if [ "$2" = node ] && [ "$3" = all ]; then
        tshark -q -i lo -f "tcp port $PORT" -w "$TMP/peer.pcapng" >/dev/null 2>&1 &
        PIDS="$PIDS $!"
        sleep 1 # tshark needs a moment before it captures
    fi
    wait_listening "$PORT"
}

# measure KIND TEST -> one number on stdout
measure() {
    case "$2" in
    rt) node "$HERE/echo_load.js" throughput 127.0.0.1 "$PORT" --conns 1 --messages 1000000 \
            --size 64 --max-seconds "$SECS" | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(JSON.parse(s).round_trips_per_s))" ;;
    bulk) node "$HERE/echo_load.js" throughput 127.0.0.1 "$PORT" --conns 1 --messages 100000 \
            --size 65536 --max-seconds "$SECS" | node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>console.log(JSON.parse(s).mb_per_s))" ;;
    ka1|ka50|close1|close50)
        local c=${2//[a-z]/} hdr=()
        [[ $2 == close* ]] && hdr=(-H "Connection: close")
        wrk -t1 -c"$c" -d"${SECS}s" "${hdr[@]}" "http://127.0.0.1:$PORT/" |
            awk '/Requests\/sec/ {print $2}' ;;
    esac
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

TESTS="tcp:rt tcp:bulk http:ka1 http:ka50 http:close1 http:close50"
for r in $(seq "$REPEAT"); do
    for t in $TESTS; do
        kind=${t%%:*} test=${t##*:}
        for mode in all none; do
            for side in netstage node; do
                start "$kind" "$side" "$mode"
                v=$(measure "$kind" "$test" || echo 0)
                stop_all
                echo "$v" >>"$TMP/$test.$mode.$side"
                echo "run $r $test $mode $side: $v" >&2
            done
        done
    done
done

printf '\nPipeline benchmark, median of %s alternating runs of %s s; %s; load %s\n' "$REPEAT" "$SECS" \
    "$([ "$(id -u)" = 0 ] && echo 'root: wire capture on' || echo 'not root: no wire')" "$(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-26s %12s %12s %7s   %12s %12s %7s\n' test "all" "node+tshark" ratio "none" "node" ratio
label() { case $1 in rt) echo "TCP echo 64 B rt/s";; bulk) echo "TCP echo 64 KiB MB/s";;
    ka1) echo "HTTP keep-alive c1 req/s";; ka50) echo "HTTP keep-alive c50 req/s";;
    close1) echo "HTTP conn/req c1 req/s";; close50) echo "HTTP conn/req c50 req/s";; esac; }
for t in $TESTS; do
    test=${t##*:}
    a=$(median <"$TMP/$test.all.netstage"); b=$(median <"$TMP/$test.all.node")
    c=$(median <"$TMP/$test.none.netstage"); d=$(median <"$TMP/$test.none.node")
    printf '%-26s %12s %12s %7s   %12s %12s %7s\n' "$(label "$test")" "$a" "$b" \
        "$(awk "BEGIN{printf \"%.2f\", ($b>0)?$a/$b:0}")" "$c" "$d" "$(awk "BEGIN{printf \"%.2f\", ($d>0)?$c/$d:0}")"
done

# Memory per stored event, by RSS: an HTTP server observing everything under wrk (50
# keep-alive connections) until it holds many events; RSS before and after, divided by the
# events it wrote (the store keeps every one of them up to --capacity).
PORT=$(free_port)
"$NETSTAGE" http serve --port "$PORT" --quiet --events "$TMP/mem.jsonl" >/dev/null 2>&1 &
PIDS="$!"
wait_listening "$PORT"
rss() { awk '/VmRSS/ {print $2}' "/proc/$1/status"; }
idle=$(rss "$PIDS")
wrk -t1 -c50 -d"${MEM_SECS:-10}s" "http://127.0.0.1:$PORT/" >/dev/null
sleep 1
busy=$(rss "$PIDS")
stop_all
events=$(wc -l <"$TMP/mem.jsonl")
printf '\nMemory: %s events stored, RSS %s -> %s KiB: %s bytes per event\n' "$events" "$idle" "$busy" \
    "$(awk "BEGIN{printf \"%.0f\", ($busy-$idle)*1024/$events}")"
