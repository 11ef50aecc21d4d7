package com.solanamafia.projections.support;

import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainPosition;
import com.solanamafia.api.chain.Wallet;
import com.solanamafia.testsupport.SchemaMigrations;
import com.solanamafia.testsupport.TestPostgres;
import com.zaxxer.hikari.HikariDataSource;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.TrackingToken;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A fresh PostgreSQL database with the read-model schema, a jOOQ context on it, and event fixtures. */
public final class ReadModelDb implements AutoCloseable {
    public static final Wallet ALICE = wallet(1);
    public static final Wallet BOB = wallet(2);
    public static final Wallet CAROL = wallet(3);
    public static final Wallet MINT_A = wallet(101);
    public static final Wallet MINT_B = wallet(102);

    public final HikariDataSource dataSource;
    public final DSLContext db;
    public final ProjectionPositions positions;

    private ReadModelDb(HikariDataSource dataSource) {
        this.dataSource = dataSource;
        this.db = DSL.using(dataSource, SQLDialect.POSTGRES);
        this.positions = new ProjectionPositions(db);
    }

    public static ReadModelDb fresh(String purpose) {
        TestPostgres.Database database = TestPostgres.freshDatabase(purpose);
        HikariDataSource dataSource = database.dataSource();
        SchemaMigrations.migrate(dataSource, "read_model");
        return new ReadModelDb(dataSource);
    }

    public static Wallet wallet(int seed) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) seed);
        return Wallet.ofBytes(key);
    }

    public static TrackingToken at(long position) {
        return new GlobalSequenceTrackingToken(position);
    }

    /** A chain fact at slot {@code slot}, with the given block time (ISO-8601, or null). */
    public static ChainFact fact(String signature, long slot, String blockTime) {
        return new ChainFact(new ChainPosition(signature, "0", 0), slot,
                blockTime == null ? null : Instant.parse(blockTime));
    }

    /** Every row of the tables, without updated_at (which a redelivery may touch), as comparable text. */
    public String snapshot(Table<?>... tables) {
        StringBuilder out = new StringBuilder();
        for (Table<?> table : tables) {
            List<Field<?>> fields = Arrays.stream(table.fields())
                    .filter(f -> !f.getName().equals("updated_at"))
                    .collect(Collectors.toList());
            out.append(table.getName()).append('\n');
            for (Record row : db.select(fields).from(table).orderBy(fields.get(0), fields.get(1)).fetch()) {
                out.append(row.intoList()).append('\n');
            }
        }
        return out.toString();
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
