package com.solanamafia.command.chainfacts;

import com.solanamafia.api.business.RecordBusinessDeactivated;
import com.solanamafia.api.business.RecordBusinessPurchased;
import com.solanamafia.api.business.RecordBusinessSold;
import com.solanamafia.api.business.RecordBusinessUpgraded;
import com.solanamafia.api.business.RecordLegacyBusinessCreated;
import com.solanamafia.api.business.RecordLegacyBusinessSold;
import com.solanamafia.api.business.RecordLegacyBusinessUpgraded;
import com.solanamafia.api.business.RecordNftBusinessPurchased;
import com.solanamafia.api.business.RecordNftBusinessUpgraded;
import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainFactCommand;
import com.solanamafia.api.earnings.RecordEarningsAccrued;
import com.solanamafia.api.earnings.RecordEarningsClaimed;
import com.solanamafia.api.nft.RecordNftBurned;
import com.solanamafia.api.nft.RecordNftMinted;
import com.solanamafia.api.nft.RecordNftTransferred;
import com.solanamafia.api.nft.RecordNftUpgraded;
import com.solanamafia.api.player.RecordPlayerJoined;
import com.solanamafia.api.referral.RecordReferralBonusCredited;
import com.solanamafia.api.slot.RecordPremiumSlotPurchased;
import com.solanamafia.api.slot.RecordSlotUnlocked;

import java.util.Map;

/**
 * Translates one decoded Anchor event (IDL name + normalized fields, as the ingest decoder produces them) into the
 * chain-fact command that records it. The ingester calls {@link #toCommand}; nothing here talks to Axon.
 * <p>
 * Two events have two layouts under the same name and discriminator: BusinessCreatedInSlot and
 * BusinessUpgradedInSlot. {@code idlVersion} ({@value #FULL} = cb08020, {@value #CURRENT} = HEAD) picks the layout;
 * when it is null the layout is derived from the fields present ({@code nft_mint}/{@code new_nft_mint} = full).
 */
public final class ChainFactCommands {
    public static final String FULL = "full";
    public static final String CURRENT = "current";

    private ChainFactCommands() {
    }

