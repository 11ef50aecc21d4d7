package com.solanamafia.api.nft;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainFactCommand;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.chain.Wallet;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Chain fact: BusinessTransferred (cb08020 IDL only).
 */
public record RecordNftTransferred(
        Wallet fromWallet,
        Wallet toWallet,
        ChainFact fact,
        Wallet mint,
        UnixTime transferredAt) implements ChainFactCommand {

    /** NFT streams are keyed by {@link NftIds#aggregateId}, never by the bare mint, so they cannot collide with wallets. */
    @TargetAggregateIdentifier
    public String nftAggregateId() {
        return NftIds.aggregateId(mint);
    }
}
