package com.solanamafia.projections.support;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class TimesTest {
    @Test
    void utcIsAtOffsetUtc() {
        Random random = new Random(3);
        for (int i = 0; i < 10_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_799L),
                    random.nextInt(1_000_000_000));
            assertThat(Times.utc(instant)).isEqualTo(instant.atOffset(ZoneOffset.UTC));
        }
        assertThat(Times.utc((Instant) null)).isNull();
        assertThat(Times.now().getOffset()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void theSameInstantConvertsToTheSameValueEveryTime() {
        Instant blockTime = Instant.parse("2026-03-01T12:00:00Z");
        for (int i = 0; i < 3; i++) {
            assertThat(Times.utc(blockTime)).isEqualTo(blockTime.atOffset(ZoneOffset.UTC));
            assertThat(Times.utc(blockTime.plusNanos(i))).isEqualTo(blockTime.plusNanos(i).atOffset(ZoneOffset.UTC));
        }
    }

    @Test
    void nowIsTheClockToTheMillisecond() throws InterruptedException {
        Instant before = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        java.time.OffsetDateTime now = Times.now();
        Thread.sleep(2);
        java.time.OffsetDateTime later = Times.now();
        assertThat(now.toInstant()).isBetween(before, Instant.now());
        assertThat(now.getNano() % 1_000_000).isZero();
        assertThat(later).isAfter(now);
    }
}
