package com.solanamafia.api.nft;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainFactCommand;
import com.solanamafia.api.chain.Wallet;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Chain fact: BusinessNFTUpgraded (cb08020 IDL only).
 */
public record RecordNftUpgraded(
        Wallet wallet,
        ChainFact fact,
        Wallet mint,
        int oldLevel,
        int newLevel,
        int newDailyRateBp) implements ChainFactCommand {

    /** NFT streams are keyed by {@link NftIds#aggregateId}, never by the bare mint, so they cannot collide with wallets. */
    @TargetAggregateIdentifier
    public String nftAggregateId() {
        return NftIds.aggregateId(mint);
    }
}
