package com.solanamafia.api.business;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainFactCommand;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.chain.Wallet;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Chain fact: BusinessDeactivated (cb08020 IDL only).
 */
public record RecordBusinessDeactivated(
        @TargetAggregateIdentifier Wallet wallet,
        ChainFact fact,
        Wallet businessMint,
        String reason,
        UnixTime deactivatedAt) implements ChainFactCommand {
}
