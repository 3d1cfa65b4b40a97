#!/usr/bin/env bash
# CPU per record of one consumer, two builds side by side: the same backlog of real messages on dm.inbound.v1
# is drained again and again by build A and build B in turn, each in a fresh JVM with the platform's JVM options,
# and the consumer's CPU time (utime+stime from /proc) over the drain is divided by the records it consumed in
# that time. The other consumers are stopped while it runs, so what is measured is that one process.
#
# Usage: deploy/local/drain-cpu.sh <app-dir-A> <app-dir-B>
#        e.g. /work/ab/rules-before and /work/ab/rules-after, copies of rules-service/target/quarkus-app
# Knobs: DRAIN_MODULE (rules-service), DRAIN_GROUP (dmpilot-rules), DRAIN_TOPIC (dm.inbound.v1),
#        DRAIN_PLAN (the load run that makes the backlog: 100 accounts, 30 msg/s for 100 s),
#        DRAIN_ROUNDS (3: A B A B A B, after one unreported round of A that warms Redis and PostgreSQL)
# Needs the platform running (deploy/local/run.sh up --detach); stops it at the end.
# Output: one line per drain and the median CPU ms per record of A and of B.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
STACK_HOME=$(realpath -m "${DMPILOT_HOME:-$REPO_ROOT/.local-stack}")
MODULE=${DRAIN_MODULE:-rules-service}
GROUP=${DRAIN_GROUP:-dmpilot-rules}
TOPIC=${DRAIN_TOPIC:-dm.inbound.v1}
PLAN=${DRAIN_PLAN:-'{"accounts":100,"usersPerAccount":20,"rates":[30],"stepSeconds":100,"drainSeconds":60,"hostilePercent":0,"seed":11}'}
ROUNDS=${DRAIN_ROUNDS:-3}
SIM=http://127.0.0.1:${SIM_PORT:-8086}
A=$(realpath "${1:?usage: drain-cpu.sh <app-dir-A> <app-dir-B>}")
B=$(realpath "${2:?usage: drain-cpu.sh <app-dir-A> <app-dir-B>}")
TARGET=$REPO_ROOT/$MODULE/target/quarkus-app
TICK=$(getconf CLK_TCK)

say() { printf '[drain] %s\n' "$*"; }
kafka() { java -cp "$STACK_HOME/kafka/libs/*" "$@"; }
groups() { kafka org.apache.kafka.tools.consumer.group.ConsumerGroupCommand --bootstrap-server 127.0.0.1:${KAFKA_PORT:-9092} "$@"; }
lag() { groups --describe --group "$GROUP" 2>/dev/null | awk -v t="$TOPIC" '$2 == t && $6 ~ /^[0-9]+$/ {s += $6} END {print s + 0}'; }
stop() {
  local pidfile=$STACK_HOME/pids/$1.pid pid
  [[ -f $pidfile ]] || return 0
  pid=$(<"$pidfile")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$pidfile"
}
for dir in "$A" "$B"; do [[ -f $dir/quarkus-run.jar ]] || { echo "error: no quarkus-run.jar in $dir" >&2; exit 2; }; done
"$SCRIPT_DIR/run.sh" status >/dev/null || { echo "error: start the platform first (deploy/local/run.sh up --detach)" >&2; exit 2; }
original=$(mktemp -d) results=$(mktemp)
restore() {
  stop "$MODULE"
  if [[ -L $TARGET ]]; then rm "$TARGET"; mv "$original/quarkus-app" "$TARGET"; fi
  [[ -e $original/quarkus-app ]] || rm -rf "$original"
  rm -f "$results"
  "$SCRIPT_DIR/run.sh" down >/dev/null 2>&1 || true
}
trap restore EXIT

# the backlog: real messages through the whole platform, then every consumer but the measured one stopped
since=$(date -u +%Y-%m-%dT%H:%M:%S.000)
say "backlog: load run $PLAN"
run=$(curl -fsS -X POST "$SIM/sim/load/runs" -H 'Content-Type: application/json' -d "$PLAN" | jq -r .id)
until [[ $(curl -fsS "$SIM/sim/load/runs/$run" | jq -r .phase) =~ ^(DONE|FAILED)$ ]]; do sleep 5; done
for svc in douyin-sim analytics-service dispatch-service compliance-service ingest-service "$MODULE"; do stop "$svc"; done
mv "$TARGET" "$original/quarkus-app"

drain() {
  local label=$1 dir=$2 pid t0 c0 l0 c1 elapsed
  stop "$MODULE"
  groups --reset-offsets --group "$GROUP" --topic "$TOPIC" --to-datetime "$since" --execute >/dev/null
  ln -sfn "$dir" "$TARGET"
  "$SCRIPT_DIR/run.sh" start "$MODULE" >/dev/null
  pid=$(<"$STACK_HOME/pids/$MODULE.pid")
  c0=$(awk '{print $14+$15}' "/proc/$pid/stat") l0=$(lag) t0=$SECONDS
  until [[ $(lag) == 0 ]]; do sleep 1; done
  c1=$(awk '{print $14+$15}' "/proc/$pid/stat") elapsed=$((SECONDS - t0))
  awk -v l="$label" -v c="$((c1 - c0))" -v r="$l0" -v k="$TICK" -v s="$elapsed" \
    'BEGIN {printf "%s %.3f ms/record (%d records, %.1f s CPU, %d s)\n", l, c / k * 1000 / r, r, c / k, s}'
}

say "warm-up drain (A, not reported)"
drain A "$A" >/dev/null
for round in $(seq 1 "$ROUNDS"); do
  for side in A B; do
    dir=$A; [[ $side == B ]] && dir=$B
    line=$(drain "$side" "$dir")
    say "round $round: $line"
    echo "$line" >>"$results"
  done
done
for side in A B; do
  awk -v s="$side" '$1 == s {print $2}' "$results" | sort -n |
    awk -v s="$side" '{v[NR] = $1} END {printf "[drain] %s median %.3f ms/record over %d drains\n", s, v[int((NR + 1) / 2)], NR}'
done
