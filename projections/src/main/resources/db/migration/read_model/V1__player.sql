-- Read models: rebuilt from the event store, never the source of truth.
CREATE TABLE read_model.player (
    wallet                VARCHAR(44)              NOT NULL PRIMARY KEY,
    joined_at             TIMESTAMP WITH TIME ZONE,
    entry_fee_lamports    NUMERIC(20, 0)           NOT NULL DEFAULT 0,
    next_earnings_at      TIMESTAMP WITH TIME ZONE,
    joined_slot           BIGINT,
    joined_signature      VARCHAR(88),
    event_position        BIGINT                   NOT NULL,
    updated_at            TIMESTAMP WITH TIME ZONE NOT NULL
);

-- The event-store position (global index) each projection has applied, for freshness headers.
CREATE TABLE read_model.projection_position (
    projection     VARCHAR(100)             NOT NULL PRIMARY KEY,
    event_position BIGINT                   NOT NULL,
    updated_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
