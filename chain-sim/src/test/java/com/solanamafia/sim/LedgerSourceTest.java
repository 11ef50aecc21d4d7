package com.solanamafia.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Ledger files served as history or released live; the CLI's argument handling. */
class LedgerSourceTest {
    @TempDir
    Path dir;

    /** The shared public-transactions.jsonl vectors as a ledger: 2 per slot, newest slot last, but written shuffled. */
    private Path ledgerFromVectors() throws Exception {
        List<String> lines = Files.readAllLines(SharedTestdata.anchorEvents().resolve("public-transactions.jsonl"));
        List<String> out = new ArrayList<>();
        for (int i = lines.size() - 1; i >= 0; i--) {
            JsonNode v = RawRpc.MAPPER.readTree(lines.get(i));
            ObjectNode line = RawRpc.MAPPER.createObjectNode();
            line.put("slot", 280_000_000L + i / 2);
            line.put("blockTime", 1_760_000_000L + i);
            line.put("signature", com.solanamafia.sim.ledger.DeterministicIds.signature(1, "vector", i));
            line.set("err", v.get("err"));
            line.set("logMessages", v.get("logMessages"));
            out.add(line.toString());
        }
        Path file = dir.resolve("ledger.jsonl");
        Files.write(file, out);
        return file;
    }

    @Test
    void ledgerFileIsServedAtOnceAsFinalizedHistoryInSlotOrder() throws Exception {
        Path file = ledgerFromVectors();
        try (ChainSimulator sim = ChainSimulator.start(SimConfig.builder().ledgerFile(file).build())) {
            RawRpc raw = new RawRpc(sim.rpcUrl());
            assertThat(raw.result("getSlot").asLong()).isEqualTo(280_000_004L);
            JsonNode sigs = raw.result("getSignaturesForAddress", Logs.PROGRAM);
            assertThat(sigs.size()).isEqualTo(10);
            long previous = Long.MAX_VALUE;
            for (JsonNode s : sigs) {
                assertThat(s.get("slot").asLong()).isLessThanOrEqualTo(previous);
                previous = s.get("slot").asLong();
                assertThat(s.get("confirmationStatus").asText()).isEqualTo("finalized");
            }
            // Within a slot the file order is kept: the file lists vector 1 before vector 0 in the lowest slot.
            JsonNode oldest = sigs.get(9);
            JsonNode tx = raw.result("getTransaction", oldest.get("signature").asText(), Map.of("encoding", "json"));
            assertThat(tx.get("blockTime").asLong()).isEqualTo(1_760_000_001L);
            assertThat(tx.get("slot").asLong()).isEqualTo(280_000_000L);
            JsonNode vector1 = RawRpc.MAPPER.readTree(Files.readAllLines(SharedTestdata.anchorEvents().resolve("public-transactions.jsonl")).get(1));
            assertThat(tx.at("/meta/logMessages")).isEqualTo(vector1.get("logMessages"));
            JsonNode failed = null;
            for (JsonNode s : sigs) {
                if (!s.get("err").isNull()) {
                    failed = s;
                }
            }
            assertThat(failed).isNotNull();
            assertThat(failed.get("err").toString()).isEqualTo("{\"InstructionError\":[2,{\"Custom\":6001}]}");
        }
    }

    @Test
    void ledgerFileIsReleasedLiveAtTheReplayRate() throws Exception {
        Path file = ledgerFromVectors();
        long t0 = System.nanoTime();
        try (ChainSimulator sim = ChainSimulator.start(SimConfig.builder().ledgerFile(file).replayRate(40).build())) {
            WsClient ws = WsClient.open(sim.wsUrl());
            try {
                ws.request("logsSubscribe", "[{\"mentions\":[\"" + Logs.PROGRAM + "\"]}]");
                assertThat(sim.awaitReplay(10, TimeUnit.SECONDS)).isTrue();
                assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isGreaterThanOrEqualTo(200);
                int received = 0;
                while (ws.next(1000) != null) {
                    received++;
                }
                // the replay starts with the simulator, so the first releases may precede the subscription
                assertThat(received).isBetween(5, 10);
            } finally {
                ws.close();
            }
            assertThat(sim.ledger().transactionCount()).isEqualTo(10);
        }
    }

    @Test
    void cliParsesModesAndRejectsBadArguments() {
        SimConfig history = SimCommand.parse(new String[] {"sim", "--port", "9999", "--ledger", SharedTestdata.fullIdl().toString()});
        assertThat(history.httpPort()).isEqualTo(9999);
        assertThat(history.finalizedLag()).isZero();
        assertThat(history.liveGame()).isFalse();
        SimConfig game = SimCommand.parse(new String[] {"--players", "50", "--tps", "20", "--seed", "3",
                "--faults", "rate429=0.1,retryAfter=1"});
        assertThat(game.liveGame()).isTrue();
        assertThat(game.gamePlayers()).isEqualTo(50);
        assertThat(game.finalizedLag()).isEqualTo(32);
        assertThat(game.timeCompression()).isEqualTo(3600);
        assertThat(game.faults().rate429()).isEqualTo(0.1);
        assertThat(SimCommand.run(new String[] {"--bogus", "1"})).isEqualTo(2);
        assertThat(SimCommand.run(new String[] {"--port"})).isEqualTo(2);
    }

    @Test
    void liveGameProducesTransactionsOverTime() throws Exception {
        SimConfig config = SimConfig.builder().players(5).liveGame(true).tps(50).tickSlots(true).slotMillis(50)
                .timeCompression(3600).confirmedLag(1).finalizedLag(4).build();
        try (ChainSimulator sim = ChainSimulator.start(config)) {
            WsClient ws = WsClient.open(sim.wsUrl());
            try {
                ws.request("logsSubscribe", "[{\"mentions\":[\"" + Logs.PROGRAM + "\"]},{\"commitment\":\"processed\"}]");
                assertThat(ws.next(3000)).isNotNull();
            } finally {
                ws.close();
            }
            Thread.sleep(600);
            RawRpc raw = new RawRpc(sim.rpcUrl());
            assertThat(raw.result("getSignaturesForAddress", Logs.PROGRAM, Map.of("commitment", "confirmed")).size()).isPositive();
            long finalized = raw.result("getSlot").asLong();
            long processed = raw.result("getSlot", Map.of("commitment", "processed")).asLong();
            assertThat(processed - finalized).isBetween(5L, 8L);
        }
    }
}
