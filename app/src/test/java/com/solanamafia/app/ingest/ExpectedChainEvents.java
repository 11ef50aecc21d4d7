package com.solanamafia.app.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.solanamafia.ingest.idl.IdlRegistry;
import com.solanamafia.ingest.logs.DecodedEvent;
import com.solanamafia.ingest.logs.TransactionLogDecoder;
import com.solanamafia.sim.ChainSimulator;
import com.solanamafia.sim.ledger.SimTransaction;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** What an exactly-once ingester must have recorded: every program event of the ledger, in chain order. */
final class ExpectedChainEvents {
    private static final ObjectMapper JSON = new ObjectMapper();
    static final String DISCREPANCY = "com.solanamafia.api.discrepancy.ChainDiscrepancyDetected";
    /** The players' sides of a BusinessTransferred: follow-ups at the NftTransferred's position, not program events. */
    static final java.util.Set<String> TRANSFER_FOLLOW_UPS = java.util.Set.of(
            "com.solanamafia.api.transfer.BusinessHandedOver", "com.solanamafia.api.transfer.BusinessTakenOver");

    private ExpectedChainEvents() {
    }

    /** Position keys ("signature:path:ordinal") of the program events of every successful transaction, in order. */
    static List<String> fromLedger(ChainSimulator chain, IdlRegistry registry) {
        TransactionLogDecoder decoder = new TransactionLogDecoder(registry);
        List<String> keys = new ArrayList<>();
        for (SimTransaction tx : chain.ledger().all()) {
            var decoded = decoder.decode(tx.signature(), tx.logMessages(), !tx.succeeded(), tx.slot(), tx.blockTime());
            for (DecodedEvent event : decoded.events()) {
                keys.add(event.position().key());
            }
        }
        return keys;
    }

    /**
     * Position keys of the chain-fact domain events in the event store, in global order (discrepancies, transfer
     * follow-ups and events that are not chain facts left out).
     */
    static List<String> fromEventStore(JdbcTemplate jdbc) {
        List<String> keys = new ArrayList<>();
        jdbc.query("SELECT payload_type, payload FROM event_store.domain_event_entry ORDER BY global_index", rs -> {
            if (DISCREPANCY.equals(rs.getString(1)) || TRANSFER_FOLLOW_UPS.contains(rs.getString(1))) {
                return;
            }
            try {
                JsonNode position = JSON.readTree(new String(rs.getBytes(2), StandardCharsets.UTF_8)).path("fact").path("position");
                if (position.isMissingNode()) {
                    return; // not a chain fact (earnings runs, admin actions)
                }
                keys.add(position.path("signature").asText() + ":" + position.path("instructionPath").asText() + ":"
                        + position.path("ordinal").asInt());
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        });
        return keys;
    }
}
