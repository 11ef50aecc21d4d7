#!/usr/bin/env bash
# Query API benchmark (BENCHMARKS.md, "Query API"): GET /api/v1/players/{wallet} for random wallets of a database
# with many players (e.g. the one benchmarks/replay/run.sh leaves: 100,000 players), against the app (PostgreSQL +
# Redis cache), side by side with pgbench running the same SELECT on PostgreSQL directly.
#   DB=bench_replay_200k benchmarks/api/run.sh [RATE=1000] [SECONDS=30]
set -euo pipefail
RATE=${1:-1000}
SECONDS_=${2:-30}
PGHOST=${PGHOST:-127.0.0.1}
PGPORT=${PGPORT:-55432}
PGUSER=${PGUSER:-postgres}
DB=${DB:?name the database with players (DB=...)}
JAR=${JAR:-app/target/solana-mafia.jar}
OUT=${OUT:-benchmarks/api/out}
PORT=${PORT:-18080}
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)   # absolute: maven -pl resolves relative paths against the module
PSQL=(psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d "$DB")
"${PSQL[@]}" -Atc "SELECT wallet FROM read_model.player" > "$OUT/wallets.txt"
echo "== $(wc -l < "$OUT/wallets.txt") players; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== pgbench: the SELECT behind GET /players/{wallet}, rate $RATE/s"
"${PSQL[@]}" -qc "DROP TABLE IF EXISTS public.bench_wallet; CREATE TABLE public.bench_wallet AS
  SELECT row_number() OVER () AS n, wallet FROM read_model.player; CREATE UNIQUE INDEX ON public.bench_wallet (n)"
N=$(wc -l < "$OUT/wallets.txt")
cat > "$OUT/select.sql" <<SQL
\set n random(1, $N)
SELECT p.* FROM read_model.player p WHERE p.wallet = (SELECT wallet FROM public.bench_wallet WHERE n = :n);
SELECT event_position FROM read_model.projection_position WHERE projection = 'player-summary';
SQL
(cd "$OUT" && rm -f pgbench_log.* && pgbench -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -n -f select.sql -c 8 -j 2 \
    -R "$RATE" -T "$SECONDS_" -l "$DB" > pgbench-rate.txt 2>&1)
cat "$OUT"/pgbench_log.* | awk '{print $3}' | sort -n | awk '{a[NR]=$1} END {printf "pgbench at %s/s: %d tx, p50 %.2f ms, p99 %.2f ms\n", "'"$RATE"'", NR, a[int(NR*0.5)]/1000, a[int(NR*0.99)]/1000}'
pgbench -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -n -f "$OUT/select.sql" -c 8 -j 2 -T "$SECONDS_" "$DB" 2>&1 \
    | grep -E "tps|latency average" | sed 's/^/pgbench max: /'

# The earnings saga's first pass over a long synthetic history (every window overdue: tens of thousands of deadlines
# due at once) is the earnings benchmark's subject, not this one's: start it at the head of the event store.
"${PSQL[@]}" -q <<SQL
DELETE FROM event_store.token_entry WHERE processor_name = 'earnings-schedule';
DELETE FROM event_store.association_value_entry WHERE saga_type LIKE '%EarningsScheduleSaga';
DELETE FROM event_store.saga_entry WHERE saga_type LIKE '%EarningsScheduleSaga';
DELETE FROM earnings.scheduled_tasks; DELETE FROM earnings.update_attempt; DELETE FROM earnings.update_request;
DELETE FROM earnings.schedule;
INSERT INTO event_store.token_entry (processor_name, segment, token, token_type, timestamp, owner)
SELECT 'earnings-schedule', s, convert_to('{"index":' || (SELECT max(global_index) FROM event_store.domain_event_entry) || ',"gaps":[]}', 'UTF8'),
       'org.axonframework.eventhandling.GapAwareTrackingToken', to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), NULL
FROM generate_series(0, 0) s;   -- one segment, as application.yml configures earnings-schedule
SQL

echo "== app on :$PORT"
DATABASE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB?user=$PGUSER" SPRING_DATASOURCE_USERNAME=$PGUSER \
  REDIS_URL=${REDIS_URL:-redis://127.0.0.1:56379} SERVER_PORT=$PORT java ${JAVA_OPTS:-} -jar "$JAR" \
  --solana-mafia.ingest.enabled=false --solana-mafia.earnings.enabled=false \
  --solana-mafia.api.rate-limit.enabled=false > "$OUT/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null || true' EXIT
until curl -sf "localhost:$PORT/health/db" > /dev/null; do sleep 1; done
# Measure a steady state: every event processor (sagas included) caught up with the event store first.
behind() {
  "${PSQL[@]}" -Atc "SELECT coalesce(max(lag), 0) FROM (SELECT (SELECT max(global_index) FROM event_store.domain_event_entry)
      - coalesce(min((substring(convert_from(token, 'UTF8') from '\"index\":([0-9]+)'))::bigint), -1) AS lag
      FROM event_store.token_entry GROUP BY processor_name) t"
}
while [ "$(behind)" -gt 100 ]; do echo "   processors behind by $(behind) events"; sleep 5; done
mvn -q -o -pl benchmarks dependency:build-classpath -Dmdep.outputFile="$OUT/cp.txt" > /dev/null
CP="benchmarks/target/classes:$(cat "$OUT/cp.txt")"
# Warm-up: the JIT compiles the request path within a minute or so on two cores; measure the steady state after it.
java -cp "$CP" com.solanamafia.bench.api.ApiLoad "http://localhost:$PORT" "$OUT/wallets.txt" 200 10 > /dev/null
java -cp "$CP" com.solanamafia.bench.api.ApiLoad "http://localhost:$PORT" "$OUT/wallets.txt" "$RATE" "${WARMUP:-60}" \
    | sed 's/^/warm-up: /'
java -cp "$CP" com.solanamafia.bench.api.ApiLoad "http://localhost:$PORT" "$OUT/wallets.txt" "$RATE" "$SECONDS_"
cat > "$OUT/random.lua" <<'LUA'
local wallets = {}
for line in io.lines(os.getenv("WALLETS")) do wallets[#wallets + 1] = line end
request = function()
  return wrk.format("GET", "/api/v1/players/" .. wallets[math.random(#wallets)])
end
LUA
echo "== wrk (max req/s, closed loop, 2 threads, 32 connections)"
WALLETS="$OUT/wallets.txt" wrk -t2 -c32 -d"${SECONDS_}s" --latency -s "$OUT/random.lua" "http://localhost:$PORT" \
    | grep -E "Requests/sec|50%|99%|Non-2xx"
