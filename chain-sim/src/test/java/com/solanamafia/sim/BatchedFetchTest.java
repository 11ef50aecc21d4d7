package com.solanamafia.sim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.solanamafia.ingest.rpc.ChainTransaction;
import com.solanamafia.ingest.rpc.RetryPolicy;
import com.solanamafia.ingest.rpc.RpcException;
import com.solanamafia.ingest.rpc.SolanaRpc;
import com.solanamafia.sim.fault.FaultConfig;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** getTransaction as JSON-RPC batches: same answers as one call per signature, in order, through every fault. */
class BatchedFetchTest {
    private static final String UNKNOWN = "1111111111111111111111111111111111111111111111111111111111111111";
    private ChainSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.stop();
        }
    }

    private List<String> generated(int n) {
        sim = ChainSimulator.start(SimConfig.builder().build());
        List<String> signatures = sim.generateGameTransactions(n).stream().map(AppendedTransaction::signature).toList();
        sim.advanceSlots(100);
        return signatures;
    }

    private static SolanaRpc rpc(String url) {
        return new SolanaRpc(URI.create(url), new ObjectMapper(),
                new RetryPolicy(20, Duration.ofMillis(10), Duration.ofMillis(50)), Duration.ofSeconds(5), new SimpleMeterRegistry());
    }

    @Test
    void aBatchAnswersLikeOneCallPerSignatureInOrder() {
        List<String> signatures = new ArrayList<>(generated(30));
        SolanaRpc rpc = rpc(sim.rpcUrl());
        signatures.add(7, UNKNOWN);

        List<Optional<ChainTransaction>> batch = rpc.getTransactions(signatures, "confirmed");

        assertThat(batch).hasSize(signatures.size());
        for (int i = 0; i < signatures.size(); i++) {
            assertThat(batch.get(i)).as(signatures.get(i)).isEqualTo(rpc.getTransaction(signatures.get(i), "confirmed"));
        }
        assertThat(batch.get(7)).isEmpty();
        assertThat(batch.stream().filter(Optional::isPresent).map(t -> t.get().signature()).toList())
                .isEqualTo(signatures.stream().filter(s -> !s.equals(UNKNOWN)).toList());
    }

    @Test
    void concurrentBatchesOfOneClientEachGetTheirOwnAnswersAtFirstTry() throws Exception {
        List<String> signatures = generated(200);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        SolanaRpc rpc = new SolanaRpc(URI.create(sim.rpcUrl()), new ObjectMapper(), RetryPolicy.DEFAULT,
                Duration.ofSeconds(5), meters);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<List<Optional<ChainTransaction>>>> calls = new ArrayList<>();
            for (int from = 0; from < signatures.size(); from += 10) {
                List<String> chunk = signatures.subList(from, from + 10);
                calls.add(pool.submit(() -> rpc.getTransactions(chunk, "confirmed")));
            }
            List<String> fetched = new ArrayList<>();
            for (var call : calls) {
                call.get().forEach(tx -> fetched.add(tx.orElseThrow().signature()));
            }
            assertThat(fetched).isEqualTo(signatures);
            assertThat(meters.counter("ingest.rpc.retries").count()).isZero();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void rateLimitsServerErrorsAndTruncatedBodiesAreRetriedAsAWholeBatch() {
        List<String> signatures = generated(40);
        List<Optional<ChainTransaction>> clean = rpc(sim.rpcUrl()).getTransactions(signatures, "confirmed");
        sim.setFaults(FaultConfig.parse("rate429=0.2,retryAfter=0,http5xx=0.2,malformed=0.2"));

        for (int round = 0; round < 5; round++) {
            assertThat(rpc(sim.rpcUrl()).getTransactions(signatures, "confirmed")).isEqualTo(clean);
        }
    }

    @Test
    void aNodeThatRefusesBatchesFailsWithAHintNotForever() throws Exception {
        HttpServer refusing = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        refusing.createContext("/", exchange -> {
            byte[] body = "{\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32600,\"message\":\"batch requests are not supported\"},\"id\":null}"
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        refusing.start();
        try {
            SolanaRpc rpc = rpc("http://127.0.0.1:" + refusing.getAddress().getPort());
            assertThatThrownBy(() -> rpc.getTransactions(List.of(UNKNOWN, UNKNOWN.replace('1', '2')), "confirmed"))
                    .isInstanceOf(RpcException.class)
                    .hasMessageContaining("-32600")
                    .hasMessageContaining("batch size to 1");
        } finally {
            refusing.stop(0);
        }
    }
}
