#!/usr/bin/env node
// Prints the summary table of benchmarks/decode/run.sh from the two result files; exits 1 when the two
// decoders did not find the same events (count or canonical digest).
"use strict";
const fs = require("fs");
const [javaFile, nodeFile, memoFile] = process.argv.slice(2);
const j = JSON.parse(fs.readFileSync(javaFile, "utf8"));
const n = JSON.parse(fs.readFileSync(nodeFile, "utf8"));
const m = memoFile ? JSON.parse(fs.readFileSync(memoFile, "utf8")) : null;
const results = m ? [j, n, m] : [j, n];
const fmt = (x) => Math.round(x).toLocaleString("en-US");
const rows = [
  ["decoder", "transactions", "events", "best tx/s", "median tx/s", "best events/s", "tx per CPU-s (best)", "measured passes"],
  ...results.map((r) => [r.impl + " (" + r.runtime + ")", fmt(r.transactions), fmt(r.events), fmt(r.bestTxPerSecond),
    fmt(r.medianTxPerSecond), fmt(r.events / r.bestSeconds), fmt(r.bestTxPerCpuSecond), String(r.measuredPasses)]),
];
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
const line = (r) => "| " + r.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join(" | ") + " |";
console.log(line(rows[0]));
console.log("|" + widths.map((w, c) => (c === 0 ? "-".repeat(w + 2) : "-".repeat(w + 1) + ":")).join("|") + "|");
rows.slice(1).forEach((r) => console.log(line(r)));
console.log("");
console.log(`ratio ours / Anchor: best ${(j.bestTxPerSecond / n.bestTxPerSecond).toFixed(2)}x, `
  + `median ${(j.medianTxPerSecond / n.medianTxPerSecond).toFixed(2)}x (target >= 5x); `
  + `per process CPU-second ${(j.bestTxPerCpuSecond / n.bestTxPerCpuSecond).toFixed(2)}x`);
if (m) {
  console.log(`ratio ours / Anchor with programId.toString() memoized (diagnostic): best `
    + `${(j.bestTxPerSecond / m.bestTxPerSecond).toFixed(2)}x, median ${(j.medianTxPerSecond / m.medianTxPerSecond).toFixed(2)}x; `
    + `per process CPU-second ${(j.bestTxPerCpuSecond / m.bestTxPerCpuSecond).toFixed(2)}x`);
}
const others = results.slice(1);
const sameCount = others.every((r) => r.events === j.events && r.transactions === j.transactions);
const sameDigest = others.every((r) => r.canonicalSha256 === j.canonicalSha256);
console.log(`same transactions and event count: ${sameCount ? "yes" : "NO"} (${results.map((r) => r.events).join(" / ")}); `
  + `same decoded values (canonical sha256): ${sameDigest ? "yes" : "NO"} (${j.canonicalSha256.slice(0, 16)}...)`);
process.exit(sameCount && sameDigest ? 0 : 1);
