#!/usr/bin/env bash
# Load benchmark of signed webhooks against the PACKAGED ingest-service (docs/benchmarks/ingest-service.md).
# Needs Kafka (127.0.0.1:9092) and Redis (127.0.0.1:6379) running, wrk (apt-get install -y wrk) and python3.
# Holds the shared build lock for the whole run: the benchmark needs the CPU as much as a build does.
#   ingest-service/bench/run.sh [RUNS=5] [DURATION=20s] [CONNECTIONS=64] [THREADS=2]
set -euo pipefail
cd "$(dirname "$0")/../.."
RUNS=${1:-5}; DURATION=${2:-20s}; CONNECTIONS=${3:-64}; THREADS=${4:-2}
PORT=${BENCH_PORT:-18281}
PER_RUN=${BENCH_BODIES:-300000}   # more than one run can send, so no request repeats
WORK=$(mktemp -d /tmp/ingest-bench.XXXXXX)
LOCK=/tmp/dmpilot-build.lock  # the lock every build on this machine takes

if [ -z "${DMPILOT_LOCK_HELD:-}" ]; then  # set by a caller that already holds it
  exec 9>"$LOCK"
  echo "waiting for the build lock…" >&2
  flock 9
fi

./mvnw -B -q -o -pl ingest-service package -DskipTests -Dspotless.check.skip=true

QUARKUS_HTTP_PORT=$PORT DMPILOT_INGEST_ACCOUNT_ROUTING=false \
  java -Xmx256m -jar ingest-service/target/quarkus-app/quarkus-run.jar >"$WORK/service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 60); do
  curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null && break
  sleep 1
done
curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null || { cat "$WORK/service.log"; exit 1; }

metric() {  # sum of dmpilot_webhooks_received_total for one result
  curl -s "http://127.0.0.1:$PORT/q/metrics" \
    | awk -v r="result=\"$1\"" 'index($0, "dmpilot_webhooks_received_total{") == 1 && index($0, r) { s += $NF } END { printf "%d", s }'
}

one_run() {  # $1 label, $2 duration; prints "rps p50_ms p99_ms accepted duplicates non2xx"
  local tag="b$(date +%s%N | tail -c 10)"
  python3 ingest-service/bench/gen_bodies.py "$WORK/bodies.tsv" "$PER_RUN" "$tag"
  local before_ok before_dup; before_ok=$(metric accepted); before_dup=$(metric duplicate)
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2" --latency -s ingest-service/bench/webhook.lua \
    "http://127.0.0.1:$PORT" -- "$WORK/bodies.tsv" "$THREADS" >"$WORK/$1.txt"
  local ok=$(( $(metric accepted) - before_ok )) dup=$(( $(metric duplicate) - before_dup ))
  local rps p50 p99 non2xx
  rps=$(awk '/^Requests\/sec/ { print $2 }' "$WORK/$1.txt")
  p50=$(awk '$1 == "50%" { print $2 }' "$WORK/$1.txt")
  p99=$(awk '$1 == "99%" { print $2 }' "$WORK/$1.txt")
  non2xx=$(awk '/Non-2xx/ { print $NF }' "$WORK/$1.txt"); non2xx=${non2xx:-0}
  echo "$1 rps=$rps p50=$p50 p99=$p99 accepted=$ok duplicates=$dup non2xx=$non2xx" >&2
  echo "$rps $p50 $p99 $ok $dup $non2xx"
}

to_ms() { awk '{ v = $1; if (v ~ /us$/) { sub(/us$/, "", v); v /= 1000 } else if (v ~ /ms$/) { sub(/ms$/, "", v) } else if (v ~ /s$/) { sub(/s$/, "", v); v *= 1000 } printf "%.2f\n", v }'; }
median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

echo "warm-up (discarded)" >&2
one_run warmup 10s >/dev/null
: >"$WORK/results"
for run in $(seq 1 "$RUNS"); do one_run "run$run" "$DURATION" >>"$WORK/results"; done

echo
echo "| run | req/s | p50 ms | p99 ms | accepted | duplicates | non-2xx |"
echo "|---|---|---|---|---|---|---|"
n=0
while read -r rps p50 p99 ok dup non2xx; do
  n=$((n + 1))
  echo "| $n | $rps | $(echo "$p50" | to_ms) | $(echo "$p99" | to_ms) | $ok | $dup | $non2xx |"
done <"$WORK/results"
echo "| **median** | $(awk '{ print $1 }' "$WORK/results" | median) | $(awk '{ print $2 }' "$WORK/results" | to_ms | median) | $(awk '{ print $3 }' "$WORK/results" | to_ms | median) | | | |"
echo
echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION, $RUNS runs after a 10 s warm-up; $(nproc) cores; java -Xmx256m"
