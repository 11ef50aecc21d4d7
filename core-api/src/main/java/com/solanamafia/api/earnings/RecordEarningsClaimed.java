package com.solanamafia.api.earnings;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainFactCommand;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.chain.Wallet;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Chain fact: EarningsClaimed.
 */
public record RecordEarningsClaimed(
        @TargetAggregateIdentifier Wallet wallet,
        ChainFact fact,
        Lamports amount,
        UnixTime claimedAt) implements ChainFactCommand {
}
