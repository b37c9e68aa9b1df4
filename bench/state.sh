#!/usr/bin/env bash
# State, restore and failover figures of one instance (docs/benchmarks.md, section 4).
#
#   bench/state.sh [--records 200000] [--memory-mb 64] [--restores 1] [--failovers 2] [--watch 75]
#
# (a) Preloads RECORDS simulator records (about half are reservation-created) at full speed, lets one
#     instance (exactly_once_v2, TICKETING_ROCKSDB_MEMORY_MB=MEMORY) work them off (LagWatcher), then
#     prints heap used after a full GC (jcmd GC.run + GC.heap_info), the process RSS, RocksDB memory
#     from the app's /metrics (Kafka Streams' block-cache-usage: one shared cache, memtables charged
#     to it; size-all-mem-tables summed over stores), the keys in the stores (estimate-num-keys) and
#     the state dir size on disk (du).
# (b) Restore: stops the instance (SIGTERM), wipes its state dir, restarts it and times until
#     /health/ready answers 200, then until its stores hold the keys they held before. RESTORES times;
#     with RESTORE_B_ENV="VAR=VALUE ..." every second restore runs with those settings added (an A/B
#     of a setting on one backlog and broker), and the median of each side is printed.
# (c) Failover, FAILOVERS times: a second instance joins (both KAFKA_NUM_STANDBY_REPLICAS=1); once the
#     standby replicas hold the newest keys, a FailoverProbe looks keys owned by the victim up on the
#     survivor (~40/s), the victim is killed with kill -9, and the probe keeps going for WATCH s
#     (past the 45 s session timeout and the rebalance that follows). Prints the longest time without
#     a 200 after the kill, and the non-200 answers by status. The victim is then restarted, with its
#     state dir, and the next round kills whichever instance owns the keys then.
# Loopback only; the trap stops every process it started.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init state
PORT="${BROKER_PORT:-19592}"
HTTP=("" "${HTTP_PORT_1:-17571}" "${HTTP_PORT_2:-17572}")
RECORDS=200000 MEMORY=64 RESTORES=1 FAILOVERS=2 WATCH=75
parse_options "--records=RECORDS --memory-mb=MEMORY --restores=RESTORES --failovers=FAILOVERS --watch=WATCH" "$@"
BOOT="localhost:$PORT"
APP_ID="state-bench-$RANDOM"
now_ms() { date +%s%3N; }
log() { echo "[$(date -u +%H:%M:%S)] $*"; }

start_app() { # instance-number [VAR=VALUE...: extra settings]
  local n=$1; shift
  env "$@" KAFKA_BOOTSTRAP_SERVERS="$BOOT" APPLICATION_ID="$APP_ID" HTTP_PORT="${HTTP[$n]}" APPLICATION_SERVER="localhost:${HTTP[$n]}" \
  STATE_DIR="$WORK/state-$n" TICKETING_TICKET_SECRET="$BENCH_SECRET" TICKETING_AUTH=off TICKETING_INSTANCE_SECRET="$BENCH_INSTANCE_SECRET" \
  KAFKA_NUM_STANDBY_REPLICAS=1 TICKETING_ROCKSDB_MEMORY_MB="$MEMORY" \
    "${JAVA[@]}" -Xmx512m ${APP_OPTS:-} io.ticketing.app.Main >>"$WORK/app-$n.log" 2>&1 &
  track "app$n" $!
}
wait_ready() { # instance-number timeout-s -> 0 when /health/ready answered 200
  local n=$1 t=$2 i
  for i in $(seq 1 $((t * 5))); do
    [[ $(curl -s -o /dev/null -w '%{http_code}' "http://localhost:${HTTP[$n]}/health/ready") == 200 ]] && return 0
    sleep 0.2
  done
  return 1
}
metrics() { curl -s "http://localhost:${HTTP[$1]}/metrics"; }
# Prometheus names of Kafka Streams' RocksDB metrics, via Micrometer's KafkaStreamsMetrics.
keys_of() { metrics "$1" | awk '/^kafka_stream_state_estimate_num_keys\{/ {s += $NF} END {printf "%.0f\n", s}'; }
snapshot() { # instance-number label
  local n=$1 pid=${PIDS[app$1]} heap rss cache pinned memt keys disk
  jcmd "$pid" GC.run >/dev/null
  heap=$(jcmd "$pid" GC.heap_info | awk '/used/ {for (i = 1; i <= NF; i++) if ($i == "used") {print $(i+1); exit}}')
  rss=$(awk '/VmRSS/ {print $2 " " $3}' "/proc/$pid/status")
  cache=$(metrics "$n" | awk '/^kafka_stream_state_block_cache_usage\{/ {if ($NF > m) m = $NF} END {printf "%.1f MB\n", m / 1048576}')
  pinned=$(metrics "$n" | awk '/^kafka_stream_state_block_cache_pinned_usage\{/ {if ($NF > m) m = $NF} END {printf "%.1f MB\n", m / 1048576}')
  memt=$(metrics "$n" | awk '/^kafka_stream_state_size_all_mem_tables\{/ {s += $NF} END {printf "%.1f MB\n", s / 1048576}')
  keys=$(keys_of "$n")
  disk=$(du -sm --apparent-size "$WORK/state-$n" | awk '{print $1}')" MB in files, $(du -sm "$WORK/state-$n" | awk '{print $1}') MB allocated"
  log "$2: heap used after full GC $heap; RSS $rss; RocksDB block cache (shared, memtables charged) $cache, pinned $pinned; memtables (sum) $memt; keys in stores $keys; state dir $disk"
}

