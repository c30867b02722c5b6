-- Members' monthly credit limits (DOMAIN.md rule 24): a team's default and a member's own; none by
-- default, so every existing team keeps running as before.
CREATE TABLE team_member_limits (
    team_id                 text   PRIMARY KEY REFERENCES teams,
    default_monthly_credits bigint NOT NULL CHECK (default_monthly_credits >= 0)
);

CREATE TABLE member_limits (
    member_id       text   PRIMARY KEY REFERENCES members,
    team_id         text   NOT NULL REFERENCES teams,
    monthly_credits bigint NOT NULL CHECK (monthly_credits >= 0)
);

-- What counts against a member's limit: what their USER runs were charged in `month` and what
-- their open runs hold. Kept from the first time a limit applied to the member (tallied from their
-- runs then), by the transactions that change their runs, under the lock of the pool those runs
-- bill; a member who never had a limit has no row and costs nothing here.
CREATE TABLE member_month_credits (
    member_id       text   PRIMARY KEY REFERENCES members,
    team_id         text   NOT NULL REFERENCES teams,
    month           date   NOT NULL CHECK (extract(day FROM month) = 1), -- the month's first day (UTC)
    charged_credits bigint NOT NULL CHECK (charged_credits >= 0),
    held_credits    bigint NOT NULL CHECK (held_credits >= 0)
);

-- A run refused, or stopped, by its member's limit fails with budget_exceeded.
ALTER TABLE runs DROP CONSTRAINT runs_failure_check;
ALTER TABLE runs ADD CONSTRAINT runs_failure_check
    CHECK (failure IN ('INSUFFICIENT_CREDITS', 'BUDGET_EXCEEDED'));
