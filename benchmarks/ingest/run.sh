#!/usr/bin/env bash
# Ingest benchmarks (issue "Ingester"): backfill of EVENTS program events from the chain simulator into the
# event store, compared with a plain PostgreSQL COPY of the same rows; then live latency at TPS tx/s.
# Usage: benchmarks/ingest/run.sh [EVENTS=200000] [TPS=200] [SECONDS=60]   (LEDGER=file reuses a generated ledger;
#        WARMUP=180: seconds of the same live load, unmeasured, before the measured SECONDS (the JIT compiles for
#        ~3 minutes after start, ~75 CPU-s on 2 vCPUs: shorter warm-ups measure that, not a running ingester);
#        BACKFILL_JAVA_OPTS: extra JVM options for the backfill run, e.g. a JFR recording;
#        LIVE_JAVA_OPTS: extra JVM options for the live app (the processors' node with SPLIT_NICE);
#        SPLIT_NICE=N: live part on two nodes, ingest at normal priority and the event processors' node at nice N;
#        LIVE_ONLY=1: only the live part (no ledger, backfill or COPY);
#        SIM_NICE=N: the live part's simulator and latency probe (one JVM) at nice N, as if the cluster had cores
#        of its own; the probe then reads the checkpoint late as often as the app keeps the cores busy)
# Runs its own PostgreSQL 15 (fsync ON: durable figures) and Redis on loopback; needs the postgres user.
set -euo pipefail
cd "$(dirname "$0")/../.."
EVENTS=${1:-200000}; TPS=${2:-200}; SECONDS_LIVE=${3:-60}
PG_BIN=/usr/lib/postgresql/15/bin; PG_PORT=15442; REDIS_PORT=16389; SIM_PORT=18899   # below the ephemeral port range
WORK=$(mktemp -d /tmp/bench-ingest.XXXXXX); chown postgres:postgres "$WORK"
PIDS=()
cleanup() {
  set +e
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
  # the app shuts down gracefully while PostgreSQL is still up (stopped first, it retried its database for minutes
  # at full CPU, beside whatever ran next)
  for i in $(seq 1 30); do
    alive=0; for p in "${PIDS[@]}"; do kill -0 "$p" 2>/dev/null && alive=1; done
    [ $alive = 1 ] || break; sleep 1
  done
  for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null; done
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" -m fast stop >/dev/null 2>&1
  redis-cli -p $REDIS_PORT shutdown nosave >/dev/null 2>&1
  # the database, the ledger copy and the COPY file take gigabytes a run; the logs stay in $WORK
  rm -rf "$WORK/pg" "$WORK/ledger.jsonl" "$WORK/rows.copy" "$WORK/data"
  echo "logs in $WORK"
}
trap cleanup EXIT

mvn -q -B -DskipTests package
# our own modules from this build's target/classes, never a possibly stale copy in ~/.m2
DEPS=$(mvn -q -B -pl benchmarks dependency:build-classpath -Dmdep.outputFile=/dev/stdout | tr ':' '\n' | grep -v '/com/solanamafia/' | paste -sd:)
CP="benchmarks/target/classes:ingest/target/classes:chain-sim/target/classes:core-api/target/classes:command-side/target/classes:$DEPS"
JAR=app/target/solana-mafia.jar

runuser -u postgres -- "$PG_BIN/initdb" -D "$WORK/pg" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w -o "-p $PG_PORT -k $WORK -c listen_addresses=127.0.0.1 -c shared_buffers=512MB" start >/dev/null
redis-server --port $REDIS_PORT --bind 127.0.0.1 --save '' --appendonly no --daemonize yes --dir "$WORK" --logfile "$WORK/redis.log"
psql() { command psql -h 127.0.0.1 -p $PG_PORT -U postgres "$@"; }
psql -qc "CREATE DATABASE backfill" -c "CREATE DATABASE live"

if [ -n "${LIVE_ONLY:-}" ]; then
  echo "== LIVE_ONLY: no backfill"
elif [ -n "${LEDGER:-}" ]; then
  echo "== reusing the ledger $LEDGER"; cp "$LEDGER" "$WORK/ledger.jsonl"
