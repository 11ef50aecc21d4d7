package com.solanamafia.projections.activity;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.solanamafia.api.chain.ChainFact;
import com.solanamafia.api.chain.ChainFactEvent;
import com.solanamafia.api.chain.Lamports;
import com.solanamafia.api.chain.UnixTime;
import com.solanamafia.api.chain.Wallet;
import com.solanamafia.projections.support.EventWallets;
import com.solanamafia.projections.support.ProjectionPositions;
import com.solanamafia.projections.support.Times;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import static com.solanamafia.projections.jooq.Tables.ACTIVITY;

/**
 * The activity feed: every domain event about a player (each chain-fact event, for each wallet it concerns), one
 * row per (wallet, event position), so a redelivery inserts nothing. {@code details} holds the event's own fields
 * as JSON (lamports as strings, instants ISO-8601), without the chain fact, which has its own columns.
 */
@Component
@ProcessingGroup(PlayerActivityProjection.NAME)
public class PlayerActivityProjection {
    public static final String NAME = "player-activity";
    /** Writes an event without its chain fact in one pass (no intermediate JSON tree). */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(valueTypes())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .addMixIn(ChainFactEvent.class, WithoutFact.class)
            .build();

    /**
     * The chain's value types, written as their {@code @JsonValue} writes them but without its reflective call (every
     * event has a wallet and most an amount; a replay writes a million of these).
     */
    private static SimpleModule valueTypes() {
        return new SimpleModule("activity-value-types")
                .addSerializer(Wallet.class, new StdSerializer<>(Wallet.class) {
                    @Override
                    public void serialize(Wallet wallet, JsonGenerator json, SerializerProvider provider)
                            throws java.io.IOException {
                        json.writeString(wallet.base58());
                    }
                })
                .addSerializer(Lamports.class, new StdSerializer<>(Lamports.class) {
                    @Override
                    public void serialize(Lamports amount, JsonGenerator json, SerializerProvider provider)
                            throws java.io.IOException {
                        json.writeString(amount.toJson());
                    }
                })
                .addSerializer(UnixTime.class, new StdSerializer<>(UnixTime.class) {
                    @Override
                    public void serialize(UnixTime time, JsonGenerator json, SerializerProvider provider)
                            throws java.io.IOException {
                        json.writeNumber(time.seconds());
                    }
                });
    }

    @JsonIgnoreProperties("fact")
    private interface WithoutFact {
    }

    private final DSLContext db;
    private final ProjectionPositions positions;
    private final Consumer<Map<Field<?>, Object>> insertRow;

    @Autowired
    public PlayerActivityProjection(DSLContext db, ProjectionPositions positions) {
        this(db, positions, row -> db.insertInto(ACTIVITY).set(row).onConflictDoNothing().execute());
    }

    /** {@code insertRow}: inserts an activity row unless its (wallet, event position) exists. */
    PlayerActivityProjection(DSLContext db, ProjectionPositions positions, Consumer<Map<Field<?>, Object>> insertRow) {
        this.db = db;
        this.positions = positions;
        this.insertRow = insertRow;
    }

    /**
     * Every event comes here (one handler: Axon would prefer an Object handler over an interface one); events that
     * are not chain facts only move the read model's position.
     */
    @EventHandler
    void on(Object payload, TrackingToken token, @Timestamp Instant recordedAt) {
        long position = ProjectionPositions.positionOf(token);
        if (payload instanceof ChainFactEvent event) {
            insert(event, position, recordedAt);
        }
        positions.record(NAME, position);
    }

    private void insert(ChainFactEvent event, long position, Instant recordedAt) {
        ChainFact fact = event.fact();
        JSONB details = details(event);
        for (Wallet wallet : EventWallets.all(event)) {
            Map<Field<?>, Object> row = new LinkedHashMap<>();
            row.put(ACTIVITY.WALLET, wallet.base58());
            row.put(ACTIVITY.EVENT_POSITION, position);
            row.put(ACTIVITY.EVENT_TYPE, event.getClass().getSimpleName());
            row.put(ACTIVITY.SIGNATURE, fact.position().signature());
            row.put(ACTIVITY.INSTRUCTION_PATH, fact.position().instructionPath());
            row.put(ACTIVITY.ORDINAL, fact.position().ordinal());
            row.put(ACTIVITY.SLOT, fact.slot());
            row.put(ACTIVITY.BLOCK_TIME, Times.utc(fact.blockTime()));
            row.put(ACTIVITY.RECORDED_AT, Times.utc(recordedAt == null ? Instant.now() : recordedAt));
            row.put(ACTIVITY.DETAILS, details);
            insertRow.accept(row);
        }
    }

    @ResetHandler
    void reset() {
        db.deleteFrom(ACTIVITY).execute();
        positions.forget(NAME);
    }

    static JSONB details(ChainFactEvent event) {
        try {
            return JSONB.valueOf(JSON.writeValueAsString(event));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + event.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
