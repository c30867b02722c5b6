-- What each usage report was answered with (the run's state, failure, charge and hold as the
-- report left them), so that the same report sent again replays its first answer. Reports recorded
-- before this migration have none and are answered from the run as it stands.
ALTER TABLE run_usage
    ADD COLUMN answered_state    text,
    ADD COLUMN answered_failure  text,
    ADD COLUMN answered_charged  bigint,
    ADD COLUMN answered_held     bigint;
