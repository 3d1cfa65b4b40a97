#!/usr/bin/env bash
# The end-to-end benchmark: starts the local platform if it is not running (deploy/local/run.sh, typing pause
# off), drives an open-loop load run through douyin-sim (signed webhooks in, replies out), samples CPU and RSS
# of every process, and writes a report: Markdown + the raw HDR histograms + the run's JSON.
#
# Usage: BENCH_PROFILE=quick deploy/local/bench.sh    ~1 min: 50 accounts, 50 then 100 msg/s (the CI smoke)
#        BENCH_PROFILE=full  deploy/local/bench.sh    ~6 min: 2,000 accounts, 100, 500, 1,000 msg/s × 60 s
#        BENCH_PLAN='{"accounts":100,"rates":[200],"stepSeconds":30}' deploy/local/bench.sh   any plan
#        BENCH_FAULTS=1 deploy/local/bench.sh         ~15 min at 30 msg/s; every 40 s one fault: kill -9 of each
#                                                     service then restart, Kafka, Redis and PostgreSQL restarts
#                                                     (BENCH_REDIS_FAULT=wipe: Redis comes back empty),
#                                                     the send API answering 500s for a minute then 2 s late for a
#                                                     minute; the load lasts until the last fault is over
#        BENCH_JFR=1                                  also records every service with JFR during the measured run
#                                                     and adds where each one's CPU went to the report
#        BENCH_ASPROF=1                               also samples every JVM's CPU with async-profiler (Maven Central)
#                                                     during the measured run, GC, JIT and kernel included, and adds
#                                                     where each one's CPU went to the report
#        BENCH_WARMUP_SECONDS=90                     a platform started by this script first gets 20 msg/s for this
#                                                     long, unreported (default 90 s; 0 for the quick profile)
# Output: $BENCH_OUT (default .local-stack/bench/<UTC time>-<profile>/report.md). Exit 1 when the run's loss
# and duplicate check fails. Latency is never a pass/fail criterion here: the machine is shared and noisy.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
STACK_HOME=$(realpath -m "${DMPILOT_HOME:-$REPO_ROOT/.local-stack}")
PROFILE=${BENCH_PROFILE:-quick}
SIM=http://127.0.0.1:${SIM_PORT:-8086}

case $PROFILE in
  quick) PLAN='{"accounts":50,"usersPerAccount":20,"rates":[50,100],"stepSeconds":15,"drainSeconds":120}' ;;
  full) PLAN='{"accounts":2000,"usersPerAccount":20,"rates":[100,500,1000],"stepSeconds":60,"drainSeconds":300}' ;;
  *) echo "error: BENCH_PROFILE is quick or full" >&2; exit 2 ;;
esac
# BENCH_FAULT_LIST="redis postgresql" injects only those (same names)
read -r -a FAULTS <<<"${BENCH_FAULT_LIST:-ingest-service rules-service compliance-service dispatch-service analytics-service kafka redis postgresql send-api}"
FAULT_INTERVAL=${BENCH_FAULT_INTERVAL:-40}
# restart: Redis stops with a snapshot and comes back with its data; wipe: it comes back empty (dedupe keys, send
# ledger, quota windows and tokens gone) — nothing may be lost or sent twice, but quotas restart from zero
REDIS_FAULT=${BENCH_REDIS_FAULT:-restart}
SEND_API_FAULT_SECONDS=${BENCH_SEND_API_FAULT_SECONDS:-60}
if [[ ${BENCH_FAULTS:-0} == 1 ]]; then
  PROFILE=faults
  PLAN="{\"accounts\":100,\"usersPerAccount\":20,\"rates\":[${BENCH_FAULT_RATE:-30}],\"stepSeconds\":$(((FAULT_INTERVAL + 15) * (${#FAULTS[@]} + 1) + 2 * SEND_API_FAULT_SECONDS)),\"drainSeconds\":300}"
fi
PLAN=${BENCH_PLAN:-$PLAN}
OUT=$(realpath -m "${BENCH_OUT:-$STACK_HOME/bench/$(date -u +%Y%m%dT%H%M%SZ)-$PROFILE}")
mkdir -p "$OUT"

say() { printf '[bench] %s\n' "$*"; }

command -v jq >/dev/null || { say "installing jq"; apt-get update -qq && apt-get install -y -qq jq >/dev/null; }

