-- Read models of the query API. Every table is rebuilt from the event store (its @ResetHandler empties it).
-- u64 amounts are NUMERIC(20, 0); sums over many events may exceed u64 and are NUMERIC(38, 0).
-- event_position columns hold the event-store global index of the event that last changed the row: handlers
-- skip an event whose position is not above it (idempotent under redelivery; events of one wallet arrive in order,
-- see WalletSequencingPolicy). Tables with one row per event use the position as (part of) the key instead.

-- player-summary: the player row gains earnings, investment, business and referral totals.
ALTER TABLE read_model.player ADD COLUMN has_joined BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE read_model.player ADD COLUMN pending_earnings_lamports NUMERIC(20, 0) NOT NULL DEFAULT 0;
ALTER TABLE read_model.player ADD COLUMN total_earnings_accrued_lamports NUMERIC(38, 0) NOT NULL DEFAULT 0;
ALTER TABLE read_model.player ADD COLUMN total_claimed_lamports NUMERIC(38, 0) NOT NULL DEFAULT 0;
ALTER TABLE read_model.player ADD COLUMN total_invested_lamports NUMERIC(38, 0) NOT NULL DEFAULT 0;
ALTER TABLE read_model.player ADD COLUMN lifetime_invested_lamports NUMERIC(38, 0) NOT NULL DEFAULT 0;
ALTER TABLE read_model.player ADD COLUMN total_slot_spent_lamports NUMERIC(38, 0) NOT NULL DEFAULT 0;
ALTER TABLE read_model.player ADD COLUMN total_sell_returns_lamports NUMERIC(38, 0) NOT NULL DEFAULT 0;
ALTER TABLE read_model.player ADD COLUMN active_business_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE read_model.player ADD COLUMN referral_bonus_lamports NUMERIC(38, 0) NOT NULL DEFAULT 0;
ALTER TABLE read_model.player ADD COLUMN referral_bonus_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE read_model.player ADD COLUMN last_activity_at TIMESTAMP WITH TIME ZONE;

-- player-businesses: one row per known slot of a player; occupied rows describe the business in it.
CREATE TABLE read_model.business_slot (
    wallet              VARCHAR(44)              NOT NULL,
    slot_index          INTEGER                  NOT NULL,
    occupied            BOOLEAN                  NOT NULL DEFAULT FALSE,
    unlocked            BOOLEAN                  NOT NULL DEFAULT FALSE,
    slot_type           VARCHAR(16),
    business_type       VARCHAR(32),
    business_type_code  INTEGER,
    upgrade_level       INTEGER,
    base_cost_lamports  NUMERIC(20, 0),
    invested_lamports   NUMERIC(38, 0),
    slot_cost_lamports  NUMERIC(20, 0),
    daily_rate_bp       INTEGER,
    nft_mint            VARCHAR(44),
    occupied_since      TIMESTAMP WITH TIME ZONE,
    purchase_signature  VARCHAR(88),
    event_position      BIGINT                   NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (wallet, slot_index)
);
CREATE INDEX business_slot_nft_mint ON read_model.business_slot (nft_mint);

