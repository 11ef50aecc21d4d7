package com.solanamafia.projections.support;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class IsoTimestampsTest {
    @Test
    void writesTheInstantWithItsOffset() {
        Random random = new Random(5);
        for (int i = 0; i < 10_000; i++) {
            OffsetDateTime time = Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_799L),
                    i % 3 == 0 ? 0 : random.nextInt(1_000_000_000))
                    .atOffset(ZoneOffset.ofTotalSeconds(i % 2 == 0 ? 0 : random.nextInt(-18, 19) * 900));
            StringBuilder out = new StringBuilder("x");
            IsoTimestamps.append(out, time);
            assertThat(out.charAt(0)).isEqualTo('x');
            assertThat(OffsetDateTime.parse(out.substring(1))).as(out.toString()).isEqualTo(time);
        }
        StringBuilder out = new StringBuilder();
        IsoTimestamps.append(out, OffsetDateTime.parse("2026-01-02T03:04:05.000000007Z"));
        assertThat(out).hasToString("2026-01-02T03:04:05.000000007Z");
    }
}
