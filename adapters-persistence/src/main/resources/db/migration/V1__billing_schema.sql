-- Agent Credits billing store.
-- Money is BIGINT cents, credits are BIGINT, times are timestamptz; nothing is floating point.
-- Enumerations are text checked against the domain's enum names, so a new value needs a migration.

CREATE TABLE teams (
    team_id                 text        PRIMARY KEY,
    name                    text        NOT NULL,
    plan                    text        NOT NULL
        CHECK (plan IN ('BUILD', 'MAX', 'BUSINESS', 'ENTERPRISE', 'PRO', 'TURBO', 'LIGHTSPEED')),
    -- No foreign key: the team row is written before its owner's member row.
    owner_member_id         text        NOT NULL,
    monthly_spend_cap_cents bigint      NOT NULL CHECK (monthly_spend_cap_cents >= 0),
    created_at              timestamptz NOT NULL
);

CREATE TABLE members (
    member_id text        PRIMARY KEY,
    team_id   text        NOT NULL REFERENCES teams,
    email     text        NOT NULL,
    role      text        NOT NULL CHECK (role IN ('OWNER', 'ADMIN', 'MEMBER')),
    anchor    timestamptz NOT NULL
);
-- One member per email and team; emails compare without regard to case.
CREATE UNIQUE INDEX members_team_email ON members (team_id, lower(email));

CREATE TABLE api_keys (
    key_id     text        PRIMARY KEY,
    team_id    text        NOT NULL REFERENCES teams,
    member_id  text        REFERENCES members, -- null for a team API key
    name       text        NOT NULL,
    hash       text        NOT NULL UNIQUE,
    created_at timestamptz NOT NULL,
    revoked_at timestamptz
);

CREATE TABLE pools (
    pool_id                   text        PRIMARY KEY,
    kind                      text        NOT NULL CHECK (kind IN ('MEMBER', 'TEAM')),
    team_id                   text        NOT NULL REFERENCES teams,
    member_id                 text        REFERENCES members,
    cycle_anchor              timestamptz,
    cycle_start               timestamptz,
    arrears                   bigint      NOT NULL CHECK (arrears >= 0),
    auto_reload_enabled       boolean     NOT NULL,
    auto_reload_denomination  bigint      CHECK (auto_reload_denomination >= 0),
    auto_reload_threshold     bigint      NOT NULL CHECK (auto_reload_threshold >= 0),
    auto_reload_turned_off_by text
        CHECK (auto_reload_turned_off_by IN ('SPEND_CAP_REACHED', 'PAYMENT_DECLINED', 'AUTO_RELOAD_DISABLED')),
    reload_in_flight          text,       -- the purchase paying the reload under way
    due_at                    timestamptz, -- when time next changes the pool
    CHECK ((kind = 'MEMBER') = (member_id IS NOT NULL AND cycle_anchor IS NOT NULL)),
    CHECK (NOT auto_reload_enabled OR auto_reload_denomination IS NOT NULL)
);
CREATE INDEX pools_team ON pools (team_id);
CREATE INDEX pools_due ON pools (due_at) WHERE due_at IS NOT NULL;

CREATE TABLE credit_sources (
    pool_id     text        NOT NULL REFERENCES pools ON DELETE CASCADE,
    source_id   text        NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('PLAN', 'ADD_ON', 'GRANT')),
    remaining   bigint      NOT NULL,
    reserved    bigint      NOT NULL,
    acquired_at timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    PRIMARY KEY (pool_id, source_id),
    CHECK (reserved >= 0 AND remaining >= reserved)
);

CREATE TABLE runs (
    run_id           text        PRIMARY KEY,
    team_id          text        NOT NULL REFERENCES teams,
    trigger          text        NOT NULL CHECK (trigger IN ('USER', 'TEAM_API_KEY', 'SCHEDULED')),
    triggered_by     text,
    schedule_id      text,
    prompt           text        NOT NULL,
    billed_pool_id   text        NOT NULL REFERENCES pools,
    billed_pool_kind text        NOT NULL CHECK (billed_pool_kind IN ('MEMBER', 'TEAM')),
    billed_team_id   text        NOT NULL,
    billed_member_id text,
    billed_payer     text        NOT NULL
        CHECK (billed_payer IN ('TRIGGERING_USER', 'TEAM_OWNER', 'TEAM_POOL')),
    state            text        NOT NULL
        CHECK (state IN ('QUEUED', 'SUCCEEDED', 'FAILED', 'ERROR', 'CANCELLED')),
    -- The hold's reservations in waterfall order: [{"source", "kind", "credits"}].
    hold             jsonb       NOT NULL CHECK (jsonb_typeof(hold) = 'array'),
    charged          bigint      NOT NULL CHECK (charged >= 0),
    failure          text        CHECK (failure IN ('INSUFFICIENT_CREDITS')),
    created_at       timestamptz NOT NULL,
    last_activity_at timestamptz NOT NULL,
    request_key      text,
    CHECK ((state = 'FAILED') = (failure IS NOT NULL)),
    CHECK (state = 'QUEUED' OR hold = '[]'::jsonb)
);
CREATE UNIQUE INDEX runs_team_request_key ON runs (team_id, request_key) WHERE request_key IS NOT NULL;
CREATE INDEX runs_queued_idle ON runs (last_activity_at) WHERE state = 'QUEUED';

