-- Ingestion bookkeeping. Every row here is written in the same database transaction as the domain
-- events it covers, which is what makes ingestion exactly-once.

-- The newest transaction applied, in chain order, per program.
CREATE TABLE ingest.checkpoint (
    program_id           VARCHAR(44)              NOT NULL PRIMARY KEY,
    last_signature       VARCHAR(88)              NOT NULL,
    last_slot            BIGINT                   NOT NULL,
    transactions_applied BIGINT                   NOT NULL DEFAULT 0,
    events_applied       BIGINT                   NOT NULL DEFAULT 0,
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Every transaction seen, successful or not: re-ingesting it is a no-op.
CREATE TABLE ingest.applied_transaction (
    signature   VARCHAR(88)              NOT NULL PRIMARY KEY,
    program_id  VARCHAR(44)              NOT NULL,
    slot        BIGINT                   NOT NULL,
    block_time  BIGINT,
    status      VARCHAR(16)              NOT NULL, -- applied | failed | truncated
    event_count INTEGER                  NOT NULL,
    applied_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX applied_transaction_slot ON ingest.applied_transaction (slot);

-- The idempotency key of each program event turned into a domain event.
CREATE TABLE ingest.event_position (
    signature        VARCHAR(88) NOT NULL,
    instruction_path VARCHAR(64) NOT NULL,
    ordinal          INTEGER     NOT NULL,
    event_name       VARCHAR(64) NOT NULL,
    slot             BIGINT      NOT NULL,
    PRIMARY KEY (signature, instruction_path, ordinal)
);

-- What could not be turned into a domain event, kept for inspection and re-processing after an IDL fix.
CREATE TABLE ingest.quarantine (
    id               BIGSERIAL                NOT NULL PRIMARY KEY,
    program_id       VARCHAR(44)              NOT NULL,
    signature        VARCHAR(88)              NOT NULL,
    instruction_path VARCHAR(64),
    ordinal          INTEGER,
    slot             BIGINT                   NOT NULL,
    block_time       BIGINT,
    kind             VARCHAR(32)              NOT NULL, -- undecodable | unknown-event | unmappable
    raw_line         TEXT                     NOT NULL,
    reason           TEXT                     NOT NULL,
    status           VARCHAR(16)              NOT NULL DEFAULT 'open', -- open | reprocessed | failed-again
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    resolved_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX quarantine_status ON ingest.quarantine (status, id);

-- Who holds the ingest lease (the lock itself is a PostgreSQL advisory lock; this row is for operators).
CREATE TABLE ingest.lease (
    name         VARCHAR(100)             NOT NULL PRIMARY KEY,
    owner        VARCHAR(200)             NOT NULL,
    acquired_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    heartbeat_at TIMESTAMP WITH TIME ZONE NOT NULL
);
