package com.solanamafia.api.business;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainFactCommand;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.Wallet;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Chain fact: the legacy BusinessUpgraded event (never emitted by the known program versions).
 */
public record RecordLegacyBusinessUpgraded(
        @TargetAggregateIdentifier Wallet wallet,
        ChainFact fact,
        int businessIndex,
        int newLevel,
        Lamports upgradeCost,
        int newDailyRateBp) implements ChainFactCommand {
}
