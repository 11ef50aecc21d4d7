#!/usr/bin/env bash
# Earnings scheduler benchmark (issue "Earnings automation", performance part): PLAYERS players whose due times are
# spread over one simulated chain day; the packaged app schedules (saga + db-scheduler deadlines), batches, signs and
# sends the updates to an in-process chain simulator; the harness checks every due window was paid exactly once and
# reports RPC calls per update, scheduler rows/poll cost, CPU per update and wall time. See README.md here.
#
#   benchmarks/earnings/run.sh                                  # 1,000 players, 3600x (a chain day = 24 s)
#   PLAYERS=10000 COMPRESSION=360 benchmarks/earnings/run.sh    # a chain day = 240 s
#   PLAYERS=100000 COMPRESSION=60 LEAD=660 APP_XMX=3g benchmarks/earnings/run.sh   # the 100k run (a chain day = 1,440 s)
#
# Env: PLAYERS, COMPRESSION, LEAD (wall seconds between the joins and the first due time: the app must start and
# ingest PLAYERS join transactions before it), SLOT_MS (100), RPS (submitter rpc-per-second, 200), MAX_PER_TICK (200),
# BATCH (5), TICK (500ms), APP_XMX (2g), DIR (results), SKIP_BUILD=1 (use the existing jars/classes), MVN_ARGS.
# Runs its own PostgreSQL 15 (fsync off, pg_stat_statements) and Redis on loopback; needs root (runuser postgres).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
cd "$ROOT"
PLAYERS=${PLAYERS:-1000}; COMPRESSION=${COMPRESSION:-3600}; LEAD=${LEAD:-60}; SLOT_MS=${SLOT_MS:-100}
RPS=${RPS:-200}; MAX_PER_TICK=${MAX_PER_TICK:-200}; BATCH=${BATCH:-5}; TICK=${TICK:-500ms}; APP_XMX=${APP_XMX:-2g}
PG_BIN=/usr/lib/postgresql/15/bin; PG_PORT=${PG_PORT:-15452}; REDIS_PORT=${REDIS_PORT:-16399}   # below the ephemeral port range
DIR=${DIR:-$(mktemp -d /tmp/earnings-bench.XXXXXX)}
mkdir -p "$DIR"; chmod 755 "$DIR"
echo "results in $DIR"
{ echo "date: $(date -u)"; echo "commit: $(git rev-parse --short HEAD 2>/dev/null)"; echo "nproc: $(nproc)";
  lscpu | grep 'Model name' || true; grep MemTotal /proc/meminfo; echo "uptime: $(uptime)"; java -version 2>&1 | head -1; } | tee "$DIR/machine.txt"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  # the app jar and the benchmark classes; the classpath of the benchmarks module from the same reactor
  mvn -q -o ${MVN_ARGS:-} -pl app,benchmarks -am package -DskipTests
fi
mvn -q -o ${MVN_ARGS:-} -pl benchmarks -am dependency:build-classpath -Dmdep.outputFile="$DIR/cp.txt" >/dev/null
# a copy of the jar and of the sibling modules' classes (not ~/.m2): a build during the run (it is long) must not
# change the classes under the running app or harness
mkdir -p "$DIR/classes"
cp app/target/solana-mafia.jar "$DIR/solana-mafia.jar"
for m in benchmarks ingest chain-sim command-side core-api; do rm -rf "$DIR/classes/$m"; cp -r "$m/target/classes" "$DIR/classes/$m"; done
CP="$DIR/classes/benchmarks:$DIR/classes/ingest:$DIR/classes/chain-sim:$DIR/classes/command-side:$DIR/classes/core-api:$(cat "$DIR/cp.txt")"

PIDS=()
cleanup() {
  set +e
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$DIR/pg/data" -m fast stop >/dev/null 2>&1
  redis-cli -p "$REDIS_PORT" shutdown nosave >/dev/null 2>&1
}
trap cleanup EXIT

mkdir -p "$DIR/pg"; chown postgres:postgres "$DIR/pg"
runuser -u postgres -- "$PG_BIN/initdb" -D "$DIR/pg/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$DIR/pg/data" -l "$DIR/pg/server.log" -w -t 60 -o "-p $PG_PORT -k $DIR/pg -c listen_addresses=127.0.0.1 \
  -c max_connections=200 -c shared_buffers=512MB -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
  -c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track=all" start >/dev/null
PG_PID=$(head -1 "$DIR/pg/data/postmaster.pid")
redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes --dir "$DIR" --logfile "$DIR/redis.log"
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -qc "CREATE DATABASE earnings"
psql -h 127.0.0.1 -p "$PG_PORT" -U postgres -d earnings -qc "CREATE EXTENSION pg_stat_statements"

java -Xmx2g -cp "$CP" -Dbench.players="$PLAYERS" -Dbench.compression="$COMPRESSION" -Dbench.leadSeconds="$LEAD" \
  -Dbench.slotMillis="$SLOT_MS" -Dbench.rpcPerSecond="$RPS" -Dbench.maxPerTick="$MAX_PER_TICK" -Dbench.batchSize="$BATCH" \
  -Dbench.tick="$TICK" -Dbench.appXmx="$APP_XMX" -Dbench.jar="$DIR/solana-mafia.jar" -Dbench.dir="$DIR" \
  -Dbench.dbUrl="jdbc:postgresql://127.0.0.1:$PG_PORT/earnings" -Dbench.redisUrl="redis://127.0.0.1:$REDIS_PORT" \
  -Dbench.pgPid="$PG_PID" com.solanamafia.bench.earnings.EarningsSchedulerBenchmark
echo "uptime at the end: $(uptime)" | tee -a "$DIR/machine.txt"
