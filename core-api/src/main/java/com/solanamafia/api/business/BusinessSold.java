package com.solanamafia.api.business;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainFactEvent;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.chain.Wallet;
import java.math.BigInteger;

/**
 * A business was sold back. From BusinessSoldFromSlot or the legacy BusinessSold.
 * {@code legacyEvent} is true for the legacy event: {@code slotIndex} is then its {@code business_index};
 * {@code businessTypeCode}, {@code totalInvested}, {@code baseFeePercent}, {@code slotDiscountPercent} and
 * {@code soldAt} are null, and {@code finalFeePercent} is its {@code sell_fee_percent}. {@code daysHeld} is a u64.
 */
public record BusinessSold(
        Wallet wallet,
        ChainFact fact,
        int slotIndex,
        Integer businessTypeCode,
        Lamports totalInvested,
        BigInteger daysHeld,
        Integer baseFeePercent,
        Integer slotDiscountPercent,
        int finalFeePercent,
        Lamports returnAmount,
        UnixTime soldAt,
        boolean legacyEvent) implements ChainFactEvent {

    /** The business type, or null when the raw code is absent or not one of the six. */
    public BusinessType businessType() {
        return businessTypeCode == null ? null : BusinessType.fromCode(businessTypeCode);
    }
}
