package com.solanamafia.command.player;

import com.solanamafia.api.business.BusinessType;
import com.solanamafia.api.chain.Lamports;

import java.math.BigInteger;

/** Program constants the discrepancy rules need (original-backend.md §1.2–§1.4, HEAD values). */
final class GameRules {
    static final int MAX_UPGRADE_LEVEL = 3;
    /** cb08020 players start with six Basic slots, the first three unlocked (§1.5). */
    static final int CB08020_INITIALLY_UNLOCKED = 3;
    /** UPGRADE_COST_MULTIPLIERS, percent of the base, for reaching level 1, 2, 3. */
    static final int[] UPGRADE_COST_PERCENT = {20, 50, 100};
    /** Largest slot bonus of any version (cb08020 Legendary, 500 bp), in bp. */
    static final int MAX_SLOT_BONUS_BP = 500;
    private static final long[] HEAD_BASE_COST = {100_000_000L, 500_000_000L, 2_000_000_000L, 5_000_000_000L,
            10_000_000_000L, 50_000_000_000L};

    private GameRules() {
    }

    /** HEAD constant base cost of a type (its minimum deposit), or null for an unknown type. */
    static Lamports headBaseCost(int businessTypeCode) {
        BusinessType type = BusinessType.fromCode(businessTypeCode);
        return type == null ? null : Lamports.of(HEAD_BASE_COST[type.code()]);
    }

    /** base × (100 + Σ multipliers up to level) / 100: a business's value at a level (create_business_with_level). */
    static Lamports valueAtLevel(Lamports base, int level) {
        int percent = 100;
        for (int i = 0; i < Math.min(level, MAX_UPGRADE_LEVEL); i++) {
            percent += UPGRADE_COST_PERCENT[i];
        }
        return new Lamports(base.value().multiply(BigInteger.valueOf(percent)).divide(BigInteger.valueOf(100)));
    }

    /** amount × percent / 100, integer maths. */
    static Lamports percentOf(Lamports amount, int percent) {
        return new Lamports(amount.value().multiply(BigInteger.valueOf(Math.max(0, percent))).divide(BigInteger.valueOf(100)));
    }
}
