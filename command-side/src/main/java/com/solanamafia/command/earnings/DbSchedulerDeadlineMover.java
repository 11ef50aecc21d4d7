package com.solanamafia.command.earnings;

import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineToken;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * {@link DeadlineMover} on the table of Axon's DbSchedulerDeadlineManager. Only an execution that is not picked is
 * moved, and its version is bumped as db-scheduler's own reschedule does, so a poller that fetched it at the old time
 * fails its optimistic pick; a picked one (executing) is left alone and the caller schedules a new deadline instead.
 */
public class DbSchedulerDeadlineMover implements DeadlineMover {
    private static final String TASK_NAME = new DbSchedulerDeadlineToken("").getTaskName();
    private final JdbcTemplate jdbc;
    private final String sql;

    /** @param table db-scheduler's table ({@code db-scheduler.table-name}) */
    public DbSchedulerDeadlineMover(JdbcTemplate jdbc, String table) {
        if (!table.matches("[A-Za-z_][A-Za-z0-9_.]*")) {
            throw new IllegalArgumentException("db-scheduler table name: " + table);
        }
        this.jdbc = jdbc;
        this.sql = "UPDATE " + table + " SET execution_time = ?, version = version + 1"
                + " WHERE task_name = ? AND task_instance = ? AND picked = false";
    }

    @Override
    public boolean move(String scheduleId, Instant triggerTime) {
        return jdbc.update(sql, Timestamp.from(triggerTime), TASK_NAME, scheduleId) == 1;
    }
}
