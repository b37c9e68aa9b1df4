#!/usr/bin/env bash
# Query throughput and latency with wrk: key lookups answered locally vs forwarded to the other
# instance, and a show-wide summary (gathered from all instances), against instance 1 of 2.
#
#   bench/query.sh [--records 20000] [--seconds 20] [--runs 3] [--connections 16] [--warmup 10]
#                  [--paced-delay-ms 10]
#
# Keys are reservation ids the simulator sent; a key is "local" when instance 1's internal
# lookup (/internal/keys/reservation-views/{id}, never forwarded) finds it. wrk runs with one thread on
# the same 2-core machine as the broker and both instances, so the figures are bounded by the CPU
# they share; the forwarded/local ratio is the meaningful number.
#
# Each run has two kinds of rows:
#   local, forwarded, show-summary   saturated: every connection sends its next request as soon as
#                                    the last is answered (throughput; p99 is mostly queueing)
#   local-paced, forwarded-paced     every connection waits --paced-delay-ms between requests, so
#                                    both kinds are offered about the same load, below saturation
#                                    (latency of one lookup: what the extra hop costs)
# Before the runs, --warmup seconds of each kind are sent and not measured (JIT).
# Ports: BROKER_PORT (19392), HTTP_PORT_1 and HTTP_PORT_2 (17371, 17372) for the two instances.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init query
PORT="${BROKER_PORT:-19392}"
H1="${HTTP_PORT_1:-17371}" H2="${HTTP_PORT_2:-17372}"
RECORDS=20000 SECS=20 RUNS=3 CONNS=16 WARMUP=10 PACED_DELAY_MS=10
parse_options "--records=RECORDS --seconds=SECS --runs=RUNS --connections=CONNS --warmup=WARMUP --paced-delay-ms=PACED_DELAY_MS" "$@"
command -v wrk >/dev/null || { echo "wrk is missing (it sends the queries): apt-get install -y wrk" >&2; exit 3; }
BOOT="localhost:$PORT"

start_broker "$WORK/kafka" "$PORT" 6 "$WORK/broker.log"
for n in 1 2; do
  hp=$(( n == 1 ? H1 : H2 ))
  KAFKA_BOOTSTRAP_SERVERS="$BOOT" HTTP_PORT="$hp" APPLICATION_SERVER="localhost:$hp" STATE_DIR="$WORK/state-$n" \
  TICKETING_TICKET_SECRET="$BENCH_SECRET" TICKETING_AUTH=off TICKETING_INSTANCE_SECRET="$BENCH_INSTANCE_SECRET" \
    "${JAVA[@]}" -Xmx512m io.ticketing.app.Main >"$WORK/app-$n.log" 2>&1 &
  track "app$n" $!
done
for hp in $H1 $H2; do await_ready "$hp" 180 || true; done
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
  code=$(curl -s -o /dev/null -w '%{http_code}' "http://localhost:$H1/internal/keys/reservation-views/$id")
  if [[ $code == 200 ]]; then echo "$id" >>"$WORK/local.txt"; else echo "$id" >>"$WORK/remote.txt"; fi
done
EVENT=$(awk 'NR==1 {print $2}' "$WORK/ids.txt")
echo "keys: $(wc -l <"$WORK/local.txt") local to instance 1, $(wc -l <"$WORK/remote.txt") on instance 2; show $EVENT"

