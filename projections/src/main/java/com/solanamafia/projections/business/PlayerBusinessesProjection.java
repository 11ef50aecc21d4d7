package com.solanamafia.projections.business;

import com.solanamafia.api.business.BusinessDeactivated;
import com.solanamafia.api.business.BusinessPurchased;
import com.solanamafia.api.business.BusinessSold;
import com.solanamafia.api.business.BusinessType;
import com.solanamafia.api.business.BusinessUpgraded;
import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.slot.PremiumSlotPurchased;
import com.solanamafia.api.slot.SlotUnlocked;
import com.solanamafia.api.transfer.BusinessHandedOver;
import com.solanamafia.api.transfer.BusinessTakenOver;
import com.solanamafia.api.transfer.TransferredBusiness;
import com.solanamafia.projections.support.ProjectionPositions;
import com.solanamafia.projections.support.Times;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.math.BigInteger;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static com.solanamafia.projections.jooq.Tables.BUSINESS_SLOT;

/**
 * The slots of every player and the business in each occupied one. Rows are keyed by (wallet, slot index) and
 * guarded by their {@code event_position}: an event at or below it is a redelivery and changes nothing.
 */
@Component
@ProcessingGroup(PlayerBusinessesProjection.NAME)
public class PlayerBusinessesProjection {
    public static final String NAME = "player-businesses";

    private final DSLContext db;
    private final ProjectionPositions positions;
    private final BusinessSlots slots;

    @Autowired
    public PlayerBusinessesProjection(DSLContext db, ProjectionPositions positions) {
        this(db, positions, new SqlBusinessSlots(db));
    }

    PlayerBusinessesProjection(DSLContext db, ProjectionPositions positions, BusinessSlots slots) {
        this.db = db;
        this.positions = positions;
        this.slots = slots;
    }

    /** The IDL variant name of a business type code, or null for a code outside the six. */
    public static String typeName(Integer code) {
        BusinessType type = code == null ? null : BusinessType.fromCode(code);
        return type == null ? null : type.idlName();
    }

    @EventHandler
    void on(BusinessPurchased event, TrackingToken token, @Timestamp Instant recordedAt) {
        long position = ProjectionPositions.positionOf(token);
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(BUSINESS_SLOT.OCCUPIED, true);
        values.put(BUSINESS_SLOT.UNLOCKED, true);
        values.put(BUSINESS_SLOT.BUSINESS_TYPE, typeName(event.businessTypeCode()));
        values.put(BUSINESS_SLOT.BUSINESS_TYPE_CODE, event.businessTypeCode());
        values.put(BUSINESS_SLOT.UPGRADE_LEVEL, event.level());
        values.put(BUSINESS_SLOT.BASE_COST_LAMPORTS, event.baseCost().value());
        values.put(BUSINESS_SLOT.INVESTED_LAMPORTS, event.baseCost().value());
        values.put(BUSINESS_SLOT.SLOT_COST_LAMPORTS, event.slotCost() == null ? null : event.slotCost().value());
        values.put(BUSINESS_SLOT.DAILY_RATE_BP, event.dailyRateBp());
        values.put(BUSINESS_SLOT.NFT_MINT, event.nftMint() == null ? null : event.nftMint().base58());
        values.put(BUSINESS_SLOT.OCCUPIED_SINCE, Times.utc(Times.when(event.fact(), event.createdAt(), recordedAt)));
        values.put(BUSINESS_SLOT.PURCHASE_SIGNATURE, event.fact().position().signature());
        upsert(event.wallet(), event.slotIndex(), position, values, values);
    }

    @EventHandler
    void on(BusinessUpgraded event, TrackingToken token, @Timestamp Instant recordedAt) {
        long position = ProjectionPositions.positionOf(token);
        BigInteger cost = event.upgradeCost().value();
        Map<Field<?>, Object> insert = new LinkedHashMap<>();
        insert.put(BUSINESS_SLOT.OCCUPIED, true);
        insert.put(BUSINESS_SLOT.UNLOCKED, true);
        insert.put(BUSINESS_SLOT.UPGRADE_LEVEL, event.newLevel());
        insert.put(BUSINESS_SLOT.INVESTED_LAMPORTS, cost);
        insert.put(BUSINESS_SLOT.DAILY_RATE_BP, event.newDailyRateBp());
        insert.put(BUSINESS_SLOT.NFT_MINT, event.newNftMint() == null ? null : event.newNftMint().base58());
        insert.put(BUSINESS_SLOT.OCCUPIED_SINCE, Times.utc(Times.when(event.fact(), event.upgradedAt(), recordedAt)));
        Map<Field<?>, Object> update = new LinkedHashMap<>();
        update.put(BUSINESS_SLOT.UPGRADE_LEVEL, event.newLevel());
        update.put(BUSINESS_SLOT.INVESTED_LAMPORTS, new BusinessSlots.Increase(cost));
        update.put(BUSINESS_SLOT.DAILY_RATE_BP, event.newDailyRateBp());
        if (event.newNftMint() != null) {
            update.put(BUSINESS_SLOT.NFT_MINT, event.newNftMint().base58());
        }
        upsert(event.wallet(), event.slotIndex(), position, insert, update);
    }

