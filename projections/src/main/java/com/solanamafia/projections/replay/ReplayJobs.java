package com.solanamafia.projections.replay;

import org.jooq.DSLContext;
import org.jooq.Record;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** The cluster-wide replay coordination rows: jobs, live instances and their acknowledgements. Plain SQL. */
public class ReplayJobs {
    /** An instance whose heartbeat is older than this is no longer waited for. */
    public static final Duration NODE_TIMEOUT = Duration.ofSeconds(10);
    /** A job whose runner has not reported for this long is failed by whichever instance notices. */
    public static final Duration RUNNER_TIMEOUT = Duration.ofSeconds(30);

    private static final String COLUMNS = "id, projections, state, requested_by, runner, heartbeat_at, events_total, "
            + "events_done, events_per_second, eta_seconds, event_position, failed_events, error, created_at, finished_at";

    private final DSLContext db;

    public ReplayJobs(DSLContext db) {
        this.db = db;
    }

    /** Starts a job owned by {@code runner}; refused while another job is unfinished. */
    public ReplayJob create(List<String> projections, String requestedBy, String runner) {
        failAbandoned();
        try {
            long id = db.fetchOne("SELECT nextval('read_model.replay_job_id')").get(0, Long.class);
            db.execute("INSERT INTO read_model.replay_job (id, projections, state, requested_by, runner, heartbeat_at, "
                            + "created_at) VALUES (?, ?, 'BUILDING', ?, ?, now(), now())",
                    id, String.join(",", projections), requestedBy, runner);
            return find(id).orElseThrow();
        } catch (RuntimeException e) {
            Optional<ReplayJob> active = active();
            if (active.isPresent()) {
                throw new ReplayConflictException(active.get());
            }
            throw e;
        }
    }

    public Optional<ReplayJob> find(long id) {
        return db.fetchOptional("SELECT " + COLUMNS + " FROM read_model.replay_job WHERE id = ?", id).map(ReplayJobs::job);
    }

    /** The unfinished job, if any. */
    public Optional<ReplayJob> active() {
        return db.fetchOptional("SELECT " + COLUMNS + " FROM read_model.replay_job "
                + "WHERE state IN ('BUILDING', 'PAUSING', 'SWITCHING')").map(ReplayJobs::job);
    }

    public List<ReplayJob> recent(int limit) {
        return db.fetch("SELECT " + COLUMNS + " FROM read_model.replay_job ORDER BY id DESC LIMIT ?", limit)
                .map(ReplayJobs::job);
    }

    public void progress(long id, long total, long done, double rate, Long eta, long position, long failed) {
        db.execute("UPDATE read_model.replay_job SET heartbeat_at = now(), events_total = ?, events_done = ?, "
                        + "events_per_second = ?, eta_seconds = ?, event_position = ?, failed_events = ? WHERE id = ?",
                total, done, rate, eta, position, failed, id);
    }

    /** Moves an unfinished job on; false if it is no longer in {@code from} (e.g. failed as abandoned). */
    public boolean transition(long id, ReplayJob.State from, ReplayJob.State to) {
        return db.execute("UPDATE read_model.replay_job SET state = ?, heartbeat_at = now(), "
                + "finished_at = CASE WHEN ? IN ('DONE', 'FAILED') THEN now() END WHERE id = ? AND state = ?",
                to.name(), to.name(), id, from.name()) == 1;
    }

    public void fail(long id, String error) {
        String message = error == null ? "failed" : error.length() > 3900 ? error.substring(0, 3900) : error;
        db.execute("UPDATE read_model.replay_job SET state = 'FAILED', error = ?, finished_at = now() "
                + "WHERE id = ? AND state IN ('BUILDING', 'PAUSING', 'SWITCHING')", message, id);
    }

    /** Fails an unfinished job whose runner stopped reporting (it crashed); its instances then restart processors. */
    public int failAbandoned() {
        return db.execute("UPDATE read_model.replay_job SET state = 'FAILED', finished_at = now(), "
                + "error = 'the runner ' || runner || ' stopped reporting' "
                + "WHERE state IN ('BUILDING', 'PAUSING', 'SWITCHING') AND heartbeat_at < now() - make_interval(secs => ?)",
                (double) RUNNER_TIMEOUT.toSeconds());
    }

    public void heartbeat(String node) {
        db.execute("INSERT INTO read_model.replay_node (node_id, started_at, heartbeat_at) VALUES (?, now(), now()) "
                + "ON CONFLICT (node_id) DO UPDATE SET heartbeat_at = now()", node);
    }

    public void leave(String node) {
        db.execute("DELETE FROM read_model.replay_node WHERE node_id = ?", node);
    }

    /** Instances alive now (recent heartbeat); old rows are cleaned up on the way. */
    public Set<String> liveNodes() {
        db.execute("DELETE FROM read_model.replay_node WHERE heartbeat_at < now() - interval '1 hour'");
        return new TreeSet<>(db.fetch("SELECT node_id FROM read_model.replay_node "
                        + "WHERE heartbeat_at >= now() - make_interval(secs => ?)", (double) NODE_TIMEOUT.toSeconds())
                .getValues(0, String.class));
    }

    public void acknowledge(long job, String node) {
        db.execute("INSERT INTO read_model.replay_ack (job_id, node_id, stopped_at) VALUES (?, ?, now()) "
                + "ON CONFLICT DO NOTHING", job, node);
    }

    public Set<String> acknowledged(long job) {
        return new TreeSet<>(db.fetch("SELECT node_id FROM read_model.replay_ack WHERE job_id = ?", job)
                .getValues(0, String.class));
    }

    private static ReplayJob job(Record r) {
        return new ReplayJob(r.get(0, Long.class), Arrays.asList(r.get(1, String.class).split(",")),
                ReplayJob.State.valueOf(r.get(2, String.class)), r.get(3, String.class), r.get(4, String.class),
                instant(r.get(5)), r.get(6, Long.class), r.get(7, Long.class), r.get(8, Double.class),
                r.get(9, Long.class), r.get(10, Long.class), r.get(11, Long.class), r.get(12, String.class),
                instant(r.get(13)), instant(r.get(14)));
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        return Instant.parse(value.toString());
    }

    /** Another replay is unfinished. */
    public static final class ReplayConflictException extends IllegalStateException {
        private final ReplayJob active;

        public ReplayConflictException(ReplayJob active) {
            super("replay job " + active.id() + " (" + String.join(",", active.projections()) + ") is " + active.state());
            this.active = active;
        }

        public ReplayJob active() {
            return active;
        }
    }
}
