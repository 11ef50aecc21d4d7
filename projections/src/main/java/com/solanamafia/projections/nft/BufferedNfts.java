package com.solanamafia.projections.nft;

import com.solanamafia.projections.jooq.tables.records.NftOwnershipRecord;
import com.solanamafia.projections.jooq.tables.records.NftRecord;
import com.solanamafia.projections.support.BufferedReadModel;
import com.solanamafia.projections.support.BulkWrite;
import com.solanamafia.projections.support.ProjectionPositions;
import com.solanamafia.projections.support.RecordValues;
import com.solanamafia.projections.support.RowCache;
import com.solanamafia.projections.support.RowDefaults;
import com.solanamafia.api.business.BusinessPurchased;
import com.solanamafia.api.business.BusinessUpgraded;
import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.nft.NftBurned;
import com.solanamafia.api.nft.NftMinted;
import com.solanamafia.api.nft.NftTransferred;
import com.solanamafia.api.nft.NftUpgraded;
import com.solanamafia.projections.support.BatchWallets;
import org.axonframework.eventhandling.EventMessage;
import org.jooq.DSLContext;
import org.jooq.Field;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.solanamafia.projections.jooq.Tables.NFT;
import static com.solanamafia.projections.jooq.Tables.NFT_OWNERSHIP;

/**
 * NFTs, buffered: rows change in memory as {@link SqlNftRows} changes them in the tables. Ownership rows are
 * keyed by event position and every event is applied once, so they are all new (written ON CONFLICT DO NOTHING all
 * the same).
 */
public final class BufferedNfts implements BufferedReadModel, NftRows {
    private final DSLContext db;
    private final NftProjection handler;
    private final RowDefaults<NftRecord> defaults;
    private final RowDefaults<NftOwnershipRecord> ownershipDefaults;
    private final RowCache<String, NftRecord> nfts;
    private final Map<String, NftRecord> changed = new LinkedHashMap<>();
    private final List<NftOwnershipRecord> ownership = new ArrayList<>();

    public BufferedNfts(DSLContext db, ProjectionPositions positions, int capacity) {
        this.db = db;
        this.handler = new NftProjection(db, positions, this);
        this.defaults = RowDefaults.of(db, NFT);
        this.ownershipDefaults = RowDefaults.of(db, NFT_OWNERSHIP);
        this.nfts = new RowCache<>(mint -> db.fetchOne(NFT, NFT.MINT.eq(mint)), capacity);
    }

    @Override
    public void upsert(String mint, long position, Map<Field<?>, Object> row, Map<Field<?>, Object> changes) {
        NftRecord nft = nfts.get(mint);
        if (nft == null) {
            nft = defaults.newRecord();
            RecordValues.setAll(nft, row);
            nfts.put(mint, nft);
        } else if (nft.getEventPosition() < position) {
            RecordValues.setAll(nft, changes);
        } else {
            return;
        }
        changed.put(mint, nft);
    }

    @Override
    public void insertOwnership(Map<Field<?>, Object> row) {
        NftOwnershipRecord record = ownershipDefaults.newRecord();
        RecordValues.setAll(record, row);
        ownership.add(record);
    }

    @Override
    public Object handler() {
        return handler;
    }

    /** The NFT rows of the mints the batch's events name, in one query. */
    @Override
    public void prefetch(List<? extends EventMessage<?>> batch) {
        if (!nfts.partial()) {
            return;
        }
        Set<String> mints = new LinkedHashSet<>();
        for (EventMessage<?> message : batch) {
            Wallet mint = mintOf(message.getPayload());
            if (mint != null) {
                mints.add(mint.base58());
            }
        }
        BatchWallets.preload(db, NFT, NFT.MINT, nfts, mints);
    }

    /** The mint whose row the event changes (as {@link NftProjection} handles it), or null. */
    private static Wallet mintOf(Object event) {
        if (event instanceof NftMinted e) {
            return e.mint();
        } else if (event instanceof NftUpgraded e) {
            return e.mint();
        } else if (event instanceof NftBurned e) {
            return e.mint();
        } else if (event instanceof NftTransferred e) {
            return e.mint();
        } else if (event instanceof BusinessPurchased e) {
            return e.nftMint();
        } else if (event instanceof BusinessUpgraded e) {
            return e.newNftMint();
        }
        return null;
    }

    @Override
    public void writeSome() {
        writeOwnership();
        if (nfts.full()) {
            write();
        }
    }

    @Override
    public void write() {
        BulkWrite.upsert(db, NFT, changed.values(), nfts);
        writeOwnership();
        changed.clear();
        nfts.trim();
    }

    private void writeOwnership() {
        BulkWrite.insertNew(db, NFT_OWNERSHIP, ownership);
        ownership.clear();
    }

    @Override
    public void discard() {
        changed.clear();
        ownership.clear();
        nfts.clear();
    }
}
