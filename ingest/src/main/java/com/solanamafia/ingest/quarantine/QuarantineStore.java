package com.solanamafia.ingest.quarantine;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

public class QuarantineStore {
    private static final RowMapper<QuarantineItem> ROW = (rs, i) -> new QuarantineItem(rs.getLong("id"),
            rs.getString("program_id"), rs.getString("signature"), rs.getString("instruction_path"),
            (Integer) rs.getObject("ordinal"), rs.getLong("slot"), (Long) rs.getObject("block_time"),
            rs.getString("kind"), rs.getString("raw_line"), rs.getString("reason"), rs.getString("status"),
            rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("resolved_at") == null ? null : rs.getTimestamp("resolved_at").toInstant());

    private final JdbcTemplate jdbc;

    public QuarantineStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void add(String programId, String signature, String instructionPath, Integer ordinal, long slot,
                    Long blockTime, String kind, String rawLine, String reason) {
        jdbc.update("INSERT INTO ingest.quarantine (program_id, signature, instruction_path, ordinal, slot, block_time, "
                        + "kind, raw_line, reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                programId, signature, instructionPath, ordinal, slot, blockTime, kind, rawLine, reason,
                Timestamp.from(Instant.now()));
    }

    public List<QuarantineItem> list(String status, long afterId, int limit) {
        if (status == null) {
            return jdbc.query("SELECT * FROM ingest.quarantine WHERE id > ? ORDER BY id LIMIT ?", ROW, afterId, limit);
        }
        return jdbc.query("SELECT * FROM ingest.quarantine WHERE status = ? AND id > ? ORDER BY id LIMIT ?", ROW,
                status, afterId, limit);
    }

    public Optional<QuarantineItem> find(long id) {
        return jdbc.query("SELECT * FROM ingest.quarantine WHERE id = ?", ROW, id).stream().findFirst();
    }

    public Optional<QuarantineItem> lockOpen(long id) {
        return jdbc.query("SELECT * FROM ingest.quarantine WHERE id = ? AND status <> 'reprocessed' FOR UPDATE", ROW, id)
                .stream().findFirst();
    }

    public void resolve(long id, String status, String reason) {
        jdbc.update("UPDATE ingest.quarantine SET status = ?, reason = coalesce(?, reason), resolved_at = now() WHERE id = ?",
                status, reason, id);
    }

    public long countOpen() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM ingest.quarantine WHERE status <> 'reprocessed'", Long.class);
        return count == null ? 0 : count;
    }
}
