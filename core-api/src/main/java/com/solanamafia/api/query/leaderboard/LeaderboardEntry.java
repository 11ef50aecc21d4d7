package com.solanamafia.api.query.leaderboard;

import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.Wallet;

/** One ranked player with every ranked total (the board decides which one orders it). */
public record LeaderboardEntry(
        long rank,
        Wallet wallet,
        Lamports earningsLamports,
        Lamports claimedLamports,
        Lamports investedLamports,
        int referralCount,
        Lamports referralBonusLamports) {
}
