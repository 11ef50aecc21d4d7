package com.solanamafia.api.query.discrepancy;

import com.solanamafia.api.chain.Wallet;

import java.time.Instant;

/** A ChainDiscrepancyDetected: the rule (stable kebab-case id), detail, and where on chain it happened. */
public record DiscrepancyView(
        long eventPosition,
        Wallet wallet,
        String rule,
        String reason,
        String signature,
        String instructionPath,
        int ordinal,
        long slot,
        Instant blockTime,
        Instant detectedAt) {
}
