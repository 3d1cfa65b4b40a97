#!/usr/bin/env bash
# 10,000 accounts × 20 keyword rules loaded in the running rules-service, and the memory it takes (issue 4).
#
# Starts the packaged rules-service (rules-service/target/quarkus-app, the JVM options of deploy/local/run.sh,
# the sentence model loaded) against a scratch schema, writes the accounts with bulk SQL in the rows the REST
# API writes (Flyway's tables), sends one user message per account so the service loads and compiles every
# account's rules into its cache (AccountRulesCache), and records heap used after a full GC, RSS and live threads
# before and after. Nothing shared is touched: its own schema (RULES_SCHEMA), its own Kafka topics and consumer
# group, its own Redis database; all dropped at the end.
#
# Usage: deploy/local/bench-accounts.sh                   (the local stack must be up: deploy/local/stack.sh up)
#        BENCH_ACCOUNTS=2000 BENCH_CUSTOM_PERCENT=100 deploy/local/bench-accounts.sh
#        flock -o /tmp/dmpilot-build.lock deploy/local/bench-accounts.sh   (no build distorts the figures; -o: the
#                                                     service started here must not inherit the lock)
# Build first: ./mvnw -o -q package -DskipTests -pl rules-service -am
# Knobs: BENCH_ACCOUNTS (10000), BENCH_ADVANCED_PERCENT (40), BENCH_CUSTOM_PERCENT (40, the rest BASIC),
#        BENCH_JVM_OPTS (run.sh's SERVICE_JVM_OPTS), BENCH_PORT (18982), BENCH_REDIS_DB (15), BENCH_OUT.
# Output: a Markdown table on stdout and in $BENCH_OUT (default .local-stack/bench/<UTC time>-accounts/).
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
STACK_HOME=$(realpath -m "${DMPILOT_HOME:-$REPO_ROOT/.local-stack}")
ACCOUNTS=${BENCH_ACCOUNTS:-10000}
ADVANCED_PERCENT=${BENCH_ADVANCED_PERCENT:-40}
CUSTOM_PERCENT=${BENCH_CUSTOM_PERCENT:-40}
JVM_OPTS=${BENCH_JVM_OPTS:--Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1}
PORT=${BENCH_PORT:-18982}
REDIS_DB=${BENCH_REDIS_DB:-15}
KAFKA=${KAFKA_BOOTSTRAP_SERVERS:-127.0.0.1:9092}
KAFKA_LIBS=$STACK_HOME/kafka/libs
RUN_ID=$(date -u +%Y%m%dT%H%M%SZ)
OUT=$(realpath -m "${BENCH_OUT:-$STACK_HOME/bench/$RUN_ID-accounts}")
SCHEMA=rules_bench_accounts
# private copies of the service's topics: the platform's consumers never see the bench's messages
TOPIC_PREFIX=bench-accounts-$RUN_ID
JAR=$REPO_ROOT/rules-service/target/quarkus-app/quarkus-run.jar
URL=http://127.0.0.1:$PORT

