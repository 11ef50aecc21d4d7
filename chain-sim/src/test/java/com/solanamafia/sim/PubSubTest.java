package com.solanamafia.sim;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** logsSubscribe / slotSubscribe through a real WebSocket client on port + 1. */
class PubSubTest {
    private ChainSimulator sim;
    private WsClient ws;

    @BeforeEach
    void start() throws Exception {
        sim = ChainSimulator.start(SimConfig.builder().build());
        assertThat(sim.wsPort()).isEqualTo(sim.httpPort() + 1);
        ws = WsClient.open(sim.wsUrl());
    }

    @AfterEach
    void stop() {
        ws.close();
        sim.stop();
    }

    @Test
    void logsSubscribeMentionsDeliversOnlyThatProgramsTransactions() throws Exception {
        JsonNode sub = ws.request("logsSubscribe", "[{\"mentions\":[\"" + Logs.PROGRAM + "\"]},{\"commitment\":\"confirmed\"}]");
        assertThat(sub.get("result").isInt()).isTrue();
        int id = sub.get("result").asInt();

        sim.appendTransaction(Logs.of(Logs.OTHER, "Transfer"));
        AppendedTransaction ours = sim.appendTransaction(Logs.of(Logs.PROGRAM, "ClaimEarnings"));

        JsonNode n = ws.next(3000);
        assertThat(n).isNotNull();
        assertThat(n.get("method").asText()).isEqualTo("logsNotification");
        assertThat(n.at("/params/subscription").asInt()).isEqualTo(id);
        assertThat(n.at("/params/result/context/slot").asLong()).isEqualTo(ours.slot());
        assertThat(n.at("/params/result/value/signature").asText()).isEqualTo(ours.signature());
        assertThat(n.at("/params/result/value/err").isNull()).isTrue();
        assertThat(n.at("/params/result/value/logs/1").asText()).isEqualTo("Program log: Instruction: ClaimEarnings");
        assertThat(ws.next(300)).isNull();

        assertThat(ws.request("logsUnsubscribe", "[" + id + "]").get("result").asBoolean()).isTrue();
        sim.appendTransaction(Logs.of(Logs.PROGRAM, "ClaimEarnings"));
        assertThat(ws.next(300)).isNull();
        assertThat(ws.request("logsUnsubscribe", "[" + id + "]").has("error")).isTrue();
    }

    @Test
    void allFilterAndFailedTransactions() throws Exception {
        ws.request("logsSubscribe", "[\"all\"]");
        sim.appendTransaction(Logs.of(Logs.OTHER, "Transfer"));
        sim.appendTransaction(Logs.of(Logs.PROGRAM, "CreateBusiness"),
                RawRpc.MAPPER.readTree("{\"InstructionError\":[0,{\"Custom\":6001}]}"));
        assertThat(ws.next(3000).at("/params/result/value/logs/0").asText()).contains(Logs.OTHER);
        assertThat(ws.next(3000).at("/params/result/value/err/InstructionError/1/Custom").asInt()).isEqualTo(6001);
    }

    @Test
    void finalizedSubscribersHearOnlyOnceTheSlotIsFinal() throws Exception {
        sim.advanceSlots(50);
        sim.ledger().setLags(1, 3);
        ws.request("logsSubscribe", "[{\"mentions\":[\"" + Logs.PROGRAM + "\"]}]");
        WsClient processed = WsClient.open(sim.wsUrl());
        try {
            processed.request("logsSubscribe", "[{\"mentions\":[\"" + Logs.PROGRAM + "\"]},{\"commitment\":\"processed\"}]");
            AppendedTransaction tx = sim.appendTransaction(Logs.of(Logs.PROGRAM, "ClaimEarnings"));
            assertThat(processed.next(3000).at("/params/result/value/signature").asText()).isEqualTo(tx.signature());
            sim.advanceSlots(3);
            assertThat(ws.next(300)).isNull();
            sim.advanceSlots(1);
            assertThat(ws.next(3000).at("/params/result/value/signature").asText()).isEqualTo(tx.signature());
        } finally {
            processed.close();
        }
    }

    @Test
    void slotSubscribeNotifiesEverySlot() throws Exception {
        int id = ws.request("slotSubscribe", "[]").get("result").asInt();
        long before = sim.ledger().slot(com.solanamafia.sim.ledger.Commitment.PROCESSED);
        sim.advanceSlots(2);
        JsonNode first = ws.next(3000);
        JsonNode second = ws.next(3000);
        assertThat(first.get("method").asText()).isEqualTo("slotNotification");
        assertThat(first.at("/params/subscription").asInt()).isEqualTo(id);
        assertThat(first.at("/params/result/slot").asLong()).isEqualTo(before + 1);
        assertThat(first.at("/params/result/parent").asLong()).isEqualTo(before);
        assertThat(first.at("/params/result/root").isIntegralNumber()).isTrue();
        assertThat(second.at("/params/result/slot").asLong()).isEqualTo(before + 2);
        assertThat(ws.request("slotUnsubscribe", "[" + id + "]").get("result").asBoolean()).isTrue();
    }

    @Test
    void badRequestsGetJsonRpcErrors() throws Exception {
        assertThat(ws.request("logsSubscribe", "[{\"mentions\":[\"a\",\"b\"]}]").at("/error/code").asInt()).isEqualTo(-32602);
        assertThat(ws.request("accountSubscribeX", "[]").at("/error/code").asInt()).isEqualTo(-32601);
    }
}