    /** @throws UnmappableEventException for an unknown event, a missing field or an out-of-range value */
    public static ChainFactCommand toCommand(String eventName, Map<String, Object> fields, ChainFact fact,
                                             String idlVersion) {
        if (fact == null) {
            throw new UnmappableEventException(String.valueOf(eventName), "no chain fact (position, slot, time)");
        }
        if (idlVersion != null && !FULL.equals(idlVersion) && !CURRENT.equals(idlVersion)) {
            throw new UnmappableEventException(String.valueOf(eventName), "unknown idlVersion " + idlVersion);
        }
        EventFields f = new EventFields(eventName, fields);
        return switch (String.valueOf(eventName)) {
            case "PlayerCreated" -> RecordPlayerJoined.of(f.pubkey("wallet"), fact, f.lamports("entry_fee"),
                    f.i64Time("created_at"), f.i64Time("next_earnings_time"));
            case "BusinessCreated" -> new RecordLegacyBusinessCreated(f.pubkey("player"), fact, f.u8("business_type"),
                    f.lamports("invested_amount"), f.u16("daily_rate"), f.lamports("treasury_fee"),
                    f.i64Time("created_at"));
            case "BusinessCreatedInSlot" -> isFull(idlVersion, f, "nft_mint")
                    ? new RecordNftBusinessPurchased(f.pubkey("player"), fact, f.u8("slot_index"), f.u8("business_type"),
                    f.lamports("base_cost"), f.u16("daily_rate"), f.pubkey("nft_mint"), f.i64Time("created_at"))
                    : new RecordBusinessPurchased(f.pubkey("player"), fact, f.u8("slot_index"), f.u8("business_type"),
                    f.u8("level"), f.lamports("base_cost"), f.lamports("slot_cost"), f.lamports("total_paid"),
                    f.u16("daily_rate"), f.i64Time("created_at"));
            case "BusinessUpgradedInSlot" -> isFull(idlVersion, f, "new_nft_mint")
                    ? new RecordNftBusinessUpgraded(f.pubkey("player"), fact, f.u8("slot_index"), f.u8("old_level"),
                    f.u8("new_level"), f.lamports("upgrade_cost"), f.pubkey("old_nft_mint"), f.pubkey("new_nft_mint"),
                    f.u16("new_daily_rate"), f.i64Time("upgraded_at"))
                    : new RecordBusinessUpgraded(f.pubkey("player"), fact, f.u8("slot_index"), f.u8("old_level"),
                    f.u8("new_level"), f.lamports("upgrade_cost"), f.u16("new_daily_rate"), f.i64Time("upgraded_at"));
            case "BusinessUpgraded" -> new RecordLegacyBusinessUpgraded(f.pubkey("player"), fact,
                    f.u8("business_index"), f.u8("new_level"), f.lamports("upgrade_cost"), f.u16("new_daily_rate"));
            case "BusinessSoldFromSlot" -> new RecordBusinessSold(f.pubkey("player"), fact, f.u8("slot_index"),
                    f.u8("business_type"), f.lamports("total_invested"), f.u64("days_held"), f.u8("base_fee_percent"),
                    f.u8("slot_discount"), f.u8("final_fee_percent"), f.lamports("return_amount"), f.i64Time("sold_at"));
            case "BusinessSold" -> new RecordLegacyBusinessSold(f.pubkey("player"), fact, f.u8("business_index"),
                    f.u64("days_held"), f.u8("sell_fee_percent"), f.lamports("return_amount"));
            case "BusinessDeactivated" -> new RecordBusinessDeactivated(f.pubkey("player"), fact,
                    f.pubkey("business_mint"), f.string("reason"), f.i64Time("deactivated_at"));
            case "EarningsUpdated" -> new RecordEarningsAccrued(f.pubkey("player"), fact, f.lamports("earnings_added"),
                    f.lamports("total_pending"), f.i64Time("next_earnings_time"), f.u8("businesses_count"));
            case "EarningsClaimed" -> new RecordEarningsClaimed(f.pubkey("player"), fact, f.lamports("amount"),
                    f.i64Time("claimed_at"));
            case "ReferralBonusAdded" -> new RecordReferralBonusCredited(f.pubkey("referrer"), fact,
                    f.pubkey("referred_player"), f.lamports("amount"), f.u8("level"), f.i64Time("timestamp"));
            case "BusinessNFTMinted" -> new RecordNftMinted(f.pubkey("player"), fact, f.pubkey("mint"),
                    f.u8("business_type"), f.u64("serial_number"), f.lamports("invested_amount"), f.u16("daily_rate"),
                    f.i64Time("created_at"));
            case "BusinessNFTBurned" -> new RecordNftBurned(f.pubkey("player"), fact, f.pubkey("mint"),
                    f.u8("business_type"), f.u64("serial_number"), f.i64Time("burned_at"));
            case "BusinessNFTUpgraded" -> new RecordNftUpgraded(f.pubkey("player"), fact, f.pubkey("mint"),
                    f.u8("old_level"), f.u8("new_level"), f.u16("new_daily_rate"));
            case "BusinessTransferred" -> new RecordNftTransferred(f.pubkey("old_owner"), f.pubkey("new_owner"), fact,
                    f.pubkey("business_mint"), f.i64Time("transferred_at"));
            case "SlotUnlocked" -> new RecordSlotUnlocked(f.pubkey("player"), fact, f.u8("slot_index"),
                    f.lamports("unlock_cost"), f.i64Time("unlocked_at"));
            case "PremiumSlotPurchased" -> new RecordPremiumSlotPurchased(f.pubkey("player"), fact,
                    f.slotType("slot_type"), f.u8("slot_index"), f.lamports("cost"), f.i64Time("purchased_at"));
            default -> throw new UnmappableEventException(String.valueOf(eventName), "no command for this event");
        };
    }

    private static boolean isFull(String idlVersion, EventFields fields, String fullOnlyField) {
        return idlVersion == null ? fields.has(fullOnlyField) : FULL.equals(idlVersion);
    }
}
