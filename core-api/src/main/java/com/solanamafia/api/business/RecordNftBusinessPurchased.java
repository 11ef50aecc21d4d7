package com.solanamafia.api.business;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainFactCommand;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.chain.Wallet;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Chain fact: BusinessCreatedInSlot in the cb08020 ("full" IDL) layout, which names the business NFT mint.
 */
public record RecordNftBusinessPurchased(
        @TargetAggregateIdentifier Wallet wallet,
        ChainFact fact,
        int slotIndex,
        int businessTypeCode,
        Lamports baseCost,
        int dailyRateBp,
        Wallet nftMint,
        UnixTime createdAt) implements ChainFactCommand {

    /** The business type, or null when the raw code is not one of the six. */
    public BusinessType businessType() {
        return BusinessType.fromCode(businessTypeCode);
    }
}
