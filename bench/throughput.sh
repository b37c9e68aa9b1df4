#!/usr/bin/env bash
# Throughput of the full topology under exactly_once_v2 and at_least_once, as a ratio to a
# pass-through Kafka Streams app (io.ticketing.bench.PassThrough) on the same broker and the
# same preloaded input, measured in the same run, RUNS times in rotation; prints medians.
#
#   bench/throughput.sh [--records 200000] [--runs 3] [--warmup 0] [--baseline-warmup S]
#     --warmup S: start each clock S seconds after the app's first commit (steady state, once the JIT
#     has compiled the hot code); the backlog must last longer than that for every app
#     --baseline-warmup S: the same for the pass-through and the floors (default: --warmup); they
#     work a backlog off ~10x faster, so a backlog long enough to warm the topology up may be gone
#     before a warm-up that long ends (LagWatcher then says too-short)
#   SKIP_ALOS=1 bench/throughput.sh ...   (pass-through and EOS only; the ALOS column repeats EOS)
#   STREAM_THREADS=2 bench/throughput.sh ...   (stream threads of every app, the pass-through too; default 1)
#   COMMIT_MS=1000 bench/throughput.sh ...   (commit interval of the ticketing app; default: the app's
#     own under EOS, 100 ms under ALOS)
#   FLOORS=1 bench/throughput.sh ...   (also io.ticketing.bench.ShapeFloor rekey and shape under
#     exactly_once_v2: what one re-key, and the bare two-re-key shape of the topology, cost)
#   BASE_CP=<jar> bench/throughput.sh ...   (also the ticketing app under exactly_once_v2 from another
#     build, e.g. the previous commit's jar: an A/B of a change on the same broker and backlog, in
#     rotation; prints the median EOS/base ratio)
#   APP_OPTS="-XX:StartFlightRecording=filename=/tmp/app.jfr,settings=profile" bench/throughput.sh ...
#     (extra JVM options for the ticketing app only, e.g. to profile it with JFR)
#   TICKETING_EXPIRY_GRACE_MS: the app's own TTL grace; default here one day (the app's: 30 s). The
#     preload compresses its traffic into seconds and is read minutes later (the third run's app
#     tens of minutes later): with a shorter grace the app would itself expire, by the wall clock,
#     reservations whose payment is still in the backlog, which measures a catch-up after an outage
#     (more records per input, runs slower the later they start), not the steady state
#
# The pass-through and the floors commit each 100 ms (Kafka's exactly-once default), the ticketing app
# under EOS at its own default; under at_least_once it commits each 100 ms too (it would otherwise
# commit each 30 s and the commit-based clock below could not see it work).
# Each measurement starts a fresh application id on the backlog and times, from its first commit
# to every partition caught up (io.ticketing.bench.LagWatcher), input records / second.
# Loopback only; the trap stops every process it started.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
bench_init tput
PORT="${BROKER_PORT:-19192}"
HTTP_PORT="${HTTP_PORT:-17170}"
RECORDS=200000 RUNS=3 WARMUP=0 BASELINE_WARMUP=""
THREADS="${STREAM_THREADS:-1}"
parse_options "--records=RECORDS --runs=RUNS --warmup=WARMUP --baseline-warmup=BASELINE_WARMUP" "$@"
BASELINE_WARMUP="${BASELINE_WARMUP:-$WARMUP}"
BOOT="localhost:$PORT"
GRACE_MS="${TICKETING_EXPIRY_GRACE_MS:-86400000}"

start_broker "$WORK/kafka" "$PORT" 6 "$WORK/broker.log"

echo "preloading ~$RECORDS records"
"${JAVA[@]}" -Xmx512m io.ticketing.app.Main simulate --bootstrap "$BOOT" --rate 50000 --count "$RECORDS" \
  --ttl 5s --seed 7 --record "$WORK/sent.jsonl" >"$WORK/sim.log" 2>&1
SENT=$(wc -l <"$WORK/sent.jsonl")
echo "preloaded $SENT records"

