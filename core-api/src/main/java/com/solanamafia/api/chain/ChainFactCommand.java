package com.solanamafia.api.chain;

/** A command that records one chain event; its {@link ChainFact#position()} is the idempotency key. */
public interface ChainFactCommand {
    ChainFact fact();
}
