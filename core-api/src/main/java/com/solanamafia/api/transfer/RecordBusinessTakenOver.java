package com.solanamafia.api.transfer;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainFactCommand;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.chain.Wallet;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Chain fact BusinessTransferred, for the new owner: the business arrives in their lowest free unlocked slot.
 * {@code business} is what the old owner's history knew of it.
 */
public record RecordBusinessTakenOver(
        @TargetAggregateIdentifier Wallet wallet,
        Wallet fromWallet,
        ChainFact fact,
        Wallet mint,
        TransferredBusiness business,
        UnixTime transferredAt) implements ChainFactCommand {
}
