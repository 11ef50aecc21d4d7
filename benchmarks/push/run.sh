#!/usr/bin/env bash
# WebSocket push benchmark: one app instance, N authenticated connections (one wallet each, subscribed to
# its player channel), events for random players at RATE/s for SECONDS; latency event -> client receipt,
# server heap per connection, lost/duplicate messages. Results: $DIR/server.txt and $DIR/client.txt.
#
#   benchmarks/push/run.sh                      # 10,000 connections, 500 events/s, 60 s
#   CONNECTIONS=1000 RATE=200 SECONDS_=20 benchmarks/push/run.sh
#   EVENT=claimed benchmarks/push/run.sh        # EarningsClaimed instead of EarningsAccrued (which also drives the
#                                               # earnings saga: a deadline rescheduled per event)
#   WARMUP=10 benchmarks/push/run.sh            # first 10 s of events at RATE before the measured SECONDS_: counted
#                                               # for loss, their latency reported apart (warmup_latency_ms_*);
#                                               # default 180: the server's JIT compiles for ~3 minutes after start
#   SOURCE=simulator benchmarks/push/run.sh     # the events as program logs (EarningsUpdated in update_earnings
#                                               # transactions, those due every 10 ms in one) of the app's chain
#                                               # simulator, through live ingestion: latency also from the
#                                               # simulator's notification (from_chain_notification_latency_ms_*)
#   SERVER_JVM_FLAGS=-XX:StartFlightRecording=filename=/tmp/push.jfr benchmarks/push/run.sh   # e.g. a profile
#
# Needs: ulimit -n > CONNECTIONS + 1000 for both processes.
# PostgreSQL/Redis: embedded test servers, or TEST_PG_URL / TEST_REDIS_URL (see test-support).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CONNECTIONS=${CONNECTIONS:-10000}
RATE=${RATE:-500}
SECONDS_=${SECONDS_:-60}
WARMUP=${WARMUP:-180}
DIR=${DIR:-$(mktemp -d /tmp/push-bench.XXXXXX)}
mkdir -p "$DIR"
ulimit -n "$(ulimit -Hn)" || true
echo "results in $DIR"
cd "$ROOT"
mvn -q -o -pl benchmarks -am compile
# the server half runs as a test class of app (heap: the surefire argLine of the parent pom, -Xmx1g; the full JIT,
# not the tests' C1-only flags)
mvn -o -pl app -am test -Dtest=PushBenchmarkServer -Dsurefire.failIfNoSpecifiedTests=false -Dtest.jvm.flags="${SERVER_JVM_FLAGS:-}" \
  -Dpush.bench.dir="$DIR" -Dpush.bench.connections="$CONNECTIONS" -Dpush.bench.rate="$RATE" \
  -Dpush.bench.seconds="$((SECONDS_ + WARMUP))" -Dpush.bench.event="${EVENT:-accrued}" \
  -Dpush.bench.source="${SOURCE:-store}" \
  -Dtest.processors.niceness="${PROCESSORS_NICENESS:-10}" > "$DIR/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
java -Xmx2g -cp benchmarks/target/classes com.solanamafia.bench.push.PushLoadClient \
  "$DIR" "$CONNECTIONS" "$((RATE * (SECONDS_ + WARMUP)))" localhost "$((RATE * WARMUP))" | tee "$DIR/client.log"
wait $SERVER || true
trap - EXIT
echo "--- server"; cat "$DIR/server.txt" 2>/dev/null || tail -50 "$DIR/server.log"
echo "--- client"; cat "$DIR/client.txt"
