-- DOMAIN.md rule 27: late usage is judged from when a run ended. Runs that ended before this
-- column existed are taken to have ended at their last recorded activity (acceptance, their last
-- usage report, or the state change itself, whichever came last), the closest time kept for them.
ALTER TABLE runs ADD COLUMN ended_at timestamptz;
UPDATE runs SET ended_at = last_activity_at WHERE state <> 'QUEUED';
ALTER TABLE runs ADD CONSTRAINT runs_ended_at_iff_ended
    CHECK ((state = 'QUEUED') = (ended_at IS NULL));
