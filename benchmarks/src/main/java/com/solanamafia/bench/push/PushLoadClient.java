package com.solanamafia.bench.push;

import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client half of the WebSocket push benchmark (benchmarks/push/run.sh): N connections, each authenticated as
 * its own wallet (same derivation as the server half) and subscribed to its player channel; measures latency
 * from the event's timestamp (when the event store recorded it) to receipt and, when the server half sends the events
 * through the chain simulator ({@code SOURCE=simulator}), from the simulator's notification to receipt; counts lost,
 * duplicate and out-of-order messages.
 * JDK only (java.net.http), so it runs from target/classes.
 *
 * <p>Arguments: {@code <dir> [connections=10000] [expectedEvents=30000] [host=localhost] [warmupEvents=0]}: events
 * numbered up to warmupEvents (the first seconds of the event phase, while the server's JIT warms up) count as
 * received or lost but their latency goes to a histogram of its own; the server writes
 * {@code dir/port}, this writes {@code dir/connected}, waits for {@code dir/produced}, then writes
 * {@code dir/client.txt} and {@code dir/done}.</p>
 */
public final class PushLoadClient {
    private static final Pattern TYPE = Pattern.compile("\"type\":\"([a-z_]+)\"");
    private static final Pattern NONCE = Pattern.compile("\"message\":\"([^\"]+)\"");
    private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");
    private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\":\"([^\"]+)\"");
    private static final Pattern K = Pattern.compile("\"(?:earningsAdded|amount)\":\"(\\d+)\"");   // accrued | claimed

    private static final int BUCKETS = 60_000; // 1 ms buckets up to 60 s
    private final AtomicLongArray latency = new AtomicLongArray(BUCKETS + 1);
    private final AtomicLongArray warmupLatency = new AtomicLongArray(BUCKETS + 1);
    private long warmupEvents;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong outOfOrder = new AtomicLong();
    private final AtomicLong closedByServer = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final BitSet seen = new BitSet();
    /** When event k was received (epoch ms), for the latency from the chain simulator's notification. */
    private AtomicLongArray receivedAt;
    private final ConcurrentLinkedQueue<String> closeReasons = new ConcurrentLinkedQueue<>();

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        int connections = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        long expected = args.length > 2 ? Long.parseLong(args[2]) : 30_000;
        String host = args.length > 3 ? args[3] : "localhost";
        PushLoadClient client = new PushLoadClient();
        client.warmupEvents = args.length > 4 ? Long.parseLong(args[4]) : 0;
        client.receivedAt = new AtomicLongArray((int) expected + 1);
        client.run(dir, connections, expected, host);
    }

    static KeyPair keys(int i) throws Exception {
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(("push-bench-" + i).getBytes(StandardCharsets.UTF_8));
        KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
        generator.initialize(NamedParameterSpec.ED25519, random);
        return generator.generateKeyPair();
    }

    private static final String ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    static String base58(byte[] bytes) {
        BigInteger n = new BigInteger(1, bytes);
        StringBuilder sb = new StringBuilder();
        BigInteger base = BigInteger.valueOf(58);
        while (n.signum() > 0) {
            BigInteger[] qr = n.divideAndRemainder(base);
            sb.append(ALPHABET.charAt(qr[1].intValue()));
            n = qr[0];
        }
        for (int i = 0; i < bytes.length && bytes[i] == 0; i++) {
            sb.append('1');
        }
        return sb.reverse().toString();
    }

    private static String group(Pattern p, CharSequence text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    final class Connection implements WebSocket.Listener {
        final KeyPair keys;
        final String wallet;
        final CountDownLatch ready;
        final Semaphore handshakes;
        final StringBuilder partial = new StringBuilder();
        long lastSeq = -1;
        boolean subscribed;
        /** java.net.http allows one outstanding send per socket: chain them. */
        CompletableFuture<?> sending = CompletableFuture.completedFuture(null);

        void send(WebSocket ws, String text) {
            sending = sending.handle((r, e) -> null).thenCompose(x -> ws.sendText(text, true));
        }

        Connection(KeyPair keys, CountDownLatch ready, Semaphore handshakes) {
            this.keys = keys;
            byte[] x509 = keys.getPublic().getEncoded();
            this.wallet = base58(Arrays.copyOfRange(x509, x509.length - 32, x509.length));
            this.ready = ready;
            this.handshakes = handshakes;
        }

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    handle(ws, text);
                } catch (Exception e) {
                    errors.incrementAndGet();
                }
            }
            ws.request(1);
            return null;
        }

        private void handle(WebSocket ws, String text) throws Exception {
            String type = group(TYPE, text);
            if ("event".equals(type)) {
                long now = System.currentTimeMillis();
                long seq = Long.parseLong(group(SEQ, text));
                if (seq <= lastSeq) {
                    duplicates.incrementAndGet();
                    return;
                }
                if (lastSeq >= 0 && seq != lastSeq + 1) {
                    outOfOrder.incrementAndGet();
                }
                lastSeq = seq;
                long sent = Instant.parse(group(TIMESTAMP, text)).toEpochMilli();
                int k = Integer.parseInt(group(K, text));
                (k <= warmupEvents ? warmupLatency : latency).incrementAndGet((int) Math.max(0, Math.min(BUCKETS, now - sent)));
                if (k < receivedAt.length()) {
                    receivedAt.compareAndSet(k, 0, now);
                }
                synchronized (seen) {
                    if (seen.get(k)) {
                        duplicates.incrementAndGet();
                    }
                    seen.set(k);
                }
                received.incrementAndGet();
            } else if ("challenge".equals(type)) {
                Signature signer = Signature.getInstance("Ed25519");
                signer.initSign(keys.getPrivate());
                signer.update(group(NONCE, text).getBytes(StandardCharsets.UTF_8));
                send(ws, "{\"type\":\"auth\",\"wallet\":\"" + wallet + "\",\"signature\":\""
                        + base58(signer.sign()) + "\"}");
            } else if ("authenticated".equals(type)) {
                send(ws, "{\"type\":\"subscribe\",\"channels\":[\"player:" + wallet + "\"]}");
            } else if ("subscribed".equals(type)) {
                lastSeq = Long.parseLong(group(SEQ, text));
                if (!subscribed) {
                    subscribed = true;
                    handshakes.release();
                    ready.countDown();
                }
            } else if ("ping".equals(type)) {
                send(ws, "{\"type\":\"pong\"}");
            } else if ("error".equals(type) || "resync".equals(type)) {
                errors.incrementAndGet();
                System.err.println(wallet + ": " + text);
            }
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int status, String reason) {
            closedByServer.incrementAndGet();
            closeReasons.add(status + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            errors.incrementAndGet();
            if (!subscribed) {
                handshakes.release();
            }
        }
    }

    private void run(Path dir, int connections, long expected, String host) throws Exception {
        Path portFile = dir.resolve("port");
        while (!Files.exists(portFile)) {
            Thread.sleep(200);
        }
        URI uri = URI.create("ws://" + host + ":" + Files.readString(portFile).trim() + "/ws");
        HttpClient[] clients = new HttpClient[4];
        for (int i = 0; i < clients.length; i++) {
            clients[i] = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        }
        CountDownLatch ready = new CountDownLatch(connections);
        Semaphore handshakes = new Semaphore(200);
        WebSocket[] sockets = new WebSocket[connections];
        long t0 = System.nanoTime();
        for (int i = 0; i < connections; i++) {
            Connection c = new Connection(keys(i), ready, handshakes);
            handshakes.acquire();
            int index = i;
            clients[i % clients.length].newWebSocketBuilder().buildAsync(uri, c)
                    .whenComplete((ws, e) -> {
                        if (e != null) {
                            errors.incrementAndGet();
                            handshakes.release();
                            System.err.println("connect " + index + " failed: " + e);
                        } else {
                            sockets[index] = ws;
                        }
                    });
        }
        long readyDeadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
        while (!ready.await(5, TimeUnit.SECONDS) && System.nanoTime() < readyDeadline) {
            System.out.printf("%d connections ready, %d errors%n", connections - ready.getCount(), errors.get());
        }
        double connectSeconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("%d connections authenticated and subscribed in %.1f s%n", connections - ready.getCount(), connectSeconds);
        Files.writeString(dir.resolve("connected"), "");

        Path produced = dir.resolve("produced");
        while (!Files.exists(produced)) {
            Thread.sleep(200);
            System.out.printf("\rreceived %d", received.get());
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (received.get() < expected && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(1000); // late duplicates would show up now
        long distinct;
        synchronized (seen) {
            distinct = seen.cardinality();
        }
        String report = String.format("""
                connections=%d
                connect_seconds=%.1f
                events_expected=%d
                events_received=%d
                events_lost=%d
                duplicates=%d
                seq_gaps=%d
                closed_by_server=%d %s
                errors=%d
                warmup_events=%d
                """, connections - ready.getCount(), connectSeconds, expected, received.get(), expected - distinct,
                duplicates.get(), outOfOrder.get(), closedByServer.get(), closeReasons.stream().distinct().limit(5).toList(),
                errors.get(), warmupEvents);
        report += latencies("latency_ms", latency, warmupLatency);
        report += chainLatency(dir.resolve("notified"));
        Files.writeString(dir.resolve("client.txt"), report);
        System.out.println("\nPUSH BENCH CLIENT\n" + report);
        Files.writeString(dir.resolve("done"), "");
        for (WebSocket ws : sockets) {
            if (ws != null) {
                ws.abort();
            }
        }
        System.exit(0);
    }

    /**
     * With events from the chain simulator, the server half writes when each event's transaction was appended (the
     * simulator notifies the app then): latency from that notification to receipt, the whole way through ingestion.
     */
    private String chainLatency(Path notifiedFile) throws Exception {
        if (!Files.exists(notifiedFile)) {
            return "";
        }
        List<String> lines = Files.readAllLines(notifiedFile);
        AtomicLongArray measured = new AtomicLongArray(BUCKETS + 1);
        AtomicLongArray warmup = new AtomicLongArray(BUCKETS + 1);
        for (int k = 1; k <= lines.size() && k < receivedAt.length(); k++) {
            long notified = Long.parseLong(lines.get(k - 1).trim());
            long received = receivedAt.get(k);
            if (notified > 0 && received > 0) {
                (k <= warmupEvents ? warmup : measured)
                        .incrementAndGet((int) Math.max(0, Math.min(BUCKETS, received - notified)));
            }
        }
        return latencies("from_chain_notification_latency_ms", measured, warmup);
    }

    /** {@code name_p50 ... name_max} of the measured events, {@code warmup_name_p50, _p99, _max} of the warm-up's. */
    private static String latencies(String name, AtomicLongArray measured, AtomicLongArray warmup) {
        return String.format("""
                %1$s_p50=%2$d
                %1$s_p90=%3$d
                %1$s_p99=%4$d
                %1$s_p999=%5$d
                %1$s_max=%6$d
                warmup_%1$s_p50=%7$d
                warmup_%1$s_p99=%8$d
                warmup_%1$s_max=%9$d
                """, name, percentile(measured, 0.50), percentile(measured, 0.90), percentile(measured, 0.99),
                percentile(measured, 0.999), percentile(measured, 1.0), percentile(warmup, 0.50),
                percentile(warmup, 0.99), percentile(warmup, 1.0));
    }

    private static long percentile(AtomicLongArray latency, double p) {
        long total = 0;
        for (int i = 0; i <= BUCKETS; i++) {
            total += latency.get(i);
        }
        if (total == 0) {
            return -1;
        }
        long rank = (long) Math.ceil(p * total);
        long seen = 0;
        for (int i = 0; i <= BUCKETS; i++) {
            seen += latency.get(i);
            if (seen >= rank) {
                return i;
            }
        }
        return BUCKETS;
    }
}