say() { printf '[bench-accounts] %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
psql_db() { PGOPTIONS="-c client_min_messages=warning" psql -w -h 127.0.0.1 -U "${PG_USER:-postgres}" -d dmpilot -v ON_ERROR_STOP=1 -qtA "$@"; }
kafka_tool() { java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$KAFKA_LIBS/*" "$@"; }
redis() { redis-cli -n "$REDIS_DB" "$@"; }
metric_sum() { curl -sf "$URL/q/metrics" | awk -v re="$1" '$0 ~ re && $0 !~ /^#/ { s += $NF } END { printf "%.0f", s }'; }

[[ -f $JAR ]] || die "no $JAR: ./mvnw -o -q package -DskipTests -pl rules-service -am"
[[ -d $KAFKA_LIBS ]] || die "no Kafka libraries under $KAFKA_LIBS (DMPILOT_HOME=/path/to/.local-stack?)"
psql_db -c 'select 1' >/dev/null || die "PostgreSQL is not answering: deploy/local/stack.sh up"
[[ $(redis dbsize) == 0 ]] || die "Redis database $REDIS_DB is not empty: BENCH_REDIS_DB=<an empty one>"
mkdir -p "$OUT"

PID=
cleanup() {
  set +e
  if [[ -n $PID ]] && kill -0 "$PID" 2>/dev/null; then
    kill "$PID"
    wait "$PID" 2>/dev/null
  fi
  psql_db -c "drop schema if exists $SCHEMA cascade" >/dev/null
  kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA" --delete \
    --topic "$TOPIC_PREFIX\..*" >/dev/null 2>&1
  redis flushdb >/dev/null
  say "cleaned up: schema $SCHEMA, topics $TOPIC_PREFIX.*, Redis database $REDIS_DB"
}
trap cleanup EXIT

for topic in dm.inbound.v1 dm.inbound.v1.dlq dm.reply-candidates.v1 config.changes.v1 config.changes.v1.dlq; do
  kafka_tool org.apache.kafka.tools.TopicCommand --bootstrap-server "$KAFKA" --create --if-not-exists \
    --topic "$TOPIC_PREFIX.$topic" --partitions 6 --replication-factor 1 >/dev/null
done

say "starting rules-service ($JVM_OPTS) on :$PORT, schema $SCHEMA"
# shellcheck disable=SC2086
RULES_SCHEMA=$SCHEMA QUARKUS_HTTP_PORT=$PORT REDIS_URL=redis://127.0.0.1:6379/$REDIS_DB \
  KAFKA_GROUP_PREFIX=$TOPIC_PREFIX KAFKA_AUTO_OFFSET_RESET=earliest \
  java $JVM_OPTS \
  -Ddmpilot.rules.seed-demo-account=false \
  -Dmp.messaging.incoming.dm-inbound.topic="$TOPIC_PREFIX.dm.inbound.v1" \
  -Dmp.messaging.incoming.dm-inbound.dead-letter-queue.topic="$TOPIC_PREFIX.dm.inbound.v1.dlq" \
  -Dmp.messaging.outgoing.dm-reply-candidates.topic="$TOPIC_PREFIX.dm.reply-candidates.v1" \
  -Dmp.messaging.outgoing.config-changes.topic="$TOPIC_PREFIX.config.changes.v1" \
  -Dmp.messaging.incoming.config-changes-in.topic="$TOPIC_PREFIX.config.changes.v1" \
  -Dmp.messaging.incoming.config-changes-in.dead-letter-queue.topic="$TOPIC_PREFIX.config.changes.v1.dlq" \
  -jar "$JAR" >"$OUT/rules-service.log" 2>&1 </dev/null &
PID=$!
# ready = migrated, consuming, and the sentence model loaded (SentenceModelReadiness)
for _ in $(seq 1 180); do
  curl -sf "$URL/q/health/ready" >/dev/null && break
  kill -0 "$PID" 2>/dev/null || die "rules-service exited; see $OUT/rules-service.log"
  sleep 1
done
curl -sf "$URL/q/health/ready" >/dev/null || die "rules-service not ready after 180 s"

say "writing $ACCOUNTS accounts × 20 keyword rules into $SCHEMA"
started=$(date +%s%N)
psql_db -v accounts="$ACCOUNTS" -v advanced="$ADVANCED_PERCENT" -v custom="$CUSTOM_PERCENT" \
  -v schema="$SCHEMA" -f "$SCRIPT_DIR/bench-accounts.sql" >/dev/null
say "written in $(( ($(date +%s%N) - started) / 1000000 )) ms: $(psql_db -c "select tier || ' ' || count(*) from $SCHEMA.account group by tier order by tier" | tr '\n' ' ')"

# Heap used after a full collection, resident set, live threads, cached accounts.
measure() {
  jcmd "$PID" GC.run >/dev/null
  jcmd "$PID" GC.heap_info >"$OUT/heap-$1.txt"
  local heap rss threads cached
  heap=$(metric_sum '^jvm_memory_used_bytes[{].*area="heap"')
  rss=$(awk '/^VmRSS/ { print $2 }' "/proc/$PID/status")
  threads=$(awk '/^Threads/ { print $2 }' "/proc/$PID/status")
  cached=$(metric_sum '^dmpilot_rules_cache_accounts')
  printf '%s %s %s %s\n' "$heap" "$rss" "$threads" "$cached"
}
read -r heap0 rss0 threads0 cached0 < <(measure before)

say "sending one user message per account to $TOPIC_PREFIX.dm.inbound.v1"
now=$(date +%s%3N)
seq 1 "$ACCOUNTS" | awk -v now="$now" -v run="$RUN_ID" '{
  id = sprintf("%s-%05d", run, $1); account = sprintf("bench-%05d", $1)
  printf "conv-%s\t{\"eventId\":\"im_receive_msg:%s\",\"kind\":\"USER_MESSAGE\",\"clientKey\":\"bench\",", id, id
  printf "\"accountOpenId\":\"%s\",\"userOpenId\":\"user-%s\",\"userNickname\":\"小王\",", account, id
  printf "\"conversationId\":\"conv-%s\",\"serverMessageId\":\"%s\",\"messageType\":\"text\",", id, id
  printf "\"text\":\"面霜多少钱\",\"createdAt\":%s,\"receivedAt\":%s,\"context\":{},\"traceId\":\"trace-%s\"}\n", now, now, id
}' | kafka_tool org.apache.kafka.tools.ConsoleProducer --bootstrap-server "$KAFKA" \
  --topic "$TOPIC_PREFIX.dm.inbound.v1" --property parse.key=true --property key.separator=$'\t' >/dev/null

started=$(date +%s)
until (( $(metric_sum '^dmpilot_candidates_planned_total') >= ACCOUNTS )); do
  (( $(date +%s) - started < 900 )) || die "not every message answered after 900 s"
  sleep 2
done
say "all $ACCOUNTS messages answered in $(( $(date +%s) - started )) s"
curl -sf "$URL/q/metrics" | grep -E '^dmpilot_(candidates_planned|rules_semantic_degraded|rules_cache)' >"$OUT/metrics-after.txt" || true
read -r heap1 rss1 threads1 cached1 < <(measure after)

mib() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }
{
  printf '| | cached accounts | heap used after full GC | RSS | live threads |\n|---|---|---|---|---|\n'
  printf '| after start-up (model loaded) | %s | %s MiB | %s MiB | %s |\n' "$cached0" "$(mib "$heap0")" "$(mib $((rss0 * 1024)))" "$threads0"
  printf '| after one message per account | %s | %s MiB | %s MiB | %s |\n' "$cached1" "$(mib "$heap1")" "$(mib $((rss1 * 1024)))" "$threads1"
  printf '| difference | %s | %s MiB (%s KiB per account) | %s MiB | %s |\n' "$((cached1 - cached0))" \
    "$(mib $((heap1 - heap0)))" "$(awk -v d=$((heap1 - heap0)) -v n="$ACCOUNTS" 'BEGIN { printf "%.1f", d / n / 1024 }')" \
    "$(mib $(((rss1 - rss0) * 1024)))" "$((threads1 - threads0))"
  printf '\n%s accounts (%s%% ADVANCED, %s%% CUSTOM, the rest BASIC), JVM options: %s\n' \
    "$ACCOUNTS" "$ADVANCED_PERCENT" "$CUSTOM_PERCENT" "$JVM_OPTS"
} | tee "$OUT/report.md"
