package dev.agentcredits.adapter.persistence.postgres;

import java.time.Instant;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

interface PaymentEventDao {
  @SqlUpdate(
      "INSERT INTO payment_events (event_id, received_at) VALUES (:id, :at)"
          + " ON CONFLICT (event_id) DO NOTHING")
  int claim(@Bind("id") String eventId, @Bind("at") Instant at);
}
