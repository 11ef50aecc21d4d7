package com.solanamafia.projections.nft;

import org.jooq.Field;

import java.util.Map;

/** Where the NFT rows change: in the tables (live) or in memory (a replay's batch). */
interface NftRows {
    /** Inserts {@code row}, or sets {@code changes} on the mint's row unless it reflects {@code position} already. */
    void upsert(String mint, long position, Map<Field<?>, Object> row, Map<Field<?>, Object> changes);

    /** Inserts an ownership row unless its (mint, event position) exists. */
    void insertOwnership(Map<Field<?>, Object> row);
}
