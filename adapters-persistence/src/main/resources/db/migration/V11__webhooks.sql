-- Webhook endpoints and the durable queue of their deliveries (issue 21, DOMAIN.md rule 26).

-- A team's endpoints. The secret is what deliveries are signed with (Standard Webhooks: whsec_ and
-- the base64 of the key), so it is kept as it is. failing_since: the first failed attempt since the
-- last delivered one; an endpoint failing for 3 days is DISABLED.
CREATE TABLE webhook_endpoints (
    endpoint_id   text        PRIMARY KEY,
    team_id       text        NOT NULL REFERENCES teams,
    url           text        NOT NULL,
    event_types   text[]      NOT NULL,
    description   text,
    secret        text        NOT NULL,
    state         text        NOT NULL CHECK (state IN ('ENABLED', 'DISABLED')),
    created_at    timestamptz NOT NULL,
    failing_since timestamptz
);
CREATE INDEX webhook_endpoints_team ON webhook_endpoints (team_id, created_at);

-- One row per (endpoint, event): the unique key makes a relayed event reach an endpoint once, however
-- often it is relayed. body is the event's CloudEvent text, posted as it is on every attempt. While
-- PENDING, next_attempt_at is when it is due; a worker's claim moves it to the end of its lease.
CREATE TABLE webhook_deliveries (
    delivery_id     text        PRIMARY KEY,
    endpoint_id     text        NOT NULL REFERENCES webhook_endpoints ON DELETE CASCADE,
    team_id         text        NOT NULL,
    event_id        text        NOT NULL,
    event_type      text        NOT NULL,
    body            text        NOT NULL,
    state           text        NOT NULL CHECK (state IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer     NOT NULL CHECK (attempts >= 0),
    created_at      timestamptz NOT NULL,
    next_attempt_at timestamptz,
    retry_until     timestamptz NOT NULL,
    last_status     integer,
    last_error      text,
    delivered_at    timestamptz,
    UNIQUE (endpoint_id, event_id),
    CHECK ((state = 'PENDING') = (next_attempt_at IS NOT NULL))
);
-- What the workers claim: the pending deliveries, by when they are due.
CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE state = 'PENDING';
-- An endpoint's deliveries, newest first.
CREATE INDEX webhook_deliveries_endpoint_newest
    ON webhook_deliveries (endpoint_id, created_at DESC, delivery_id COLLATE "C" DESC);
