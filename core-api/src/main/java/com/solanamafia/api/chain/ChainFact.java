package com.solanamafia.api.chain;

import java.time.Instant;

/** Where and when on chain something happened: position, slot and block time (null if the node had none). */
public record ChainFact(ChainPosition position, long slot, Instant blockTime) {
}
