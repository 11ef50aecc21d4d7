#!/usr/bin/env bash
# Replay benchmark (BENCHMARKS.md, "Replay"): writes EVENTS synthetic domain events over PLAYERS wallets into a fresh
# database's event store, then times `solana-mafia.jar replay all` (every read model, blue/green, batches of
# `solana-mafia.replay.batch-size`). Needs PostgreSQL (PGHOST/PGPORT/PGUSER) and Redis (REDIS_URL); run from the
# repository root after `mvn -q -DskipTests package`.
#   benchmarks/replay/run.sh [EVENTS=1000000] [PLAYERS=100000]
set -euo pipefail
EVENTS=${1:-1000000}
PLAYERS=${2:-100000}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-55432}
PGUSER=${PGUSER:-postgres}
export REDIS_URL=${REDIS_URL:-redis://127.0.0.1:56379}
JAR=${JAR:-app/target/solana-mafia.jar}
OUT=${OUT:-benchmarks/replay/out}
DB=${DB:-bench_replay_$(date +%s)}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)   # absolute: maven -pl resolves relative paths against the module
psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -qc "CREATE DATABASE $DB"
URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB"
export DATABASE_URL="$URL?user=$PGUSER"
export SPRING_DATASOURCE_USERNAME=$PGUSER
echo "== schema (an empty replay runs the migrations)"
java -jar "$JAR" replay all > "$OUT/migrate.log" 2>&1 || { cat "$OUT/migrate.log"; exit 1; }
echo "== $EVENTS events over $PLAYERS players"
mvn -q -o -pl benchmarks dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" > /dev/null
java -cp "benchmarks/target/classes:$(cat "$OUT/cp.txt")" com.solanamafia.bench.replay.ReplayEventsGenerator \
    "$URL" "$PGUSER" "$EVENTS" "$PLAYERS" | tail -1
# the load's leftovers are not the replay's work: the bulk-loaded table is vacuumed and analyzed once (else
# autovacuum does it during the replay), and its dirty pages are written out (else the kernel's writeback of ~1 GB
# competes with the replay for the CPUs)
psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$DB" -qc "VACUUM ANALYZE event_store.domain_event_entry" -c "CHECKPOINT"
sync
echo "== replay all ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
# the JVM flags README "Replay" recommends for the CLI (a batch job: throughput over pause times)
JAVA_OPTS=${JAVA_OPTS:--XX:+UseParallelGC -Xms4g -Xmx4g -XX:MaxTenuringThreshold=0}
echo "   java $JAVA_OPTS"
/usr/bin/time -v java $JAVA_OPTS -jar "$JAR" replay all 2> "$OUT/time.txt" | tr "\r" "\n" > "$OUT/replay.log"
grep -a "Replay done\|failed" "$OUT/replay.log" | tail -3 || true
grep -E "Elapsed|Maximum resident|Percent of CPU" "$OUT/time.txt"
psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$DB" -Atc "SELECT 'players', count(*) FROM read_model.player
  UNION ALL SELECT 'activity rows', count(*) FROM read_model.activity"
echo "database: $DB (drop it when done)"
