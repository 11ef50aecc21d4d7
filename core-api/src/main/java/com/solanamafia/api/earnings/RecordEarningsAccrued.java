package com.solanamafia.api.earnings;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainFactCommand;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.chain.Wallet;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Chain fact: EarningsUpdated.
 */
public record RecordEarningsAccrued(
        @TargetAggregateIdentifier Wallet wallet,
        ChainFact fact,
        Lamports earningsAdded,
        Lamports totalPending,
        UnixTime nextEarningsAt,
        int businessesCount) implements ChainFactCommand {
}