started_here=0
if ! "$SCRIPT_DIR/run.sh" status >/dev/null 2>&1; then
  "$SCRIPT_DIR/run.sh" down >/dev/null 2>&1 || true
  if [[ ${BENCH_RESET_GROUPS:-1} == 1 ]]; then
    # an earlier overloaded run leaves a backlog on the platform's groups; a new run must not queue behind it
    "$SCRIPT_DIR/stack.sh" up >"$OUT/stack-start.log" 2>&1 || { cat "$OUT/stack-start.log" >&2; exit 1; }
    groups_cmd=(java -cp "$STACK_HOME/kafka/libs/*" org.apache.kafka.tools.consumer.group.ConsumerGroupCommand
      --bootstrap-server "127.0.0.1:${KAFKA_PORT:-9092}")
    for group in $("${groups_cmd[@]}" --list 2>/dev/null |
      grep -E '^dmpilot-(rules|compliance|compliance-inbound|dispatch|dispatch-inbound|dispatch-handoffs|analytics-[a-z]+)$'); do
      "${groups_cmd[@]}" --group "$group" --reset-offsets --to-latest --all-topics --execute >/dev/null 2>&1 ||
        say "could not move $group to the end of its topics"
    done
    say "platform consumer groups moved to the end of their topics (BENCH_RESET_GROUPS=0 keeps them)"
  fi
  say "starting the platform (deploy/local/run.sh up --detach)"
  TYPING_PAUSE_MIN=0ms TYPING_PAUSE_MAX=0ms "$SCRIPT_DIR/run.sh" up --detach >"$OUT/platform-start.log" 2>&1 ||
    { cat "$OUT/platform-start.log" >&2; exit 1; }
  started_here=1
