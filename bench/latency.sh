#!/usr/bin/env bash
# Latency payment-succeeded appended -> ticket-issued readable (read_committed), p50/p99/p99.9,
# at fixed simulator rates, for one app instance under each processing guarantee.
#
#   bench/latency.sh [--rates "250 500 750"] [--seconds 60] [--guarantees "exactly_once_v2 at_least_once"]
#                    [--hops yes]
#
# --hops yes also prints, per rate, input appended -> readable on each of the app's two repartition
# topics on the way (reservation-commands: only what came before its route was known; seat-commands),
# read by the same probe: where along the hops the time goes.
# Pick the rates as 25/50/75 % of the max from bench/throughput.sh. The first 10 s of each rate are
# warm-up and not counted (io.ticketing.bench.LatencyProbe).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init lat
PORT="${BROKER_PORT:-19292}"
HTTP_PORT="${HTTP_PORT:-17270}"
RATES="250 500 750" SECONDS_PER_RATE=60 GUARANTEES="exactly_once_v2 at_least_once" HOPS=no
parse_options "--rates=RATES --seconds=SECONDS_PER_RATE --guarantees=GUARANTEES --hops=HOPS" "$@"
BOOT="localhost:$PORT"


echo "guarantee	rate/s	n	p50ms	p99ms	p99.9ms	maxms"
for g in $GUARANTEES; do
  # A fresh broker per guarantee: an app must not start on the previous one's backlog.
  start_broker "$WORK/kafka-$g" "$PORT" 6 "$WORK/broker-$g.log"
  KAFKA_BOOTSTRAP_SERVERS="$BOOT" APPLICATION_ID="lat-$g" PROCESSING_GUARANTEE="$g" HTTP_PORT="$HTTP_PORT" \
  STATE_DIR="$WORK/state-$g" TICKETING_TICKET_SECRET="$BENCH_SECRET" TICKETING_AUTH=off TICKETING_INSTANCE_SECRET="$BENCH_INSTANCE_SECRET" \
    "${JAVA[@]}" -Xmx512m io.ticketing.app.Main >"$WORK/app-$g.log" 2>&1 &
  track app $!
  await_ready "$HTTP_PORT" 120 || true
  # Warm-up (JIT, first rebalance, RocksDB): 20 s at the lowest rate, not measured.
  "${JAVA[@]}" -Xmx256m io.ticketing.app.Main simulate --bootstrap "$BOOT" --rate "${RATES%% *}" \
    --duration 20s --poison 0 --seed 10 >"$WORK/warmup-$g.log" 2>&1 || true
  topics=ticket-issued
  if [[ $HOPS == yes ]]; then topics+=",lat-$g-reservation-commands-repartition,lat-$g-seat-commands-repartition"; fi
  for rate in $RATES; do
    "${TOOLS[@]}" -Xmx256m io.ticketing.bench.LatencyProbe "$BOOT" "$topics" "$SECONDS_PER_RATE" 10 >"$WORK/probe.out" &
    probe=$!; track probe "$probe"
    "${JAVA[@]}" -Xmx256m io.ticketing.app.Main simulate --bootstrap "$BOOT" --rate "$rate" \
      --duration "${SECONDS_PER_RATE}s" --poison 0 --early 0 --seed 11 >"$WORK/sim-$g-$rate.log" 2>&1 || true
    wait "$probe" || true; untrack probe
    printf '%s\t%s\t%s\n' "$g" "$rate" "$(awk '/LATENCY_MS/ {print $2"\t"$3"\t"$4"\t"$5"\t"$6}' "$WORK/probe.out")"
    awk -v g="$g" -v r="$rate" '/^HOP_MS/ {print "  hop " $2 " (" g ", " r "/s): n " $3 ", p50 " $4 ", p99 " $5 ", p99.9 " $6 ", max " $7 " ms"}' "$WORK/probe.out"
    # The stream thread's worst commit / punctuation / poll of the last window: a pause behind the tail?
    if [[ $HOPS == yes ]]; then
      curl -s "http://localhost:$HTTP_PORT/metrics" \
        | awk '/^kafka_stream_thread_(commit|punctuate|poll|process)_latency_(max|avg)\{/ {sub(/\{.*\}/, "", $1); print "  " $1 " " $NF " ms"}'
    fi
  done
  # What the broker carried for this app besides the inputs, per input record, over every rate of
  # this guarantee (live traffic: payments come after their reservation is routed).
  sent=$(awk '/^simulator: sent/ {s += $3} END {print s + 0}' "$WORK"/warmup-"$g".log "$WORK"/sim-"$g"-*.log)
  echo "  records written per input record at live rates ($g, $sent inputs):"
  "${TOOLS[@]}" -Xmx128m io.ticketing.bench.TopicVolumes "$BOOT" "lat-$g-" "$sent" 2>/dev/null | sed 's/^/    /' || true
  stop_tracked app
  stop_tracked broker
done
