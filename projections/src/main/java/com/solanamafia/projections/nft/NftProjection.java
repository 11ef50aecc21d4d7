package com.solanamafia.projections.nft;

import com.solanamafia.api.business.BusinessPurchased;
import com.solanamafia.api.business.BusinessUpgraded;
import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.nft.NftBurned;
import com.solanamafia.api.nft.NftMinted;
import com.solanamafia.api.nft.NftTransferred;
import com.solanamafia.api.nft.NftUpgraded;
import com.solanamafia.projections.business.PlayerBusinessesProjection;
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

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import static com.solanamafia.projections.jooq.Tables.NFT;
import static com.solanamafia.projections.jooq.Tables.NFT_OWNERSHIP;

/**
 * Business NFTs (cb08020 only): one row per mint with holder, type, level and status, and one ownership row per
 * change of holder (keyed by mint and event position, so a redelivery inserts nothing). The level comes from the
 * business events that name the mint (BusinessCreatedInSlot: level 0, BusinessUpgradedInSlot: the new mint).
 */
@Component
@ProcessingGroup(NftProjection.NAME)
public class NftProjection {
    public static final String NAME = "nfts";
    public static final String ACTIVE = "ACTIVE";
    public static final String BURNED = "BURNED";

    private final DSLContext db;
    private final ProjectionPositions positions;
    private final NftRows rows;

    @Autowired
    public NftProjection(DSLContext db, ProjectionPositions positions) {
        this(db, positions, new SqlNftRows(db));
    }

    NftProjection(DSLContext db, ProjectionPositions positions, NftRows rows) {
        this.db = db;
        this.positions = positions;
        this.rows = rows;
    }

    @EventHandler
    void on(NftMinted event, TrackingToken token, @Timestamp Instant recordedAt) {
        long position = ProjectionPositions.positionOf(token);
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(NFT.OWNER_WALLET, event.wallet().base58());
        values.put(NFT.BUSINESS_TYPE, PlayerBusinessesProjection.typeName(event.businessTypeCode()));
        values.put(NFT.BUSINESS_TYPE_CODE, event.businessTypeCode());
        values.put(NFT.SERIAL_NUMBER, event.serialNumber());
        values.put(NFT.INVESTED_LAMPORTS, event.investedAmount().value());
        values.put(NFT.DAILY_RATE_BP, event.dailyRateBp());
        OffsetDateTime at = Times.utc(Times.when(event.fact(), event.mintedAt(), recordedAt));
        values.put(NFT.MINTED_AT, at);
        upsert(event.mint(), position, values, values);
        history(event.mint(), position, "MINTED", null, event.wallet(), event.fact(), at);
    }

    @EventHandler
    void on(BusinessPurchased event, TrackingToken token) {
        if (event.nftMint() == null) {
            return;
        }
        long position = ProjectionPositions.positionOf(token);
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(NFT.UPGRADE_LEVEL, event.level());
        values.put(NFT.OWNER_WALLET, event.wallet().base58());
        values.put(NFT.BUSINESS_TYPE, PlayerBusinessesProjection.typeName(event.businessTypeCode()));
        values.put(NFT.BUSINESS_TYPE_CODE, event.businessTypeCode());
        upsert(event.nftMint(), position, values, values);
    }

    @EventHandler
    void on(BusinessUpgraded event, TrackingToken token) {
        if (event.newNftMint() == null) {
            return;
        }
        long position = ProjectionPositions.positionOf(token);
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(NFT.UPGRADE_LEVEL, event.newLevel());
        values.put(NFT.DAILY_RATE_BP, event.newDailyRateBp());
        values.put(NFT.OWNER_WALLET, event.wallet().base58());
        upsert(event.newNftMint(), position, values, values);
    }

    @EventHandler
    void on(NftUpgraded event, TrackingToken token) {
        long position = ProjectionPositions.positionOf(token);
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(NFT.UPGRADE_LEVEL, event.newLevel());
        values.put(NFT.DAILY_RATE_BP, event.newDailyRateBp());
        upsert(event.mint(), position, values, values);
    }

    @EventHandler
    void on(NftBurned event, TrackingToken token, @Timestamp Instant recordedAt) {
        long position = ProjectionPositions.positionOf(token);
        OffsetDateTime at = Times.utc(Times.when(event.fact(), event.burnedAt(), recordedAt));
        Map<Field<?>, Object> insert = new LinkedHashMap<>();
        insert.put(NFT.STATUS, BURNED);
        insert.put(NFT.BURNED_AT, at);
        insert.put(NFT.OWNER_WALLET, event.wallet().base58());
        insert.put(NFT.BUSINESS_TYPE, PlayerBusinessesProjection.typeName(event.businessTypeCode()));
        insert.put(NFT.BUSINESS_TYPE_CODE, event.businessTypeCode());
        insert.put(NFT.SERIAL_NUMBER, event.serialNumber());
        Map<Field<?>, Object> update = new LinkedHashMap<>();
        update.put(NFT.STATUS, BURNED);
        update.put(NFT.BURNED_AT, at);
        upsert(event.mint(), position, insert, update);
        history(event.mint(), position, "BURNED", event.wallet(), null, event.fact(), at);
    }

    @EventHandler
    void on(NftTransferred event, TrackingToken token, @Timestamp Instant recordedAt) {
        long position = ProjectionPositions.positionOf(token);
        OffsetDateTime at = Times.utc(Times.when(event.fact(), event.transferredAt(), recordedAt));
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(NFT.OWNER_WALLET, event.toWallet().base58());
        upsert(event.mint(), position, values, values);
        history(event.mint(), position, "TRANSFERRED", event.fromWallet(), event.toWallet(), event.fact(), at);
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
        db.deleteFrom(NFT_OWNERSHIP).execute();
        db.deleteFrom(NFT).execute();
        positions.forget(NAME);
    }

    private void upsert(Wallet mint, long position, Map<Field<?>, Object> insert, Map<Field<?>, Object> update) {
        OffsetDateTime now = Times.now();
        Map<Field<?>, Object> row = new LinkedHashMap<>(insert);
        row.put(NFT.MINT, mint.base58());
        row.putIfAbsent(NFT.STATUS, ACTIVE);
        row.put(NFT.FIRST_POSITION, position);
        row.put(NFT.EVENT_POSITION, position);
        row.put(NFT.UPDATED_AT, now);
        Map<Field<?>, Object> changes = new LinkedHashMap<>(update);
        changes.put(NFT.EVENT_POSITION, position);
        changes.put(NFT.UPDATED_AT, now);
        rows.upsert(mint.base58(), position, row, changes);
        positions.record(NAME, position);
    }

    private void history(Wallet mint, long position, String kind, Wallet from, Wallet to, ChainFact fact,
                         OffsetDateTime at) {
        Map<Field<?>, Object> row = new LinkedHashMap<>();
        row.put(NFT_OWNERSHIP.MINT, mint.base58());
        row.put(NFT_OWNERSHIP.EVENT_POSITION, position);
        row.put(NFT_OWNERSHIP.KIND, kind);
        row.put(NFT_OWNERSHIP.FROM_WALLET, from == null ? null : from.base58());
        row.put(NFT_OWNERSHIP.TO_WALLET, to == null ? null : to.base58());
        row.put(NFT_OWNERSHIP.SIGNATURE, fact.position().signature());
        row.put(NFT_OWNERSHIP.SLOT, fact.slot());
        row.put(NFT_OWNERSHIP.OCCURRED_AT, at);
        rows.insertOwnership(row);
    }
}
