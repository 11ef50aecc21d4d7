package com.solanamafia.api.business;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainFactCommand;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.chain.Wallet;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Chain fact: BusinessUpgradedInSlot in the cb08020 ("full" IDL) layout, with old and new NFT mints.
 */
public record RecordNftBusinessUpgraded(
        @TargetAggregateIdentifier Wallet wallet,
        ChainFact fact,
        int slotIndex,
        int oldLevel,
        int newLevel,
        Lamports upgradeCost,
        Wallet oldNftMint,
        Wallet newNftMint,
        int newDailyRateBp,
        UnixTime upgradedAt) implements ChainFactCommand {
}
