package com.solanamafia.api.transfer;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainFactCommand;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.chain.Wallet;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Chain fact BusinessTransferred, for the old owner: the business backed by {@code mint} left their slot. Answered
 * by the NFT's handler of the same fact; answers with {@link RecordBusinessTakenOver} for the new owner.
 */
public record RecordBusinessHandedOver(
        @TargetAggregateIdentifier Wallet wallet,
        Wallet toWallet,
        ChainFact fact,
        Wallet mint,
        UnixTime transferredAt) implements ChainFactCommand {
}
