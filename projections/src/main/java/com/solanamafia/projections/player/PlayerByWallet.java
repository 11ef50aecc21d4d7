package com.solanamafia.projections.player;

import com.solanamafia.projections.jooq.tables.records.PlayerRecord;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.impl.DSL;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import static com.solanamafia.projections.jooq.Tables.PLAYER;
import static com.solanamafia.projections.jooq.Tables.PROJECTION_POSITION;

/**
 * The hot read behind {@code GET /players/{wallet}}: the player summary's position and the wallet's row in one
 * statement (one round trip, one snapshot; the position row is read even when the wallet has no row). jOOQ renders
 * its SQL once and maps the JDBC result: rendering the typed query (or parsing a plain-SQL template) on every call
 * was up to a tenth of the request's CPU (BENCHMARKS.md, "Query API").
 */
final class PlayerByWallet {
    /** A player row (null when the wallet has none) and the read model's position (-1 when none is recorded). */
    record Found(PlayerRecord player, long position) {
    }

    private static final Field<Long> POSITION = DSL.field(DSL.select(PROJECTION_POSITION.EVENT_POSITION)
            .from(PROJECTION_POSITION)
            .where(PROJECTION_POSITION.PROJECTION.eq(DSL.inline(PlayerSummaryProjection.NAME)))).as("read_model_position");

    private final DSLContext db;
    private final String sql;
    private final Field<?>[] fields;

    PlayerByWallet(DSLContext db) {
        this.db = db;
        List<Field<?>> selected = new ArrayList<>();
        selected.add(POSITION);
        selected.addAll(List.of(PLAYER.fields()));
        this.fields = selected.toArray(Field<?>[]::new);
        this.sql = db.render(DSL.select(fields)
                .from(DSL.selectOne().asTable("one"))
                .leftJoin(PLAYER).on(PLAYER.WALLET.eq(DSL.param("wallet", String.class))));
    }

    Found find(String wallet) {
        Record row = db.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                statement.setString(1, wallet);
                try (ResultSet rows = statement.executeQuery()) {
                    return db.fetchOne(rows, fields);
                }
            }
        });
        Long position = row.get(POSITION);
        PlayerRecord player = row.get(PLAYER.WALLET) == null ? null : row.into(PLAYER);
        return new Found(player, position == null ? -1 : position);
    }
}
