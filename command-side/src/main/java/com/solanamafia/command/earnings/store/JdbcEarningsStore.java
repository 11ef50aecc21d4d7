package com.solanamafia.command.earnings.store;

import com.solanamafia.api.chain.Wallet;
import com.solanamafia.api.earnings.EarningsUpdateConfirmed;
import com.solanamafia.api.earnings.EarningsUpdateFailed;
import com.solanamafia.api.earnings.EarningsUpdateRequested;
import com.solanamafia.api.earnings.EarningsUpdateSubmitted;
import com.solanamafia.command.earnings.EarningsRequests;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The earnings tables (schema {@code earnings}) and the domain events that go with each state change. Every change
 * and its event are meant to run in one database transaction (the caller's: a saga unit of work, or the
 * submitter's TransactionTemplate), so the table and the event store never disagree.
 */
public class JdbcEarningsStore implements EarningsRequests {

    /** One due window's request row. */
    public record Request(Wallet wallet, Instant dueAt, String state, int attempt, String trigger, Instant nextAttemptAt,
                          String signature, Integer instructionIndex, Long lastValidBlockHeight, Instant submittedAt,
                          List<String> priorSignatures, int sends, String lastError, Instant updatedAt) {
    }

    public record Attempt(long id, String wallet, Instant dueAt, int attempt, String signature, String outcome,
                          String detail, Instant at) {
    }

    public record ScheduleRow(String wallet, Instant dueAt, Instant fireAt, String phase, int businesses, Instant updatedAt) {
    }

    public record Submission(Wallet wallet, Instant dueAt, int attempt, String signature, int instructionIndex,
                             int batchSize, long lastValidBlockHeight) {
    }

    private final JdbcTemplate jdbc;
    private final EventGateway events;
    private final Clock clock;

    public JdbcEarningsStore(JdbcTemplate jdbc, EventGateway events, Clock clock) {
        this.jdbc = jdbc;
        this.events = events;
        this.clock = clock;
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    // ------------------------------------------------------------------ saga side

    @Override
    public void scheduled(Wallet wallet, Instant dueAt, Instant fireAt, String phase, int businesses) {
        jdbc.update("""
                INSERT INTO earnings.schedule (wallet, due_at, fire_at, phase, businesses, updated_at) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (wallet) DO UPDATE SET due_at = EXCLUDED.due_at, fire_at = COALESCE(EXCLUDED.fire_at, earnings.schedule.fire_at),
                  phase = EXCLUDED.phase, businesses = EXCLUDED.businesses, updated_at = EXCLUDED.updated_at""",
                wallet.base58(), ts(dueAt), ts(fireAt), phase, businesses, now());
    }

    @Override
    public void request(Wallet wallet, Instant dueAt, int attempt, String trigger) {
        Timestamp now = now();
        int changed = jdbc.update("""
                INSERT INTO earnings.update_request (wallet, due_at, state, attempt, trigger, next_attempt_at, created_at, updated_at)
                VALUES (?, ?, 'PENDING', ?, ?, ?, ?, ?)
                ON CONFLICT (wallet, due_at) DO UPDATE SET state = 'PENDING', attempt = EXCLUDED.attempt, trigger = EXCLUDED.trigger,
                  next_attempt_at = EXCLUDED.next_attempt_at, last_error = NULL, updated_at = EXCLUDED.updated_at
                WHERE earnings.update_request.state = 'FAILED'""",
                wallet.base58(), ts(dueAt), attempt, trigger, now, now, now);
        if (changed > 0) {
            attempt(wallet, dueAt, attempt, null, "REQUESTED", trigger);
            events.publish(new EarningsUpdateRequested(wallet, dueAt, attempt, trigger, now.toInstant()));
        }
    }

    @Override
    public void confirm(Wallet wallet, Instant dueAt, String outcome, String signature, Instant nextDueAt) {
        Timestamp now = now();
        List<Integer> attempts = jdbc.queryForList("""
                UPDATE earnings.update_request SET state = 'CONFIRMED', updated_at = ? WHERE wallet = ? AND due_at = ? AND state <> 'CONFIRMED'
                RETURNING attempt""", Integer.class, now, wallet.base58(), ts(dueAt));
        if (!attempts.isEmpty()) {
            attempt(wallet, dueAt, attempts.get(0), signature, "CONFIRMED", outcome);
            events.publish(new EarningsUpdateConfirmed(wallet, dueAt, outcome, signature, nextDueAt, now.toInstant()));
        }
    }

    @Override
    public Outcome outcome(Wallet wallet, Instant dueAt) {
        List<String> states = jdbc.queryForList("SELECT state FROM earnings.update_request WHERE wallet = ? AND due_at = ?",
                String.class, wallet.base58(), ts(dueAt));
        return states.isEmpty() ? Outcome.NONE : Outcome.valueOf(states.get(0));
    }

    // ------------------------------------------------------------------ submitter side

    public boolean paused() {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT paused FROM earnings.control WHERE id = 1", Boolean.class));
    }

    public void setPaused(boolean paused, String actor) {
        jdbc.update("UPDATE earnings.control SET paused = ?, changed_by = ?, changed_at = ? WHERE id = 1", paused, actor, now());
    }

    public List<Request> pendingDue(int limit) {
        return jdbc.query("SELECT * FROM earnings.update_request WHERE state = 'PENDING' AND next_attempt_at <= ? ORDER BY due_at LIMIT ?",
                REQUEST, now(), limit);
    }

    public List<Request> submitted(int limit) {
        return jdbc.query("SELECT * FROM earnings.update_request WHERE state = 'SUBMITTED' ORDER BY submitted_at LIMIT ?", REQUEST, limit);
    }

    public List<Request> requests(String state, int limit) {
        return state == null
                ? jdbc.query("SELECT * FROM earnings.update_request ORDER BY updated_at DESC LIMIT ?", REQUEST, limit)
                : jdbc.query("SELECT * FROM earnings.update_request WHERE state = ? ORDER BY updated_at DESC LIMIT ?", REQUEST, state, limit);
    }

    public List<Request> requestsOf(Wallet wallet) {
        return jdbc.query("SELECT * FROM earnings.update_request WHERE wallet = ? ORDER BY due_at", REQUEST, wallet.base58());
    }

    public Map<String, Object> counts() {
        Map<String, Object> out = new java.util.LinkedHashMap<>();
        jdbc.query("SELECT state, count(*) AS n FROM earnings.update_request GROUP BY state ORDER BY state",
                rs -> {
                    out.put(rs.getString("state"), rs.getLong("n"));
                });
        return out;
    }

    /**
     * Records the signatures BEFORE the transaction is sent: if we crash after this commit, the row says SUBMITTED
     * with a signature, and only the chain (status, or blockhash expiry) can move it on. Publishes EarningsUpdateSubmitted.
     */
    public void markSubmitted(List<Submission> submissions) {
        Timestamp now = now();
        for (Submission s : submissions) {
            jdbc.update("""
                    UPDATE earnings.update_request SET state = 'SUBMITTED', signature = ?, instruction_index = ?, last_valid_block_height = ?,
                      submitted_at = ?, sends = sends + 1, updated_at = ? WHERE wallet = ? AND due_at = ? AND state = 'PENDING'""",
                    s.signature(), s.instructionIndex(), s.lastValidBlockHeight(), now, now, s.wallet().base58(), ts(s.dueAt()));
            attempt(s.wallet(), s.dueAt(), s.attempt(), s.signature(), "SUBMITTED", "batch of " + s.batchSize());
            events.publish(new EarningsUpdateSubmitted(s.wallet(), s.dueAt(), s.attempt(), s.signature(), s.instructionIndex(),
                    s.batchSize(), s.lastValidBlockHeight(), now.toInstant()));
        }
    }

    public void markLanded(Request r) {
        jdbc.update("UPDATE earnings.update_request SET state = 'LANDED', updated_at = ? WHERE wallet = ? AND due_at = ? AND state = 'SUBMITTED'",
                now(), r.wallet().base58(), ts(r.dueAt()));
        attempt(r.wallet(), r.dueAt(), r.attempt(), r.signature(), "LANDED", null);
    }

    /** The chain or node refused this window's attempt: FAILED + EarningsUpdateFailed (the saga decides the retry). */
    public void markFailed(Request r, EarningsUpdateFailed.Kind kind, String reason) {
        int changed = jdbc.update("""
                UPDATE earnings.update_request SET state = 'FAILED', last_error = ?, updated_at = ?,
                  prior_signatures = CASE WHEN signature IS NULL THEN prior_signatures ELSE array_append(prior_signatures, signature) END,
                  signature = NULL WHERE wallet = ? AND due_at = ? AND state IN ('PENDING', 'SUBMITTED')""",
                truncate(kind + ": " + reason), now(), r.wallet().base58(), ts(r.dueAt()));
        if (changed > 0) {
            attempt(r.wallet(), r.dueAt(), r.attempt(), r.signature(), "FAILED_" + kind, reason);
            events.publish(new EarningsUpdateFailed(r.wallet(), r.dueAt(), r.attempt(), kind, reason, r.signature(), clock.instant()));
        }
    }

    /**
     * Back to PENDING for a fresh signature, when the chain proved the previous transaction cannot land any more
     * (blockhash expired without it, or the whole batch failed because of another player's instruction).
     */
    public void requeue(Request r, String reason, Instant nextAttemptAt) {
        jdbc.update("""
                UPDATE earnings.update_request SET state = 'PENDING', next_attempt_at = ?, last_error = ?, updated_at = ?,
                  prior_signatures = CASE WHEN signature IS NULL THEN prior_signatures ELSE array_append(prior_signatures, signature) END,
                  signature = NULL WHERE wallet = ? AND due_at = ? AND state IN ('PENDING', 'SUBMITTED')""",
                ts(nextAttemptAt), truncate(reason), now(), r.wallet().base58(), ts(r.dueAt()));
        attempt(r.wallet(), r.dueAt(), r.attempt(), r.signature(), "REQUEUED", reason);
    }

    /** Defers a PENDING row without a send (e.g. the node was unreachable before anything was signed). */
    public void defer(Request r, String reason, Instant nextAttemptAt) {
        jdbc.update("UPDATE earnings.update_request SET next_attempt_at = ?, last_error = ?, updated_at = ? WHERE wallet = ? AND due_at = ? AND state = 'PENDING'",
                ts(nextAttemptAt), truncate(reason), now(), r.wallet().base58(), ts(r.dueAt()));
    }

    // ------------------------------------------------------------------ admin side

    public List<ScheduleRow> dueNow(Instant chainNow, int limit) {
        return jdbc.query("SELECT * FROM earnings.schedule WHERE phase = 'SCHEDULED' AND due_at <= ? ORDER BY due_at LIMIT ?",
                SCHEDULE, ts(chainNow), limit);
    }

    public java.util.Optional<ScheduleRow> schedule(Wallet wallet) {
        return jdbc.query("SELECT * FROM earnings.schedule WHERE wallet = ?", SCHEDULE, wallet.base58()).stream().findFirst();
    }

    public List<ScheduleRow> schedules(int limit) {
        return jdbc.query("SELECT * FROM earnings.schedule ORDER BY due_at NULLS LAST LIMIT ?", SCHEDULE, limit);
    }

    public List<Attempt> attempts(String outcomePrefix, Wallet wallet, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM earnings.update_attempt WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (outcomePrefix != null) {
            sql.append(" AND outcome LIKE ?");
            args.add(outcomePrefix + "%");
        }
        if (wallet != null) {
            sql.append(" AND wallet = ?");
            args.add(wallet.base58());
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(limit);
        return jdbc.query(sql.toString(), (rs, n) -> new Attempt(rs.getLong("id"), rs.getString("wallet"),
                rs.getTimestamp("due_at").toInstant(), rs.getInt("attempt"), rs.getString("signature"), rs.getString("outcome"),
                rs.getString("detail"), rs.getTimestamp("at").toInstant()), args.toArray());
    }

    private void attempt(Wallet wallet, Instant dueAt, int attempt, String signature, String outcome, String detail) {
        jdbc.update("INSERT INTO earnings.update_attempt (wallet, due_at, attempt, signature, outcome, detail, at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                wallet.base58(), ts(dueAt), attempt, signature, outcome, truncate(detail), now());
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }

    private static final RowMapper<ScheduleRow> SCHEDULE = (rs, n) -> new ScheduleRow(rs.getString("wallet"),
            instant(rs.getTimestamp("due_at")), instant(rs.getTimestamp("fire_at")), rs.getString("phase"),
            rs.getInt("businesses"), instant(rs.getTimestamp("updated_at")));

    private static final RowMapper<Request> REQUEST = (rs, n) -> {
        Array prior = rs.getArray("prior_signatures");
        List<String> priors = prior == null ? List.of() : Arrays.asList((String[]) prior.getArray());
        int idx = rs.getInt("instruction_index");
        Integer index = rs.wasNull() ? null : idx;
        long lv = rs.getLong("last_valid_block_height");
        Long lastValid = rs.wasNull() ? null : lv;
        return new Request(Wallet.of(rs.getString("wallet")), rs.getTimestamp("due_at").toInstant(), rs.getString("state"),
                rs.getInt("attempt"), rs.getString("trigger"), instant(rs.getTimestamp("next_attempt_at")), rs.getString("signature"),
                index, lastValid, instant(rs.getTimestamp("submitted_at")), priors, rs.getInt("sends"), rs.getString("last_error"),
                instant(rs.getTimestamp("updated_at")));
    };

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
