#!/usr/bin/env node
// Decoding benchmark, Anchor TS side: decodes the transactions of a JSONL file (written by
// DecodeBenchmark generate) with @coral-xyz/anchor's EventParser, the way Anchor clients do:
//   new EventParser(programId, new BorshCoder(idl)).parseLogs(logMessages)
// parseLogs is a generator in 0.31.1; every event it yields is consumed.
//
// usage: node bench.js --idl IDL --in FILE [--warmup 5] [--passes 10] [--json OUT] [--memo-program-id true]
//
// --memo-program-id true: a diagnostic variant, not how Anchor is normally used. EventParser calls
// programId.toString() (a base58 encoding) for every log line; this variant hands it a PublicKey whose
// toString()/toBase58() return a precomputed string, to show how much of Anchor's time that alone costs.
"use strict";

const fs = require("fs");
const crypto = require("crypto");
const { BorshCoder, EventParser, BN } = require("@coral-xyz/anchor");
const { PublicKey } = require("@solana/web3.js");
const anchorVersion = require("@coral-xyz/anchor/package.json").version;

function options(argv) {
  const o = { warmup: "5", passes: "10" };
  for (let i = 0; i < argv.length; i += 2) {
    if (!argv[i].startsWith("--") || i + 1 >= argv.length) usage();
    o[argv[i].slice(2)] = argv[i + 1];
  }
  if (!o.idl || !o.in) usage();
  return o;
}

function usage() {
  console.error("usage: node bench.js --idl IDL --in FILE [--warmup W] [--passes P] [--json OUT]");
  process.exit(2);
}

// One pass: parse every transaction's logs, consume every event. The checksum touches each event's name
// and each field value (like the Java side) so the work cannot be skipped.
function pass(parser, txs) {
  let events = 0;
  let h = 0;
  for (let i = 0; i < txs.length; i++) {
    for (const ev of parser.parseLogs(txs[i].logMessages)) {
      events++;
      const values = Object.values(ev.data);
      h = (Math.imul(h, 31) + ev.name.length + values.length) | 0;
      for (let k = 0; k < values.length; k++) {
        h = (Math.imul(h, 31) + (values[k] == null ? 0 : 1)) | 0;
      }
    }
  }
  return [events, h];
}

// The canonical text of one decoded value, as the Java side writes its normalized values
// (integers in decimal, pubkeys in base58, unit enum variants by name).
function canonical(v) {
  if (v === null || v === undefined) return "null";
  if (BN.isBN(v)) return v.toString(10);
  if (v instanceof PublicKey) return v.toBase58();
  if (typeof v === "number" || typeof v === "boolean" || typeof v === "string") return String(v);
  if (Array.isArray(v)) return "[" + v.map((x) => canonical(x) + ",").join("") + "]";
  if (typeof v === "object") {
    const keys = Object.keys(v);
    // A unit enum variant decodes as { Variant: {} }; Java normalizes it to the variant name.
    if (keys.length === 1 && typeof v[keys[0]] === "object" && v[keys[0]] !== null
        && Object.keys(v[keys[0]]).length === 0 && !BN.isBN(v[keys[0]]) && !(v[keys[0]] instanceof PublicKey)) {
      return keys[0];
    }
    return "{" + keys.map((k) => [norm(k), k]).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
      .map(([n, k]) => n + "=" + canonical(v[k]) + ",").join("") + "}";
  }
  return String(v);
}

function norm(key) {
  return key.replace(/_/g, "").toLowerCase();
}

function canonicalDigest(parser, txs) {
  const md = crypto.createHash("sha256");
  for (const tx of txs) {
    for (const ev of parser.parseLogs(tx.logMessages)) {
      let s = ev.name + "(";
      for (const [k, v] of Object.entries(ev.data)) s += norm(k) + "=" + canonical(v) + ";";
      md.update(s + ")\n", "utf8");
    }
  }
  return md.digest("hex");
}

function main() {
  const o = options(process.argv.slice(2));
  const idl = JSON.parse(fs.readFileSync(o.idl, "utf8"));
  const programId = new PublicKey(idl.address);
  const memo = o["memo-program-id"] === "true";
  if (memo) {
    const base58 = programId.toBase58();
    programId.toString = () => base58;
    programId.toBase58 = () => base58;
  }
  const parser = new EventParser(programId, new BorshCoder(idl));
  const txs = fs.readFileSync(o.in, "utf8").split("\n").filter((l) => l.trim() !== "").map((l) => JSON.parse(l));
  const warmup = parseInt(o.warmup, 10);
  const passes = parseInt(o.passes, 10);
  const n = txs.length;
  console.log(`node: ${n} transactions loaded from ${o.in}; ${warmup} warm-up + ${passes} measured passes `
    + `(node ${process.version}, @coral-xyz/anchor ${anchorVersion}${memo ? ", programId.toString() memoized" : ""})`);

  let events = -1;
  let checksum = 0;
  const seconds = [];
  const cpuSeconds = [];
  for (let p = 0; p < warmup + passes; p++) {
    const c0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const [e, h] = pass(parser, txs);
    const dt = Number(process.hrtime.bigint() - t0) / 1e9;
    const c = process.cpuUsage(c0); // whole process: main thread, GC and compiler threads
    const dc = (c.user + c.system) / 1e6;
    if (events >= 0 && (e !== events || h !== checksum)) throw new Error(`passes disagree: ${e}/${h} vs ${events}/${checksum}`);
    events = e;
    checksum = h;
    const measured = p >= warmup;
    if (measured) {
      seconds.push(dt);
      cpuSeconds.push(dc);
    }
    console.log(`node: ${measured ? "measured" : "warm-up "} pass ${measured ? p - warmup + 1 : p + 1}: `
      + `${dt.toFixed(3)} s, ${Math.round(n / dt).toLocaleString("en-US")} tx/s (process CPU ${dc.toFixed(3)} s)`);
  }
  const sorted = [...seconds].sort((a, b) => a - b);
  const best = sorted[0];
  const median = sorted.length % 2 === 1 ? sorted[(sorted.length - 1) / 2]
    : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  const digest = canonicalDigest(parser, txs);
  console.log(`node: best ${Math.round(n / best).toLocaleString("en-US")} tx/s `
    + `(${Math.round(events / best).toLocaleString("en-US")} events/s), median `
    + `${Math.round(n / median).toLocaleString("en-US")} tx/s; events ${events}; checksum ${checksum}; `
    + `canonical sha256 ${digest}`);
  if (o.json) {
    fs.writeFileSync(o.json, JSON.stringify({
      impl: `@coral-xyz/anchor ${anchorVersion} EventParser${memo ? ", programId.toString() memoized (diagnostic)" : ""}`,
      transactions: n, events, checksum, canonicalSha256: digest,
      warmupPasses: warmup, measuredPasses: passes,
      bestSeconds: best, medianSeconds: median,
      bestTxPerSecond: n / best, medianTxPerSecond: n / median,
      bestCpuSeconds: Math.min(...cpuSeconds), bestTxPerCpuSecond: n / Math.min(...cpuSeconds),
      passSeconds: seconds, runtime: `node ${process.version}`,
    }) + "\n");
  }
}

main();