start_broker "$WORK/kafka" "$PORT" 6 "$WORK/broker.log"

log "preloading ~$RECORDS records"
"${JAVA[@]}" -Xmx512m io.ticketing.app.Main simulate --bootstrap "$BOOT" --rate 50000 --count "$RECORDS" \
  --poison 0 --seed 11 --record "$WORK/sent.jsonl" >"$WORK/sim.log" 2>&1
SENT=$(wc -l <"$WORK/sent.jsonl")
RESERVATIONS=$(grep -c '"topic":"reservation-created"' "$WORK/sent.jsonl" || true)
grep '"topic":"reservation-created"' "$WORK/sent.jsonl" | sed 's/.*"reservationId":"\([^"]*\)".*/\1/' | awk '!seen[$0]++' >"$WORK/ids.txt"
log "preloaded $SENT records, $RESERVATIONS reservation-created ($(wc -l <"$WORK/ids.txt") distinct reservations)"

# (a) memory and disk after the backlog
start_app 1
out=$("${TOOLS[@]}" -Xmx128m io.ticketing.bench.LagWatcher "$BOOT" "$APP_ID" "$SENT" 3600 24 | tail -1)
log "backlog worked off: $out (records/s, seconds)"
wait_ready 1 120 || { echo "instance 1 not ready" >&2; exit 4; }
sleep 65 # Micrometer binds new Kafka metrics once a minute
snapshot 1 "(a) after $SENT records"