measure() { # mode run -> prints records/s
  local mode=$1 run=$2 id="bench-$1-$2-$RANDOM" pid out warmup=$BASELINE_WARMUP
  case "$mode" in
    passthrough) "${TOOLS[@]}" -Xmx512m io.ticketing.bench.PassThrough "$BOOT" "$id" exactly_once_v2 "$WORK/state-$id" "$THREADS" \
                   >"$WORK/$id.log" 2>&1 & ;;
    rekey|shape) "${TOOLS[@]}" -Xmx512m io.ticketing.bench.ShapeFloor "$mode" "$BOOT" "$id" exactly_once_v2 "$WORK/state-$id" "$THREADS" \
                   >"$WORK/$id.log" 2>&1 & ;;
    eos|alos|eosbase)
      warmup=$WARMUP
      local g=exactly_once_v2 java=("${JAVA[@]}"); [[ $mode == alos ]] && g=at_least_once
      # The base build runs with the same JVM options: JAVA with its class path swapped.
      [[ $mode == eosbase ]] && java=("${JAVA[@]:0:${#JAVA[@]}-1}" "$BASE_CP")
      # EOS runs with the app's own commit interval unless COMMIT_MS says otherwise; ALOS commits
      # each 100 ms so that the commit-based clock can see it work (the app's ALOS default is 30 s).
      local commit="${COMMIT_MS:-}"; [[ $mode == alos && -z $commit ]] && commit=100
      env ${commit:+KAFKA_COMMIT_INTERVAL_MS="$commit"} KAFKA_NUM_STREAM_THREADS="$THREADS" KAFKA_BOOTSTRAP_SERVERS="$BOOT" APPLICATION_ID="$id" PROCESSING_GUARANTEE="$g" HTTP_PORT="$HTTP_PORT" \
      STATE_DIR="$WORK/state-$id" TICKETING_TICKET_SECRET="$BENCH_SECRET" TICKETING_EXPIRY_GRACE_MS="$GRACE_MS" TICKETING_AUTH=off TICKETING_INSTANCE_SECRET="$BENCH_INSTANCE_SECRET" \
        "${java[@]}" -Xmx512m ${APP_OPTS:-} io.ticketing.app.Main >"$WORK/$id.log" 2>&1 & ;;
  esac
  # measure() runs in a command substitution (a subshell): the trap finds its app in $WORK/pids.
  pid=$!; track_via_file "$pid"
  out=$("${TOOLS[@]}" -Xmx128m io.ticketing.bench.LagWatcher "$BOOT" "$id" "$SENT" 1800 24 "$warmup" | tail -1)
  kill "$pid"; wait "$pid" 2>/dev/null || true; untrack_via_file "$pid"
  # What the broker carried for this app id besides the inputs: repartition and changelog records.
  "${TOOLS[@]}" -Xmx128m io.ticketing.bench.TopicVolumes "$BOOT" "$id-" "$SENT" >"$WORK/volumes-$mode.txt" 2>/dev/null || true
  echo "$out" | awk '{print $2}'
}

: >"$WORK/results.tsv"; : >"$WORK/floors.tsv"; : >"$WORK/base.tsv"
for run in $(seq 1 "$RUNS"); do
  pt=$(measure passthrough "$run"); eos=$(measure eos "$run")
  if [[ -n "${SKIP_ALOS:-}" ]]; then alos=$eos; else alos=$(measure alos "$run"); fi
  if [[ -n "${FLOORS:-}" ]]; then
    rekey=$(measure rekey "$run"); shape=$(measure shape "$run")
    printf '%s\t%s\t%s\n' "$run" "$rekey" "$shape" >>"$WORK/floors.tsv"
    echo "floors run $run: rekey $rekey shape $shape rec/s"
  fi
  if [[ -n "${BASE_CP:-}" ]]; then
    base=$(measure eosbase "$run")
    printf '%s\t%s\t%s\n' "$run" "$eos" "$base" >>"$WORK/base.tsv"
    echo "base run $run: EOS $eos, EOS of $BASE_CP $base rec/s"
  fi
  printf '%s\t%s\t%s\t%s\n' "$run" "$pt" "$eos" "$alos" | tee -a "$WORK/results.tsv"
done
echo "records written per input record by the last EOS run's application id (internal topics):"
cat "$WORK/volumes-eos.txt" 2>/dev/null || true
echo "run	passthrough	eos	alos (input records/s)"
cat "$WORK/results.tsv"
awk '{print $2}' "$WORK/results.tsv" | median | xargs printf 'median passthrough %s rec/s\n'
awk '{print $3}' "$WORK/results.tsv" | median | xargs printf 'median EOS %s rec/s\n'
awk '{print $4}' "$WORK/results.tsv" | median | xargs printf 'median ALOS %s rec/s\n'
awk '{printf "%.3f\n", $3/$2}' "$WORK/results.tsv" | median | xargs printf 'median EOS/passthrough ratio %s\n'
awk '{printf "%.3f\n", $4/$2}' "$WORK/results.tsv" | median | xargs printf 'median ALOS/passthrough ratio %s\n'
if [[ -n "${FLOORS:-}" ]]; then
  paste "$WORK/results.tsv" "$WORK/floors.tsv" | awk '{printf "%.3f\n", $6/$2}' | median | xargs printf 'median rekey-floor/passthrough ratio %s\n'
  paste "$WORK/results.tsv" "$WORK/floors.tsv" | awk '{printf "%.3f\n", $7/$2}' | median | xargs printf 'median shape-floor/passthrough ratio %s\n'
fi
if [[ -n "${BASE_CP:-}" ]]; then
  awk '{print $3}' "$WORK/base.tsv" | median | xargs printf 'median EOS of the base build %s rec/s\n'
  awk '{printf "%.3f\n", $2/$3}' "$WORK/base.tsv" | median | xargs printf 'median EOS/base-EOS ratio %s\n'
fi
