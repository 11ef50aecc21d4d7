package com.solanamafia.api.earnings;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainFactEvent;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.chain.Wallet;

/**
 * A player claimed earnings; {@code amount} is the gross claimable (chain event EarningsClaimed).
 */
public record EarningsClaimed(
        Wallet wallet,
        ChainFact fact,
        Lamports amount,
        UnixTime claimedAt) implements ChainFactEvent {
}
