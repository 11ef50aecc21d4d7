package com.solanamafia.sim.ledger;

/**
 * Maps slots to block times: {@code startTime + (slot - startSlot) * slotMillis * compression / 1000}.
 * With compression 3600 one real second of slots is an hour of game time, so daily earnings show up quickly.
 */
public record SimClock(long startSlot, long startTimeSeconds, long slotMillis, double compression) {

    public long blockTimeAt(long slot) {
        long elapsedSlots = Math.max(0, slot - startSlot);
        return startTimeSeconds + (long) Math.floor(elapsedSlots * slotMillis * compression / 1000.0);
    }
}
