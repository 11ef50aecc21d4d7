#!/usr/bin/env bash
# Decoding benchmark: our TransactionLogDecoder (Java) vs @coral-xyz/anchor 0.31.1 EventParser (Node), on the
# same generated transactions, one after the other (never concurrently). See benchmarks/decode/README.md.
#
#   benchmarks/decode/run.sh              # 100,000 transactions, seed 42; Java 5 warm-up + 10 measured passes,
#                                         # Node 2 warm-up + 5 measured passes
#   COUNT=20000 PASSES=5 NODE_PASSES=3 benchmarks/decode/run.sh
#   MVN_ARGS=-o benchmarks/decode/run.sh  # offline Maven
#   NODE_MEMO=0 benchmarks/decode/run.sh  # skip the diagnostic Node variant (see node/bench.js)
#   REGEN=1 benchmarks/decode/run.sh      # rewrite the data file even if it exists
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
COUNT="${COUNT:-100000}"
SEED="${SEED:-42}"
PLAYERS="${PLAYERS:-300}"
WARMUP="${WARMUP:-5}"              # Java passes (about 0.3 s each once compiled)
PASSES="${PASSES:-10}"
NODE_WARMUP="${NODE_WARMUP:-2}"    # Node passes take 15+ s each at 100k transactions; V8 is warm after one
NODE_PASSES="${NODE_PASSES:-5}"
IDL="${IDL:-/work/shared/testdata/anchor-events/idl-full.json}"
OUT="${OUT:-$HERE/out}"
JAVA_OPTS="${JAVA_OPTS:--Xms2g -Xmx2g}"
NODE_OPTS="${NODE_OPTS:---max-old-space-size=4096}"
DATA="$OUT/transactions-$COUNT-seed$SEED.jsonl"

mkdir -p "$OUT"
cd "$ROOT"

echo "== build (benchmarks and the modules it needs; tests are not compiled)"
# -Dmaven.test.skip: other modules' test sources are not needed here. The classpath is resolved inside the
# reactor, so it points at the freshly built module jars, not at snapshots installed in ~/.m2.
rm -f "$OUT/classpath.txt"
mvn -q ${MVN_ARGS:-} -pl benchmarks -am package dependency:build-classpath -Dmaven.test.skip=true \
    -Dmdep.outputFile="$OUT/classpath.txt"
grep -q "$ROOT/ingest/target/" "$OUT/classpath.txt" || { echo "classpath does not use the built ingest module" >&2; exit 1; }
CP="$ROOT/benchmarks/target/classes:$(cat "$OUT/classpath.txt")"
if [ ! -d "$HERE/node/node_modules/@coral-xyz/anchor" ]; then
    (cd "$HERE/node" && npm ci --no-audit --no-fund)
fi

if [ -s "$DATA" ] && [ "${REGEN:-0}" != 1 ]; then
    echo "== reusing $DATA (deterministic for its seed; REGEN=1 rewrites it)"
else
    echo "== generate $COUNT transactions (seed $SEED, $PLAYERS players)"
    java -cp "$CP" com.solanamafia.bench.decode.DecodeBenchmark generate --idl "$IDL" --out "$DATA.tmp" \
        --count "$COUNT" --seed "$SEED" --players "$PLAYERS"
    mv "$DATA.tmp" "$DATA"
fi
sha256sum "$DATA"

echo "== Java: TransactionLogDecoder (load average: $(cut -d" " -f1-3 /proc/loadavg))"
# shellcheck disable=SC2086
java $JAVA_OPTS -cp "$CP" com.solanamafia.bench.decode.DecodeBenchmark measure --idl "$IDL" --in "$DATA" \
    --warmup "$WARMUP" --passes "$PASSES" --json "$OUT/java.json"

echo "== Node: @coral-xyz/anchor EventParser (load average: $(cut -d" " -f1-3 /proc/loadavg))"
# shellcheck disable=SC2086
node $NODE_OPTS "$HERE/node/bench.js" --idl "$IDL" --in "$DATA" --warmup "$NODE_WARMUP" --passes "$NODE_PASSES" \
    --json "$OUT/node.json"

if [ "${NODE_MEMO:-1}" = 1 ]; then
    echo "== Node, diagnostic variant: EventParser with programId.toString() memoized (load average: $(cut -d" " -f1-3 /proc/loadavg))"
    # shellcheck disable=SC2086
    node $NODE_OPTS "$HERE/node/bench.js" --idl "$IDL" --in "$DATA" --warmup "$NODE_WARMUP" --passes "$NODE_PASSES" \
        --memo-program-id true --json "$OUT/node-memo.json"
else
    rm -f "$OUT/node-memo.json"
fi

echo "== summary ($(nproc) CPUs, $(date -u +%Y-%m-%dT%H:%M:%SZ))"
node "$HERE/node/summary.js" "$OUT/java.json" "$OUT/node.json" $([ -f "$OUT/node-memo.json" ] && echo "$OUT/node-memo.json")
