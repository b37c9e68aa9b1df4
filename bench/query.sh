#!/usr/bin/env bash
# Query throughput and latency with wrk: key lookups answered locally vs forwarded to the other
# instance, and a show-wide summary (gathered from all instances), against instance 1 of 2.
#
#   bench/query.sh [--records 20000] [--seconds 20] [--runs 3] [--connections 16]
#
# Keys are reservation ids the simulator sent; a key is "local" when instance 1's internal
# lookup (/internal/keys/reservations/{id}, never forwarded) finds it. wrk runs with one thread on
# the same 2-core machine as the broker and both instances, so the figures are bounded by the CPU
# they share; the forwarded/local ratio is the meaningful number.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
CP="${CP:-$ROOT/app/target/ticketing-app.jar}"
WORK="${WORK:-$(mktemp -d /tmp/ticketing-query.XXXXXX)}"
PORT="${BROKER_PORT:-19392}"
H1=17371 H2=17372
RECORDS=20000 SECS=20 RUNS=3 CONNS=16
while [[ $# -gt 0 ]]; do
  case "$1" in
    --records) RECORDS="$2"; shift 2 ;;
    --seconds) SECS="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --connections) CONNS="$2"; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 3; }
JAVA=(java -cp "$CP")
BOOT="localhost:$PORT"
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; sleep 2; for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM

"${JAVA[@]}" -Xmx1g io.ticketing.app.check.ChaosBroker "$WORK/kafka" "$PORT" 6 >"$WORK/broker.log" 2>&1 &
PIDS+=($!)
for i in $(seq 1 120); do grep -q "BROKER READY" "$WORK/broker.log" && break; sleep 1; done
for n in 1 2; do
  hp=$(( n == 1 ? H1 : H2 ))
  KAFKA_BOOTSTRAP_SERVERS="$BOOT" HTTP_PORT="$hp" APPLICATION_SERVER="localhost:$hp" STATE_DIR="$WORK/state-$n" \
  TICKETING_TICKET_SECRET="bench-secret-0123456789abcdef0123456789abcd" \
    "${JAVA[@]}" -Xmx512m io.ticketing.app.Main >"$WORK/app-$n.log" 2>&1 &
  PIDS+=($!)
done
for hp in $H1 $H2; do for i in $(seq 1 180); do curl -fs -o /dev/null "http://localhost:$hp/health/ready" && break; sleep 1; done; done
"${JAVA[@]}" -Xmx256m io.ticketing.app.Main simulate --bootstrap "$BOOT" --rate 2000 --count "$RECORDS" --ttl 20s \
  --poison 0 --seed 5 --record "$WORK/sent.jsonl" >"$WORK/sim.log" 2>&1 || true
python3 - "$WORK/sent.jsonl" >"$WORK/ids.txt" <<'PY'
import json, sys
seen = set()
for line in open(sys.argv[1]):
    r = json.loads(line)
    if r.get("topic") == "reservation-created" and "value" in r:
        rid = r["value"]["reservationId"]
        if rid not in seen:
            seen.add(rid); print(rid, r["value"]["eventId"])
PY
sleep 10  # let the instances apply the last records
: >"$WORK/local.txt"; : >"$WORK/remote.txt"
head -2000 "$WORK/ids.txt" | while read -r id ev; do
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$H1/internal/keys/reservations/$id")
  if [[ $code == 200 ]]; then echo "$id" >>"$WORK/local.txt"; else echo "$id" >>"$WORK/remote.txt"; fi
done
EVENT=$(awk 'NR==1 {print $2}' "$WORK/ids.txt")
echo "keys: $(wc -l <"$WORK/local.txt") local to instance 1, $(wc -l <"$WORK/remote.txt") on instance 2; show $EVENT"

lua() { # file-of-ids -> lua script path
  local f="$WORK/$(basename "$1" .txt).lua"
  { echo "ids = {"; sed 's/.*/"&",/' "$1"; echo "}";
    echo 'request = function() return wrk.format("GET", "/reservations/" .. ids[math.random(#ids)]) end'; } >"$f"
  echo "$f"
}
LOCAL_LUA=$(lua "$WORK/local.txt"); REMOTE_LUA=$(lua "$WORK/remote.txt")
run_wrk() { # label args...
  local label=$1; shift
  wrk -t1 -c"$CONNS" -d"${SECS}s" --latency "$@" >"$WORK/wrk-$label.out" 2>&1
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk-$label.out")
  p50=$(awk '$1=="50%" {print $2}' "$WORK/wrk-$label.out"); p99=$(awk '$1=="99%" {print $2}' "$WORK/wrk-$label.out")
  non2xx=$(awk '/Non-2xx/ {print $4}' "$WORK/wrk-$label.out")
  printf '%s\t%s\t%s\t%s\t%s\n' "$label" "$rps" "$p50" "$p99" "${non2xx:-0}"
}
echo "run	what	req/s	p50	p99	non-2xx"
for run in $(seq 1 "$RUNS"); do
  run_wrk local -s "$LOCAL_LUA" "http://localhost:$H1" | sed "s/^/$run\t/"
  run_wrk forwarded -s "$REMOTE_LUA" "http://localhost:$H1" | sed "s/^/$run\t/"
  run_wrk show-summary "http://localhost:$H1/events/$EVENT/summary" | sed "s/^/$run\t/"
done | tee "$WORK/query.tsv"
echo "raw wrk outputs in $WORK"
