package com.solanamafia.api.player;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainFactCommand;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.chain.Wallet;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/**
 * Chain fact: the program emitted PlayerCreated for this wallet. Prefer {@link #of} from raw chain seconds; the
 * five-field constructor is kept for callers that have instants.
 */
public record RecordPlayerJoined(
        @TargetAggregateIdentifier Wallet wallet,
        ChainFact fact,
        Lamports entryFee,
        Instant joinedAt,
        Instant nextEarningsAt,
        UnixTime joinedAtRaw,
        UnixTime nextEarningsAtRaw) implements ChainFactCommand {

    public RecordPlayerJoined(Wallet wallet, ChainFact fact, Lamports entryFee, Instant joinedAt, Instant nextEarningsAt) {
        this(wallet, fact, entryFee, joinedAt, nextEarningsAt, UnixTime.of(joinedAt), UnixTime.of(nextEarningsAt));
    }

    /** From the chain's raw unix seconds (0 = unset); the instants are derived. */
    public static RecordPlayerJoined of(Wallet wallet, ChainFact fact, Lamports entryFee, UnixTime createdAt,
                                        UnixTime nextEarningsTime) {
        return new RecordPlayerJoined(wallet, fact, entryFee, createdAt.instant(), nextEarningsTime.instant(),
                createdAt, nextEarningsTime);
    }
}
