#!/usr/bin/env bash
# Requests per second and latency of `netstage http serve` (event logging on: every event in the
# timeline and written as JSON Lines to a file) against Node's `http` server serving the same
# bytes, with the same load generator (bench/http/http_load.cpp), keep-alive and not, 1 and 50
# concurrent clients. Then the memory the netstage server holds after 100,000 requests.
#
#   bench/http/run_http_bench.sh BUILD_DIR [REQUESTS]      (default 20000 per run)
set -euo pipefail
build=${1:?usage: run_http_bench.sh BUILD_DIR [REQUESTS]}
n=${2:-20000}
here=$(cd "$(dirname "$0")" && pwd)
site="$here/../../resources/site/index.html"
netstage="$build/app/netstage"
load="$build/bench/http/http_load"
tmp=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$tmp"' EXIT

wait_port() { # file -> the port printed as "listening N" or in a listening event
  for _ in $(seq 1 200); do
    p=$(grep -o '"local":"127.0.0.1:[0-9]*"' "$1" 2>/dev/null | head -1 | grep -o '[0-9]*"$' | tr -d '"' || true)
    [ -z "$p" ] && p=$(grep -o '^listening [0-9]*' "$1" 2>/dev/null | awk '{print $2}' || true)
    [ -n "$p" ] && { echo "$p"; return 0; }
    sleep 0.05
  done
  echo "no port in $1" >&2; return 1
}
rss_kb() { awk '/^VmRSS/ {print $2}' "/proc/$1/status"; }

run_matrix() { # name port
  for mode in keepalive close; do
    for c in 1 50; do
      flag=""; [ "$mode" = close ] && flag="--close"
      r=$n; [ "$mode" = close ] && r=$((n / 2))
      out=$("$load" --port "$2" --path / --host-header localhost --connections "$c" \
                    --requests "$r" --warmup 500 $flag)
      echo "$1 $mode c=$c $out"
    done
  done
}

echo "# netstage http serve (events to a JSON Lines file) vs node http, $n requests per run" >&2
"$netstage" http serve --port 0 --quiet --events "$tmp/events.jsonl" > "$tmp/ns.out" 2>&1 &
ns=$!
port=$(wait_port "$tmp/events.jsonl")
node "$here/node_site_server.js" "$site" 0 > "$tmp/node.out" 2>&1 &
nd=$!
nport=$(wait_port "$tmp/node.out")
rss0=$(rss_kb $ns)
run_matrix netstage "$port" | tee "$tmp/ns.txt"
run_matrix node "$nport" | tee "$tmp/node.txt"

echo "# ratio netstage/node (requests per second)"
paste -d' ' "$tmp/ns.txt" "$tmp/node.txt" | while read -r _ mode c a _ _ _ b; do
  ra=$(echo "$a" | grep -o '"rps":[0-9]*' | cut -d: -f2)
  rb=$(echo "$b" | grep -o '"rps":[0-9]*' | cut -d: -f2)
  awk -v m="$mode" -v c="$c" -v a="$ra" -v b="$rb" \
      'BEGIN { printf "%-9s %-5s netstage %7d rps   node %7d rps   ratio %.2f\n", m, c, a, b, a / b }'
done

echo "# memory of the netstage server (VmRSS)"
kill $ns; wait $ns 2>/dev/null || true
"$netstage" http serve --port 0 --quiet --events "$tmp/events2.jsonl" > "$tmp/ns2.out" 2>&1 &
ns=$!
port=$(wait_port "$tmp/events2.jsonl")
sleep 0.5
before=$(rss_kb $ns)
"$load" --port "$port" --connections 50 --requests 100000 --warmup 0 > /dev/null
sleep 1
after=$(rss_kb $ns)
"$load" --port "$port" --connections 50 --requests 100000 --warmup 0 > /dev/null
sleep 1
after2=$(rss_kb $ns)
lines=$(wc -l < "$tmp/events2.jsonl")
echo "netstage RSS: at start ${before} KiB, after 100,000 keep-alive requests ${after} KiB," \
     "after 200,000 ${after2} KiB; ${lines} events written"
echo "(first server's RSS at start of the matrix: ${rss0} KiB)"
