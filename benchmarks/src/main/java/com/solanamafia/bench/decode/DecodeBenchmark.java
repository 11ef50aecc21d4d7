package com.solanamafia.bench.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.solanamafia.ingest.idl.Idl;
import com.solanamafia.ingest.idl.IdlLoader;
import com.solanamafia.ingest.idl.IdlRegistry;
import com.solanamafia.ingest.logs.DecodedEvent;
import com.solanamafia.ingest.logs.TransactionDecodeResult;
import com.solanamafia.ingest.logs.TransactionLogDecoder;
import com.solanamafia.sim.game.GameEngine;
import com.solanamafia.sim.ledger.TransactionDraft;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Decoding benchmark, Java side (see benchmarks/decode/README.md and run.sh).
 *
 * <pre>
 * generate --idl IDL --out FILE [--count 100000] [--seed 42] [--players 300]
 *     Writes COUNT successful game transactions with 1..3 events each, produced by the chain-sim
 *     GameEngine (events Borsh-encoded from the IDL), as JSONL {"signature":..,"logMessages":[..]}.
 *     Same seed + same IDL + same chain-sim code: byte-identical file.
 * measure --idl IDL --in FILE [--warmup 5] [--passes 10] [--json OUT]
 *     Reads the file (not timed), then decodes every transaction with TransactionLogDecoder per pass.
 *     Prints best / median transactions per second, event count, a consumption checksum and, from one
 *     extra untimed pass, a SHA-256 over the canonical text of every decoded event (compared with Node's).
 * </pre>
 */
public final class DecodeBenchmark {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Game time starts here (2026-06-01T00:00:00Z) and advances a random 20..1200 s per transaction. */
    private static final long START_TIME = 1_780_272_000L;

    private DecodeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        Map<String, String> opts = options(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "generate" -> generate(Path.of(req(opts, "idl")), Path.of(req(opts, "out")),
                    Integer.parseInt(opts.getOrDefault("count", "100000")),
                    Long.parseLong(opts.getOrDefault("seed", "42")),
                    Integer.parseInt(opts.getOrDefault("players", "300")));
            case "measure" -> measure(Path.of(req(opts, "idl")), Path.of(req(opts, "in")),
                    Integer.parseInt(opts.getOrDefault("warmup", "5")),
                    Integer.parseInt(opts.getOrDefault("passes", "10")),
                    opts.get("json") == null ? null : Path.of(opts.get("json")));
            default -> usage();
        }
    }

    // ------------------------------------------------------------------ generate

    static void generate(Path idlPath, Path out, int count, long seed, int players) throws IOException {
        long t0 = System.nanoTime();
        GameEngine game = GameEngine.load(idlPath, seed, players);
        SplittableRandom clock = new SplittableRandom(seed ^ 0x5DEECE66DL);
        long now = START_TIME;
        int written = 0;
        long generated = 0;
        long skippedFailed = 0;
        long skippedEventCount = 0;
        int[] byEvents = new int[4];
        long lines = 0;
        if (out.getParent() != null) {
            Files.createDirectories(out.getParent());
        }
        try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            while (written < count) {
                now += 20 + clock.nextInt(1_181);
                TransactionDraft tx = game.next(now);
                generated++;
                List<String> logs = tx.logMessages();
                if (failed(logs, game.programId())) {
                    skippedFailed++;
                    continue;
                }
                int events = 0;
                for (String l : logs) {
                    if (l.startsWith("Program data: ")) {
                        events++;
                    }
                }
                if (events < 1 || events > 3) {
                    skippedEventCount++;
                    continue;
                }
                byEvents[events]++;
                lines += logs.size();
                ObjectNode o = MAPPER.createObjectNode();
                o.put("signature", tx.signature());
                ArrayNode a = o.putArray("logMessages");
                logs.forEach(a::add);
                w.write(MAPPER.writeValueAsString(o));
                w.write('\n');
                written++;
            }
        }
        System.out.printf("generated %d game transactions (seed %d, %d players) in %.1f s; kept %d successful ones with "
                        + "1..3 events (1: %d, 2: %d, 3: %d; %.1f log lines per tx on average), skipped %d failed and "
                        + "%d with 0 or more than 3 events -> %s (%d bytes)%n",
                generated, seed, players, (System.nanoTime() - t0) / 1e9, written, byEvents[1], byEvents[2], byEvents[3],
                (double) lines / written, skippedFailed, skippedEventCount, out, Files.size(out));
        System.out.println("game actions: " + game.stats());
    }

    /** The generator marks failed transactions with meta.err; its logs then carry "Program <id> failed: ...". */
    private static boolean failed(List<String> logs, String programId) {
        String prefix = "Program " + programId + " failed";
        for (String l : logs) {
            if (l.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ measure

    record Tx(String signature, List<String> logs) {
    }

    static void measure(Path idlPath, Path in, int warmup, int passes, Path json) throws Exception {
        Idl idl = IdlLoader.load(idlPath);
        TransactionLogDecoder decoder = new TransactionLogDecoder(IdlRegistry.of(idl.address(), idl));
        List<Tx> txs = read(in);
        int n = txs.size();
        System.out.printf("java: %d transactions loaded from %s; %d warm-up + %d measured passes (%s %s, %d CPUs)%n",
                n, in, warmup, passes, System.getProperty("java.vm.name"), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());

        long events = -1;
        long checksum = 0;
        double[] seconds = new double[passes];
        double[] cpuSeconds = new double[passes];
        for (int p = 0; p < warmup + passes; p++) {
            long c0 = processCpuNanos();
            long t0 = System.nanoTime();
            long[] r = pass(decoder, txs);
            long dt = System.nanoTime() - t0;
            long dc = processCpuNanos() - c0;
            if (events >= 0 && (r[0] != events || r[1] != checksum)) {
                throw new IllegalStateException("passes disagree: " + Arrays.toString(r) + " vs " + events + "/" + checksum);
            }
            events = r[0];
            checksum = r[1];
            boolean measured = p >= warmup;
            if (measured) {
                seconds[p - warmup] = dt / 1e9;
                cpuSeconds[p - warmup] = dc / 1e9;
            }
            System.out.printf("java: %s pass %d: %.3f s, %,.0f tx/s (process CPU %.3f s)%n",
                    measured ? "measured" : "warm-up ", measured ? p - warmup + 1 : p + 1, dt / 1e9, n / (dt / 1e9),
                    dc / 1e9);
        }
        double[] sorted = seconds.clone();
        Arrays.sort(sorted);
        double best = sorted[0];
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        double[] cpuSorted = cpuSeconds.clone();
        Arrays.sort(cpuSorted);
        String digest = canonicalDigest(decoder, txs);
        System.out.printf("java: best %,.0f tx/s (%,.0f events/s), median %,.0f tx/s; events %d; checksum %d; "
                        + "canonical sha256 %s%n", n / best, events / best, n / median, events, checksum, digest);
        if (json != null) {
            ObjectNode o = MAPPER.createObjectNode();
            o.put("impl", "java TransactionLogDecoder");
            o.put("transactions", n);
            o.put("events", events);
            o.put("checksum", checksum);
            o.put("canonicalSha256", digest);
            o.put("warmupPasses", warmup);
            o.put("measuredPasses", passes);
            o.put("bestSeconds", best);
            o.put("medianSeconds", median);
            o.put("bestTxPerSecond", n / best);
            o.put("medianTxPerSecond", n / median);
            o.put("bestCpuSeconds", cpuSorted[0]);
            o.put("bestTxPerCpuSecond", n / cpuSorted[0]);
            ArrayNode all = o.putArray("passSeconds");
            for (double s : seconds) {
                all.add(s);
            }
            o.put("runtime", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
            Files.writeString(json, MAPPER.writeValueAsString(o) + "\n");
        }
    }

    /** CPU time of the whole JVM (all threads: the decoding thread, GC, JIT). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * One pass: decodes every transaction, and consumes every decoded event (name and every normalized field
     * value) into a checksum so nothing can be optimised away. Returns {events, checksum}.
     */
    static long[] pass(TransactionLogDecoder decoder, List<Tx> txs) {
        long events = 0;
        long h = 0;
        for (int i = 0, n = txs.size(); i < n; i++) {
            Tx tx = txs.get(i);
            TransactionDecodeResult r = decoder.decode(tx.signature, tx.logs, false);
            if (!r.failures().isEmpty() || !r.unknown().isEmpty()) {
                throw new IllegalStateException("transaction " + tx.signature + " did not decode cleanly: " + r);
            }
            List<DecodedEvent> evs = r.events();
            for (int e = 0; e < evs.size(); e++) {
                DecodedEvent ev = evs.get(e);
                events++;
                h = h * 31 + ev.name().length() + ev.fields().size();
                for (Object v : ev.fields().values()) {
                    h = h * 31 + (v instanceof String s ? s.length() : v == null ? 0 : 1);
                }
            }
        }
        return new long[] {events, h};
    }

    /** SHA-256 over "name(field=value;...)\n" of every event (untimed): the Node side computes the same text. */
    static String canonicalDigest(TransactionLogDecoder decoder, List<Tx> txs) throws NoSuchAlgorithmException {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        StringBuilder sb = new StringBuilder();
        for (Tx tx : txs) {
            for (DecodedEvent ev : decoder.decode(tx.signature, tx.logs, false).events()) {
                sb.setLength(0);
                sb.append(ev.name()).append('(');
                for (Map.Entry<String, Object> f : ev.fields().entrySet()) {
                    sb.append(f.getKey().replace("_", "").toLowerCase()).append('=');
                    canonical(sb, f.getValue());
                    sb.append(';');
                }
                sb.append(")\n");
                md.update(sb.toString().getBytes(StandardCharsets.UTF_8));
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static void canonical(StringBuilder sb, Object v) {
        if (v instanceof List<?> list) {
            sb.append('[');
            for (Object x : list) {
                canonical(sb, x);
                sb.append(',');
            }
            sb.append(']');
        } else if (v instanceof Map<?, ?> map) {
            sb.append('{');
            for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
                sb.append(e.getKey().toString().replace("_", "").toLowerCase()).append('=');
                canonical(sb, e.getValue());
                sb.append(',');
            }
            sb.append('}');
        } else {
            sb.append(v);
        }
    }

    static List<Tx> read(Path in) throws IOException {
        List<Tx> txs = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(in, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode o = MAPPER.readTree(line);
                List<String> logs = new ArrayList<>(o.get("logMessages").size());
                for (JsonNode l : o.get("logMessages")) {
                    logs.add(l.asText());
                }
                txs.add(new Tx(o.get("signature").asText(), List.copyOf(logs)));
            }
        }
        return txs;
    }

    // ------------------------------------------------------------------ args

    private static Map<String, String> options(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                usage();
            }
            m.put(args[i].substring(2), args[++i]);
        }
        return m;
    }

    private static String req(Map<String, String> opts, String key) {
        String v = opts.get(key);
        if (v == null) {
            usage();
        }
        return v;
    }

    private static void usage() {
        System.err.println("usage: DecodeBenchmark generate --idl IDL --out FILE [--count N] [--seed S] [--players P]\n"
                + "       DecodeBenchmark measure --idl IDL --in FILE [--warmup W] [--passes P] [--json OUT]");
        System.exit(2);
    }
}
