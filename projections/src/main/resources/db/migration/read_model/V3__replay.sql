-- Blue/green replay of read models (projections.replay): one job at a time, cluster-wide. The job's runner builds
-- shadow tables (<table>__next) from the event store while the live tables keep serving, then every instance stops
-- the job's processors (replay_ack), the runner applies the tail and swaps the tables in one transaction.
CREATE TABLE read_model.replay_job (
    id                 BIGINT                   NOT NULL PRIMARY KEY,
    projections        VARCHAR(1000)            NOT NULL,
    state              VARCHAR(16)              NOT NULL,
    requested_by       VARCHAR(200),
    runner             VARCHAR(200)             NOT NULL,
    heartbeat_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    events_total       BIGINT                   NOT NULL DEFAULT 0,
    events_done        BIGINT                   NOT NULL DEFAULT 0,
    events_per_second  DOUBLE PRECISION         NOT NULL DEFAULT 0,
    eta_seconds        BIGINT,
    event_position     BIGINT                   NOT NULL DEFAULT -1,
    failed_events      BIGINT                   NOT NULL DEFAULT 0,
    error              VARCHAR(4000),
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at        TIMESTAMP WITH TIME ZONE
);
-- [jooq ignore start]
CREATE SEQUENCE read_model.replay_job_id;
-- at most one unfinished job
CREATE UNIQUE INDEX replay_job_one_active ON read_model.replay_job ((1)) WHERE state IN ('BUILDING', 'PAUSING', 'SWITCHING');
-- [jooq ignore stop]

-- every running instance, so a job knows whom to wait for
CREATE TABLE read_model.replay_node (
    node_id       VARCHAR(200)             NOT NULL PRIMARY KEY,
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- an instance has stopped the job's processors
CREATE TABLE read_model.replay_ack (
    job_id      BIGINT                   NOT NULL,
    node_id     VARCHAR(200)             NOT NULL,
    stopped_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (job_id, node_id)
);
