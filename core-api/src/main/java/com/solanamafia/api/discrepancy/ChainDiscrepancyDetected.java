package com.solanamafia.api.discrepancy;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.Wallet;

/**
 * A chain fact contradicted what we knew (or hit a known program bug). The fact itself is still recorded:
 * the chain is the source of truth; this event is for operators.
 */
public record ChainDiscrepancyDetected(Wallet wallet, ChainFact fact, String rule, String reason) {
}
