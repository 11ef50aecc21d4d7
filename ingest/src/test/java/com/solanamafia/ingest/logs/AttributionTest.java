package com.solanamafia.ingest.logs;

import com.solanamafia.ingest.TestData;
import com.solanamafia.ingest.borsh.EventCodec;
import com.solanamafia.ingest.borsh.StrictBase64;
import com.solanamafia.ingest.idl.IdlRegistry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AttributionTest {
    private static final String OURS = TestData.FULL_PROGRAM;
    private static final String OTHER = "BS9dUxtBWJqvBRMyUujSm7ST2SASKrzUo25gG77DicnG";
    private static final String SYSTEM = "11111111111111111111111111111111";
    private static final EventCodec CODEC = EventCodec.of(TestData.idlFull());
    private static final TransactionLogDecoder DECODER = new TransactionLogDecoder(IdlRegistry.of(OURS, TestData.idlFull()));

    private static String claimed(long amount) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("player", "EMx2unmBQD2TVBWK4WkFoJrU9NdSqgAPc3mWymzJnJvU");
        f.put("amount", Long.toString(amount));
        f.put("claimed_at", "1700000000");
        return CODEC.encodeLogLine("EarningsClaimed", f);
    }

    private static String invoke(String program, int depth) {
        return "Program " + program + " invoke [" + depth + "]";
    }

    private static String success(String program) {
        return "Program " + program + " success";
    }

    private static TransactionDecodeResult decode(String... lines) {
        return DECODER.decode("sig", Arrays.asList(lines), false);
    }

    private static List<String> keysAndAmounts(TransactionDecodeResult r) {
        List<String> out = new ArrayList<>();
        r.events().forEach(e -> out.add(e.position().instructionPath() + ":" + e.position().ordinal() + "=" + e.fields().get("amount")));
        return out;
    }

    @Test
    void ourProgramAtDepthTwoAndThreeIsCountedWithHierarchicalPaths() {
        TransactionDecodeResult r = decode(
                invoke(OTHER, 1),
                invoke(SYSTEM, 2), success(SYSTEM),
                invoke(OURS, 2),
                claimed(1),
                invoke(SYSTEM, 3), success(SYSTEM),
                invoke(OURS, 3), claimed(2), claimed(3), success(OURS),
                claimed(4),
                success(OURS),
                success(OTHER),
                invoke(OURS, 1), claimed(5), success(OURS));

        assertThat(keysAndAmounts(r)).containsExactly("0.1:0=1", "0.1.1:0=2", "0.1.1:1=3", "0.1:1=4", "1:0=5");
        assertThat(r.failures()).isEmpty();
    }

    @Test
    void anotherProgramsDataLinesAreNotCountedEvenWhenTheyDecode() {
        TransactionDecodeResult r = decode(
                invoke(OURS, 1),
                invoke(OTHER, 2), claimed(1), success(OTHER),
                claimed(2),
                success(OURS),
                invoke(OTHER, 1), claimed(3), success(OTHER));

        assertThat(keysAndAmounts(r)).containsExactly("0:0=2");
        assertThat(r.failures()).isEmpty();
        assertThat(r.unknown()).isEmpty();
    }

    @Test
    void failedTransactionYieldsNoEvents() {
        TransactionDecodeResult r = DECODER.decode("sig", List.of(invoke(OURS, 1), claimed(1),
                "Program " + OURS + " failed: custom program error: 0x1771"), true);

        assertThat(r.failedTransaction()).isTrue();
        assertThat(r.events()).isEmpty();
        assertThat(r.failures()).isEmpty();
    }

    @Test
    void returnAndLogLinesAreNeverEvents() {
        String payload = claimed(9).substring(EventCodec.PROGRAM_DATA_PREFIX.length());
        TransactionDecodeResult r = decode(
                invoke(OURS, 1),
                "Program return: " + OURS + " " + payload,
                "Program log: " + payload,
                "Transfer: insufficient lamports 5, need 10",
                "Program " + OURS + " consumed 100 of 200000 compute units",
                success(OURS));

        assertThat(r.events()).isEmpty();
        assertThat(r.failures()).isEmpty();
    }

    @Test
    void dataLinesAfterTruncationAreKeptWhenLongEnoughAndReportedOtherwise() {
        String shortOurs = "Program data: " + StrictBase64.encode(CODEC.discriminator("EarningsClaimed").bytes());
        TransactionDecodeResult r = decode(
                invoke(OURS, 1), claimed(1),
                "Log truncated",
                claimed(2),
                shortOurs);

        assertThat(r.truncated()).isTrue();
        assertThat(keysAndAmounts(r)).containsExactly("0:0=1", "0:1=2");
        assertThat(r.failures()).singleElement().satisfies(f -> {
            assertThat(f.position()).isNull();
            assertThat(f.rawLine()).isEqualTo(shortOurs);
            assertThat(f.reason()).contains("Log truncated");
        });
    }

    @Test
    void malformedDataOfOursBecomesAFailureWithPositionAndDecodingGoesOn() {
        String good = claimed(1);
        String bad = good.substring(0, good.length() - 4); // cuts 3 bytes off the payload
        TransactionDecodeResult r = decode(invoke(OURS, 1), "Program data: !!!notbase64", bad, good, success(OURS));

        assertThat(keysAndAmounts(r)).containsExactly("0:2=1");
        assertThat(r.failures()).extracting(f -> f.position().key()).containsExactly("sig:0:0", "sig:0:1");
        assertThat(r.failures().get(0).reason()).contains("base64");
        assertThat(r.failures().get(1).reason()).contains("EarningsClaimed.claimed_at").contains("need 8 bytes");
    }

    @Test
    void inconsistentNestingStopsAttributionInsteadOfGuessing() {
        TransactionDecodeResult r = decode(
                invoke(OURS, 1), claimed(1),
                invoke(OTHER, 3),
                claimed(2));

        assertThat(keysAndAmounts(r)).containsExactly("0:0=1");
        assertThat(r.failures()).singleElement().satisfies(f -> assertThat(f.reason()).contains("inconsistent"));
    }

    @Test
    void dataOutsideAnyInvocationIsNotAttributed() {
        TransactionDecodeResult r = decode(claimed(1));
        assertThat(r.events()).isEmpty();
        assertThat(r.failures()).singleElement().satisfies(f -> assertThat(f.reason()).contains("outside"));
    }

    @Test
    void nullAndEmptyLogsAreFine() {
        assertThat(DECODER.decode(null, null, false).events()).isEmpty();
        assertThat(decode().events()).isEmpty();
    }
}