    @EventHandler
    void on(BusinessSold event, TrackingToken token) {
        long position = ProjectionPositions.positionOf(token);
        Map<Field<?>, Object> cleared = cleared();
        cleared.put(BUSINESS_SLOT.UNLOCKED, true);
        upsert(event.wallet(), event.slotIndex(), position, cleared, cleared());
    }

    @EventHandler
    void on(BusinessDeactivated event, TrackingToken token) {
        long position = ProjectionPositions.positionOf(token);
        slots.clearSlotsHolding(event.wallet().base58(), event.businessMint().base58(), cleared(), position);
        positions.record(NAME, position);
    }

    @EventHandler
    void on(SlotUnlocked event, TrackingToken token) {
        long position = ProjectionPositions.positionOf(token);
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(BUSINESS_SLOT.UNLOCKED, true);
        values.put(BUSINESS_SLOT.SLOT_TYPE, "Basic");
        upsert(event.wallet(), event.slotIndex(), position, values, values);
    }

    @EventHandler
    void on(PremiumSlotPurchased event, TrackingToken token) {
        long position = ProjectionPositions.positionOf(token);
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(BUSINESS_SLOT.UNLOCKED, true);
        values.put(BUSINESS_SLOT.SLOT_TYPE, event.slotType() == null ? null : event.slotType().idlName());
        upsert(event.wallet(), event.slotIndex(), position, values, values);
    }

    /** sync_business_ownership, old owner: the business left the slot the command side found holding it. */
    @EventHandler
    void on(BusinessHandedOver event, TrackingToken token) {
        long position = ProjectionPositions.positionOf(token);
        if (event.slotIndex() == null) {
            positions.record(NAME, position);
            return;
        }
        Map<Field<?>, Object> cleared = cleared();
        cleared.put(BUSINESS_SLOT.UNLOCKED, true);
        upsert(event.wallet(), event.slotIndex(), position, cleared, cleared());
    }

    /**
     * sync_business_ownership, new owner: the business arrived in the slot the command side chose (find_free_slot).
     * The program keeps the business as it was, purchase time included; a new owner cannot sell or upgrade it.
     */
    @EventHandler
    void on(BusinessTakenOver event, TrackingToken token, @Timestamp Instant recordedAt) {
        long position = ProjectionPositions.positionOf(token);
        if (event.slotIndex() == null) {
            positions.record(NAME, position);
            return;
        }
        TransferredBusiness business = event.business();
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(BUSINESS_SLOT.OCCUPIED, true);
        values.put(BUSINESS_SLOT.UNLOCKED, true);
        values.put(BUSINESS_SLOT.NFT_MINT, event.mint().base58());
        values.put(BUSINESS_SLOT.OCCUPIED_SINCE, Times.utc(Times.when(event.fact(), event.transferredAt(), recordedAt)));
        values.put(BUSINESS_SLOT.PURCHASE_SIGNATURE, event.fact().position().signature());
        if (business.known()) {
            values.put(BUSINESS_SLOT.BUSINESS_TYPE, typeName(business.typeCode()));
            values.put(BUSINESS_SLOT.BUSINESS_TYPE_CODE, business.typeCode());
            values.put(BUSINESS_SLOT.UPGRADE_LEVEL, business.level());
            values.put(BUSINESS_SLOT.BASE_COST_LAMPORTS, business.baseInvested().value());
            values.put(BUSINESS_SLOT.INVESTED_LAMPORTS, business.totalInvested().value());
            values.put(BUSINESS_SLOT.DAILY_RATE_BP, business.dailyRateBp());
        }
        upsert(event.wallet(), event.slotIndex(), position, values, values);
    }

    /**
     * Any other event: nothing to change, but the read model has now seen this position, so a client waiting for
     * its own write (X-Read-Model-Position) is not kept waiting by events this read model ignores.
     */
    @EventHandler
    void on(Object other, TrackingToken token) {
        positions.record(NAME, ProjectionPositions.positionOf(token));
    }

    @ResetHandler
    void reset() {
        db.deleteFrom(BUSINESS_SLOT).execute();
        positions.forget(NAME);
    }

    static Map<Field<?>, Object> cleared() {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(BUSINESS_SLOT.OCCUPIED, false);
        values.put(BUSINESS_SLOT.BUSINESS_TYPE, null);
        values.put(BUSINESS_SLOT.BUSINESS_TYPE_CODE, null);
        values.put(BUSINESS_SLOT.UPGRADE_LEVEL, null);
        values.put(BUSINESS_SLOT.BASE_COST_LAMPORTS, null);
        values.put(BUSINESS_SLOT.INVESTED_LAMPORTS, null);
        values.put(BUSINESS_SLOT.SLOT_COST_LAMPORTS, null);
        values.put(BUSINESS_SLOT.DAILY_RATE_BP, null);
        values.put(BUSINESS_SLOT.NFT_MINT, null);
        values.put(BUSINESS_SLOT.OCCUPIED_SINCE, null);
        values.put(BUSINESS_SLOT.PURCHASE_SIGNATURE, null);
        return values;
    }

    private void upsert(Wallet wallet, int slotIndex, long position, Map<Field<?>, Object> insert,
                        Map<Field<?>, Object> update) {
        slots.upsert(wallet.base58(), slotIndex, position, insert, update);
        positions.record(NAME, position);
    }
}
