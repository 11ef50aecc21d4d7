package com.solanamafia.api.player;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.Wallet;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Chain fact: the program emitted PlayerCreated for this wallet. */
public record RecordPlayerJoined(
        @TargetAggregateIdentifier Wallet wallet,
        ChainFact fact,
        Lamports entryFee,
        Instant joinedAt,
        Instant nextEarningsAt) {
}
