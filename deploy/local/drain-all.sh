#!/usr/bin/env bash
# The whole pipeline's capacity with no load generator competing for the CPU: rules, compliance, dispatch and
# analytics are frozen (SIGSTOP) while ingest takes a backlog of N messages, then thawed together; from the
# thaw until every message has its terminal outcome, the wall time and each process' CPU time (/proc) are
# measured. douyin-sim only answers the send API and echoes meanwhile, as the platform would.
#
# Usage: deploy/local/drain-all.sh            needs the platform running with the typing pause off:
#          TYPING_PAUSE_MIN=0ms TYPING_PAUSE_MAX=0ms deploy/local/run.sh up --detach
# Knobs: DRAIN_MESSAGES (6000), DRAIN_RATE (200 msg/s into ingest; the backlog must drain within the replies'
#        90 s deadline, or replies end EXPIRED, which costs less than sending), DRAIN_ACCOUNTS (600),
#        DRAIN_WARMUP (1: a 60 s load at 20 msg/s first, unreported)
# Output: the run's outcomes and check, messages per second over the drain, CPU seconds and ms per message of
# every process. Exit 1 when the check fails. The frozen services are thawed whatever happens.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
STACK_HOME=$(realpath -m "${DMPILOT_HOME:-$REPO_ROOT/.local-stack}")
PID_DIR=$STACK_HOME/pids
SIM=http://127.0.0.1:${SIM_PORT:-8086}
N=${DRAIN_MESSAGES:-6000}
RATE=${DRAIN_RATE:-200}
ACCOUNTS=${DRAIN_ACCOUNTS:-600}
CONSUMERS=(rules-service compliance-service dispatch-service analytics-service)

say() { printf '[drain] %s\n' "$*"; }
die() { say "error: $*" >&2; exit 2; }
command -v jq >/dev/null || die "jq is needed (apt-get install jq)"
command -v bc >/dev/null || die "bc is needed (apt-get install bc)"
"$SCRIPT_DIR/run.sh" status >/dev/null 2>&1 || die "the platform is not running (deploy/local/run.sh up --detach)"

pid_of() { cat "$PID_DIR/$1.pid"; }
thaw() { for s in "${CONSUMERS[@]}"; do kill -CONT "$(pid_of "$s")" 2>/dev/null || true; done; }
trap thaw EXIT

# utime + stime of a process, in clock ticks
ticks() { local f; read -r -a f <"/proc/$1/stat"; echo $((f[13] + f[14])); }
status() { curl -fsS "$SIM/sim/load/runs/$1"; }
load() {
  curl -fsS -X POST "$SIM/sim/load/runs" -H 'Content-Type: application/json' \
    -d "{\"accounts\":$1,\"usersPerAccount\":20,\"rates\":[$2],\"stepSeconds\":$3,\"drainSeconds\":400,\"hostilePercent\":0}" |
    jq -r .id
}

if [[ ${DRAIN_WARMUP:-1} == 1 ]]; then
  say "warming up: 20 msg/s for 60 s"
  warm=$(load 200 20 60)
  until [[ $(status "$warm" | jq -r .phase) =~ ^(DONE|FAILED)$ ]]; do sleep 5; done
fi

# rules-service must create the run's accounts first; the others are not needed until the thaw
for s in compliance-service dispatch-service analytics-service; do kill -STOP "$(pid_of "$s")"; done
run=$(load "$ACCOUNTS" "$RATE" $((N / RATE)))
until [[ $(status "$run" | jq -r .phase) =~ ^(RUNNING|DRAINING|DONE|FAILED)$ ]]; do sleep 0.5; done
kill -STOP "$(pid_of rules-service)"
say "load run $run: $N messages into ingest at $RATE msg/s, the consumers frozen"
# a run that fails (an account rules-service would not create, say) never answers them all: stop, do not hang
until (($(status "$run" | jq -r .webhooksAnswered) >= N)); do
  [[ $(status "$run" | jq -r .phase) != FAILED ]] || die "load run $run failed: $(status "$run" | jq -r .error)"
  sleep 1
done

declare -A procs=([kafka]=$(pgrep -f kafka.Kafka | head -1) [redis]=$(pgrep -x redis-server | head -1))
for s in "${CONSUMERS[@]}" ingest-service douyin-sim; do procs[$s]=$(pid_of "$s"); done
postgres=$(pgrep -x postgres || pgrep -f 'postgres:' || true)
declare -A before
for name in "${!procs[@]}"; do before[$name]=$(ticks "${procs[$name]}"); done
pg_ticks() { local t=0 p; for p in $postgres; do [[ -r /proc/$p/stat ]] && t=$((t + $(ticks "$p"))); done; echo $t; }
pg_before=$(pg_ticks)
t0=$(date +%s.%N)
thaw
say "thawed; waiting for every outcome"
until [[ $(status "$run" | jq -r .phase) =~ ^(DONE|FAILED)$ ]]; do sleep 0.2; done
t1=$(date +%s.%N)

final=$(status "$run")
seconds=$(echo "$t1 - $t0" | bc -l)
hz=$(getconf CLK_TCK)
echo "$final" | jq -c '{phase, webhooksAnswered, outcomes}'
echo "$final" | jq -c .check
printf 'drained %d messages in %.1f s: %.0f msg/s\n' "$N" "$seconds" "$(echo "$N / $seconds" | bc -l)"
printf '%-20s %8s %12s\n' process "CPU s" "ms/message"
report() { printf '%-20s %8.2f %12.2f\n' "$1" "$(echo "$2 / $hz" | bc -l)" "$(echo "$2 * 1000 / $hz / $N" | bc -l)"; }
platform=0
for name in $(printf '%s\n' "${!procs[@]}" | sort); do
  used=$(($(ticks "${procs[$name]}") - before[$name]))
  report "$name" "$used"
  [[ $name == douyin-sim ]] || platform=$((platform + used))
done
used=$(($(pg_ticks) - pg_before))
report postgresql "$used"
report "the platform" $((platform + used))
[[ $(echo "$final" | jq -r .check.passed) == true ]]
