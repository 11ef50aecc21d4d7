package com.solanamafia.api.business;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainFactCommand;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.chain.Wallet;
import java.math.BigInteger;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Chain fact: BusinessSoldFromSlot (same layout in both IDLs).
 */
public record RecordBusinessSold(
        @TargetAggregateIdentifier Wallet wallet,
        ChainFact fact,
        int slotIndex,
        int businessTypeCode,
        Lamports totalInvested,
        BigInteger daysHeld,
        int baseFeePercent,
        int slotDiscountPercent,
        int finalFeePercent,
        Lamports returnAmount,
        UnixTime soldAt) implements ChainFactCommand {

    /** The business type, or null when the raw code is not one of the six. */
    public BusinessType businessType() {
        return BusinessType.fromCode(businessTypeCode);
    }
}
