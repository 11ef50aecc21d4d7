package com.solanamafia.bench.api;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Open-loop load at a fixed rate (requests are sent on schedule whatever the answers' latency, so queueing shows in
 * the figures): {@code GET <base>/api/v1/players/<random wallet>} at RATE req/s for SECONDS, then p50/p90/p99/max of
 * the latency measured from each request's scheduled time, and the status counts.
 * {@code java -cp ... com.solanamafia.bench.api.ApiLoad <base-url> <wallets-file> <rate> <seconds>}
 */
public final class ApiLoad {
    private ApiLoad() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<String> wallets = Files.readAllLines(Path.of(args[1])).stream().filter(s -> !s.isBlank()).toList();
        int rate = Integer.parseInt(args[2]);
        int seconds = Integer.parseInt(args[3]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int total = rate * seconds;
        long[] latencies = new long[total];
        AtomicInteger done = new AtomicInteger();
        AtomicLong ok = new AtomicLong();
        AtomicLong other = new AtomicLong();
        long start = System.nanoTime() + 200_000_000L;
        long interval = 1_000_000_000L / rate;
        for (int i = 0; i < total; i++) {
            long scheduled = start + i * interval;
            long wait = scheduled - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            int index = i;
            String wallet = wallets.get(ThreadLocalRandom.current().nextInt(wallets.size()));
            http.sendAsync(HttpRequest.newBuilder(URI.create(base + "/api/v1/players/" + wallet))
                            .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, error) -> {
                        latencies[index] = System.nanoTime() - scheduled;
                        if (error == null && response.statusCode() == 200) {
                            ok.incrementAndGet();
                        } else {
                            other.incrementAndGet();
                        }
                        done.incrementAndGet();
                    });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (done.get() < total && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        long[] measured = Arrays.copyOf(latencies, total);
        Arrays.sort(measured);
        System.out.printf("rate %d req/s for %d s: %d ok, %d other; latency p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, "
                        + "max %.2f ms%n", rate, seconds, ok.get(), other.get(), ms(measured, 0.50), ms(measured, 0.90),
                ms(measured, 0.99), measured[total - 1] / 1e6);
        System.exit(0);
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6;
    }
}
