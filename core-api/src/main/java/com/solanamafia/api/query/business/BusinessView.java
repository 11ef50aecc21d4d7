package com.solanamafia.api.query.business;

import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.Wallet;

import java.time.Instant;

/**
 * A business in an occupied slot. {@code businessType} is the IDL variant name (e.g. TobaccoShop), null when the
 * chain's code is not one of the six ({@code businessTypeCode} keeps the raw u8). {@code investedLamports} is the
 * deposit plus upgrade costs (never the slot cost, which is {@code slotCostLamports}, HEAD only). {@code nftMint} is
 * known for cb08020 businesses only; {@code since} is when the business was bought (or moved into this slot).
 */
public record BusinessView(
        int slotIndex,
        String slotType,
        String businessType,
        Integer businessTypeCode,
        int level,
        Lamports baseCostLamports,
        Lamports investedLamports,
        Lamports slotCostLamports,
        int dailyRateBp,
        Wallet nftMint,
        Instant since) {
}
