package com.solanamafia.api.query.stats;

import com.solanamafia.api.chain.Lamports;

import java.time.Instant;

/**
 * Game-wide totals. {@code players} counts wallets that joined or bought a business; {@code totalInvestedLamports}
 * is currently invested (sold businesses subtracted), {@code lifetimeInvestedLamports} never decreases.
 */
public record GlobalStats(
        long players,
        long activeBusinesses,
        long businessesPurchased,
        long businessesSold,
        long businessUpgrades,
        Lamports totalInvestedLamports,
        Lamports lifetimeInvestedLamports,
        Lamports totalEntryFeesLamports,
        Lamports totalSlotSpentLamports,
        Lamports totalEarningsAccruedLamports,
        Lamports totalClaimedLamports,
        Lamports totalSellReturnsLamports,
        Lamports totalReferralBonusLamports,
        long nftsMinted,
        long nftsBurned,
        long discrepancies,
        Instant updatedAt) {
}
