package com.solanamafia.api.business;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainFactEvent;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.chain.Wallet;

/**
 * A player bought a business into a slot (chain event BusinessCreatedInSlot, either layout).
 * {@code businessTypeCode} is the raw u8; {@link #businessType()} names it. {@code level} is 0 for the cb08020
 * ("full") layout, which has no level. {@code slotCost} and {@code totalPaid} exist only in the HEAD ("current")
 * layout and are null otherwise; {@code nftMint} exists only in the full layout and is null otherwise.
 */
public record BusinessPurchased(
        Wallet wallet,
        ChainFact fact,
        int slotIndex,
        int businessTypeCode,
        int level,
        Lamports baseCost,
        Lamports slotCost,
        Lamports totalPaid,
        int dailyRateBp,
        Wallet nftMint,
        UnixTime createdAt) implements ChainFactEvent {

    /** The business type, or null when the raw code is not one of the six. */
    public BusinessType businessType() {
        return BusinessType.fromCode(businessTypeCode);
    }
}
