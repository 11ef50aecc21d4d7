package com.solanamafia.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.solanamafia.sim.fault.FaultConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every fault knob is observable, and a retrying client still reads the true ledger. */
class FaultInjectionTest {
    private ChainSimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.stop();
        }
    }

    private ChainSimulator start(FaultConfig faults) {
        sim = ChainSimulator.start(SimConfig.builder().faults(faults).build());
        return sim;
    }

    private static String body(String method, String params) {
        return "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
    }

    @Test
    void parsesTheCliForm() {
        FaultConfig c = FaultConfig.parse("rate429=0.1,retryAfter=1,http5xx=0.05,latencyMs=50,malformed=0.02,"
                + "wsDropEverySec=30,duplicateNotify=0.1,lateNotifyMs=500");
        assertThat(c).isEqualTo(new FaultConfig(0.1, 1, 0.05, 50, 0.02, 30, 0.1, 500));
        assertThat(c.any()).isTrue();
        assertThat(FaultConfig.parse("").any()).isFalse();
        assertThatThrownBy(() -> FaultConfig.parse("rate429=2")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FaultConfig.parse("nope=1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rateLimitAnswers429WithRetryAfter() {
        start(FaultConfig.NONE.withRate429(1).withRetryAfterSeconds(2));
        HttpResponse<String> r = new RawRpc(sim.rpcUrl()).post(body("getSlot", "[]"));
        assertThat(r.statusCode()).isEqualTo(429);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("2");
    }

    @Test
    void serverErrorsAre5xx() {
        start(FaultConfig.NONE.withHttp5xx(1));
        HttpResponse<String> r = new RawRpc(sim.rpcUrl()).post(body("getSlot", "[]"));
        assertThat(r.statusCode()).isBetween(500, 599);
    }

    @Test
    void malformedBodiesDoNotParse() {
        start(FaultConfig.NONE.withMalformed(1));
        HttpResponse<String> r = new RawRpc(sim.rpcUrl()).post(body("getHealth", "[]"));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> RawRpc.MAPPER.readTree(r.body())).isInstanceOf(Exception.class);
    }

    @Test
    void latencyIsAdded() {
        start(FaultConfig.NONE.withLatencyMs(150));
        long t0 = System.nanoTime();
        new RawRpc(sim.rpcUrl()).post(body("getHealth", "[]"));
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isGreaterThanOrEqualTo(150);
    }

    @Test
    void aRetryingClientReadsTheTrueLedgerThroughMixedFaults() {
        start(FaultConfig.parse("rate429=0.2,retryAfter=0,http5xx=0.1,malformed=0.1"));
        List<AppendedTransaction> appended = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            appended.add(sim.appendTransaction(Logs.of(Logs.PROGRAM, "ClaimEarnings")));
        }
        RawRpc raw = new RawRpc(sim.rpcUrl());
        List<String> seen = new ArrayList<>();
        String before = null;
        int attempts = 0;
        while (attempts++ < 500) {
            String config = before == null ? "{\"limit\":4}" : "{\"limit\":4,\"before\":\"" + before + "\"}";
            HttpResponse<String> r = raw.post(body("getSignaturesForAddress", "[\"" + Logs.PROGRAM + "\"," + config + "]"));
            JsonNode json;
            try {
                json = r.statusCode() == 200 ? RawRpc.MAPPER.readTree(r.body()) : null;
            } catch (Exception e) {
                json = null;
            }
            if (json == null || !json.has("result")) {
                continue;
            }
            if (json.get("result").isEmpty()) {
                break;
            }
            json.get("result").forEach(e -> seen.add(e.get("signature").asText()));
            before = seen.get(seen.size() - 1);
        }
        List<String> expected = new ArrayList<>(appended.stream().map(AppendedTransaction::signature).toList());
        java.util.Collections.reverse(expected);
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(sim.faults().injectedCount()).isPositive();
    }

    @Test
    void duplicateNotificationsArriveTwice() throws Exception {
        start(FaultConfig.NONE.withDuplicateNotify(1));
        WsClient ws = WsClient.open(sim.wsUrl());
        try {
            ws.request("logsSubscribe", "[{\"mentions\":[\"" + Logs.PROGRAM + "\"]}]");
            AppendedTransaction tx = sim.appendTransaction(Logs.of(Logs.PROGRAM, "ClaimEarnings"));
            assertThat(ws.next(3000).at("/params/result/value/signature").asText()).isEqualTo(tx.signature());
            assertThat(ws.next(3000).at("/params/result/value/signature").asText()).isEqualTo(tx.signature());
        } finally {
            ws.close();
        }
    }

    @Test
    void lateNotificationsAreDelayedAndMayBeReordered() throws Exception {
        start(FaultConfig.NONE.withLateNotifyMs(400));
        WsClient ws = WsClient.open(sim.wsUrl());
        try {
            ws.request("logsSubscribe", "[{\"mentions\":[\"" + Logs.PROGRAM + "\"]}]");
            Set<String> sent = new HashSet<>();
            for (int i = 0; i < 20; i++) {
                sent.add(sim.appendTransaction(Logs.of(Logs.PROGRAM, "ClaimEarnings")).signature());
            }
            Set<String> received = new HashSet<>();
            for (int i = 0; i < 20; i++) {
                JsonNode n = ws.next(3000);
                assertThat(n).isNotNull();
                received.add(n.at("/params/result/value/signature").asText());
            }
            assertThat(received).isEqualTo(sent);
        } finally {
            ws.close();
        }
    }

    @Test
    void webSocketsAreDroppedPeriodically() throws Exception {
        start(FaultConfig.NONE.withWsDropEverySec(1));
        WsClient ws = WsClient.open(sim.wsUrl());
        ws.request("slotSubscribe", "[]");
        assertThat(ws.closed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(ws.closeCode).isNotEqualTo(1000);
        sim.setFaults(FaultConfig.NONE);
        WsClient again = WsClient.open(sim.wsUrl());
        try {
            int id = again.request("slotSubscribe", "[]").get("result").asInt();
            sim.advanceSlots(1);
            assertThat(again.next(3000).at("/params/subscription").asInt()).isEqualTo(id);
        } finally {
            again.close();
        }
        assertThat(Map.of()).isEmpty();
    }
}
