#!/usr/bin/env bash
# Chaos run: a real local broker, the simulator at a steady rate (duplicates, reordering, poison),
# 2-3 app instances, kill -9 of a random instance every ~20 s and a restart, one broker kill -9 and
# restart, then wait for the app to drain and run the invariant checker (CONTRACT §5 I1-I5).
#
#   bench/chaos.sh --short          ~3 minutes: 2 instances, 100 records/s for 60 s   (CI)
#   bench/chaos.sh                  long: 3 instances, 1,000,000 records at 2000/s
#   bench/chaos.sh --events N --rate R --instances K [--drain S]
#   WORK=/tmp/ticketing-chaos.X bench/chaos.sh --resume [--drain S]
#                                   no traffic, no faults: restart the broker and the instances on an
#                                   earlier run's WORK dir, let them drain, run the checker (for a
#                                   long run whose backlog outlived its drain bound; a run that fails
#                                   keeps its broker and state data, a passing one only with KEEP_DATA=1)
#
# Everything listens on loopback only. Exit status: the checker's (0 = every invariant held),
# 3 when the run itself could not be carried out (broker or app never came up).
# Environment: CP (the service's class path; default app/target/ticketing-app.jar), TOOLS_CP (the
# broker and GroupLag; default bench-tools/target/ticketing-bench-tools.jar), WORK (scratch dir),
# BROKER_PORT (19092), HTTP_BASE (17070), SEED, GUARANTEE (exactly_once_v2 | at_least_once).
set -euo pipefail

source "$(dirname "$0")/lib.sh"
bench_init chaos -XX:+UseSerialGC -XX:TieredStopAtLevel=1
BROKER_PORT="${BROKER_PORT:-19092}"
HTTP_BASE="${HTTP_BASE:-17070}"
SEED="${SEED:-$RANDOM}"
GUARANTEE="${GUARANTEE:-exactly_once_v2}"
INSTANCES=3 RATE=2000 EVENTS=1000000 DURATION="" KILL_EVERY=20 TTL=20s DRAIN_MAX=600 SHORT=0 RESUME=0
# The checker holds every record of the run in memory: ~4 GB for a million.
CHECK_HEAP="${CHECK_HEAP:-4g}"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --short) SHORT=1; INSTANCES=2; RATE=100; DURATION=60s; EVENTS=""; TTL=10s; DRAIN_MAX=120; shift ;;
    --events) EVENTS="$2"; DURATION=""; shift 2 ;;
    --rate) RATE="$2"; shift 2 ;;
    --instances) INSTANCES="$2"; shift 2 ;;
    --duration) DURATION="$2"; EVENTS=""; shift 2 ;;
    --drain) DRAIN_MAX="$2"; shift 2 ;;
    --resume) RESUME=1; shift ;;
    *) unknown_argument "$1" ;;
  esac
done
BOOTSTRAP="localhost:$BROKER_PORT"
START=$(date +%s)

log() { printf '[chaos %4ds] %s\n' $(( $(date +%s) - START )) "$*"; }

# PIDS (bench/lib.sh) by name: broker, sim, app1..appN; the trap stops them all.
alive() { [[ -n "${PIDS[$1]:-}" ]] && kill -0 "${PIDS[$1]}" 2>/dev/null; }

# Waits for a new "BROKER READY" line in the (appended) log, so a restart or a --resume waits for its own.
broker_up() { start_broker "$WORK/kafka" "$BROKER_PORT" 6 "$WORK/broker.log" 512m; log "broker up on $BOOTSTRAP"; }

start_instance() {
  local n=$1 port=$((HTTP_BASE + $1))
  KAFKA_BOOTSTRAP_SERVERS="$BOOTSTRAP" HTTP_PORT="$port" APPLICATION_SERVER="localhost:$port" \
  STATE_DIR="$WORK/state-$n" PROCESSING_GUARANTEE="$GUARANTEE" \
  TICKETING_TICKET_SECRET="chaos-run-secret-0123456789abcdef0123456789" TICKETING_AUTH=off TICKETING_INSTANCE_SECRET="$BENCH_INSTANCE_SECRET" \
  TICKETING_EXPIRY_GRACE_MS=5000 TICKETING_ORPHAN_TIMEOUT_MS=15000 \
    "${JAVA[@]}" -Xmx384m io.ticketing.app.Main >>"$WORK/app-$n.log" 2>&1 &
  track "app$n" $!
}

ready() { curl -fs -o /dev/null --max-time 2 "http://localhost:$((HTTP_BASE + $1))/health/ready"; }

# Restart any instance that is gone (killed by us, or stopped itself after a broker outage).
revive() {
  local n
  for n in $(seq 1 "$INSTANCES"); do
    if ! alive "app$n"; then log "instance $n is down: restarting"; start_instance "$n"; fi
  done
}

