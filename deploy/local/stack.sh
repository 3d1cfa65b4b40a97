#!/usr/bin/env bash
# Local infrastructure for dmpilot without Docker:
#   - Kafka: a real Apache Kafka broker (KRaft, one combined broker+controller node) whose jars come
#     from Maven Central (deploy/local/kafka/pom.xml), plus the project's topics;
#   - Redis and PostgreSQL: reused when already running, otherwise installed (apt) and started.
#
# Usage: deploy/local/stack.sh up | down [--purge] | status
#
# Everything this script creates (Kafka jars, data, logs, pid files, markers) lives under ONE folder:
#   ${DMPILOT_HOME:-<repo>/.local-stack}
# `down` stops only what this script started; `down --purge` also removes that folder.
#
# The services read KAFKA_BOOTSTRAP_SERVERS / REDIS_URL / PG_URL with localhost defaults, so this
# script exports nothing. Knobs (environment): DMPILOT_HOME, DMPILOT_PARTITIONS, KAFKA_PORT,
# KAFKA_CONTROLLER_PORT, KAFKA_START_TIMEOUT, KAFKA_JVM_OPTS, REDIS_PORT, PG_PORT, PG_DB, MVN.
set -euo pipefail

# The daemons started below must not inherit the caller's descriptors: under `flock lockfile stack.sh up` the
# broker would hold that lock for its whole life. 255 is bash's own handle on this script.
for fd in /proc/$$/fd/*; do
  fd=${fd##*/}
  if ((fd > 2 && fd < 255)); then eval "exec ${fd}>&-" 2>/dev/null || true; fi
done

# ---------------------------------------------------------------------------------------------
# Kafka topics: the ONE place to edit.
# Each entry: "<name> [+dlq] [topic-config=value ...]". "+dlq" also creates "<name>.dlq" (plain
# delete policy: dead letters are a queue, never compacted). All topics get DMPILOT_PARTITIONS
# partitions and replication factor 1.
# ---------------------------------------------------------------------------------------------
TOPICS=(
  "dm.inbound.v1              +dlq"
  "dm.reply-candidates.v1     +dlq"
  "dm.reply-vetted.v1         +dlq"
  "dm.dispatch-outcomes.v1    +dlq"
  "dm.handoffs.v1             +dlq"
  "dm.conversions.v1          +dlq"
  "compliance.violations.v1"
  "config.changes.v1          +dlq cleanup.policy=compact"
  "analytics.outcomes.v1"
  "audit.changes.v1           +dlq"
)
PARTITIONS=${DMPILOT_PARTITIONS:-6}

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
# absolute: the path ends up in the broker's command line, which is how we recognise it later
STACK_HOME=$(realpath -m "${DMPILOT_HOME:-$REPO_ROOT/.local-stack}")
MVN=${MVN:-mvn}

KAFKA_HOST=127.0.0.1
KAFKA_PORT=${KAFKA_PORT:-9092}
KAFKA_CONTROLLER_PORT=${KAFKA_CONTROLLER_PORT:-9093}
KAFKA_START_TIMEOUT=${KAFKA_START_TIMEOUT:-90} # seconds, broker start until metadata answers
# measured 350-410 MiB RSS with these (16 topics x 6 partitions); the JVM default heap would be 1/4 of RAM
KAFKA_JVM_OPTS=${KAFKA_JVM_OPTS:--Xmx256m -XX:+UseSerialGC}
# short-lived tool JVMs: C1 only + serial GC start fastest
TOOL_JVM_OPTS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xshare:auto"

REDIS_HOST=127.0.0.1
REDIS_PORT=${REDIS_PORT:-6379}
PG_HOST=127.0.0.1
PG_PORT=${PG_PORT:-5432}
PG_DB=${PG_DB:-dmpilot}

