package com.solanamafia.api.business;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainFactCommand;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.Wallet;
import java.math.BigInteger;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Chain fact: the legacy BusinessSold event (never emitted by the known program versions).
 */
public record RecordLegacyBusinessSold(
        @TargetAggregateIdentifier Wallet wallet,
        ChainFact fact,
        int businessIndex,
        BigInteger daysHeld,
        int sellFeePercent,
        Lamports returnAmount) implements ChainFactCommand {
}
