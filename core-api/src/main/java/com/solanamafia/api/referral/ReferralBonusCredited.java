package com.solanamafia.api.referral;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainFactEvent;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.chain.Wallet;

/**
 * A referral bonus was credited to {@code wallet} (the referrer) for {@code referredPlayer} (cb08020 ReferralBonusAdded).
 * It adds to the referrer's pending referral earnings, which cb08020 pays out with the next claim.
 */
public record ReferralBonusCredited(
        Wallet wallet,
        ChainFact fact,
        Wallet referredPlayer,
        Lamports amount,
        int level,
        UnixTime creditedAt) implements ChainFactEvent {
}
