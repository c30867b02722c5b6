-- Removing a member and rotating their key (issue 18 item 3, DOMAIN.md rule 22); who submitted a
-- run and when a key was last used (item 9).

-- A removed member keeps their row (their runs, pool and ledger history refer to it) and leaves
-- the team's lists; the same email may join the team again as a new member.
ALTER TABLE members ADD COLUMN removed_at timestamptz;
DROP INDEX members_team_email;
CREATE UNIQUE INDEX members_team_email ON members (team_id, lower(email)) WHERE removed_at IS NULL;

-- A removed member's pool is closed: no more plan credits, no new runs.
ALTER TABLE pools ADD COLUMN closed_at timestamptz;

-- What is left of a removed member's lots moves to the owner's pool, posted on both sides.
ALTER TABLE ledger_postings DROP CONSTRAINT ledger_postings_kind_check;
ALTER TABLE ledger_postings ADD CONSTRAINT ledger_postings_kind_check
    CHECK (kind IN ('CREDITED', 'RESERVED', 'RELEASED', 'CHARGED_FROM_HOLD', 'CHARGED', 'EXPIRED',
        'ARREARS_INCURRED', 'ARREARS_SETTLED', 'REFUNDED', 'FROZEN', 'TRANSFERRED_OUT',
        'TRANSFERRED_IN'));

-- Written at most once a minute per key, so a request does not pay a write.
ALTER TABLE api_keys ADD COLUMN last_used_at timestamptz;
-- A member's keys, to revoke them all at once.
CREATE INDEX api_keys_member ON api_keys (member_id) WHERE member_id IS NOT NULL;

-- The team API key that submitted a run (null for member keys and broker integrations).
ALTER TABLE runs ADD COLUMN submitted_key_id text;
