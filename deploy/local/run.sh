#!/usr/bin/env bash
# Runs the whole platform on this machine, no Docker: the local stack (Kafka, Redis, PostgreSQL), then the
# five services and douyin-sim as packaged JVM apps (not dev mode). Builds first when a jar is missing or
# older than its sources.
#
# Usage: deploy/local/run.sh [up]        foreground; Ctrl-C stops the services (the stack stays up)
#        deploy/local/run.sh up --detach  start and return; stop later with `down`
#        deploy/local/run.sh down         stop the services started by `up --detach`
#        deploy/local/run.sh status       one line per service
#        deploy/local/run.sh start <svc>  start one service that is down (after a crash or a kill -9)
#        deploy/local/run.sh ports        one line per service: <module>:<port> (for other scripts)
#
# The local broker also holds what the test suites wrote: on its very first start the platform's consumer
# groups begin at the end of each topic (KAFKA_AUTO_OFFSET_RESET=latest) instead of answering test
# leftovers; after that their committed offsets rule, so nothing sent while it was down is skipped.
#
# Logs: .local-stack/logs/<service>.log. Knobs (environment): TYPING_PAUSE_MIN/MAX (default 0ms: off, so a
# message is answered at once; the product default is 500ms–2s), SERVICE_JVM_OPTS, SIM_JVM_OPTS (douyin-sim), *_PORT.
#
# Operator endpoints need an API key (docs/SECURITY.md). Local runs use the superadmin key below unless
# DMPILOT_BOOTSTRAP_KEY is set, and the services read accounts with the service key below unless
# DMPILOT_SERVICE_KEY is set; both are public, so they are for this machine only — never for a deployment.
# Likewise dispatch encrypts the accounts' platform tokens with DMPILOT_SECRETS_KEY: the local value below is
# public (the base64 of "dmpilot-local-only-secrets-key!!"), for this machine only — never for a deployment.
set -euo pipefail

# The daemons started below must not inherit the caller's descriptors: under `flock lockfile stack.sh up` the
# broker would hold that lock for its whole life. 255 is bash's own handle on this script.
for fd in /proc/$$/fd/*; do
  fd=${fd##*/}
  if ((fd > 2 && fd < 255)); then eval "exec ${fd}>&-" 2>/dev/null || true; fi
done

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
STACK_HOME=$(realpath -m "${DMPILOT_HOME:-$REPO_ROOT/.local-stack}")
LOG_DIR=$STACK_HOME/logs
PID_DIR=$STACK_HOME/pids
# C1 only (TieredStopAtLevel=1): six JVMs and Kafka share this machine's cores, and C2 spent a third of each
# service's CPU compiling for minutes; with C1 alone the stack answered at p50 48 ms instead of 4.4 s after the
# same warm-up (docs/benchmarks/end-to-end.md). A Kubernetes pod with its own cores keeps the JVM's default.
SERVICE_JVM_OPTS=${SERVICE_JVM_OPTS:--Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}
# douyin-sim is the platform's outside world and the load generator: a run keeps every message, reply and outcome
# in memory (96,000 messages in the full profile ran it out of 256 MiB)
SIM_JVM_OPTS=${SIM_JVM_OPTS:--Xmx768m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}
LOCAL_BOOTSTRAP_KEY=dmp_local_dmpilot-local-bootstrap-only
DMPILOT_BOOTSTRAP_KEY=${DMPILOT_BOOTSTRAP_KEY:-$LOCAL_BOOTSTRAP_KEY}
DMPILOT_SERVICE_KEY=${DMPILOT_SERVICE_KEY:-dmp_localsvc_dmpilot-local-service-only}
LOCAL_SECRETS_KEY=ZG1waWxvdC1sb2NhbC1vbmx5LXNlY3JldHMta2V5ISE=
DMPILOT_SECRETS_KEY=${DMPILOT_SECRETS_KEY:-$LOCAL_SECRETS_KEY}