# (b) restore from the changelogs into an empty state dir, RESTORES times (even ones with RESTORE_B_ENV)
read -ra B_ENV <<<"${RESTORE_B_ENV:-}"
for r in $(seq 1 "$RESTORES"); do
  side=A; extra=()
  if (( r % 2 == 0 )) && (( ${#B_ENV[@]} )); then side=B; extra=("${B_ENV[@]}"); fi
  stop_tracked app1
  rm -rf "$WORK/state-1"
  t0=$(now_ms); start_app 1 "${extra[@]}"
  wait_ready 1 1800 || { echo "instance 1 not ready after restore" >&2; exit 4; }
  t1=$(now_ms)
  log "(b) restore $r ($side): /health/ready 200 after $(( (t1 - t0) )) ms from process start (empty state dir)"
  echo "$side $(( t1 - t0 ))" >>"$WORK/restores.txt"
  # Stores back: the oldest and the newest 50 reservations answer 200 from this instance's own stores.
  for i in $(seq 1 3000); do
    bad=0
    for id in $(head -50 "$WORK/ids.txt") $(tail -50 "$WORK/ids.txt"); do
      [[ $(curl -s -o /dev/null -w '%{http_code}' "http://localhost:${HTTP[1]}/internal/keys/reservation-views/$id") == 200 ]] || { bad=1; break; }
    done
    [[ $bad == 0 ]] && break; sleep 0.2
  done
  t2=$(now_ms)
  log "(b) restore $r ($side): oldest and newest 50 reservations answered 200 locally $(( (t2 - t0) )) ms after process start"
done
if (( RESTORES > 1 )); then
  for side in A B; do
    grep -q "^$side " "$WORK/restores.txt" || continue
    log "(b) restore, side $side ($([[ $side == A ]] && echo "as configured" || echo "${RESTORE_B_ENV:-}")): median $(awk -v s="$side" '$1 == s {print $2}' "$WORK/restores.txt" | median) ms to /health/ready over $(grep -c "^$side " "$WORK/restores.txt") runs"
  done
fi
if (( ${#B_ENV[@]} )) && (( RESTORES % 2 == 0 )); then # the last restore ran with B: back to as configured
  stop_tracked app1; start_app 1
  wait_ready 1 1800 || { echo "instance 1 not ready" >&2; exit 4; }
fi
sleep 65
snapshot 1 "(b) after restore"

# (c) failover with one standby
owns() { # instance-number id -> 0 when the instance answers it from an active store (200, not stale)
  local h
  h=$(curl -s -D - -o /dev/null "http://localhost:${HTTP[$1]}/internal/keys/reservation-views/$2")
  [[ $h == "HTTP/1.1 200"* ]] && ! grep -qi '^X-Ticketing-Stale' <<<"$h"
}
probe_owner() { # -> instance number owning most of the first 200 keys
  local n c best=1 bestc=-1
  for n in 1 2; do
    c=0
    for id in $(head -200 "$WORK/ids.txt"); do owns "$n" "$id" && c=$((c + 1)); done
    (( c > bestc )) && { best=$n; bestc=$c; }
  done
  echo "$best"
}
start_app 2
wait_ready 2 1800 || { echo "instance 2 not ready" >&2; exit 4; }
: >"$WORK/failover.tsv"
for run in $(seq 1 "$FAILOVERS"); do
  victim=$(probe_owner); survivor=$((3 - victim))
  # The victim's keys among the first 200 (answered non-stale there), and the newest 50 as a freshness check.
  : >"$WORK/keys-$run.txt"
  for id in $(head -200 "$WORK/ids.txt"); do
    owns "$victim" "$id" && echo "$id" >>"$WORK/keys-$run.txt"
  done
  for i in $(seq 1 600); do # the survivor's replicas hold the newest keys
    bad=0
    for id in $(tail -50 "$WORK/ids.txt"); do
      [[ $(curl -s -o /dev/null -w '%{http_code}' "http://localhost:${HTTP[$survivor]}/internal/keys/reservation-views/$id") == 200 ]] || { bad=1; break; }
    done
    [[ $bad == 0 ]] && break; sleep 1
  done
  log "(c) run $run: victim instance $victim owns $(wc -l <"$WORK/keys-$run.txt") of 200 keys; survivor $survivor replicas caught up (waited ${i}s)"
  "${TOOLS[@]}" -Xmx128m io.ticketing.bench.FailoverProbe "http://localhost:${HTTP[$survivor]}" "$WORK/keys-$run.txt" \
    $((WATCH + 10)) "$WORK/probe-$run.txt" &
  probe=$!; track probe "$probe"
  sleep 10
  kill_ms=$(now_ms); stop_tracked "app$victim" 9
  wait "$probe" || true; untrack probe
  result=$(awk -v k="$kill_ms" '
    $1 < k && $3 == 200 { last = $2 }
    $2 >= k { n++; end = $2
              if ($3 != 200) { bad++; codes[$3]++; if (!fb) fb = $1 - k; lb = $2 - k }
              else { if (last && $2 - last > gap) { gap = $2 - last; gapAt = last - k }; last = $2 } }
    END { if (end - last > gap) { gap = end - last; gapAt = last - k }  # still no 200 when the probe stopped
          c = ""; for (s in codes) c = c s "x" codes[s] " "
          printf "%d\t%d\t%d\t%s\t%s\t%d\t%d\n", gap, n, bad + 0, (c == "" ? "-" : c),
                 (bad ? fb "..." lb : "-"), gapAt, p99 }' p99="$(awk -v k="$kill_ms" '$2 >= k {print $2 - $1}' "$WORK/probe-$run.txt" |
                 sort -n | awk '{a[NR] = $1} END {print a[int(NR * 0.99) + (NR * 0.99 > int(NR * 0.99))]}')" "$WORK/probe-$run.txt")
  printf '%s\t%s\n' "$run" "$result" >>"$WORK/failover.tsv"
  log "(c) run $run: longest time without a 200 $(cut -f1 <<<"$result") ms (starting $(cut -f6 <<<"$result") ms after the kill); lookups after the kill $(cut -f2 <<<"$result"), p99 $(cut -f7 <<<"$result") ms; non-200 $(cut -f3 <<<"$result") ($(cut -f4 <<<"$result")) between $(cut -f5 <<<"$result") ms after the kill; stale answers $(awk -v k="$kill_ms" '$2 >= k && $4 != "-"' "$WORK/probe-$run.txt" | wc -l)"
  if (( run < FAILOVERS )); then start_app "$victim"; wait_ready "$victim" 1800 || { echo "restart failed" >&2; exit 4; }; fi
done
echo "run	longest gap without 200 (ms)	lookups after kill	non-200	by status	non-200 window (ms after kill)	gap starts (ms after kill)	p99 lookup ms"
cat "$WORK/failover.tsv"
cut -f2 "$WORK/failover.tsv" | median | xargs printf 'median gap %s ms\n'
echo "work dir $WORK"
