package com.solanamafia.api.discrepancy;

import java.util.List;

/**
 * Stable ids of {@link ChainDiscrepancyDetected#rule()}. Ids never change meaning; new rules get new ids.
 * "bug-*" rules flag known program bugs (original-backend.md §8.20) rather than contradictions of our state.
 */
public final class DiscrepancyRules {
    /** PlayerCreated for a wallet that had already joined (duplicate PlayerCreated). */
    public static final String PLAYER_JOINED_TWICE = "player-joined-twice";
    /** A business bought into a slot we know holds an active business. */
    public static final String PURCHASE_INTO_OCCUPIED_SLOT = "purchase-into-occupied-slot";
    /** A business type code outside the six known types. */
    public static final String UNKNOWN_BUSINESS_TYPE = "unknown-business-type";
    /** A level above MAX_UPGRADE_LEVEL (3), at purchase or upgrade. */
    public static final String LEVEL_ABOVE_MAX = "level-above-max";
    /** An upgrade of a slot we know is empty (player seen from its first event). */
    public static final String UPGRADE_OF_EMPTY_SLOT = "upgrade-of-empty-slot";
    /** An upgrade whose new level is not its old level + 1. */
    public static final String UPGRADE_LEVEL_NOT_NEXT = "upgrade-level-not-next";
    /** An upgrade whose old_level differs from the level we know. */
    public static final String UPGRADE_OLD_LEVEL_MISMATCH = "upgrade-old-level-mismatch";
    /** A sale of a slot we know is empty (player seen from its first event). */
    public static final String SALE_OF_EMPTY_SLOT = "sale-of-empty-slot";
    /** A claim larger than known pending earnings plus what an unrecorded auto-update could have added. */
    public static final String CLAIM_EXCEEDS_PENDING = "claim-exceeds-pending";
    /** A claim while nothing was pending and nothing could have accrued (the program refuses that). */
    public static final String CLAIM_WITH_NOTHING_PENDING = "claim-with-nothing-pending";
    /** EarningsUpdated whose total_pending is not known pending + earnings_added. */
    public static final String PENDING_EARNINGS_MISMATCH = "pending-earnings-mismatch";
    /** An NFT burned, upgraded or transferred that we never saw minted. */
    public static final String NFT_NEVER_MINTED = "nft-never-minted";
    /** An NFT burned or transferred after we saw it burned. */
    public static final String NFT_ALREADY_BURNED = "nft-already-burned";
    /** BusinessTransferred whose old_owner is not the owner we know. */
    public static final String NFT_TRANSFER_FROM_NON_OWNER = "nft-transfer-from-non-owner";
    /** BusinessTransferred moved a business out of a player whose slots, known from the start, did not hold it. */
    public static final String TRANSFER_OF_BUSINESS_NOT_HELD = "transfer-of-business-not-held";
    /** BusinessTransferred placed a business with a player who, as far as we know, has no free unlocked slot. */
    public static final String TRANSFER_WITHOUT_FREE_SLOT = "transfer-without-free-slot";
    /**
     * A sale or upgrade of a business that sync_business_ownership moved: the program refuses both, since the
     * business record keeps the old owner (original-backend.md §1.6).
     */
    public static final String TRANSFERRED_BUSINESS_SOLD_OR_UPGRADED = "transferred-business-sold-or-upgraded";
    /** HEAD create_business_with_level: a level above 0 bought without paying the upgrade costs. */
    public static final String BUG_LEVEL_BOUGHT_WITHOUT_UPGRADE_COST = "bug-level-bought-without-upgrade-cost";
    /** HEAD upgrade_business reached level 3, which that instruction cannot do. */
    public static final String BUG_HEAD_UPGRADE_TO_LEVEL_3 = "bug-head-upgrade-to-level-3";
    /** A sale refunded upgrade value from the player pool although upgrade costs went to the team wallet. */
    public static final String BUG_SELL_REFUNDS_UPGRADE_COSTS = "bug-sell-refunds-upgrade-costs";

    public static final List<String> ALL = List.of(PLAYER_JOINED_TWICE, PURCHASE_INTO_OCCUPIED_SLOT,
            UNKNOWN_BUSINESS_TYPE, LEVEL_ABOVE_MAX, UPGRADE_OF_EMPTY_SLOT, UPGRADE_LEVEL_NOT_NEXT,
            UPGRADE_OLD_LEVEL_MISMATCH, SALE_OF_EMPTY_SLOT, CLAIM_EXCEEDS_PENDING, CLAIM_WITH_NOTHING_PENDING,
            PENDING_EARNINGS_MISMATCH, NFT_NEVER_MINTED, NFT_ALREADY_BURNED, NFT_TRANSFER_FROM_NON_OWNER,
            TRANSFER_OF_BUSINESS_NOT_HELD, TRANSFER_WITHOUT_FREE_SLOT, TRANSFERRED_BUSINESS_SOLD_OR_UPGRADED,
            BUG_LEVEL_BOUGHT_WITHOUT_UPGRADE_COST, BUG_HEAD_UPGRADE_TO_LEVEL_3, BUG_SELL_REFUNDS_UPGRADE_COSTS);

    private DiscrepancyRules() {
    }
}