fi
sampler_pid=
cleanup() {
  [[ -n $sampler_pid ]] && kill "$sampler_pid" 2>/dev/null || true
  [[ -n ${fault_pid:-} ]] && kill "$fault_pid" 2>/dev/null || true
  if ((started_here)) && [[ ${BENCH_KEEP_RUNNING:-0} != 1 ]]; then "$SCRIPT_DIR/run.sh" down >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

# name=pid of every process of the platform: the services, the broker, Redis, PostgreSQL
processes() {
  local f
  for f in "$STACK_HOME"/pids/*.pid; do [[ -f $f ]] && echo "$(basename "$f" .pid)=$(<"$f")"; done
  pgrep -f 'kafka\.Kafka' | head -1 | sed 's/^/kafka=/'
  pgrep -x redis-server | head -1 | sed 's/^/redis=/'
  pgrep -f 'postgres.*-D' | head -1 | sed 's/^/postgresql=/'
}

# CPU ticks used so far by a process (utime+stime). PostgreSQL works in one backend process per connection:
# its figure is the postmaster's, its live backends' and the exited backends' it has reaped (cutime+cstime).
cpu_ticks() {
  local name=$1 pid=$2 child
  if [[ $name != postgresql ]]; then awk '{print $14+$15}' "/proc/$pid/stat" 2>/dev/null; return; fi
  {
    awk '{print $14+$15+$16+$17}' "/proc/$pid/stat"
    for child in $(pgrep -P "$pid"); do awk '{print $14+$15}' "/proc/$child/stat" 2>/dev/null || true; done
  } 2>/dev/null | awk '{sum += $1} END {print sum}'
}

# every 2 s: epoch seconds, process, CPU ticks used so far, resident set in kB
sample() {
  local entry name pid stat rss
  while true; do
    for entry in $(processes); do
      name=${entry%%=*} pid=${entry##*=}
      stat=$(cpu_ticks "$name" "$pid") && [[ -n $stat ]] || continue
      rss=$(awk '/^VmRSS/{print $2}' "/proc/$pid/status" 2>/dev/null) || continue
      echo "$(date +%s),$name,$stat,$rss"
    done
    sleep 2
  done
}
# A JVM compiles its hot code during its first minutes of traffic, and on this machine that costs more CPU than
# the traffic itself: a run on a cold platform measures the JIT. The warm-up run's figures are not reported.
WARMUP=${BENCH_WARMUP_SECONDS:-$([[ $PROFILE == quick && -z ${BENCH_PLAN:-} ]] && echo 0 || echo 90)}
if ((started_here && WARMUP > 0)); then
  say "warming up the platform: 20 msg/s for $WARMUP s (BENCH_WARMUP_SECONDS=0 skips it)"
  warm=$(curl -fsS -X POST "$SIM/sim/load/runs" -H 'Content-Type: application/json' \
    -d "{\"accounts\":100,\"usersPerAccount\":20,\"rates\":[20],\"stepSeconds\":$WARMUP,\"drainSeconds\":120,\"seed\":7}" | jq -r .id)
  until [[ $(curl -fsS "$SIM/sim/load/runs/$warm" | jq -r .phase) =~ ^(DONE|FAILED)$ ]]; do sleep 5; done
fi

# JFR on every service for the measured run only: the report's "where the CPU went" (deploy/local/JfrSummary.java)
jfr_services=()
if [[ ${BENCH_JFR:-0} == 1 ]]; then
  mkdir -p "$OUT/jfr"
  for f in "$STACK_HOME"/pids/*.pid; do
    svc=$(basename "$f" .pid)
    if jcmd "$(<"$f")" JFR.start name=bench settings=profile filename="$OUT/jfr/$svc.jfr" >/dev/null 2>&1; then
      jfr_services+=("$svc")
    else
      say "could not start JFR in $svc"
    fi
  done
fi

# async-profiler on every JVM (the services, douyin-sim, the broker) for the measured run only: CPU samples of Java,
# JVM-internal (GC, JIT) and kernel frames alike, which JFR's execution samples cannot see
profiled=()
if [[ ${BENCH_ASPROF:-0} == 1 ]]; then
  aplib="$STACK_HOME/async-profiler/libasyncProfiler.so"
  if [[ ! -f $aplib ]]; then
    mkdir -p "$STACK_HOME/async-profiler"
    "$REPO_ROOT/mvnw" -q dependency:copy -Dartifact="tools.profiler:async-profiler:${ASYNC_PROFILER_VERSION:-4.1}" \
      -DoutputDirectory="$STACK_HOME/async-profiler" -Dmdep.stripVersion=true
    (cd "$STACK_HOME/async-profiler" && jar xf async-profiler.jar linux-x64/libasyncProfiler.so &&
      mv linux-x64/libasyncProfiler.so . && rmdir linux-x64)
  fi
  mkdir -p "$OUT/profiles"
  for entry in $(processes); do
    name=${entry%%=*} pid=${entry##*=}
    [[ $name == redis || $name == postgresql ]] && continue
    if java "$SCRIPT_DIR/AsyncProfiler.java" attach "$pid" "$aplib" "start,event=cpu,interval=${BENCH_ASPROF_INTERVAL:-2ms},threads" >/dev/null 2>&1; then
      profiled+=("$entry")
    else
      say "could not attach async-profiler to $name"
    fi
  done
fi

# Kafka requests each service's clients made so far: fetches its consumers sent, produce requests its producers
# sent (the Kafka clients' own counters in /q/metrics); one line per service that answers: name fetches produces
# (one that does not answer has no line, so the report leaves it out rather than count from nothing)
kafka_requests() {
  local svc metrics
  for svc in $("$SCRIPT_DIR/run.sh" ports | grep -- '-service:'); do
    metrics=$(curl -fsS "http://127.0.0.1:${svc##*:}/q/metrics" 2>/dev/null) || continue
    awk -v name="${svc%%:*}" '
      /^kafka_consumer_fetch_manager_fetch_total\{/ {f += $NF}
      /^kafka_producer_request_total\{/ {p += $NF}
      END {printf "%s %d %d\n", name, f, p}' <<<"$metrics"
  done
}
kafka_requests >"$OUT/kafka-requests-before.txt"

echo "epoch,process,cpu_ticks,rss_kb" >"$OUT/processes.csv"
sample >>"$OUT/processes.csv" &
sampler_pid=$!

say "load plan ($PROFILE): $PLAN"
run=$(curl -fsS -X POST "$SIM/sim/load/runs" -H 'Content-Type: application/json' -d "$PLAN" | jq -r .id)
say "run $run started; progress every 10 s"

# One fault at a time, each in the middle of its own interval; the time until the component answers again.
inject_faults() {
  local fault t0 pid cluster
  until [[ $(curl -fsS "$SIM/sim/load/runs/$run" | jq -r .phase) == RUNNING ]]; do sleep 1; done
  echo "fault,at_s,recovered_after_s" >"$OUT/faults.csv"
  local start=$SECONDS
  for fault in "${FAULTS[@]}"; do
    sleep "$FAULT_INTERVAL"
    say "fault: $fault"
    label=$fault
    t0=$(date +%s.%N)
    case $fault in
      kafka)
        pid=$(pgrep -f 'kafka\.Kafka' | head -1)
        kill "$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.2; done
        "$SCRIPT_DIR/stack.sh" up >>"$OUT/faults.log" 2>&1 ;;
      redis)
        if [[ $REDIS_FAULT == wipe ]]; then
          rm -f "$STACK_HOME/redis/dump.rdb"
          redis-cli -p "${REDIS_PORT:-6379}" shutdown nosave >/dev/null 2>&1 || true
        else
          # a restart of a Redis that keeps its data, as dmpilot's must (deploy/k8s/README.md): it stops with a
          # snapshot, which goes where the stack's own redis-server, started next, loads it from
          snapshot=$(redis-cli -p "${REDIS_PORT:-6379}" config get dir | sed -n 2p)/$(redis-cli -p "${REDIS_PORT:-6379}" config get dbfilename | sed -n 2p)
          redis-cli -p "${REDIS_PORT:-6379}" shutdown save >/dev/null 2>&1 || true
          mkdir -p "$STACK_HOME/redis"
          [[ $snapshot -ef $STACK_HOME/redis/dump.rdb ]] || cp "$snapshot" "$STACK_HOME/redis/dump.rdb"
        fi
        "$SCRIPT_DIR/stack.sh" up >>"$OUT/faults.log" 2>&1
        # loaded: a later start of the stack must not bring this run's state back
        rm -f "$STACK_HOME/redis/dump.rdb"
        label=redis-$REDIS_FAULT ;;
      postgresql)
        cluster=$(pg_lsclusters -h | awk 'NR == 1 {print $1, $2}')
        # shellcheck disable=SC2086
        pg_ctlcluster --skip-systemctl-redirect $cluster restart >>"$OUT/faults.log" 2>&1 ;;
      send-api)
        curl -fsS -X POST "$SIM/sim/faults" -H 'Content-Type: application/json' \
          -d "{\"http500Seconds\":$SEND_API_FAULT_SECONDS,\"slowSeconds\":$SEND_API_FAULT_SECONDS,\"slowMillis\":2000}"
        sleep $((2 * SEND_API_FAULT_SECONDS)) ;;
      *)
        kill -9 "$(<"$STACK_HOME/pids/$fault.pid")"; sleep 1
        "$SCRIPT_DIR/run.sh" start "$fault" >>"$OUT/faults.log" 2>&1 ;;
    esac
    echo "$label,$((SECONDS - start)),$(awk -v now="$(date +%s.%N)" -v t0="$t0" 'BEGIN {printf "%.1f", now - t0}')" >>"$OUT/faults.csv"
  done
}
fault_pid=
if [[ $PROFILE == faults ]]; then inject_faults & fault_pid=$!; fi
while true; do
  sleep 10
  status=$(curl -fsS "$SIM/sim/load/runs/$run")
  phase=$(jq -r .phase <<<"$status")
  say "$(jq -r '"\(.phase): accounts \(.accountsReady)/\(.plan.accounts), messages \(.messagesFired)/\(.messagesDue) sent, \(.webhooksAnswered) answered, outcomes \(.outcomes)"' <<<"$status")"
  [[ $phase == DONE || $phase == FAILED ]] && break
done
kill "$sampler_pid" 2>/dev/null || true
sampler_pid=
for svc in "${jfr_services[@]}"; do
  jcmd "$(<"$STACK_HOME/pids/$svc.pid")" JFR.stop name=bench >/dev/null 2>&1 || say "no JFR recording from $svc (restarted?)"
done
kafka_requests >"$OUT/kafka-requests-after.txt"
for entry in "${profiled[@]}"; do
  java "$SCRIPT_DIR/AsyncProfiler.java" attach "${entry##*=}" "$aplib" "stop,file=$OUT/profiles/${entry%%=*}.collapsed,collapsed" \
    >/dev/null 2>&1 || say "no profile from ${entry%%=*} (restarted?)"
done
[[ -n $fault_pid ]] && wait "$fault_pid"

echo "$status" | jq . >"$OUT/run.json"
steps=$(jq '.steps | length' <<<"$status")
for ((i = 0; i < steps; i++)); do
  curl -fsS "$SIM/sim/load/runs/$run/histograms/$i" >"$OUT/latency-step$i-$(jq ".steps[$i].rate" <<<"$status")msgs.hgrm"
done

tck=$(getconf CLK_TCK)
{
  echo "# dmpilot end-to-end benchmark — $PROFILE profile"
  echo
  echo "- when: $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git -C "$REPO_ROOT" rev-parse --short HEAD)$(git -C "$REPO_ROOT" diff --quiet HEAD -- . ':!docs' 2>/dev/null || echo ' (with uncommitted changes)')"
  echo "- machine: $(nproc) cores ($(awk -F': ' '/model name/{print $2; exit}' /proc/cpuinfo)), $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
  echo "- reproduce: \`BENCH_PROFILE=$PROFILE deploy/local/bench.sh\`$([[ -n ${BENCH_PLAN:-} ]] && echo " with \`BENCH_PLAN='$PLAN'\`")"
  echo "- latency: webhook due time (open-loop schedule) → the simulated send API receiving the reply, typing pause off"
  echo
  curl -fsS "$SIM/sim/load/runs/$run/report"
  echo
  echo "#### Processes over the run (CPU: share of one core, averaged; CPU per message: CPU time / messages sent; RSS: peak)"
  echo
  echo "| process | CPU % | CPU ms per message | peak RSS MB |"
  echo "|---|---:|---:|---:|"
  # a process restarted by a fault starts counting from 0 again: its new ticks add to the old ones
  awk -F, -v tck="$tck" -v msgs="$(jq .messagesFired <<<"$status")" 'NR > 1 {
      if (!($2 in t0)) t0[$2] = $1
      else used[$2] += $3 >= last[$2] ? $3 - last[$2] : $3
      last[$2] = $3; t1[$2] = $1; if ($4 > rss[$2]) rss[$2] = $4
    } END {
      for (p in t0) {
        secs = t1[p] - t0[p]; cpu = secs > 0 ? used[p] / tck / secs * 100 : 0
        per = msgs > 0 ? used[p] / tck * 1000 / msgs : 0
        printf "| %s | %.0f | %.1f | %.0f |\n", p, cpu, per, rss[p] / 1024
      }
    }' "$OUT/processes.csv" | sort
  echo
  echo "#### Kafka requests per message sent (the services' Kafka clients, over the run; a service restarted meanwhile is left out)"
  echo
  echo "| service | fetches | produce requests |"
  echo "|---|---:|---:|"
  awk -v msgs="$(jq .messagesFired <<<"$status")" 'NR == FNR {f[$1] = $2; p[$1] = $3; next}
    msgs > 0 && ($1 in f) && $2 >= f[$1] && $3 >= p[$1] {printf "| %s | %.2f | %.2f |\n", $1, ($2 - f[$1]) / msgs, ($3 - p[$1]) / msgs}' \
    "$OUT/kafka-requests-before.txt" "$OUT/kafka-requests-after.txt"
  if [[ -f $OUT/faults.csv ]]; then
    echo
    echo "#### Faults injected while the load ran (recovery: until the component answers again)"
    echo
    echo "| fault | at s | recovered after s |"
    echo "|---|---:|---:|"
    awk -F, 'NR > 1 {printf "| %s | %s | %.1f |\n", $1, $2, $3}' "$OUT/faults.csv"
  fi
  if ((${#jfr_services[@]})); then
    echo
    echo "#### Where each service's CPU went (JFR, settings=profile, over the measured run)"
    echo
    for svc in "${jfr_services[@]}"; do
      if [[ -s $OUT/jfr/$svc.jfr ]]; then java "$SCRIPT_DIR/JfrSummary.java" "$svc" "$OUT/jfr/$svc.jfr"; fi
    done
    echo "Recordings: jfr/<service>.jfr beside this report (\`jfr view hot-methods\` on a JDK 21+ reads them)."
  fi
  if ((${#profiled[@]})); then
    echo
    echo "#### Where each process' CPU went (async-profiler, CPU samples every ${BENCH_ASPROF_INTERVAL:-2ms} of CPU, over the measured run)"
    echo
    for entry in "${profiled[@]}"; do
      f=$OUT/profiles/${entry%%=*}.collapsed
      if [[ -s $f ]]; then java "$SCRIPT_DIR/AsyncProfiler.java" summary "${entry%%=*}" "$f"; fi
    done
    echo "Stacks: profiles/<process>.collapsed beside this report (one line per stack and its sample count; any"
    echo "flame graph tool reads them)."
  fi
  echo
  echo "Raw files beside this report: run.json (every figure), latency-step*.hgrm (HdrHistogram percentile"
  echo "distributions in ms), processes.csv (2 s samples)."
} >"$OUT/report.md"

say "report: $OUT/report.md"
cat "$OUT/report.md"
[[ $(jq -r .check.passed <<<"$status") == true ]] || { say "the loss and duplicate check FAILED"; exit 1; }
