-- The outbox keeps each event as the CloudEvent text it is published with (what the broker carries
-- and webhooks deliver), so the relay sends it as it is and nothing reads an event back. The type
-- becomes the public one (run.accepted, the routing key). Rows written before are converted here
-- into the same envelope (README "Events"), so those not yet published are relayed as usual;
-- CloudEventEncoder writes the same members in the same order.
ALTER TABLE outbox ADD COLUMN cloud_event text;

UPDATE outbox o
   SET type = t.public_type,
       cloud_event = '{"specversion":"1.0","id":' || to_json(o.event_id::text)::text
           || ',"source":"/agent-credits","type":'
           || to_json('dev.agentcredits.' || t.public_type)::text
           || ',"datacontenttype":"application/json","subject":' || to_json(o.subject)::text
           || ',"time":' || to_json(
                  -- RFC 3339 in UTC, the fraction of a second without its trailing zeros
                  regexp_replace(
                      to_char(o.occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US'),
                      '\.?0+$', '')
                  || 'Z')::text
           || ',"teamid":' || to_json(o.team_id)::text
           || ',"data":' || o.data::text || '}'
  FROM (VALUES ('RUN_ACCEPTED', 'run.accepted'),
               ('RUN_REJECTED', 'run.rejected'),
               ('RUN_STOPPED', 'run.stopped'),
               ('RUN_COMPLETED', 'run.completed'),
               ('RUN_CANCELLED', 'run.cancelled'),
               ('USAGE_CHARGED', 'usage.charged'),
               ('CREDITS_LOW', 'credits.low'),
               ('CREDITS_DEPLETED', 'credits.depleted'),
               ('ADD_ON_PURCHASED', 'addon.purchased'),
               ('AUTO_RELOAD_FAILED', 'auto_reload.failed'),
               ('SPEND_CAP_CHANGED', 'spend_cap.changed'),
               ('PLAN_CREDITS_REFRESHED', 'plan_credits.refreshed'),
               ('CREDITS_EXPIRED', 'credits.expired'),
               ('GRANT_ISSUED', 'grant.issued'),
               ('PURCHASE_PENDING', 'purchase.pending'),
               ('PURCHASE_FAILED', 'purchase.failed'),
               ('PURCHASE_REFUNDED', 'purchase.refunded'),
               ('PURCHASE_DISPUTED', 'purchase.disputed'),
               ('MEMBER_REMOVED', 'member.removed'),
               ('CREDITS_TRANSFERRED', 'credits.transferred')) AS t (name, public_type)
 WHERE o.type = t.name;

-- A row of a type not named above has no text: the migration fails here rather than lose it.
ALTER TABLE outbox
    ALTER COLUMN cloud_event SET NOT NULL,
    DROP COLUMN subject,
    DROP COLUMN data;
