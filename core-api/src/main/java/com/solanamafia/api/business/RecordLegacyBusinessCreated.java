package com.solanamafia.api.business;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainFactCommand;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.chain.Wallet;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Chain fact: the legacy BusinessCreated event (never emitted by the known program versions).
 */
public record RecordLegacyBusinessCreated(
        @TargetAggregateIdentifier Wallet wallet,
        ChainFact fact,
        int businessTypeCode,
        Lamports investedAmount,
        int dailyRateBp,
        Lamports treasuryFee,
        UnixTime createdAt) implements ChainFactCommand {

    /** The business type, or null when the raw code is not one of the six. */
    public BusinessType businessType() {
        return BusinessType.fromCode(businessTypeCode);
    }
}
