package com.solanamafia.api.query.player;

import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.Wallet;

import java.time.Instant;

/**
 * What dashboards show first about a player. {@code joined} is false for a wallet seen only through other events
 * (at HEAD create_business registers a player without PlayerCreated). {@code pendingEarningsLamports} is the
 * program's pending balance after the latest accrual, 0 after a claim; {@code totalInvestedLamports} follows the
 * program's Player.total_invested (deposits plus upgrades, lowered by the value of a sold business), while
 * {@code lifetimeInvestedLamports} never decreases. Slot costs are not investment ({@code totalSlotSpentLamports}).
 */
public record PlayerView(
        Wallet wallet,
        boolean joined,
        Instant joinedAt,
        Lamports entryFeeLamports,
        Instant nextEarningsAt,
        Lamports pendingEarningsLamports,
        Lamports totalEarningsAccruedLamports,
        Lamports totalClaimedLamports,
        Lamports totalInvestedLamports,
        Lamports lifetimeInvestedLamports,
        Lamports totalSlotSpentLamports,
        Lamports totalSellReturnsLamports,
        int activeBusinessCount,
        Lamports referralBonusLamports,
        int referralBonusCount,
        Instant lastActivityAt,
        long eventPosition) {
}
