package com.solanamafia.command.earnings;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Wall-clock time (in which deadlines fire) and chain time (block time, in which due times are expressed). On a real
 * cluster they are the same clock. The chain simulator compresses time (N chain seconds per wall second), so a
 * day-long due window becomes seconds; deadlines must then fire at the compressed wall time.
 */
public interface ChainClock {

    Instant wallNow();

    /** The chain's current time. */
    Instant chainNow();

    /** The wall-clock instant at which the chain reaches {@code chainTime}. */
    Instant wallTimeOf(Instant chainTime);

    /** Chain time is wall time. */
    static ChainClock realTime(Supplier<Instant> wall) {
        return new ChainClock() {
            @Override
            public Instant wallNow() {
                return wall.get();
            }

            @Override
            public Instant chainNow() {
                return wall.get();
            }

            @Override
            public Instant wallTimeOf(Instant chainTime) {
                return chainTime;
            }
        };
    }

    static ChainClock system() {
        Clock utc = Clock.systemUTC();
        return realTime(utc::instant);
    }

    /**
     * Chain time runs {@code compression} times faster than wall time, and was {@code chainAnchor} at wall time
     * {@code wallAnchor}.
     */
    static ChainClock compressed(Instant chainAnchor, Instant wallAnchor, double compression, Supplier<Instant> wall) {
        if (compression <= 0) {
            throw new IllegalArgumentException("compression must be > 0");
        }
        return new ChainClock() {
            @Override
            public Instant wallNow() {
                return wall.get();
            }

            @Override
            public Instant chainNow() {
                long wallMillis = Duration.between(wallAnchor, wall.get()).toMillis();
                return chainAnchor.plusMillis((long) (wallMillis * compression));
            }

            @Override
            public Instant wallTimeOf(Instant chainTime) {
                long chainMillis = Duration.between(chainAnchor, chainTime).toMillis();
                return wallAnchor.plusMillis((long) Math.ceil(chainMillis / compression));
            }
        };
    }
}