-- nfts: business NFTs (cb08020) and every change of their holder.
CREATE TABLE read_model.nft (
    mint                VARCHAR(44)              NOT NULL PRIMARY KEY,
    owner_wallet        VARCHAR(44),
    business_type       VARCHAR(32),
    business_type_code  INTEGER,
    upgrade_level       INTEGER,
    serial_number       NUMERIC(20, 0),
    invested_lamports   NUMERIC(20, 0),
    daily_rate_bp       INTEGER,
    status              VARCHAR(8)               NOT NULL,
    minted_at           TIMESTAMP WITH TIME ZONE,
    burned_at           TIMESTAMP WITH TIME ZONE,
    first_position      BIGINT                   NOT NULL,
    event_position      BIGINT                   NOT NULL,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX nft_owner ON read_model.nft (owner_wallet, first_position);

CREATE TABLE read_model.nft_ownership (
    mint            VARCHAR(44)              NOT NULL,
    event_position  BIGINT                   NOT NULL,
    kind            VARCHAR(16)              NOT NULL,
    from_wallet     VARCHAR(44),
    to_wallet       VARCHAR(44),
    signature       VARCHAR(88)              NOT NULL,
    slot            BIGINT                   NOT NULL,
    occurred_at     TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (mint, event_position)
);

-- earnings-history: each accrual and claim, and their sums per player and UTC day.
CREATE TABLE read_model.earnings_entry (
    event_position          BIGINT                   NOT NULL PRIMARY KEY,
    wallet                  VARCHAR(44)              NOT NULL,
    kind                    VARCHAR(8)               NOT NULL,
    amount_lamports         NUMERIC(20, 0)           NOT NULL,
    total_pending_lamports  NUMERIC(20, 0),
    businesses_count        INTEGER,
    next_earnings_at        TIMESTAMP WITH TIME ZONE,
    occurred_at             TIMESTAMP WITH TIME ZONE NOT NULL,
    earned_on               DATE                     NOT NULL,
    signature               VARCHAR(88)              NOT NULL,
    slot                    BIGINT                   NOT NULL
);
CREATE INDEX earnings_entry_wallet ON read_model.earnings_entry (wallet, event_position);

CREATE TABLE read_model.earnings_daily (
    wallet            VARCHAR(44)    NOT NULL,
    earned_on         DATE           NOT NULL,
    accrued_lamports  NUMERIC(38, 0) NOT NULL DEFAULT 0,
    claimed_lamports  NUMERIC(38, 0) NOT NULL DEFAULT 0,
    accrual_count     INTEGER        NOT NULL DEFAULT 0,
    claim_count       INTEGER        NOT NULL DEFAULT 0,
    PRIMARY KEY (wallet, earned_on)
);

-- player-activity: every domain event about a player, newest first by event position.
CREATE TABLE read_model.activity (
    wallet            VARCHAR(44)              NOT NULL,
    event_position    BIGINT                   NOT NULL,
    event_type        VARCHAR(64)              NOT NULL,
    signature         VARCHAR(88)              NOT NULL,
    instruction_path  VARCHAR(64)              NOT NULL,
    ordinal           INTEGER                  NOT NULL,
    slot              BIGINT                   NOT NULL,
    block_time        TIMESTAMP WITH TIME ZONE,
    recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    details           JSONB                    NOT NULL,
    PRIMARY KEY (wallet, event_position)
);

-- leaderboards
CREATE TABLE read_model.leaderboard_entry (
    wallet                   VARCHAR(44)              NOT NULL PRIMARY KEY,
    earnings_lamports        NUMERIC(38, 0)           NOT NULL DEFAULT 0,
    claimed_lamports         NUMERIC(38, 0)           NOT NULL DEFAULT 0,
    invested_lamports        NUMERIC(38, 0)           NOT NULL DEFAULT 0,
    referral_count           INTEGER                  NOT NULL DEFAULT 0,
    referral_bonus_lamports  NUMERIC(38, 0)           NOT NULL DEFAULT 0,
    event_position           BIGINT                   NOT NULL,
    updated_at               TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX leaderboard_entry_earnings ON read_model.leaderboard_entry (earnings_lamports DESC, wallet);
CREATE INDEX leaderboard_entry_invested ON read_model.leaderboard_entry (invested_lamports DESC, wallet);
CREATE INDEX leaderboard_entry_referrals ON read_model.leaderboard_entry (referral_count DESC, referral_bonus_lamports DESC, wallet);

CREATE TABLE read_model.leaderboard_referral (
    referrer         VARCHAR(44) NOT NULL,
    referred_player  VARCHAR(44) NOT NULL,
    PRIMARY KEY (referrer, referred_player)
);

-- global-stats: one row of totals; stats_wallet guards each wallet's contributions.
CREATE TABLE read_model.global_stats (
    id                               INTEGER                  NOT NULL PRIMARY KEY,
    players                          BIGINT                   NOT NULL DEFAULT 0,
    active_businesses                BIGINT                   NOT NULL DEFAULT 0,
    businesses_purchased             BIGINT                   NOT NULL DEFAULT 0,
    businesses_sold                  BIGINT                   NOT NULL DEFAULT 0,
    business_upgrades                BIGINT                   NOT NULL DEFAULT 0,
    total_invested_lamports          NUMERIC(38, 0)           NOT NULL DEFAULT 0,
    lifetime_invested_lamports       NUMERIC(38, 0)           NOT NULL DEFAULT 0,
    total_entry_fees_lamports        NUMERIC(38, 0)           NOT NULL DEFAULT 0,
    total_slot_spent_lamports        NUMERIC(38, 0)           NOT NULL DEFAULT 0,
    total_earnings_accrued_lamports  NUMERIC(38, 0)           NOT NULL DEFAULT 0,
    total_claimed_lamports           NUMERIC(38, 0)           NOT NULL DEFAULT 0,
    total_sell_returns_lamports      NUMERIC(38, 0)           NOT NULL DEFAULT 0,
    total_referral_bonus_lamports    NUMERIC(38, 0)           NOT NULL DEFAULT 0,
    nfts_minted                      BIGINT                   NOT NULL DEFAULT 0,
    nfts_burned                      BIGINT                   NOT NULL DEFAULT 0,
    discrepancies                    BIGINT                   NOT NULL DEFAULT 0,
    event_position                   BIGINT                   NOT NULL DEFAULT -1,
    updated_at                       TIMESTAMP WITH TIME ZONE
);

CREATE TABLE read_model.stats_wallet (
    wallet          VARCHAR(44) NOT NULL PRIMARY KEY,
    counted         BOOLEAN     NOT NULL DEFAULT FALSE,
    event_position  BIGINT      NOT NULL
);

-- discrepancies: ChainDiscrepancyDetected, for operators.
CREATE TABLE read_model.discrepancy (
    event_position    BIGINT                   NOT NULL PRIMARY KEY,
    wallet            VARCHAR(44)              NOT NULL,
    rule_id           VARCHAR(100)             NOT NULL,
    reason            VARCHAR(4000)            NOT NULL,
    signature         VARCHAR(88)              NOT NULL,
    instruction_path  VARCHAR(64)              NOT NULL,
    ordinal           INTEGER                  NOT NULL,
    slot              BIGINT                   NOT NULL,
    block_time        TIMESTAMP WITH TIME ZONE,
    detected_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX discrepancy_wallet ON read_model.discrepancy (wallet, event_position);
CREATE INDEX discrepancy_rule ON read_model.discrepancy (rule_id, event_position);
