-- Run lists page newest first by (created_at, run_id), per team and per triggering member.
-- run_id sorts in the "C" collation: byte order, the same as the in-memory store's.
CREATE INDEX runs_team_newest ON runs (team_id, created_at DESC, run_id COLLATE "C" DESC);
CREATE INDEX runs_team_member_newest
    ON runs (team_id, triggered_by, created_at DESC, run_id COLLATE "C" DESC);

-- Daily usage sums a team's charges over a period.
CREATE INDEX ledger_postings_team_charges ON ledger_postings (team_id, at)
    WHERE kind IN ('CHARGED', 'CHARGED_FROM_HOLD', 'ARREARS_INCURRED');
