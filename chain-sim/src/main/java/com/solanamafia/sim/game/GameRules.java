package com.solanamafia.sim.game;

/**
 * The program's numbers per IDL version (original-backend.md section 1). {@link #FULL} is the cb08020 program
 * (idl-full.json: NFTs, unlockable and premium slots, referral bonuses); {@link #CURRENT} is HEAD
 * (idl-current.json: 9 fixed slots, slot costs, no NFTs).
 */
public final class GameRules {
    public static final long SOL = 1_000_000_000L;
    public static final long DAY = 86_400L;
    public static final int MAX_LEVEL = 3;
    public static final int[] UPGRADE_COST_PERCENT = {20, 50, 100};
    /** Sell-fee discount in percentage points by slot type (Basic, Premium, VIP, Legendary). */
    public static final int[] SELL_DISCOUNT = {0, 0, 50, 100};
    public static final String[] SLOT_TYPES = {"Basic", "Premium", "VIP", "Legendary"};

    public static final GameRules FULL = new GameRules(true,
            new long[] {SOL / 10, SOL / 2, 2 * SOL, SOL / 10, SOL / 2, 2 * SOL},
            new int[] {80, 90, 100, 80, 90, 100},
            new int[] {10, 25, 50},
            new int[] {0, 150, 300, 500},
            10);

    public static final GameRules CURRENT = new GameRules(false,
            new long[] {SOL / 10, SOL / 2, 2 * SOL, 5 * SOL, 10 * SOL, 50 * SOL},
            new int[] {200, 180, 160, 140, 120, 100},
            new int[] {0, 0, 0},
            new int[] {0, 50, 100, 200},
            20);

    /** cb08020: entry fee, slot unlock cost, premium slot prices (Premium, VIP, Legendary). */
    public static final long FULL_ENTRY_FEE = SOL / 100;
    public static final long UNLOCK_COST = SOL / 100;
    public static final long[] PREMIUM_SLOT_COST = {0, 5 * SOL, 25 * SOL, 100 * SOL};
    public static final int FULL_MAX_SLOTS = 20;
    public static final int[] REFERRAL_PERCENT = {5, 3, 2};
    /** HEAD: claim fee, 9 fixed slot types and their one-time costs. */
    public static final long CLAIM_FEE = SOL / 100;
    public static final int[] CURRENT_SLOT_TYPES = {0, 0, 0, 0, 0, 0, 1, 2, 3};

    public final boolean full;
    private final long[] minDeposits;
    private final int[] dailyRates;
    private final int[] upgradeRateBonus;
    private final int[] slotBonusBp;
    /** Percent of a deposit that goes to the team wallet. */
    public final int teamFeePercent;

    private GameRules(boolean full, long[] minDeposits, int[] dailyRates, int[] upgradeRateBonus, int[] slotBonusBp, int teamFeePercent) {
        this.full = full;
        this.minDeposits = minDeposits;
        this.dailyRates = dailyRates;
        this.upgradeRateBonus = upgradeRateBonus;
        this.slotBonusBp = slotBonusBp;
        this.teamFeePercent = teamFeePercent;
    }

    public long minDeposit(int businessType) {
        return minDeposits[businessType];
    }

    public int dailyRate(int businessType) {
        return dailyRates[businessType];
    }

    /** Rate after reaching {@code level}: cb08020 adds +10/+25/+50 bp cumulatively; HEAD keeps the base rate. */
    public int rateAtLevel(int businessType, int level) {
        int rate = dailyRates[businessType];
        for (int i = 0; i < level; i++) {
            rate += upgradeRateBonus[i];
        }
        return rate;
    }

    /** Cost of going to {@code newLevel} (1..3): cb08020 from the type minimum, HEAD from the business's base deposit. */
    public long upgradeCost(int businessType, long baseInvested, int newLevel) {
        long basis = full ? minDeposits[businessType] : baseInvested;
        return basis * UPGRADE_COST_PERCENT[newLevel - 1] / 100;
    }

    /** The highest level {@code upgrade_business} can reach (HEAD rejects next_level >= 3). */
    public int maxUpgradeLevel() {
        return full ? MAX_LEVEL : MAX_LEVEL - 1;
    }

    public static long dailyEarnings(long invested, int rateBp) {
        return Math.multiplyExact(invested, (long) rateBp) / 10_000L;
    }

    /** Earnings with the slot bonus applied as a relative multiplier. */
    public long withSlotBonus(long earnings, int slotType) {
        return earnings * (10_000L + slotBonusBp[slotType]) / 10_000L;
    }

    /** Base early-sell fee percent for days held. */
    public int baseSellFee(long daysHeld) {
        if (full) {
            if (daysHeld <= 7) return 25;
            if (daysHeld <= 14) return 20;
            if (daysHeld <= 21) return 15;
            if (daysHeld <= 28) return 10;
            if (daysHeld <= 30) return 5;
            return 2;
        }
        if (daysHeld <= 6) return 25;
        if (daysHeld <= 13) return 20;
        if (daysHeld <= 20) return 15;
        if (daysHeld <= 27) return 10;
        if (daysHeld <= 30) return 5;
        return 2;
    }

    /** HEAD FOMO entry fee for the given number of existing players. */
    public static long currentEntryFee(long totalPlayers) {
        return Math.min(12_345_679L + (totalPlayers / 100) * 6_000_000L, 123_456_790L);
    }

    /** HEAD one-time slot cost. */
    public static long currentSlotCost(int slotIndex, long deposit) {
        if (slotIndex < 3) return 0;
        if (slotIndex < 6) return deposit / 10;
        return new long[] {SOL, 2 * SOL, 5 * SOL}[slotIndex - 6];
    }
}