lua() { # file-of-ids [delay-ms] -> lua script path
  local f="$WORK/$(basename "$1" .txt)${2:+-paced}.lua"
  { echo "ids = {"; sed 's/.*/"&",/' "$1"; echo "}";
    echo 'request = function() return wrk.format("GET", "/reservations/" .. ids[math.random(#ids)]) end'
    if [[ -n "${2:-}" ]]; then echo "delay = function() return $2 end"; fi; } >"$f"
  echo "$f"
}
LOCAL_LUA=$(lua "$WORK/local.txt"); REMOTE_LUA=$(lua "$WORK/remote.txt")
LOCAL_PACED=$(lua "$WORK/local.txt" "$PACED_DELAY_MS"); REMOTE_PACED=$(lua "$WORK/remote.txt" "$PACED_DELAY_MS")
TICK=$(getconf CLK_TCK)
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
run_wrk() { # label seconds args...
  local label=$1 secs=$2; shift 2
  local c1 c2; c1=$(cpu_ticks "${PIDS[app1]}"); c2=$(cpu_ticks "${PIDS[app2]}")
  wrk -t1 -c"$CONNS" -d"${secs}s" --latency "$@" >"$WORK/wrk-$label.out" 2>&1
  # CPU each instance spent per request during the run (user + system): unlike latency, barely
  # moved by other processes on the machine.
  local n cpu1 cpu2
  n=$(awk '/requests in/ {print $1}' "$WORK/wrk-$label.out")
  cpu1=$(( ($(cpu_ticks "${PIDS[app1]}") - c1) * 1000000 / TICK / (n > 0 ? n : 1) ))
  cpu2=$(( ($(cpu_ticks "${PIDS[app2]}") - c2) * 1000000 / TICK / (n > 0 ? n : 1) ))
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk-$label.out")
  p50=$(awk '$1=="50%" {print $2}' "$WORK/wrk-$label.out"); p99=$(awk '$1=="99%" {print $2}' "$WORK/wrk-$label.out")
  non2xx=$(awk '/Non-2xx/ {print $4}' "$WORK/wrk-$label.out")
  errors=$(awk '/Socket errors/ {print $0}' "$WORK/wrk-$label.out")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$rps" "$p50" "$p99" "$cpu1" "$cpu2" "${non2xx:-0}" "${errors:-}"
}
if (( WARMUP > 0 )); then
  echo "warm-up: ${WARMUP}s of each kind, not measured"
  run_wrk warmup-local "$WARMUP" -s "$LOCAL_LUA" "http://localhost:$H1" >/dev/null
  run_wrk warmup-forwarded "$WARMUP" -s "$REMOTE_LUA" "http://localhost:$H1" >/dev/null
  run_wrk warmup-summary "$WARMUP" "http://localhost:$H1/events/$EVENT/summary" >/dev/null
fi
echo "run	what	req/s	p50	p99	cpu µs/req inst1	cpu µs/req inst2	non-2xx	socket errors"
for run in $(seq 1 "$RUNS"); do
  echo "# $(date -u +%H:%M:%S) load average: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  run_wrk local "$SECS" -s "$LOCAL_LUA" "http://localhost:$H1" | sed "s/^/$run\t/"
  run_wrk forwarded "$SECS" -s "$REMOTE_LUA" "http://localhost:$H1" | sed "s/^/$run\t/"
  run_wrk show-summary "$SECS" "http://localhost:$H1/events/$EVENT/summary" | sed "s/^/$run\t/"
  run_wrk local-paced "$SECS" -s "$LOCAL_PACED" "http://localhost:$H1" | sed "s/^/$run\t/"
  run_wrk forwarded-paced "$SECS" -s "$REMOTE_PACED" "http://localhost:$H1" | sed "s/^/$run\t/"
done | tee "$WORK/query.tsv"
python3 - "$WORK/query.tsv" <<'PY'
import sys, statistics
def ms(v):
    return float(v[:-2]) if v.endswith("ms") else float(v[:-2]) / 1000 if v.endswith("us") else float(v[:-1]) * 1000
rows = {}
for line in open(sys.argv[1]):
    f = line.rstrip("\n").split("\t")
    if len(f) >= 5 and f[0].isdigit():
        rows.setdefault(f[0], {})[f[1]] = (float(f[2]), ms(f[3]), ms(f[4]), int(f[5]), int(f[6]))
for kind, a, b in (("saturated", "local", "forwarded"), ("paced", "local-paced", "forwarded-paced")):
    ratios = [r[b][2] / r[a][2] for r in rows.values() if a in r and b in r and r[a][2] > 0]
    if ratios:
        print(f"{kind}: forwarded p99 / local p99 per run: {', '.join(f'{x:.2f}' for x in ratios)}; median {statistics.median(ratios):.2f}")
for what in ("local", "forwarded", "show-summary", "local-paced", "forwarded-paced"):
    got = [r[what] for r in rows.values() if what in r]
    if got:
        print(f"median {what}: {statistics.median(g[0] for g in got):,.0f} req/s, p50 {statistics.median(g[1] for g in got):.2f} ms, "
              f"p99 {statistics.median(g[2] for g in got):.2f} ms, cpu/request {statistics.median(g[3] for g in got):.0f} + {statistics.median(g[4] for g in got):.0f} µs")
PY
echo "raw wrk outputs in $WORK"