else
  echo "== generating a ledger with >= $EVENTS program events"
  java -cp "$CP" com.solanamafia.bench.ingest.LedgerWriter "$WORK/ledger.jsonl" "$EVENTS" 5000 1
fi

export DATABASE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/backfill" SPRING_DATASOURCE_USERNAME=postgres \
       REDIS_URL="redis://127.0.0.1:$REDIS_PORT" SOLANA_RPC_URL="http://127.0.0.1:$SIM_PORT" SOLANA_MAFIA_DATA_DIR="$WORK/data"
if [ -z "${LIVE_ONLY:-}" ]; then
echo "== backfill"
java -jar $JAR sim --port $SIM_PORT --ledger "$WORK/ledger.jsonl" > "$WORK/sim.log" 2>&1 & PIDS+=($!)
until curl -s -o /dev/null -X POST -H 'Content-Type: application/json' -d '{"jsonrpc":"2.0","id":1,"method":"getHealth"}' http://127.0.0.1:$SIM_PORT; do sleep 0.5; done
java -Xmx2g ${BACKFILL_JAVA_OPTS:-} -jar $JAR backfill | tr "\r" "\n" > "$WORK/backfill.log"; grep -E "Backfill (done|stopped)" "$WORK/backfill.log"
kill "${PIDS[0]}"; PIDS=()
ROWS=$(psql -d backfill -Atc "SELECT count(*) FROM event_store.domain_event_entry")
echo "domain events in the store: $ROWS"

echo "== plain COPY of the same $ROWS event rows (same server, fsync on)"
psql -d backfill -qc "\copy (SELECT event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data FROM event_store.domain_event_entry) TO '$WORK/rows.copy'"
psql -d backfill -qc "CREATE TABLE copy_target (LIKE event_store.domain_event_entry INCLUDING ALL)"
psql -d backfill -c "\timing on" -c "\copy copy_target (event_identifier, aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, payload, meta_data) FROM '$WORK/rows.copy'" | grep -E "COPY|Time"

fi

echo "== live latency at $TPS tx/s for $SECONDS_LIVE s"
export DATABASE_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/live" SOLANA_MAFIA_INGEST_POLL_INTERVAL=5s
nice -n "${SIM_NICE:-0}" java -cp "$CP" com.solanamafia.bench.ingest.LiveLatencyBenchmark "jdbc:postgresql://127.0.0.1:$PG_PORT/live" postgres "$TPS" "$SECONDS_LIVE" $SIM_PORT "${WARMUP:-180}" &
BENCH=$!
sleep 3
# earnings automation off: its update transactions would count as ingested benchmark transactions
if [ -n "${SPLIT_NICE:-}" ]; then
  # two nodes on the same cores: an ingest node (takes the lease, runs no event processor) at normal priority, then
  # a node with every processor (read models, push; its ingester stays on standby) at nice SPLIT_NICE
  SERVER_PORT=18080 SOLANA_MAFIA_REPLAY_RUN_PROCESSORS=false SOLANA_MAFIA_PUSH_ENABLED=false \
    java -Xmx1g -jar $JAR --solana-mafia.earnings.enabled=false > "$WORK/app-ingest.log" 2>&1 & PIDS+=($!)
  until [ "$(psql -d live -Atc 'SELECT count(*) FROM ingest.lease' 2>/dev/null)" = 1 ]; do sleep 0.5; done
  SERVER_PORT=18081 SOLANA_MAFIA_REPLAY_RUN_PROCESSORS=true SOLANA_MAFIA_PUSH_ENABLED=true \
    nice -n "$SPLIT_NICE" java -Xmx1g ${LIVE_JAVA_OPTS:-} -jar $JAR --solana-mafia.earnings.enabled=false > "$WORK/app-live.log" 2>&1 & PIDS+=($!)
else
  java -Xmx1g ${LIVE_JAVA_OPTS:-} -jar $JAR --solana-mafia.earnings.enabled=false > "$WORK/app-live.log" 2>&1 & PIDS+=($!)
fi
wait $BENCH
echo "CPU time of the app process(es) over the live part:"; ps -o pid,ni,times,args -p "$(IFS=,; echo "${PIDS[*]}")" | cut -c1-120
