package com.solanamafia.ingest.pipeline;

import com.solanamafia.ingest.logs.DecodedEvent;
import com.solanamafia.ingest.rpc.ChainTransaction;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Ingestion bookkeeping in the {@code ingest} schema; callers run these inside the batch's transaction. */
public class IngestStore {
    private final JdbcTemplate jdbc;

    public IngestStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Checkpoint> checkpoint(String programId) {
        return jdbc.query("SELECT program_id, last_signature, last_slot, transactions_applied, events_applied "
                        + "FROM ingest.checkpoint WHERE program_id = ?",
                (rs, i) -> new Checkpoint(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)),
                programId).stream().findFirst();
    }

    public Set<String> alreadyApplied(Collection<String> signatures) {
        if (signatures.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("SELECT signature FROM ingest.applied_transaction WHERE signature = ANY(?)",
                String.class, (Object) signatures.toArray(String[]::new)));
    }

    /** Those of the aggregates that have no event in the event store. */
    public Set<String> withoutEvents(Collection<String> aggregateIds) {
        if (aggregateIds.isEmpty()) {
            return Set.of();
        }
        // one index probe per id that stops at the first event (DISTINCT over = ANY read every event of every player)
        return new HashSet<>(jdbc.queryForList("SELECT id FROM unnest(?::varchar[]) AS id WHERE NOT EXISTS "
                + "(SELECT 1 FROM event_store.domain_event_entry WHERE aggregate_identifier = id)",
                String.class, (Object) aggregateIds.toArray(String[]::new)));
    }

    public void recordTransactions(String programId, List<AppliedTransaction> transactions) {
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.batchUpdate("INSERT INTO ingest.applied_transaction (signature, program_id, slot, block_time, status, "
                        + "event_count, applied_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                transactions, 500, (ps, t) -> {
                    ps.setString(1, t.transaction().signature());
                    ps.setString(2, programId);
                    ps.setLong(3, t.transaction().slot());
                    ps.setObject(4, t.transaction().blockTime());
                    ps.setString(5, t.status());
                    ps.setInt(6, t.eventCount());
                    ps.setTimestamp(7, now);
                });
    }

    /** Inserts the positions; a duplicate violates the primary key and aborts the batch's transaction. */
    public void recordPositions(List<DecodedEvent> events) {
        jdbc.batchUpdate("INSERT INTO ingest.event_position (signature, instruction_path, ordinal, event_name, slot) "
                        + "VALUES (?, ?, ?, ?, ?)",
                events, 1000, (ps, e) -> {
                    ps.setString(1, e.position().signature());
                    ps.setString(2, e.position().instructionPath());
                    ps.setInt(3, e.position().ordinal());
                    ps.setString(4, e.name());
                    ps.setLong(5, e.slot() == null ? 0 : e.slot());
                });
    }

    public boolean positionRecorded(String signature, String instructionPath, int ordinal) {
        Integer count = jdbc.queryForObject("SELECT count(*) FROM ingest.event_position WHERE signature = ? "
                + "AND instruction_path = ? AND ordinal = ?", Integer.class, signature, instructionPath, ordinal);
        return count != null && count > 0;
    }

    /**
     * Moves the checkpoint from {@code after} (null: there is none yet) to {@code last}, or throws
     * {@link CheckpointMovedException} when it is not where this writer left it: another instance wrote meanwhile, or a
     * database crash lost windows committed without waiting for the disk. The caller's transaction then rolls back.
     */
    public void advanceCheckpoint(String programId, String after, ChainTransaction last, int transactions, int events) {
        int moved = after == null
                ? jdbc.update("INSERT INTO ingest.checkpoint (program_id, last_signature, last_slot, transactions_applied, "
                        + "events_applied, updated_at) VALUES (?, ?, ?, ?, ?, now()) ON CONFLICT (program_id) DO NOTHING",
                programId, last.signature(), last.slot(), transactions, events)
                : jdbc.update("UPDATE ingest.checkpoint SET last_signature = ?, last_slot = ?, "
                        + "transactions_applied = transactions_applied + ?, events_applied = events_applied + ?, "
                        + "updated_at = now() WHERE program_id = ? AND last_signature = ?",
                last.signature(), last.slot(), transactions, events, programId, after);
        if (moved != 1) {
            throw new CheckpointMovedException(programId, after, checkpoint(programId).map(Checkpoint::lastSignature).orElse(null));
        }
    }

    /**
     * The current transaction commits without waiting for its WAL to reach the disk. A crash of the database (not of
     * the app) can then lose it, but only together with everything committed after it: events, positions and
     * checkpoint go back to an earlier window as one, and {@link #advanceCheckpoint} notices.
     */
    public void commitWithoutWaitingForDisk() {
        jdbc.execute("SET LOCAL synchronous_commit TO off");
    }

    /** A transaction of a batch with what became of it: applied, failed (rolled back on chain) or truncated. */
    public record AppliedTransaction(ChainTransaction transaction, String status, int eventCount) {
    }
}
