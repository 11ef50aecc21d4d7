package com.solanamafia.bench.api;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open-loop load at a fixed rate, as wrk2 makes it: request i is due at {@code start + i / RATE}; CONNECTIONS
 * keep-alive HTTP/1.1 connections take the due requests in turn, and each latency is measured from the request's due
 * time, so a slow answer delays the requests queued behind it and that queueing shows in the figures (no coordinated
 * omission). {@code GET <base>/api/v1/players/<random wallet>} at RATE req/s for SECONDS, then p50/p90/p99/max and
 * the status counts. The JDK's HttpClient is not used: it opens a connection per outstanding request and costs more
 * CPU than the server it measures on a two-core box.
 * A connection the server closes ({@code Connection: close}) is replaced before its next request.
 * {@code java -cp ... com.solanamafia.bench.api.ApiLoad <base-url> <wallets-file> <rate> <seconds> [connections=32]}
 */
public final class ApiLoad {
    private ApiLoad() {
    }

    public static void main(String[] args) throws Exception {
        URI base = URI.create(args[0]);
        List<String> wallets = Files.readAllLines(Path.of(args[1])).stream().filter(s -> !s.isBlank()).toList();
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        int connections = args.length > 4 ? Integer.parseInt(args[4]) : 32;
        int total = rate * seconds;
        long[] latencies = new long[total];
        Arrays.fill(latencies, -1);
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime() + 200_000_000L;
        long interval = 1_000_000_000L / rate;
        List<Thread> workers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Thread worker = new Thread(() -> {
                Connection connection = null;
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    long due = start + i * interval;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        sleep(wait);
                    }
                    String wallet = wallets.get(ThreadLocalRandom.current().nextInt(wallets.size()));
                    String outcome;
                    try {
                        if (connection == null) {
                            connection = new Connection(base);
                        }
                        outcome = String.valueOf(connection.get(base.getPath() + "/api/v1/players/" + wallet));
                        if (connection.closing) {
                            connection = Connection.close(connection);
                        }
                    } catch (IOException e) {
                        outcome = e.getClass().getSimpleName();
                        connection = Connection.close(connection);
                    }
                    latencies[i] = System.nanoTime() - due;
                    outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                }
                Connection.close(connection);
            }, "load-" + c);
            worker.start();
            workers.add(worker);
        }
        for (Thread worker : workers) {
            worker.join();
        }
        long[] measured = Arrays.stream(latencies).filter(l -> l >= 0).sorted().toArray();
        System.out.printf("rate %d req/s for %d s over %d connections: %s; latency p50 %.2f ms, p90 %.2f ms, "
                        + "p99 %.2f ms, max %.2f ms; achieved %.0f req/s%n", rate, seconds, connections,
                new TreeMap<>(outcomes), ms(measured, 0.50), ms(measured, 0.90), ms(measured, 0.99),
                measured[measured.length - 1] / 1e6, total / ((System.nanoTime() - start) / 1e9));
    }

    private static void sleep(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6;
    }

    /** One keep-alive connection: a GET, then its status line, headers and Content-Length body read in full. */
    private static final class Connection {
        private final Socket socket;
        private final OutputStream out;
        private final InputStream in;
        private final String host;
        /** The server said {@code Connection: close} (Tomcat does after 100 requests on a connection). */
        boolean closing;

        Connection(URI base) throws IOException {
            socket = new Socket();
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
            socket.setSoTimeout(30_000);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 16_384);
            host = base.getHost() + ":" + base.getPort();
        }

        int get(String path) throws IOException {
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nAccept: application/json\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status = line();
            int code = Integer.parseInt(status.substring(9, 12));
            int length = -1;
            boolean chunked = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase();
                if (lower.startsWith("content-length:")) {
                    length = Integer.parseInt(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closing = true;
                }
            }
            if (chunked) {
                for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
                    skip(size);
                    line();
                }
                line();
            } else if (length > 0) {
                skip(length);
            }
            return code;
        }

        private void skip(int n) throws IOException {
            if (in.readNBytes(n).length != n) {
                throw new IOException("connection closed mid-body");
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b != '\n'; b = in.read()) {
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                if (b != '\r') {
                    line.append((char) b);
                }
            }
            return line.toString();
        }

        static Connection close(Connection connection) {
            if (connection != null) {
                try {
                    connection.socket.close();
                } catch (IOException ignored) {
                    // closing a broken connection
                }
            }
            return null;
        }
    }
}
