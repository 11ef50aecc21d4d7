package com.solanamafia.command.player;

import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.transfer.TransferredBusiness;

import java.math.BigInteger;

/**
 * A business in one of the player's slots, as far as the events tell. {@code baseInvested} is the value without
 * upgrades; {@code totalInvested} includes upgrade value (paid or, with create_business_with_level, not paid).
 * {@code typeCode} is -1 when we met the business only through an upgrade (we missed its purchase).
 */
record OwnedBusiness(int typeCode, int level, Lamports baseInvested, Lamports totalInvested, int dailyRateBp,
                     Wallet nftMint, boolean active) {

    Lamports upgradeValue() {
        return totalInvested.minusSaturating(baseInvested);
    }

    /** Daily earnings at the program's formula: total × rate / 10 000. */
    BigInteger dailyEarnings() {
        return active ? totalInvested.value().multiply(BigInteger.valueOf(dailyRateBp)).divide(BigInteger.valueOf(10_000))
                : BigInteger.ZERO;
    }

    OwnedBusiness upgraded(int newLevel, Lamports cost, int newDailyRateBp, Wallet newNftMint) {
        return new OwnedBusiness(typeCode, newLevel, baseInvested, totalInvested.plus(cost), newDailyRateBp,
                newNftMint != null ? newNftMint : nftMint, active);
    }

    TransferredBusiness transferred() {
        return new TransferredBusiness(typeCode, level, baseInvested, totalInvested, dailyRateBp);
    }

    OwnedBusiness deactivated() {
        return new OwnedBusiness(typeCode, level, baseInvested, totalInvested, dailyRateBp, nftMint, false);
    }
}