CREATE TABLE run_usage (
    run_id      text        NOT NULL REFERENCES runs,
    usage_id    text        NOT NULL,
    credits     bigint      NOT NULL CHECK (credits > 0),
    recorded_at timestamptz NOT NULL,
    PRIMARY KEY (run_id, usage_id)
);

CREATE TABLE ledger_postings (
    sequence    bigserial   PRIMARY KEY,
    team_id     text        NOT NULL REFERENCES teams,
    pool_id     text        NOT NULL REFERENCES pools,
    kind        text        NOT NULL CHECK (kind IN ('CREDITED', 'RESERVED', 'RELEASED',
        'CHARGED_FROM_HOLD', 'CHARGED', 'EXPIRED', 'ARREARS_INCURRED', 'ARREARS_SETTLED')),
    credits     bigint      NOT NULL CHECK (credits > 0),
    source_id   text,
    source_kind text        CHECK (source_kind IN ('PLAN', 'ADD_ON', 'GRANT')),
    run_id      text,
    reference   text,
    at          timestamptz NOT NULL,
    CHECK ((source_id IS NULL) = (kind = 'ARREARS_INCURRED'))
);
CREATE INDEX ledger_postings_team ON ledger_postings (team_id, sequence);
CREATE INDEX ledger_postings_pool ON ledger_postings (pool_id, sequence);

-- The ledger is append-only: corrections are new postings, never edits.
CREATE FUNCTION ledger_postings_append_only() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'ledger_postings is append-only: % refused', TG_OP
        USING ERRCODE = 'integrity_constraint_violation';
END;
$$;

CREATE TRIGGER ledger_postings_no_update_or_delete
    BEFORE UPDATE OR DELETE ON ledger_postings
    FOR EACH ROW EXECUTE FUNCTION ledger_postings_append_only();

CREATE TRIGGER ledger_postings_no_truncate
    BEFORE TRUNCATE ON ledger_postings
    FOR EACH STATEMENT EXECUTE FUNCTION ledger_postings_append_only();

CREATE TABLE team_month_spend (
    team_id     text   NOT NULL REFERENCES teams,
    month       date   NOT NULL CHECK (extract(day FROM month) = 1), -- the month's first day (UTC)
    spent_cents bigint NOT NULL CHECK (spent_cents >= 0),
    PRIMARY KEY (team_id, month)
);

CREATE TABLE purchases (
    purchase_id  text        PRIMARY KEY,
    team_id      text        NOT NULL REFERENCES teams,
    pool_id      text        NOT NULL REFERENCES pools,
    credits      bigint      NOT NULL CHECK (credits >= 0),
    price_cents  bigint      NOT NULL CHECK (price_cents >= 0),
    kind         text        NOT NULL CHECK (kind IN ('MANUAL', 'AUTO_RELOAD')),
    state        text        NOT NULL CHECK (state IN ('PENDING', 'SUCCEEDED', 'DECLINED')),
    requested_by text,
    spend_month  date        NOT NULL CHECK (extract(day FROM spend_month) = 1),
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    request_key  text
);
CREATE UNIQUE INDEX purchases_team_request_key ON purchases (team_id, request_key) WHERE request_key IS NOT NULL;
CREATE INDEX purchases_pending ON purchases (created_at) WHERE state = 'PENDING';

CREATE TABLE idempotency (
    scope       text        NOT NULL,
    key         text        NOT NULL,
    fingerprint text        NOT NULL,
    status      integer,    -- null while the first request runs
    body        text,
    claimed_at  timestamptz NOT NULL,
    PRIMARY KEY (scope, key),
    CHECK (status IS NOT NULL OR body IS NULL)
);
CREATE INDEX idempotency_claimed_at ON idempotency (claimed_at);

CREATE TABLE outbox (
    sequence     bigserial   PRIMARY KEY,
    event_id     uuid        NOT NULL UNIQUE,
    type         text        NOT NULL,
    team_id      text        NOT NULL,
    subject      text        NOT NULL,
    occurred_at  timestamptz NOT NULL,
    data         jsonb       NOT NULL,
    published_at timestamptz
);
CREATE INDEX outbox_unpublished ON outbox (sequence) WHERE published_at IS NULL;
