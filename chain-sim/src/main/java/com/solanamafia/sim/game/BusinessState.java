package com.solanamafia.sim.game;

/** A business in a slot, as the program's account holds it. */
final class BusinessState {
    final int type;
    final long baseInvested;
    long totalInvested;
    int rate;
    int level;
    long lastClaim;
    final long createdAt;
    boolean active = true;
    /** Moved by an NFT transfer: the record keeps the old owner, so nobody can sell or upgrade it any more. */
    boolean frozen;
    String mint;
    long serial;

    BusinessState(int type, long baseInvested, long totalInvested, int rate, int level, long createdAt) {
        this.type = type;
        this.baseInvested = baseInvested;
        this.totalInvested = totalInvested;
        this.rate = rate;
        this.level = level;
        this.createdAt = createdAt;
        this.lastClaim = createdAt;
    }

    boolean tradable() {
        return active && !frozen;
    }
}
