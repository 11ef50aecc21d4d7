package com.solanamafia.api.referral;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainFactCommand;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.chain.Wallet;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Chain fact: ReferralBonusAdded (cb08020 IDL only); routed to the referrer.
 */
public record RecordReferralBonusCredited(
        @TargetAggregateIdentifier Wallet wallet,
        ChainFact fact,
        Wallet referredPlayer,
        Lamports amount,
        int level,
        UnixTime creditedAt) implements ChainFactCommand {
}