log "work dir $WORK, seed $SEED, $INSTANCES instances, $GUARANTEE"
if (( RESUME )); then
  [[ -f "$WORK/sent.jsonl" ]] || { echo "--resume needs WORK set to an earlier run's dir (no $WORK/sent.jsonl)" >&2; exit 2; }
fi
broker_up
for n in $(seq 1 "$INSTANCES"); do start_instance "$n"; done
for i in $(seq 1 180); do ready 1 && break; sleep 1; done
ready 1 || { log "instance 1 not ready after 180 s: see $WORK/app-1.log"; tail -30 "$WORK/app-1.log"; exit 3; }
log "instance 1 ready"

if (( RESUME )); then
  log "resuming: no traffic, no faults; draining for at most $DRAIN_MAX s"
else
SIM=(simulate --bootstrap "$BOOTSTRAP" --rate "$RATE" --seed "$SEED" --ttl "$TTL" --record "$WORK/sent.jsonl"
     --poison 2 --duplicates 5 --early 5 --hot 5 --late 3)
if [[ -n "$DURATION" ]]; then SIM+=(--duration "$DURATION"); else SIM+=(--count "$EVENTS"); fi
"${JAVA[@]}" -Xmx256m io.ticketing.app.Main "${SIM[@]}" >"$WORK/simulator.log" 2>&1 &
track sim $!
log "simulator: ${SIM[*]}"

SIM_START=$(date +%s)
BROKER_RESTARTED=0 KILLS=0
NEXT_KILL=$((SIM_START + KILL_EVERY))
BROKER_AT=$((SIM_START + (SHORT ? 30 : 120)))
while alive sim; do
  now=$(date +%s)
  if (( now >= NEXT_KILL )); then
    victim=$(( RANDOM % INSTANCES + 1 ))
    if alive "app$victim"; then
      log "kill -9 instance $victim (pid ${PIDS[app$victim]})"
      kill -9 "${PIDS[app$victim]}"; KILLS=$((KILLS + 1))
      sleep 2
    fi
    NEXT_KILL=$((now + KILL_EVERY))
  fi
  if (( !BROKER_RESTARTED && now >= BROKER_AT )); then
    log "kill -9 broker"; kill -9 "${PIDS[broker]}"; wait "${PIDS[broker]}" 2>/dev/null || true
    sleep 3; broker_up; BROKER_RESTARTED=1
  fi
  revive
  sleep 1
done
wait "${PIDS[sim]}" && SIM_STATUS=0 || SIM_STATUS=$?
untrack sim
log "simulator finished (status $SIM_STATUS), $KILLS instance kills, broker restarts: $BROKER_RESTARTED"
sed -n '/summary\|sent\|records/Ip' "$WORK/simulator.log" | tail -15
fi

# Drain: the checker is rerun until it passes or DRAIN_MAX runs out. A payment still in flight
# shows as "neither ticket nor refund" until the app catches up; a real violation (two tickets,
# both outcomes) stays and is reported at the end.
DEADLINE=$(( $(date +%s) + DRAIN_MAX ))
STATUS=1
while :; do
  revive
  for n in $(seq 1 "$INSTANCES"); do for i in $(seq 1 60); do ready "$n" && break; sleep 1; done; done
  # Reading every topic takes minutes after a long run: check only once the app has caught up.
  if ! "${TOOLS[@]}" -Xmx128m io.ticketing.bench.GroupLag "$BOOTSTRAP" ticketing >"$WORK/lag.out" 2>/dev/null \
     && (( $(date +%s) < DEADLINE )); then
    log "app not drained yet: $(cut -c1-160 "$WORK/lag.out")"; sleep 15; continue
  fi
  if "${JAVA[@]}" -Xmx"$CHECK_HEAP" io.ticketing.app.check.CheckCommand --bootstrap "$BOOTSTRAP" \
       --http "localhost:$((HTTP_BASE + 1))" --record "$WORK/sent.jsonl" --sample 300 >"$WORK/check.out" 2>"$WORK/check.err"; then
    STATUS=0; break
  fi
  STATUS=$?
  (( $(date +%s) < DEADLINE )) || break
  log "checker exit $STATUS: $(grep -c '^I[0-9]:' "$WORK/check.out" || true) violations so far; $(tail -1 "$WORK/check.err" | cut -c1-120)"
  sleep 15
done
cat "$WORK/check.out"
tail -5 "$WORK/check.err" >&2 || true
log "done in $(( $(date +%s) - START )) s: checker exit $STATUS (logs in $WORK)"
exit "$STATUS"