KAFKA_SRC=$SCRIPT_DIR/kafka                  # pom.xml, log4j2 configs, KafkaSetup.java (tracked)
KAFKA_DIR=$STACK_HOME/kafka
KAFKA_LIBS=$KAFKA_DIR/libs
KAFKA_DATA=$KAFKA_DIR/data                   # log.dirs (KRaft metadata + topic data)
KAFKA_LOGS=$KAFKA_DIR/logs                   # server.log (log4j2) + kafka.out (JVM stdout/stderr)
KAFKA_CONF=$KAFKA_DIR/server.properties
KAFKA_PIDFILE=$KAFKA_DIR/kafka.pid
REDIS_DIR=$STACK_HOME/redis
STATE_DIR=$STACK_HOME/state                  # markers: which services THIS script started
HOME_MARKER=$STACK_HOME/.dmpilot-local-stack # proves the folder is ours before `down --purge`

# ---------------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------------
say() { printf '%s\n' "$*"; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
now_ms() { date +%s%3N; }
secs_since() { awk -v a="$1" -v b="$(now_ms)" 'BEGIN { printf "%.1f s", (b - a) / 1000 }'; }

# true if something accepts TCP connections on host:port (bash /dev/tcp: no nc/ss needed)
port_open() { timeout 2 bash -c "exec 3<>/dev/tcp/$1/$2" 2>/dev/null; }

# best-effort description of who listens on a port, for error messages
port_holder() {
  if command -v ss >/dev/null; then
    ss -Hltnp "sport = :$1" 2>/dev/null | sed -n 's/.*users:((\(.*\))).*/\1/p' | head -n1
  fi
}

APT_UPDATED=
apt_install() {
  [[ $(id -u) -eq 0 ]] || die "need root to apt-get install $* (or install it yourself and re-run)"
  command -v apt-get >/dev/null || die "$* missing and no apt-get on this machine; install it yourself"
  if [[ -z $APT_UPDATED ]]; then
    say "apt: updating package lists"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null
    APT_UPDATED=1
  fi
  say "apt: installing $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

init_home() {
  mkdir -p "$STACK_HOME" "$STATE_DIR"
  [[ -f $HOME_MARKER ]] || echo "created by $SCRIPT_DIR/stack.sh" >"$HOME_MARKER"
}

# one `up`/`down` at a time (two concurrent `up`s would both try to start Kafka).
# fd 9 holds the lock: every daemon started below gets `9>&-`, or it would inherit the lock
# and keep it for its whole life.
take_lock() {
  exec 9>"$STACK_HOME/.lock"
  if ! flock -n 9; then
    say "stack: waiting for another stack.sh to finish (lock $STACK_HOME/.lock)"
    flock -w 300 9 || die "another stack.sh is still running after 300 s (lock $STACK_HOME/.lock)"
  fi
}

# ---------------------------------------------------------------------------------------------
# Kafka
# ---------------------------------------------------------------------------------------------

# prints the pid of OUR broker if it is alive (pid file + command line naming our config)
kafka_pid() {
  local pid
  [[ -f $KAFKA_PIDFILE ]] || return 1
  pid=$(<"$KAFKA_PIDFILE")
  [[ $pid =~ ^[0-9]+$ && -r /proc/$pid/cmdline ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -q "kafka.Kafka $KAFKA_CONF" || return 1
  echo "$pid"
}

# line counts of the two logs when this run started the broker: error output shows only what
# this start wrote, not the end of an older run
KAFKA_LOG_MARK=(0 0)
kafka_log_mark() {
  local f i=0
  for f in "$KAFKA_LOGS/server.log" "$KAFKA_LOGS/kafka.out"; do
    KAFKA_LOG_MARK[i++]=$( { cat "$f" 2>/dev/null || true; } | wc -l)
  done
}

kafka_log_tail() {
  local f i=0
  for f in "$KAFKA_LOGS/server.log" "$KAFKA_LOGS/kafka.out"; do
    if [[ -s $f ]] && (( $(wc -l <"$f") > KAFKA_LOG_MARK[i] )); then
      printf -- '--- last lines of %s ---\n' "$f" >&2
      tail -n +$(( KAFKA_LOG_MARK[i] + 1 )) "$f" | tail -n 25 >&2
    fi
    i=$((i + 1))
  done
}

# jars from Maven Central; skipped when the libs folder was filled from the same pom
kafka_fetch() {
  local stamp t0
  stamp=$(sha256sum "$KAFKA_SRC/pom.xml" | cut -d' ' -f1)
  if [[ -f $KAFKA_LIBS/.fetched && $(<"$KAFKA_LIBS/.fetched") == "$stamp" ]]; then
    return 0
  fi
  command -v "${MVN%% *}" >/dev/null || die "Maven not found ('$MVN'); set MVN=/path/to/mvnw"
  say "kafka: fetching broker jars from Maven Central ($MVN)"
  t0=$(now_ms)
  # fill a temp folder and rename it, so an interrupted fetch never looks complete
  rm -rf "$KAFKA_LIBS.tmp"
  # (Maven 3.8 prints stray colour codes even with -B: strip them)
  # shellcheck disable=SC2086
  (cd "$KAFKA_SRC" && $MVN -q -B -Dstyle.color=never -f pom.xml dependency:copy-dependencies \
      -DoutputDirectory="$KAFKA_LIBS.tmp" 2>&1 | sed -u $'s/\e\\[[0-9;]*m//g') \
    || die "fetching Kafka jars failed (see Maven output above)"
  echo "$stamp" >"$KAFKA_LIBS.tmp/.fetched"
  rm -rf "$KAFKA_LIBS"
  mv "$KAFKA_LIBS.tmp" "$KAFKA_LIBS"
  local jars=("$KAFKA_LIBS"/*.jar)
  say "kafka: ${#jars[@]} jars, $(du -sh "$KAFKA_LIBS" | cut -f1) in $(secs_since "$t0")"
}

kafka_version() {
  local jars=("$KAFKA_LIBS"/kafka_2.13-*.jar) jar
  [[ -f ${jars[0]} ]] || die "no kafka_2.13 jar in $KAFKA_LIBS"
  jar=${jars[0]##*/kafka_2.13-}
  echo "${jar%.jar}"
}

kafka_write_config() {
  mkdir -p "$KAFKA_DATA" "$KAFKA_LOGS"
  cat >"$KAFKA_CONF" <<EOF
# Generated by deploy/local/stack.sh on every start; edit the script, not this file.
# One node acting as KRaft controller and broker.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT,CONTROLLER://$KAFKA_HOST:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://$KAFKA_HOST:$KAFKA_PORT
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
log.dirs=$KAFKA_DATA

# A single node can only hold one replica: every replication factor and min ISR is 1,
# including the internal topics (offsets, transactions, share groups).
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1

# Consumer groups form at once instead of waiting 3 s for more members (faster tests).
group.initial.rebalance.delay.ms=0

# Topics are pre-created by stack.sh; auto-creation stays on so a typo does not crash a
# service, it only logs a warning on the first send.
auto.create.topics.enable=true
num.partitions=$PARTITIONS
EOF
}

# KRaft storage must be formatted once with a cluster id before the first start
kafka_format() {
  local version cluster_id
  version=$(kafka_version)
  if [[ -f $KAFKA_DATA/meta.properties ]]; then
    # a data folder formatted by another Kafka version is not reliably readable
    if [[ -f $KAFKA_DIR/data.version && $(<"$KAFKA_DIR/data.version") != "$version" ]]; then
      die "kafka: $KAFKA_DATA was formatted by Kafka $(<"$KAFKA_DIR/data.version"), libs are $version; run '$0 down --purge' (drops all topic data)"
    fi
    return 0
  fi
  # cluster id = 16 random bytes, base64url without padding (what StorageTool random-uuid
  # prints); generated here to save a JVM start. A leading '-' would read as an option.
  cluster_id=-
  while [[ $cluster_id == -* ]]; do
    cluster_id=$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
  done
  say "kafka: formatting $KAFKA_DATA (cluster id $cluster_id)"
  # shellcheck disable=SC2086
  java $TOOL_JVM_OPTS -Dlog4j2.configurationFile="$KAFKA_SRC/log4j2-tools.xml" -cp "$KAFKA_LIBS/*" \
      kafka.tools.StorageTool format -t "$cluster_id" -c "$KAFKA_CONF" >/dev/null \
    || die "kafka: formatting storage failed"
  echo "$version" >"$KAFKA_DIR/data.version"
}

# start the broker detached (setsid: it must outlive this script and its process group)
kafka_start() {
  kafka_log_mark
  # shellcheck disable=SC2086
  setsid nohup java $KAFKA_JVM_OPTS -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true \
      -Dkafka.logs.dir="$KAFKA_LOGS" -Dlog4j2.configurationFile="$KAFKA_SRC/log4j2.xml" \
      -cp "$KAFKA_LIBS/*" kafka.Kafka "$KAFKA_CONF" \
      >>"$KAFKA_LOGS/kafka.out" 2>&1 </dev/null 9>&- &
  echo $! >"$KAFKA_PIDFILE"
}

# KafkaSetup.java compiled once into the stack folder: launching the .java file directly would
# compile it on every `up` (~1 s more each time, on 2 cores)
kafka_tool_compile() {
  local out=$KAFKA_DIR/tools stamp
  stamp=$(cat "$KAFKA_SRC/KafkaSetup.java" "$KAFKA_LIBS/.fetched" | sha256sum | cut -d' ' -f1)
  [[ -f $out/.compiled && $(<"$out/.compiled") == "$stamp" ]] && return 0
  command -v javac >/dev/null || die "javac not found: a JDK 17+ is needed (not just a JRE)"
  rm -rf "$out.tmp" && mkdir -p "$out.tmp"
  javac -nowarn -cp "$KAFKA_LIBS/*" -d "$out.tmp" "$KAFKA_SRC/KafkaSetup.java" || die "kafka: compiling KafkaSetup.java failed"
  echo "$stamp" >"$out.tmp/.compiled"
  rm -rf "$out" && mv "$out.tmp" "$out"
}

# wait for the port, then let KafkaSetup.java wait for a metadata answer and create the topics
# (one JVM for both: one TopicCommand JVM per topic is ~1.6 s each, ~26 s for 16 topics on 2 cores)
kafka_ready_and_topics() {
  local started=$1 deadline=$(( $1 + KAFKA_START_TIMEOUT * 1000 )) pid specs=() entry name rest
  # plain kill -0, not kafka_pid: right after the fork /proc/<pid>/cmdline can still be bash's
  pid=$(<"$KAFKA_PIDFILE")
  until port_open "$KAFKA_HOST" "$KAFKA_PORT"; do
    if ! kill -0 "$pid" 2>/dev/null; then
      kafka_log_tail; die "kafka: broker (pid $pid) exited during start"
    fi
    if (( $(now_ms) > deadline )); then
      kafka_log_tail
      die "kafka: $KAFKA_HOST:$KAFKA_PORT not open after ${KAFKA_START_TIMEOUT}s; broker pid $pid left running: '$0 up' waits again, '$0 down' stops it"
    fi
    sleep 0.2
  done
  for entry in "${TOPICS[@]}"; do
    read -r name rest <<<"$entry"
    if [[ " $rest " == *" +dlq "* ]]; then
      rest=${rest//+dlq/}
      specs+=("$name $rest" "$name.dlq")
    else
      specs+=("$name $rest")
    fi
  done
  # shellcheck disable=SC2086
  if ! java $TOOL_JVM_OPTS -Dlog4j2.configurationFile="$KAFKA_SRC/log4j2-tools.xml" -cp "$KAFKA_DIR/tools:$KAFKA_LIBS/*" \
      KafkaSetup "$KAFKA_HOST:$KAFKA_PORT" "$started" "$deadline" "$PARTITIONS" "${specs[@]}"; then
    kafka_log_tail; die "kafka: broker not ready or topic creation failed"
  fi
}

kafka_up() {
  local pid started port
  command -v java >/dev/null || die "java (JDK 17+) not found"
  if pid=$(kafka_pid); then
    say "kafka: running (pid $pid), checking topics"
    kafka_tool_compile
    kafka_ready_and_topics "$(now_ms)"
    return 0
  fi
  rm -f "$KAFKA_PIDFILE" # stale
  # our broker is not running, so whoever holds these ports is someone else: fail before any work
  for port in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
    if port_open "$KAFKA_HOST" "$port"; then
      die "kafka: $KAFKA_HOST:$port is already in use by another process ($(port_holder "$port")), not by this stack's broker; stop it or set KAFKA_PORT/KAFKA_CONTROLLER_PORT"
    fi
  done
  kafka_fetch
  kafka_tool_compile
  kafka_write_config
  kafka_format
  started=$(now_ms)
  kafka_start
  say "kafka: starting Kafka $(kafka_version) (pid $(<"$KAFKA_PIDFILE"), log $KAFKA_LOGS/server.log)"
  kafka_ready_and_topics "$started"
}

kafka_down() {
  local pid t0 i
  if ! pid=$(kafka_pid); then
    rm -f "$KAFKA_PIDFILE"
    say "kafka: not running"
    return 0
  fi
  t0=$(now_ms)
  kill -TERM "$pid" # controlled shutdown: flushes logs, so the next start needs no recovery
  for ((i = 0; i < 300; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    say "kafka: no exit after 30 s, killing pid $pid"
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$KAFKA_PIDFILE"
  say "kafka: stopped ($(secs_since "$t0"))"
}

kafka_status() {
  local pid
  if pid=$(kafka_pid) && port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
    say "kafka: up $KAFKA_HOST:$KAFKA_PORT (pid $pid, $(( $(ps -o rss= -p "$pid") / 1024 )) MiB RSS)"
  elif port_open "$KAFKA_HOST" "$KAFKA_PORT"; then
    say "kafka: down $KAFKA_HOST:$KAFKA_PORT (port held by another process: $(port_holder "$KAFKA_PORT"))"
    return 1
  elif [[ -n ${pid:-} ]]; then
    say "kafka: down $KAFKA_HOST:$KAFKA_PORT (pid $pid alive, port not open yet)"
    return 1
  else
    say "kafka: down $KAFKA_HOST:$KAFKA_PORT"
    return 1
  fi
}

# ---------------------------------------------------------------------------------------------
# Redis
# ---------------------------------------------------------------------------------------------
redis_ping() {
  if command -v redis-cli >/dev/null; then
    [[ $(timeout 3 redis-cli -h "$REDIS_HOST" -p "$REDIS_PORT" ping 2>/dev/null) == PONG ]]
  else # no client installed: speak RESP by hand
    timeout 3 bash -c "exec 3<>/dev/tcp/$REDIS_HOST/$REDIS_PORT; printf 'PING\r\n' >&3; read -r l <&3; [[ \$l == +PONG* ]]" 2>/dev/null
  fi
}

redis_up() {
  local i
  if redis_ping; then
    if [[ -f $STATE_DIR/redis.started ]]; then
      say "redis: running on $REDIS_HOST:$REDIS_PORT (started by this stack)"
    else
      say "redis: reusing $REDIS_HOST:$REDIS_PORT"
    fi
    return 0
  fi
  if port_open "$REDIS_HOST" "$REDIS_PORT"; then
    die "redis: $REDIS_HOST:$REDIS_PORT is taken by something that does not answer PING like Redis ($(port_holder "$REDIS_PORT"))"
  fi
  if ! command -v redis-server >/dev/null; then
    apt_install redis-server
    # on a systemd machine the package starts its own server: reuse that one
    if redis_ping; then say "redis: reusing $REDIS_HOST:$REDIS_PORT (started by the package)"; return 0; fi
  fi
  mkdir -p "$REDIS_DIR"
  # no persistence: it is a cache/state store for local runs only
  redis-server --bind "$REDIS_HOST" --port "$REDIS_PORT" --daemonize yes --save '' --appendonly no \
      --dir "$REDIS_DIR" --logfile "$REDIS_DIR/redis.log" --pidfile "$REDIS_DIR/redis.pid" >/dev/null 9>&- \
    || die "redis: redis-server failed to start (log $REDIS_DIR/redis.log)"
  echo "$REDIS_DIR/redis.pid" >"$STATE_DIR/redis.started"
  for ((i = 0; i < 50; i++)); do
    if redis_ping; then say "redis: started on $REDIS_HOST:$REDIS_PORT (log $REDIS_DIR/redis.log)"; return 0; fi
    sleep 0.2
  done
  tail -n 20 "$REDIS_DIR/redis.log" >&2 || true
  die "redis: no PONG from $REDIS_HOST:$REDIS_PORT 10 s after start"
}

redis_down() {
  local pidfile pid i
  if [[ ! -f $STATE_DIR/redis.started ]]; then
    if redis_ping; then say "redis: left running (not started by this stack)"; else say "redis: not running"; fi
    return 0
  fi
  pidfile=$(<"$STATE_DIR/redis.started")
  pid=$(cat "$pidfile" 2>/dev/null || true)
  if [[ $pid =~ ^[0-9]+$ ]] && [[ $(cat "/proc/$pid/comm" 2>/dev/null) == redis-server* ]]; then
    kill -TERM "$pid"
    for ((i = 0; i < 100; i++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    say "redis: stopped"
  else
    say "redis: not running"
  fi
  rm -f "$STATE_DIR/redis.started"
}

redis_status() {
  if redis_ping; then
    say "redis: up $REDIS_HOST:$REDIS_PORT$([[ -f $STATE_DIR/redis.started ]] && echo " (started by this stack)")"
  else
    say "redis: down $REDIS_HOST:$REDIS_PORT"
    return 1
  fi
}

# ---------------------------------------------------------------------------------------------
# PostgreSQL (Debian clusters: pg_lsclusters / pg_ctlcluster; the server refuses to run as root,
# pg_ctlcluster switches to the postgres user)
# ---------------------------------------------------------------------------------------------
pg_ready() {
  if command -v pg_isready >/dev/null; then
    pg_isready -q -h "$PG_HOST" -p "$PG_PORT" -t 3
  else
    port_open "$PG_HOST" "$PG_PORT"
  fi
}

# services log in as postgres over TCP without a password
pg_login_ok() {
  PGCONNECT_TIMEOUT=3 psql -w -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -tAc 'select 1' >/dev/null 2>&1
}

psql_admin() { psql -w -h "$PG_HOST" -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"; }

# "<version> <name>" of the Debian cluster configured for PG_PORT, if any
pg_cluster_for_port() {
  command -v pg_lsclusters >/dev/null || return 1
  pg_lsclusters -h 2>/dev/null | awk -v p="$PG_PORT" '$3 == p { print $1, $2; found = 1; exit } END { exit !found }'
}

# Debian's default pg_hba.conf wants scram passwords for TCP: trust 127.0.0.1 and ::1 instead
# (first matching line wins, so prepend). Only done for clusters this script installed/started.
pg_trust_localhost() {
  local ver=$1 name=$2 hba
  hba=/etc/postgresql/$ver/$name/pg_hba.conf
  [[ -f $hba ]] || die "postgresql: $hba not found"
  grep -q 'dmpilot local stack' "$hba" && return 0
  cp -n "$hba" "$hba.before-dmpilot"
  { echo "# dmpilot local stack (deploy/local/stack.sh): services connect as postgres over TCP without a password"
    echo "host    all    all    127.0.0.1/32    trust"
    echo "host    all    all    ::1/128         trust"
    cat "$hba.before-dmpilot"; } >"$hba"
  say "postgresql: set trust auth for 127.0.0.1 and ::1 in $hba (original: $hba.before-dmpilot)"
}

pg_up() {
  local cluster ver name started_here='' i rc
  if pg_ready; then
    if [[ -f $STATE_DIR/postgresql.started ]]; then
      say "postgresql: running on $PG_HOST:$PG_PORT (started by this stack)"
    else
      say "postgresql: reusing $PG_HOST:$PG_PORT"
    fi
  else
    if port_open "$PG_HOST" "$PG_PORT"; then
      # exit 1 = "rejecting connections": a PostgreSQL still starting up, give it a moment;
      # anything else on the port is not PostgreSQL
      for ((i = 0; i < 30; i++)); do
        rc=0; pg_isready -q -h "$PG_HOST" -p "$PG_PORT" -t 3 || rc=$?
        [[ $rc -eq 1 ]] || break
        sleep 0.5
      done
      pg_ready || die "postgresql: $PG_HOST:$PG_PORT is open but is not a ready PostgreSQL ($(port_holder "$PG_PORT"))"
    else
      if ! cluster=$(pg_cluster_for_port); then
        if ! compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null; then
          apt_install postgresql # its postinst creates cluster <ver>/main on 5432
        fi
        if ! cluster=$(pg_cluster_for_port); then
          ver=$(printf '%s\n' /usr/lib/postgresql/*/bin/postgres | cut -d/ -f5 | sort -V | tail -n1)
          say "postgresql: creating cluster $ver/dmpilot on port $PG_PORT"
          pg_createcluster "$ver" dmpilot --port "$PG_PORT" >/dev/null
          cluster="$ver dmpilot"
        fi
        read -r ver name <<<"$cluster"
        pg_trust_localhost "$ver" "$name"
      fi
      read -r ver name <<<"$cluster"
      pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" start 9>&- \
        || die "postgresql: could not start cluster $ver/$name (log /var/log/postgresql/postgresql-$ver-$name.log)"
      echo "$ver $name" >"$STATE_DIR/postgresql.started"
      started_here=1
      for ((i = 0; i < 60; i++)); do pg_ready && break; sleep 0.5; done
      pg_ready || die "postgresql: cluster $ver/$name started but $PG_HOST:$PG_PORT is not ready after 30 s"
      say "postgresql: started cluster $ver/$name on $PG_HOST:$PG_PORT"
    fi
  fi
  command -v psql >/dev/null || apt_install postgresql-client
  if ! pg_login_ok; then
    if [[ -n $started_here || -f $STATE_DIR/postgresql.started ]]; then
      read -r ver name <"$STATE_DIR/postgresql.started"
      pg_trust_localhost "$ver" "$name"
      pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" reload
      sleep 0.5
    fi
    pg_login_ok || die "postgresql: cannot log in as postgres on $PG_HOST:$PG_PORT without a password; allow it in pg_hba.conf ('host all all 127.0.0.1/32 trust') and reload"
  fi
  if [[ -z $(psql_admin -c "select 1 from pg_database where datname = '$PG_DB'") ]]; then
    psql_admin -c "create database \"$PG_DB\" owner postgres" >/dev/null
    say "postgresql: created database $PG_DB"
  fi
}

pg_down() {
  local ver name
  if [[ ! -f $STATE_DIR/postgresql.started ]]; then
    if pg_ready; then say "postgresql: left running (not started by this stack)"; else say "postgresql: not running"; fi
    return 0
  fi
  read -r ver name <"$STATE_DIR/postgresql.started"
  pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" stop || true
  rm -f "$STATE_DIR/postgresql.started"
  say "postgresql: stopped cluster $ver/$name"
}

pg_status() {
  local db=""
  if pg_ready; then
    if pg_login_ok && [[ -z $(psql_admin -c "select 1 from pg_database where datname = '$PG_DB'" 2>/dev/null) ]]; then
      db=", database $PG_DB missing"
    fi
    say "postgresql: up $PG_HOST:$PG_PORT$db$([[ -f $STATE_DIR/postgresql.started ]] && echo " (started by this stack)")"
    [[ -z $db ]]
  else
    say "postgresql: down $PG_HOST:$PG_PORT"
    return 1
  fi
}

# ---------------------------------------------------------------------------------------------
# commands
# ---------------------------------------------------------------------------------------------
cmd_up() {
  local t0
  t0=$(now_ms)
  init_home
  take_lock
  say "stack: $STACK_HOME"
  # Redis/PostgreSQL first: they may need apt, which is best done before a broker eats memory
  redis_up
  pg_up
  kafka_up
  say "stack: up in $(secs_since "$t0")"
}

cmd_down() {
  local purge=
  case ${1:-} in
    "") ;;
    --purge) purge=1 ;;
    *) die "usage: $0 down [--purge]" ;;
  esac
  if [[ ! -d $STACK_HOME ]]; then
    say "stack: nothing here ($STACK_HOME does not exist)"
    return 0
  fi
  take_lock
  kafka_down
  redis_down
  pg_down
  if [[ -n $purge ]]; then
    # only ever delete a folder this script created
    [[ -f $HOME_MARKER ]] || die "refusing to delete $STACK_HOME: no $HOME_MARKER in it"
    rm -rf "$STACK_HOME"
    say "stack: removed $STACK_HOME"
  fi
}

cmd_status() {
  local rc=0
  kafka_status || rc=1
  redis_status || rc=1
  pg_status || rc=1
  return $rc
}

case ${1:-} in
  up) shift; [[ $# -eq 0 ]] || die "usage: $0 up"; cmd_up ;;
  down) shift; cmd_down "$@" ;;
  status) shift; cmd_status ;;
  *) echo "usage: $0 up | down [--purge] | status" >&2; exit 64 ;;
esac
