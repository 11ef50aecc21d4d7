package com.solanamafia.api.earnings;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainFactEvent;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.chain.Wallet;

/**
 * The program added earnings to a player's pending balance (chain event EarningsUpdated). {@code totalPending} is
 * the pending balance after the update; {@code nextEarningsAt} is the next due time.
 */
public record EarningsAccrued(
        Wallet wallet,
        ChainFact fact,
        Lamports earningsAdded,
        Lamports totalPending,
        UnixTime nextEarningsAt,
        int businessesCount) implements ChainFactEvent {
}
