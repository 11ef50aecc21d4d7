package com.solanamafia.api.chain;

/** A domain event caused by one chain event (the fact says where and when on chain). */
public interface ChainFactEvent {
    ChainFact fact();
}