# module:port, in start order
SERVICES=(
  "ingest-service:${INGEST_PORT:-8081}"
  "rules-service:${RULES_PORT:-8082}"
  "compliance-service:${COMPLIANCE_PORT:-8083}"
  "dispatch-service:${DISPATCH_PORT:-8084}"
  "analytics-service:${ANALYTICS_PORT:-8085}"
  "douyin-sim:${SIM_PORT:-8086}"
)

say() { printf '%s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null; }

jar_of() { echo "$REPO_ROOT/$1/target/quarkus-app/quarkus-run.jar"; }

needs_build() {
  local entry module jar
  for entry in "${SERVICES[@]}"; do
    module=${entry%%:*}
    jar=$(jar_of "$module")
    [[ -f $jar ]] || return 0
    # any source or pom of the build newer than this jar
    if [[ -n $(find "$REPO_ROOT" -path "$REPO_ROOT/.local-stack" -prune -o \
      \( -path '*/src/main/*' -o -name pom.xml \) -newer "$jar" -print -quit) ]]; then
      return 0
    fi
  done
  return 1
}

build() {
  if needs_build; then
    say "build: packaging the services (./mvnw install -DskipTests)"
    (cd "$REPO_ROOT" && ./mvnw -B -q install -DskipTests -Dspotless.check.skip=true)
  fi
}

service_pid() {
  local pidfile=$PID_DIR/$1.pid pid
  [[ -f $pidfile ]] || return 1
  pid=$(<"$pidfile")
  [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null && grep -q "$1/target/quarkus-app" "/proc/$pid/cmdline" 2>/dev/null || return 1
  echo "$pid"
}

start_services() {
  mkdir -p "$LOG_DIR" "$PID_DIR"
  local entry module port
  for entry in "${SERVICES[@]}"; do
    module=${entry%%:*} port=${entry##*:}
    if service_pid "$module" >/dev/null; then die "$module is already running (deploy/local/run.sh down stops it)"; fi
    port_open "$port" && die "port $port (for $module) is taken by another process"
  done
  for entry in "${SERVICES[@]}"; do
    : >"$LOG_DIR/${entry%%:*}.log"
    launch "${entry%%:*}" "${entry##*:}"
  done
  for entry in "${SERVICES[@]}"; do
    await_ready "${entry%%:*}" "${entry##*:}"
  done
}

launch() {
  local module=$1 port=$2
  # shellcheck disable=SC2086
  QUARKUS_HTTP_PORT=$port \
    INGEST_WEBHOOK_URL="http://127.0.0.1:${SERVICES[0]##*:}/webhook/douyin" \
    DOUYIN_API_URL="http://127.0.0.1:${SERVICES[5]##*:}" \
    RULES_URL="http://127.0.0.1:${SERVICES[1]##*:}" \
    DMPILOT_BOOTSTRAP_KEY=$DMPILOT_BOOTSTRAP_KEY \
    DMPILOT_SERVICE_KEY=$DMPILOT_SERVICE_KEY \
    DMPILOT_SECRETS_KEY=$DMPILOT_SECRETS_KEY \
    TYPING_PAUSE_MIN=${TYPING_PAUSE_MIN:-0ms} TYPING_PAUSE_MAX=${TYPING_PAUSE_MAX:-0ms} \
    KAFKA_AUTO_OFFSET_RESET=${KAFKA_AUTO_OFFSET_RESET:-latest} \
    nohup java $([[ $module == douyin-sim ]] && echo "$SIM_JVM_OPTS" || echo "$SERVICE_JVM_OPTS") \
    -jar "$(jar_of "$module")" >>"$LOG_DIR/$module.log" 2>&1 &
  echo $! >"$PID_DIR/$module.pid"
}

# (Re)starts one service of a running platform, e.g. after the benchmark's fault injection killed it.
cmd_start_one() {
  local module=${1:-} entry
  for entry in "${SERVICES[@]}"; do
    if [[ ${entry%%:*} == "$module" ]]; then
      service_pid "$module" >/dev/null && die "$module is already running"
      launch "$module" "${entry##*:}"
      await_ready "$module" "${entry##*:}"
      return
    fi
  done
  die "usage: deploy/local/run.sh start <service>; services: ${SERVICES[*]%%:*}"
}

await_ready() {
  local module=$1 port=$2 deadline=$((SECONDS + 120))
  until curl -fsS -o /dev/null "http://127.0.0.1:$port/q/health/ready" 2>/dev/null; do
    service_pid "$module" >/dev/null || { tail -n 30 "$LOG_DIR/$module.log" >&2; die "$module exited during start (log above)"; }
    ((SECONDS < deadline)) || { tail -n 30 "$LOG_DIR/$module.log" >&2; die "$module not ready after 120 s"; }
    sleep 0.3
  done
  printf '  %-19s http://127.0.0.1:%s   (health /q/health, metrics /q/metrics, API /q/openapi)\n' "$module" "$port"
}

stop_services() {
  local entry module pid
  for entry in "${SERVICES[@]}"; do
    module=${entry%%:*}
    if pid=$(service_pid "$module"); then kill "$pid" 2>/dev/null || true; fi
  done
  for entry in "${SERVICES[@]}"; do
    module=${entry%%:*}
    if pid=$(service_pid "$module"); then
      for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$PID_DIR/$module.pid"
  done
  say "services stopped (the stack stays up: deploy/local/stack.sh down stops it)"
}

cmd_up() {
  local detach=${1:-}
  build
  MVN="$REPO_ROOT/mvnw" "$SCRIPT_DIR/stack.sh" up
  say "services: starting (logs in $LOG_DIR)"
  trap 'stop_services; exit 130' INT TERM
  start_services
  local shown_key='<your DMPILOT_BOOTSTRAP_KEY>'
  [[ $DMPILOT_BOOTSTRAP_KEY == "$LOCAL_BOOTSTRAP_KEY" ]] && shown_key=$LOCAL_BOOTSTRAP_KEY
  cat <<MSG

dmpilot is running. Send a private message as a Douyin user would, and see the reply:
  curl -s -X POST http://127.0.0.1:${SERVICES[5]##*:}/sim/messages -H 'Content-Type: application/json' \\
       -d '{"accountOpenId":"demo-account","text":"这个多少钱","nickname":"小王"}'
  curl -s "http://127.0.0.1:${SERVICES[5]##*:}/sim/sent?conversationId=<conversationId from above>"
Operator endpoints take the superadmin key (docs/SECURITY.md):
  curl -s -H "Authorization: Bearer $shown_key" http://127.0.0.1:${SERVICES[4]##*:}/analytics/accounts/demo-account/outcomes
MSG
  if [[ $detach == --detach ]]; then
    trap - INT TERM
    say "detached: deploy/local/run.sh down stops the services"
    return
  fi
  say "Ctrl-C stops the services."
  while true; do
    for entry in "${SERVICES[@]}"; do
      service_pid "${entry%%:*}" >/dev/null || { say "${entry%%:*} stopped; stopping the rest"; stop_services; exit 1; }
    done
    sleep 2
  done
}

cmd_status() {
  local entry module rc=0
  for entry in "${SERVICES[@]}"; do
    module=${entry%%:*}
    if service_pid "$module" >/dev/null; then say "$module: up on :${entry##*:}"; else say "$module: down"; rc=1; fi
  done
  return $rc
}

case ${1:-up} in
  up) cmd_up "${2:-}" ;;
  down) stop_services ;;
  status) cmd_status ;;
  start) cmd_start_one "${2:-}" ;;
  ports) printf '%s\n' "${SERVICES[@]}" ;;
  *) die "usage: deploy/local/run.sh [up [--detach] | down | status | start <service> | ports]" ;;
esac
