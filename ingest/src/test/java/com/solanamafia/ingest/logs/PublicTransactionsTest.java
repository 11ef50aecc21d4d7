package com.solanamafia.ingest.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.solanamafia.ingest.TestData;
import com.solanamafia.ingest.idl.IdlRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class PublicTransactionsTest {
    private static final List<JsonNode> TXS = TestData.jsonLines("public-transactions.jsonl");
    private static final TransactionLogDecoder DECODER =
            new TransactionLogDecoder(IdlRegistry.of(TestData.FULL_PROGRAM, TestData.idlFull()));

    static Stream<Arguments> transactions() {
        return IntStream.range(0, TXS.size()).mapToObj(i -> Arguments.of(i, TXS.get(i).get("note").asText()
                .substring(0, TXS.get(i).get("note").asText().indexOf(']') + 1)));
    }

    static TransactionDecodeResult decode(int index) {
        JsonNode tx = TXS.get(index);
        List<String> logs = new ArrayList<>();
        tx.get("logMessages").forEach(l -> logs.add(l.asText()));
        boolean failed = !tx.get("err").isNull();
        return DECODER.decode("sig" + index, logs, failed, 1000L, 1_700_000_000L);
    }

    @Test
    void thereAreTenTransactions() {
        assertThat(TXS).hasSize(10);
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @MethodSource("transactions")
    void decodesExactlyTheExpectedEventsInOrder(int index, String category) {
        TransactionDecodeResult result = decode(index);

        List<Map<String, Object>> actual = new ArrayList<>();
        for (DecodedEvent e : result.events()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("event", e.name());
            m.put("fields", e.fields());
            actual.add(m);
        }
        assertThat(TestData.canonical(actual)).isEqualTo(TestData.canonical(TXS.get(index).get("expected")));
        assertThat(result.failedTransaction()).isEqualTo(!TXS.get(index).get("err").isNull());
        assertThat(result.failures()).isEmpty();
    }

    @Test
    void positionsFollowTheInvokeTree() {
        // ComputeBudget x2 at 0 and 1, our program at 2 with two events
        TransactionDecodeResult multi = decode(1);
        assertThat(multi.events()).extracting(e -> e.position().key()).containsExactly("sig1:2:0", "sig1:2:1");
        assertThat(multi.events()).allSatisfy(e -> {
            assertThat(e.slot()).isEqualTo(1000L);
            assertThat(e.blockTime()).isEqualTo(1_700_000_000L);
            assertThat(e.programId()).isEqualTo(TestData.FULL_PROGRAM);
        });
        // foreign top-level program at 2 (after two ComputeBudget), ours at 3
        assertThat(decode(3).events()).extracting(e -> e.position().key()).containsExactly("sig3:3:0");
        // ours called by the multisig: first inner invocation of instruction 0
        assertThat(decode(4).events()).extracting(e -> e.position().key()).containsExactly("sig4:0.0:0");
        // the CPI'd foreign program logged two data lines, ours one: its ordinal counts only its own lines
        assertThat(decode(2).events()).extracting(e -> e.position().key()).containsExactly("sig2:0:0");
    }

    @Test
    void failedTransactionYieldsNothingButIsReported() {
        TransactionDecodeResult r = decode(5);
        assertThat(r.failedTransaction()).isTrue();
        assertThat(r.events()).isEmpty();
    }

    @Test
    void truncatedLogsAreFlaggedAndTheLineAfterTheMarkerIsKept() {
        assertThat(decode(6).truncated()).isTrue();
        TransactionDecodeResult after = decode(7);
        assertThat(after.truncated()).isTrue();
        assertThat(after.events()).hasSize(37);
        assertThat(after.events().get(36).position().ordinal()).isEqualTo(36);
    }

    @Test
    void unknownDiscriminatorIsReportedNotFailed() {
        TransactionDecodeResult r = decode(8);
        assertThat(r.unknown()).singleElement().satisfies(u -> {
            assertThat(u.position().key()).isEqualTo("sig8:0:0");
            assertThat(u.discriminatorHex()).hasSize(16);
            assertThat(u.rawBase64()).startsWith("+HOVZ0Wj");
        });
        assertThat(r.events()).extracting(e -> e.position().ordinal()).containsExactly(1, 2);
    }
}
