package com.solanamafia.api.discrepancy;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainFactEvent;
import com.solanamafia.api.chain.Wallet;

/**
 * A chain fact contradicted what we knew (or hit a known program bug). The fact itself is still recorded:
 * the chain is the source of truth; this event is for operators. {@code rule} is a stable kebab-case id
 * (the list lives in command-side {@code DiscrepancyRules}); {@code reason} is human-readable detail.
 */
public record ChainDiscrepancyDetected(Wallet wallet, ChainFact fact, String rule, String reason)
        implements ChainFactEvent {
}
