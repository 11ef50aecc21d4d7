package com.solanamafia.bench.earnings;

import com.solanamafia.command.earnings.submission.OperatorKey;
import com.solanamafia.ingest.borsh.EventCodec;
import com.solanamafia.sim.ChainSimulator;
import com.solanamafia.sim.SimConfig;
import com.solanamafia.sim.earnings.EarningsUpdateProcessor;
import com.solanamafia.sim.game.GameEngine;
import com.solanamafia.sim.ledger.Commitment;
import com.solanamafia.sim.ledger.SimTransaction;
import com.solanamafia.sim.ledger.TransactionDraft;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Earnings scheduler benchmark (issue "Earnings automation", performance part). Not a test: run by
 * {@code benchmarks/earnings/run.sh}, see benchmarks/earnings/README.md.
 * <ol>
 * <li>Starts a {@link ChainSimulator} in this JVM (time compressed {@code compression}x, slots ticking) with N players of
 * the idl-full game. Each player joins and buys one business in one transaction (PlayerCreated + BusinessCreatedInSlot,
 * encoded with the IDL's {@link EventCodec}); the game state is set directly (the generated game picks its next action
 * in O(players), which would make 100k joins quadratic). Player i's {@code next_earnings_time} is
 * {@code T0 + lead + i * DAY / N}: the due times are spread evenly over one chain day that starts {@code lead} after the
 * joins.</li>
 * <li>Plugs the simulator's {@link EarningsUpdateProcessor} into {@code sendTransaction} with the operator key as game
 * authority (signatures, blockhash age, due time, atomic batches are checked like the program does).</li>
 * <li>Starts the packaged app ({@code java -jar solana-mafia.jar}) as a child process against PostgreSQL/Redis given by
 * the caller, with the operator keypair and the earnings settings.</li>
 * <li>Samples progress (DB, CPU of the app and of PostgreSQL) until every first window has landed or the timeout, then
 * checks the simulator's ledger: per player, EarningsUpdated events per due window (must be exactly 1), operator
 * transactions (succeeded/failed), and reads the app's submitter stats, the DB row counts and pg_stat_statements.</li>
 * </ol>
 * Arguments are system properties ({@code -Dbench.players=...}); see {@link #prop}.
 */
public final class EarningsSchedulerBenchmark {
    static final long DAY = 86_400;
    static final String TOKEN = "earnings-bench-read-token";

    static String prop(String key, String def) {
        String v = System.getProperty("bench." + key);
        return v == null || v.isBlank() ? def : v;
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(prop("players", "1000"));
        double compression = Double.parseDouble(prop("compression", "3600"));
        long slotMillis = Long.parseLong(prop("slotMillis", "100"));
        double leadWall = Double.parseDouble(prop("leadSeconds", "60"));
        Path jar = Path.of(prop("jar", "app/target/solana-mafia.jar"));
        Path dir = Path.of(prop("dir", "/tmp/earnings-bench"));
        String dbUrl = prop("dbUrl", "jdbc:postgresql://127.0.0.1:55452/earnings");
        String dbUser = prop("dbUser", "postgres");
        String redisUrl = prop("redisUrl", "redis://127.0.0.1:56399");
        String appXmx = prop("appXmx", "2g");
        double slackWall = Double.parseDouble(prop("slackSeconds", String.valueOf(Math.max(120, 0.5 * DAY / compression))));
        String rps = prop("rpcPerSecond", "200");
        String maxPerTick = prop("maxPerTick", "200");
        String batch = prop("batchSize", "5");
        String tick = prop("tick", "500ms");
        String pgPid = prop("pgPid", "");
        long chainSecondsPerSlot = Math.max(1, Math.round(slotMillis * compression / 1000.0));
        String grace = prop("grace", (2 * chainSecondsPerSlot) + "s");
        Files.createDirectories(dir);
        PrintStream out = new PrintStream(Files.newOutputStream(dir.resolve("result.txt")), true, StandardCharsets.UTF_8);
        Report r = new Report(out);
        r.line("# earnings scheduler benchmark, " + Instant.now());
        r.line("players=%d compression=%.0fx (chain day = %.1f s wall) slotMillis=%d leadWall=%.0fs grace=%s batch=%s maxPerTick=%s "
                + "rpcPerSecond=%s tick=%s", n, compression, DAY / compression, slotMillis, leadWall, grace, batch, maxPerTick, rps, tick);

        byte[] seed = new byte[32];
        for (int i = 0; i < 32; i++) {
            seed[i] = (byte) (i * 13 + 5);
        }
        OperatorKey operator = OperatorKey.ofBytes(seed);

        // ---------------------------------------------------------------- simulator + players
        long t0 = System.nanoTime();
        ChainSimulator sim = ChainSimulator.start(SimConfig.builder().seed(7).players(n).liveGame(false).tickSlots(true)
                .slotMillis(slotMillis).timeCompression(compression).build());
        GameEngine game = sim.game();
        game.setExternalEarningsUpdates(true);
        long chainT0 = sim.ledger().clock().blockTimeAt(sim.ledger().slot(Commitment.PROCESSED));
        long lead = (long) (leadWall * compression);
        long firstDue = chainT0 + lead;
        long[] due = new long[n];
        join(sim, game, n, chainT0, firstDue, due);
        EarningsUpdateProcessor processor = new EarningsUpdateProcessor(game, operator.publicKey(), Math.max(slotMillis, 150));
        sim.setTransactionProcessor(processor);
        r.line("simulator %s: %d players joined in %.1f s (chain T0 %d, first due T0+%d s, last due T0+%d s)", sim.rpcUrl(), n,
                (System.nanoTime() - t0) / 1e9, chainT0, lead, lead + (n - 1) * DAY / n);

        // ---------------------------------------------------------------- app
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-Xmx" + appXmx, "-jar",
                jar.toString(),
                "--solana-mafia.earnings.time-compression=" + compression,
                "--solana-mafia.earnings.rpc-per-second=" + rps,
                "--solana-mafia.earnings.max-per-tick=" + maxPerTick,
                "--solana-mafia.earnings.batch-size=" + batch,
                "--solana-mafia.earnings.tick=" + tick,
                "--solana-mafia.earnings.grace=" + grace,
                "--solana-mafia.earnings.blockhash-max-age=" + Math.max(1, 150 * slotMillis / 1000 / 3) + "s",
                "--solana-mafia.earnings.confirm-timeout=" + prop("confirmTimeout", "60s"),
                "--solana-mafia.earnings.backoff-base=1s",
                "--solana-mafia.ingest.poll-interval=" + prop("ingestPoll", "1s")));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("app.log").toFile());
        Map<String, String> env = pb.environment();
        env.put("DATABASE_URL", dbUrl);
        env.put("SPRING_DATASOURCE_USERNAME", dbUser);
        env.put("REDIS_URL", redisUrl);
        env.put("SOLANA_RPC_URL", sim.rpcUrl());
        env.put("SOLANA_WS_URL", sim.wsUrl());
        env.put("SERVER_PORT", Integer.toString(port));
        env.put("SOLANA_MAFIA_DATA_DIR", dir.resolve("data").toString());
        env.put("SOLANA_MAFIA_OPERATOR_KEYPAIR", OperatorKey.cliJson(seed));
        env.put("SOLANA_MAFIA_ADMIN_TOKENS_0_NAME", "bench");
        env.put("SOLANA_MAFIA_ADMIN_TOKENS_0_SHA256", sha256(TOKEN));
        env.put("SOLANA_MAFIA_ADMIN_TOKENS_0_ROLES", "admin:read");
        long appStart = System.nanoTime();
        Process app = pb.start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> app.destroyForcibly()));
        r.line("app pid %d on port %d, log %s", app.pid(), port, dir.resolve("app.log"));

        Sampler cpu = new Sampler(app.pid(), pgPid.isBlank() ? -1 : Long.parseLong(pgPid));
        HttpClient http = HttpClient.newHttpClient();
        long wallFirstDue = appStartWallMillisOfChain(sim, firstDue, compression, slotMillis);
        long deadline = wallFirstDue + (long) ((DAY / compression + slackWall) * 1000);
        long scheduledAtNanos = 0;
        Sampler.Cpu cpuAtScheduled = null;
        Sampler.Cpu cpuAtFirstDue = null;
        long maxTasks = 0;
        long lastPrint = 0;
        long allLandedNanos = 0;
        try (Connection db = connectWhenReady(dbUrl, dbUser, app)) {
            while (true) {
                if (!app.isAlive()) {
                    r.line("APP EXITED with %d; see app.log", app.exitValue());
                    break;
                }
                Map<String, Long> phases = groupCount(db, "SELECT phase, count(*) FROM earnings.schedule GROUP BY phase");
                Map<String, Long> states = groupCount(db, "SELECT state, count(*) FROM earnings.update_request GROUP BY state");
                long tasks = scalar(db, "SELECT count(*) FROM earnings.scheduled_tasks");
                maxTasks = Math.max(maxTasks, tasks);
                long paid = scalar(db, "SELECT count(DISTINCT wallet) FROM earnings.update_request WHERE state IN ('LANDED', 'CONFIRMED')");
                long scheduledPlayers = phases.values().stream().mapToLong(Long::longValue).sum() - phases.getOrDefault("WAITING_BUSINESS", 0L);
                if (scheduledAtNanos == 0 && scheduledPlayers + paid >= n) {
                    scheduledAtNanos = System.nanoTime();
                    cpuAtScheduled = cpu.read();
                    r.line("all %d players scheduled %.1f s after the app start (first due %s)", n, (scheduledAtNanos - appStart) / 1e9,
                            System.currentTimeMillis() < wallFirstDue ? "in " + (wallFirstDue - System.currentTimeMillis()) / 1000 + " s"
                                    : "ALREADY PASSED by " + (System.currentTimeMillis() - wallFirstDue) / 1000 + " s: the setup was slower than the lead");
                }
                if (cpuAtFirstDue == null && System.currentTimeMillis() >= wallFirstDue) {
                    cpuAtFirstDue = cpu.read();
                }
                if (System.currentTimeMillis() - lastPrint > 10_000) {
                    lastPrint = System.currentTimeMillis();
                    r.line("t=%5.0fs chain=T0+%6d load=%s schedule=%s requests=%s scheduled_tasks=%d paid=%d/%d landed tx=%d failed tx=%d rejected=%d",
                            (System.nanoTime() - appStart) / 1e9, sim.ledger().clock().blockTimeAt(sim.ledger().slot(Commitment.PROCESSED)) - chainT0,
                            loadAvg(), phases, states, tasks, paid, n, processor.landedCount(), processor.failedCount(), processor.rejectedCount());
                }
                if (paid >= n) {
                    allLandedNanos = System.nanoTime();
                    break;
                }
                if (System.currentTimeMillis() > deadline) {
                    r.line("TIMEOUT: %d of %d first windows paid", paid, n);
                    break;
                }
                Thread.sleep(1000);
            }
            // let the ingester confirm what landed (bounded)
            long confirmWait = System.currentTimeMillis() + 60_000;
            while (app.isAlive() && System.currentTimeMillis() < confirmWait
                    && scalar(db, "SELECT count(*) FROM earnings.update_request WHERE state = 'LANDED'") > 0) {
                Thread.sleep(1000);
            }
            Sampler.Cpu cpuEnd = cpu.read();
            long endNanos = System.nanoTime();

            // ---------------------------------------------------------------- verification on the ledger
            Verification v = verify(sim, game, operator.publicKey(), due);
            String status = app.isAlive() ? get(http, "http://127.0.0.1:" + port + "/api/v1/admin/earnings/status") : "(app gone)";

            r.line("");
            r.line("== results");
            r.line("machine: nproc=%d load=%s", Runtime.getRuntime().availableProcessors(), loadAvg());
            r.line("first windows paid exactly once: %d / %d; not (yet) paid: %d; paid twice in one window: %d", v.exactlyOnce, n, v.missed, v.twice);
            r.line("EarningsUpdated in the ledger: %d (incl. %d for a second window of early players)", v.updates, v.secondWindow);
            r.line("operator transactions on chain: %d succeeded, %d failed (%s); refused at RPC level (never on chain): %d",
                    v.txOk, v.txFailed, v.failReasons, processor.rejectedCount());
            r.line("update instructions on chain per paid window: %.3f (1.000 = no instruction sent twice)",
                    v.windowsPaid == 0 ? 0 : (double) v.instructionsOnChain / v.windowsPaid);
            r.line("lateness of the first window (block time - due), chain s: p50 %d, p99 %d, max %d  = wall s: p50 %.2f, p99 %.2f, max %.2f",
                    v.lateP50, v.lateP99, v.lateMax, v.lateP50 / compression, v.lateP99 / compression, v.lateMax / compression);
            r.line("submitter (admin status): %s", status);
            long rpcCalls = jsonLong(status, "rpcCalls");
            long updatesSent = jsonLong(status, "updatesSent");
            long txSent = jsonLong(status, "transactionsSent");
            r.line("RPC calls per update (submitter, all calls incl. reconcile/blockhash): %.3f  (%d calls, %d updates sent in %d transactions = %.2f per tx)",
                    updatesSent == 0 ? 0 : (double) rpcCalls / updatesSent, rpcCalls, updatesSent, txSent, txSent == 0 ? 0 : (double) updatesSent / txSent);
            double setup = scheduledAtNanos == 0 ? Double.NaN : (scheduledAtNanos - appStart) / 1e9;
            r.line("wall time: app start -> all scheduled %.1f s; app start -> all first windows paid %s; total incl. confirmations %.1f s; "
                    + "chain day = %.1f s wall", setup, allLandedNanos == 0 ? "n/a (timeout)" : String.format(Locale.ROOT, "%.1f s", (allLandedNanos - appStart) / 1e9),
                    (endNanos - appStart) / 1e9, DAY / compression);
            if (cpuAtFirstDue != null) {
                Sampler.Cpu d = cpuEnd.minus(cpuAtFirstDue);
                r.line("CPU during the day phase (first due -> end): app %.0f ms, PostgreSQL %.0f ms, simulator+harness %.0f ms; per paid window: "
                        + "app %.1f ms, PostgreSQL %.1f ms", d.appMs, d.pgMs, d.selfMs, d.appMs / Math.max(1, v.windowsPaid), d.pgMs / Math.max(1, v.windowsPaid));
            }
            if (cpuAtScheduled != null) {
                r.line("CPU of the setup (app start -> all scheduled; includes ingesting %d join transactions and app startup): app %.0f ms, PostgreSQL %.0f ms",
                        n, cpuAtScheduled.appMs, cpuAtScheduled.pgMs);
            }
            r.line("db-scheduler rows: peak %d sampled (earnings.scheduled_tasks), now %d", maxTasks, scalar(db, "SELECT count(*) FROM earnings.scheduled_tasks"));
            r.line("rows per player at the end:");
            for (String t : List.of("earnings.scheduled_tasks", "earnings.schedule", "earnings.update_request", "earnings.update_attempt",
                    "event_store.saga_entry", "event_store.association_value_entry", "event_store.domain_event_entry")) {
                long rows = scalar(db, "SELECT count(*) FROM " + t);
                long bytes = scalar(db, "SELECT pg_total_relation_size('" + t + "')");
                r.line("  %-40s %10d rows  %8.2f per player  %8.1f MB", t, rows, (double) rows / n, bytes / 1e6);
            }
            r.line("earnings domain events by type:");
            try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("""
                    SELECT regexp_replace(payload_type, '.*\\.', '') AS t, count(*) FROM event_store.domain_event_entry
                    WHERE payload_type LIKE '%Earnings%' GROUP BY 1 ORDER BY 1""")) {
                while (rs.next()) {
                    r.line("  %-32s %10d  %6.2f per player", rs.getString(1), rs.getLong(2), rs.getLong(2) / (double) n);
                }
            }
            pgStatStatements(db, r);
        } finally {
            app.destroy();
            if (!app.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                app.destroyForcibly();
            }
            processor.close();
            sim.close();
        }
        r.line("done");
        System.exit(0);
    }

    /** Wall clock (epoch millis) at which the simulator's block time reaches {@code chainTime}. */
    static long appStartWallMillisOfChain(ChainSimulator sim, long chainTime, double compression, long slotMillis) {
        long nowChain = sim.ledger().clock().blockTimeAt(sim.ledger().slot(Commitment.PROCESSED));
        return System.currentTimeMillis() + (long) ((chainTime - nowChain) * 1000 / compression);
    }

    // ------------------------------------------------------------------ players

    /** Joins every player with one business, sets the game's state directly and appends one transaction per player. */
    static void join(ChainSimulator sim, GameEngine game, int n, long createdAt, long firstDue, long[] due) throws Exception {
        Field playersF = GameEngine.class.getDeclaredField("players");
        playersF.setAccessible(true);
        List<?> players = (List<?>) playersF.get(game);
        Class<?> ps = Class.forName("com.solanamafia.sim.game.PlayerState");
        Class<?> slotC = Class.forName("com.solanamafia.sim.game.PlayerState$Slot");
        Class<?> bs = Class.forName("com.solanamafia.sim.game.BusinessState");
        Field created = field(ps, "created");
        Field next = field(ps, "nextEarningsTime");
        Field slots = field(ps, "slots");
        Field totalInvested = field(ps, "totalInvested");
        Field wallet = field(ps, "wallet");
        Field business = field(slotC, "business");
        Constructor<?> newSlot = slotC.getDeclaredConstructor(int.class, boolean.class);
        newSlot.setAccessible(true);
        Constructor<?> newBusiness = bs.getDeclaredConstructor(int.class, long.class, long.class, int.class, int.class, long.class);
        newBusiness.setAccessible(true);
        EventCodec codec = game.codec();
        String program = game.programId();
        long deposit = 100_000_000L;
        int rate = 100;
        for (int i = 0; i < n; i++) {
            Object p = players.get(i);
            String w = (String) wallet.get(p);
            due[i] = firstDue + (long) i * DAY / n;
            long d = due[i];
            int index = i;
            sim.ledger().appendAtTip(now -> {
                try {
                    created.set(p, true);
                    next.set(p, d);
                    @SuppressWarnings("unchecked")
                    List<Object> s = (List<Object>) slots.get(p);
                    for (int k = 0; k < 6; k++) {
                        s.add(newSlot.newInstance(0, k < 3));
                    }
                    business.set(s.get(0), newBusiness.newInstance(0, deposit, deposit, rate, 0, createdAt));
                    totalInvested.set(p, deposit);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
                Map<String, Object> pc = new LinkedHashMap<>();
                pc.put("wallet", w);
                pc.put("entry_fee", "10000000");
                pc.put("created_at", Long.toString(createdAt));
                pc.put("next_earnings_time", Long.toString(d));
                Map<String, Object> bc = new LinkedHashMap<>();
                bc.put("player", w);
                bc.put("slot_index", "0");
                bc.put("business_type", "0");
                bc.put("base_cost", Long.toString(deposit));
                bc.put("daily_rate", Integer.toString(rate));
                bc.put("nft_mint", com.solanamafia.sim.ledger.DeterministicIds.pubkey(7, "bench-mint", index));
                bc.put("created_at", Long.toString(createdAt));
                List<String> logs = List.of(
                        "Program " + program + " invoke [1]", "Program log: Instruction: CreatePlayer",
                        codec.encodeLogLine("PlayerCreated", pc),
                        "Program " + program + " consumed 9000 of 200000 compute units", "Program " + program + " success",
                        "Program " + program + " invoke [1]", "Program log: Instruction: CreateBusiness",
                        codec.encodeLogLine("BusinessCreatedInSlot", bc),
                        "Program " + program + " consumed 52000 of 200000 compute units", "Program " + program + " success");
                return TransactionDraft.ofLogs(logs).signature(com.solanamafia.sim.ledger.DeterministicIds.signature(7, "bench-join", index));
            });
        }
    }

    static Field field(Class<?> c, String name) throws NoSuchFieldException {
        Field f = c.getDeclaredField(name);
        f.setAccessible(true);
        return f;
    }

    // ------------------------------------------------------------------ verification

    static final class Verification {
        long exactlyOnce;
        long missed;
        long twice;
        long updates;
        long secondWindow;
        long txOk;
        long txFailed;
        long instructionsOnChain;
        long windowsPaid;
        Map<String, Long> failReasons = new HashMap<>();
        long lateP50;
        long lateP99;
        long lateMax;
    }

    static Verification verify(ChainSimulator sim, GameEngine game, String operator, long[] due) {
        EventCodec codec = game.codec();
        List<String> wallets = game.playerWallets();
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < due.length; i++) {
            index.put(wallets.get(i), i);
        }
        Map<Integer, List<Long>> times = new HashMap<>();
        Verification v = new Verification();
        for (SimTransaction tx : sim.ledger().all()) {
            if (tx.accountKeys().isEmpty() || !tx.accountKeys().get(0).equals(operator)) {
                continue;
            }
            int programIxs = tx.instructions() == null ? 0 : (int) tx.instructions().stream()
                    .filter(ix -> tx.accountKeys().get(ix.programIdIndex()).equals(game.programId())).count();
            if (!tx.succeeded()) {
                v.txFailed++;
                v.failReasons.merge(String.valueOf(tx.err()), 1L, Long::sum);
                continue;
            }
            v.txOk++;
            v.instructionsOnChain += programIxs;
            for (String line : tx.logMessages()) {
                if (line.startsWith(EventCodec.PROGRAM_DATA_PREFIX)) {
                    codec.decodeBase64(line.substring(EventCodec.PROGRAM_DATA_PREFIX.length())).ifPresent(p -> {
                        if (p.name().equals("EarningsUpdated")) {
                            Integer i = index.get(String.valueOf(p.fields().get("player")));
                            if (i != null) {
                                times.computeIfAbsent(i, k -> new ArrayList<>()).add(tx.blockTime());
                            }
                        }
                    });
                }
            }
        }
        long[] late = new long[due.length];
        int lateN = 0;
        for (int i = 0; i < due.length; i++) {
            long d = due[i];
            List<Long> t = times.getOrDefault(i, List.of());
            v.updates += t.size();
            // the first window is paid by the first update at or after the due time (however late: the program then
            // moves the due time to that update + 1 day); a second update less than a day after the previous one
            // would be a window paid twice (the program refuses it, so it must never be seen)
            List<Long> sorted = t.stream().sorted().toList();
            long before = sorted.stream().filter(b -> b < d).count();
            long twice = 0;
            for (int k = 1; k < sorted.size(); k++) {
                if (sorted.get(k) - sorted.get(k - 1) < DAY) {
                    twice++;
                }
            }
            if (sorted.isEmpty()) {
                v.missed++;
            } else if (twice == 0 && before == 0) {
                v.exactlyOnce++;
                late[lateN++] = sorted.get(0) - d;
            } else {
                v.twice++;
            }
            v.secondWindow += Math.max(0, sorted.size() - 1);
        }
        v.windowsPaid = v.updates;
        long[] l = Arrays.copyOf(late, lateN);
        Arrays.sort(l);
        if (l.length > 0) {
            v.lateP50 = l[l.length / 2];
            v.lateP99 = l[Math.min(l.length - 1, (int) Math.ceil(l.length * 0.99) - 1)];
            v.lateMax = l[l.length - 1];
        }
        return v;
    }

    // ------------------------------------------------------------------ DB, HTTP, CPU helpers

    static Connection connectWhenReady(String url, String user, Process app) throws Exception {
        long until = System.currentTimeMillis() + 600_000;
        while (true) {
            try {
                Connection c = DriverManager.getConnection(url, user, "");
                try (Statement st = c.createStatement()) {
                    st.executeQuery("SELECT 1 FROM earnings.schedule LIMIT 1").close();
                    return c;
                } catch (SQLException e) {
                    c.close();
                    throw e;
                }
            } catch (SQLException e) {
                if (System.currentTimeMillis() > until || !app.isAlive()) {
                    throw e;
                }
                Thread.sleep(1000);
            }
        }
    }

    static long scalar(Connection db, String sql) throws SQLException {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    static Map<String, Long> groupCount(Connection db, String sql) throws SQLException {
        Map<String, Long> out = new java.util.TreeMap<>();
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getLong(2));
            }
        }
        return out;
    }

    static void pgStatStatements(Connection db, Report r) {
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT calls, round(total_exec_time::numeric, 0) AS ms, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS q
                FROM pg_stat_statements WHERE query ILIKE '%scheduled_tasks%' ORDER BY total_exec_time DESC LIMIT 8""")) {
            r.line("db-scheduler statements (pg_stat_statements, whole run; calls, total ms, rows, query):");
            while (rs.next()) {
                r.line("  %8d calls %8d ms %9d rows  %s", rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4));
            }
        } catch (SQLException e) {
            r.line("pg_stat_statements not available: %s", e.getMessage());
        }
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT sum(calls), round(sum(total_exec_time)::numeric, 0), sum(rows) FROM pg_stat_statements
                WHERE query ILIKE '%scheduled_tasks%'""")) {
            if (rs.next()) {
                r.line("db-scheduler statements total: %d calls, %d ms exec, %d rows", rs.getLong(1), rs.getLong(2), rs.getLong(3));
            }
        } catch (SQLException e) {
            // reported above
        }
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT calls, round(total_exec_time::numeric, 0) AS ms, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) AS q
                FROM pg_stat_statements ORDER BY calls DESC LIMIT 15""")) {
            r.line("all statements, most frequent first (calls, total ms, rows, query):");
            while (rs.next()) {
                r.line("  %8d calls %8d ms %9d rows  %s", rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4));
            }
        } catch (SQLException e) {
            // reported above
        }
        try (Statement st = db.createStatement(); ResultSet rs = st.executeQuery("""
                SELECT sum(calls), round(sum(total_exec_time)::numeric, 0) FROM pg_stat_statements""")) {
            if (rs.next()) {
                r.line("all statements: %d calls, %d ms exec", rs.getLong(1), rs.getLong(2));
            }
        } catch (SQLException e) {
            // reported above
        }
    }

    static String get(HttpClient http, String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + TOKEN).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (Exception e) {
            return "(" + e + ")";
        }
    }

    static long jsonLong(String json, String key) {
        int i = json.indexOf("\"" + key + "\":");
        if (i < 0) {
            return 0;
        }
        int s = i + key.length() + 3;
        int e = s;
        while (e < json.length() && (Character.isDigit(json.charAt(e)) || json.charAt(e) == '-')) {
            e++;
        }
        return e == s ? 0 : Long.parseLong(json.substring(s, e));
    }

    static String sha256(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    static String loadAvg() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + "/" + f[1] + "/" + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    /** CPU time (ms) of the app process, of the PostgreSQL postmaster and its children, and of this JVM. */
    static final class Sampler {
        record Cpu(double appMs, double pgMs, double selfMs) {
            Cpu minus(Cpu o) {
                return new Cpu(appMs - o.appMs, pgMs - o.pgMs, selfMs - o.selfMs);
            }
        }

        final long appPid;
        final long pgPid;

        Sampler(long appPid, long pgPid) {
            this.appPid = appPid;
            this.pgPid = pgPid;
        }

        Cpu read() {
            double self = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e6;
            return new Cpu(ticks(appPid, false), pgPid > 0 ? pgTree() : Double.NaN, self);
        }

        double pgTree() {
            double sum = ticks(pgPid, true);
            try (var s = Files.list(Path.of("/proc"))) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    String name = p.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    try {
                        String stat = Files.readString(p.resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        if (Long.parseLong(f[1]) == pgPid) {
                            sum += (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10.0;
                        }
                    } catch (IOException | RuntimeException e) {
                        // process gone
                    }
                }
            } catch (IOException e) {
                return Double.NaN;
            }
            return sum;
        }

        /** utime+stime (and with children: + cutime+cstime of waited-for children) in ms; USER_HZ = 100. */
        static double ticks(long pid, boolean withChildren) {
            try {
                String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long t = Long.parseLong(f[11]) + Long.parseLong(f[12]);
                if (withChildren) {
                    t += Long.parseLong(f[13]) + Long.parseLong(f[14]);
                }
                return t * 10.0;
            } catch (IOException | RuntimeException e) {
                return Double.NaN;
            }
        }
    }

    static final class Report {
        final PrintStream file;

        Report(PrintStream file) {
            this.file = file;
        }

        void line(String fmt, Object... args) {
            String s = args.length == 0 ? fmt : String.format(Locale.ROOT, fmt, args);
            System.out.println(s);
            file.println(s);
        }
    }
}
