-- Earnings automation (command-side earnings package). Schema "earnings".

-- db-scheduler's table (Axon DbSchedulerDeadlineManager deadlines + the submitter's recurring task).
-- Configured with db-scheduler.table-name=earnings.scheduled_tasks.
CREATE TABLE earnings.scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time_idx ON earnings.scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON earnings.scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON earnings.scheduled_tasks (priority DESC, execution_time ASC);

-- Where each player's schedule stands (written by the schedule saga; read by the admin API).
CREATE TABLE earnings.schedule (
    wallet      TEXT PRIMARY KEY,
    due_at      TIMESTAMP WITH TIME ZONE,
    fire_at     TIMESTAMP WITH TIME ZONE,
    phase       TEXT                     NOT NULL,
    businesses  INT                      NOT NULL,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX schedule_due_idx ON earnings.schedule (phase, due_at);

-- One row per due window (wallet, due_at): the submission state machine.
--   PENDING   -> to be signed and sent (next_attempt_at)
--   SUBMITTED -> signature stored BEFORE the send; resolved only by the chain (status or blockhash expiry)
--   LANDED    -> the transaction succeeded on chain; waiting for the ingester's EarningsAccrued
--   FAILED    -> the chain/node refused it; the saga re-requests after backoff
--   CONFIRMED -> the window is paid (EarningsAccrued seen)
CREATE TABLE earnings.update_request (
    wallet                  TEXT                     NOT NULL,
    due_at                  TIMESTAMP WITH TIME ZONE NOT NULL,
    state                   TEXT                     NOT NULL,
    attempt                 INT                      NOT NULL,
    trigger                 TEXT                     NOT NULL,
    next_attempt_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    signature               TEXT,
    instruction_index       INT,
    last_valid_block_height BIGINT,
    submitted_at            TIMESTAMP WITH TIME ZONE,
    prior_signatures        TEXT[]                   NOT NULL DEFAULT '{}',
    sends                   INT                      NOT NULL DEFAULT 0,
    last_error              TEXT,
    created_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at              TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (wallet, due_at)
);
CREATE INDEX update_request_state_idx ON earnings.update_request (state, next_attempt_at);
CREATE INDEX update_request_signature_idx ON earnings.update_request (signature);

-- Every attempt and its outcome (admin API: runs, failures, retries).
CREATE TABLE earnings.update_attempt (
    id          BIGSERIAL PRIMARY KEY,
    wallet      TEXT                     NOT NULL,
    due_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    attempt     INT                      NOT NULL,
    signature   TEXT,
    outcome     TEXT                     NOT NULL,
    detail      TEXT,
    at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX update_attempt_wallet_idx ON earnings.update_attempt (wallet, id);
CREATE INDEX update_attempt_outcome_idx ON earnings.update_attempt (outcome, id);

-- Pause switch shared by every instance.
CREATE TABLE earnings.control (
    id          INT PRIMARY KEY CHECK (id = 1),
    paused      BOOLEAN                  NOT NULL,
    changed_by  TEXT,
    changed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
INSERT INTO earnings.control (id, paused, changed_by, changed_at) VALUES (1, FALSE, NULL, now());
