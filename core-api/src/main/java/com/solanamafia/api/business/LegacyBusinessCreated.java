package com.solanamafia.api.business;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainFactEvent;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.chain.Wallet;

/**
 * The legacy BusinessCreated event (declared in both IDLs, never emitted by either program version). It names no
 * slot, so it does not change which slots are occupied.
 */
public record LegacyBusinessCreated(
        Wallet wallet,
        ChainFact fact,
        int businessTypeCode,
        Lamports investedAmount,
        int dailyRateBp,
        Lamports treasuryFee,
        UnixTime createdAt) implements ChainFactEvent {

    /** The business type, or null when the raw code is not one of the six. */
    public BusinessType businessType() {
        return BusinessType.fromCode(businessTypeCode);
    }
}
