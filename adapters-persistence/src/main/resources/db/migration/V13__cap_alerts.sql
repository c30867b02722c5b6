-- DOMAIN.md rule 25: the spend cap's thresholds already announced this month (50, 80, 100) and
-- when the latest was, kept on the month's row: purchases and cap changes hold that row locked
-- while they decide, so racing purchases announce each threshold once.
ALTER TABLE team_month_spend
    ADD COLUMN announced_percents integer[] NOT NULL DEFAULT '{}',
    ADD COLUMN announced_at timestamptz,
    ADD CONSTRAINT team_month_spend_announced
        CHECK ((cardinality(announced_percents) = 0) = (announced_at IS NULL));
