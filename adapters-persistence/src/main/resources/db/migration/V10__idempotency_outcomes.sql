-- A request key now keeps the use case's outcome (its value or its refusal, as JSON) instead of
-- an HTTP status and body, and keys are scoped by operation and caller instead of by route. No
-- key of the new form can match an answer kept in the old one, so those are dropped; every effect
-- they guarded is still made once by its own key (runs, purchases, usage ids).
DELETE FROM idempotency;
ALTER TABLE idempotency
    DROP COLUMN status,
    DROP COLUMN body,
    ADD COLUMN outcome text;
