# shellcheck shell=bash
# Shared by the bench/*.sh scripts (sourced after `set -euo pipefail`; not run on its own):
#
#   bench_init NAME [JVM-OPTION...]   ROOT, CP (the service under test; default
#                                     app/target/ticketing-app.jar), TOOLS_CP (the probes and the chaos
#                                     broker; default bench-tools/target/ticketing-bench-tools.jar), both
#                                     must exist (`mvn -B package -DskipTests` from the root builds both),
#                                     WORK (default a new /tmp/ticketing-NAME.XXXXXX; created if given),
#                                     JAVA=(java JVM-OPTION... -cp "$CP") for the service,
#                                     TOOLS=(java JVM-OPTION... -cp "$TOOLS_CP") for io.ticketing.bench.*,
#                                     and the trap below
#   parse_options "--opt=VAR ..." "$@"   sets VAR from each "--opt VALUE"; anything else: exit 2
#   unknown_argument ARG              "unknown argument ARG" on stderr, exit 2
#   start_broker DATA-DIR PORT PARTITIONS LOG [HEAP]   (BROKER_OPTS: extra JVM options of the broker)
#                                     io.ticketing.bench.ChaosBroker in the background (HEAP
#                                     default 1g), appending to LOG, tracked as "broker" (BROKER_PID);
#                                     returns once LOG has a new "BROKER READY" line; exit 3, saying
#                                     why, if the broker dies or is not ready in BROKER_WAIT_S (120) s
#   track NAME PID / untrack NAME     the PIDS registry (name -> pid); a name started again replaces
#                                     its old pid
#   stop_tracked NAME [SIGNAL]        kill (TERM by default), wait for it, untrack it
#   track_via_file PID / untrack_via_file PID
#                                     the same from a subshell (e.g. inside "$(...)"), whose PIDS the
#                                     script never sees: the pid is listed in $WORK/pids
#   median                            median of the numbers on stdin, one a line
#   await_ready HTTP-PORT TIMEOUT-S   0 once the instance's /health/ready answers 200, 1 after
#                                     TIMEOUT-S seconds without
#   BENCH_SECRET                      the ticket secret every benchmark instance shares (a test value)
#
# On exit, INT or TERM (then exit 130 / 143) every tracked process gets TERM, then KILL if it is
# still there 2 s later. After a run that ends with status 0, the broker's and the instances' data
# under WORK (kafka*, state-*) is then deleted: a million-record run leaves gigabytes there. A run
# that fails or is stopped keeps it (to look into, or for chaos.sh --resume), as does KEEP_DATA=1.
# Logs, the simulator's record of what it sent and the results always stay.

bench_init() {
  local name=$1; shift
  ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
  CP="${CP:-$ROOT/app/target/ticketing-app.jar}"
  TOOLS_CP="${TOOLS_CP:-$ROOT/bench-tools/target/ticketing-bench-tools.jar}"
  local cp
  for cp in "$CP" "$TOOLS_CP"; do
    [[ -f "$cp" || "$cp" == *:* || -d "$cp" ]] || { echo "no $cp: build with mvn -B package -DskipTests" >&2; exit 3; }
  done
  WORK="${WORK:-$(mktemp -d "/tmp/ticketing-$name.XXXXXX")}"
  mkdir -p "$WORK"
  rm -f "$WORK/pids" # an earlier run's pids are not ours
  # The class path stays JAVA's last element: throughput.sh swaps it for BASE_CP.
  JAVA=(java "$@" -cp "$CP")
  TOOLS=(java "$@" -cp "$TOOLS_CP")
  declare -gA PIDS=()
  trap bench_cleanup EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
}

parse_options() {
  local _spec=$1 _s _var; shift
  while [[ $# -gt 0 ]]; do
    _var=""
    for _s in $_spec; do
      if [[ $1 == "${_s%%=*}" ]]; then _var=${_s#*=}; break; fi
    done
    if [[ -z $_var ]]; then unknown_argument "$1"; fi
    if [[ $# -lt 2 ]]; then echo "$1 needs a value" >&2; exit 2; fi
    printf -v "$_var" '%s' "$2"
    shift 2
  done
}

unknown_argument() { echo "unknown argument $1" >&2; exit 2; }

track() { PIDS[$1]=$2; }
untrack() { unset "PIDS[$1]"; }
stop_tracked() {
  local pid=${PIDS[$1]:-}
  [[ -n $pid ]] || return 0
  kill -"${2:-TERM}" "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  untrack "$1"
}
track_via_file() { echo "$1" >>"$WORK/pids"; }
untrack_via_file() { sed -i "/^$1\$/d" "$WORK/pids" 2>/dev/null || true; }

any_alive() { local p; for p in "$@"; do kill -0 "$p" 2>/dev/null && return 0; done; return 1; }
bench_cleanup() {
  local status=$? # the script's exit status: the EXIT trap runs first thing
  stop_everything
  if (( status == 0 )) && [[ -z ${KEEP_DATA:-} ]]; then rm -rf "$WORK"/kafka* "$WORK"/state-*; fi
}
stop_everything() {
  local pids=("${PIDS[@]}") i
  if [[ -f "$WORK/pids" ]]; then mapfile -t -O "${#pids[@]}" pids <"$WORK/pids"; fi
  PIDS=(); rm -f "$WORK/pids"
  (( ${#pids[@]} )) || return 0
  kill "${pids[@]}" 2>/dev/null || true
  for i in $(seq 1 10); do any_alive "${pids[@]}" || return 0; sleep 0.2; done
  for i in "${pids[@]}"; do kill -0 "$i" 2>/dev/null && kill -9 "$i" 2>/dev/null || true; done
}

BENCH_SECRET="bench-secret-0123456789abcdef0123456789abcd"
# The instances' shared credential for /internal/*; the benchmarks call the API without tokens
# (TICKETING_AUTH=off): they measure the service, not its callers.
BENCH_INSTANCE_SECRET="bench-instance-secret-0123456789"

await_ready() {
  local i
  for i in $(seq 1 "$2"); do
    curl -fs -o /dev/null "http://localhost:$1/health/ready" && return 0
    sleep 1
  done
  return 1
}

BROKER_WAIT_S="${BROKER_WAIT_S:-120}"
start_broker() {
  local dir=$1 port=$2 partitions=$3 log=$4 heap=${5:-1g} before i
  before=$(grep -sc "BROKER READY" "$log" || true)
  "${TOOLS[@]}" -Xmx"$heap" ${BROKER_OPTS:-} io.ticketing.bench.ChaosBroker "$dir" "$port" "$partitions" >>"$log" 2>&1 &
  BROKER_PID=$!
  track broker "$BROKER_PID"
  for i in $(seq 1 "$BROKER_WAIT_S"); do
    (( $(grep -c "BROKER READY" "$log" || true) > ${before:-0} )) && return 0
    kill -0 "$BROKER_PID" 2>/dev/null || { echo "broker did not start: it exited, see $log:" >&2; tail -20 "$log" >&2; exit 3; }
    sleep 1
  done
  echo "broker did not start: not ready after $BROKER_WAIT_S s on port $port, see $log" >&2
  exit 3
}

median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
