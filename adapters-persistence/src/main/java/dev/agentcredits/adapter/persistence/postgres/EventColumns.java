package dev.agentcredits.adapter.persistence.postgres;

import static dev.agentcredits.adapter.persistence.postgres.ColumnArrays.instants;
import static dev.agentcredits.adapter.persistence.postgres.ColumnArrays.texts;

import dev.agentcredits.application.port.out.EncodedEvent;
import java.time.Instant;
import java.util.List;

/** Encoded events to append to the outbox, one array per column, in the order they were raised. */
record EventColumns(
    String[] eventId, String[] type, String[] teamId, Instant[] occurredAt, String[] cloudEvent) {

  /** Parameters {@code :event.*}; sequences follow the arrays' order, the order relays send in. */
  static final String INSERT =
      "INSERT INTO outbox (event_id, type, team_id, occurred_at, cloud_event)"
          + " SELECT event_id, type, team_id, occurred_at, cloud_event"
          + " FROM unnest(CAST(:event.eventId AS uuid[]), CAST(:event.type AS text[]),"
          + " CAST(:event.teamId AS text[]), CAST(:event.occurredAt AS timestamptz[]),"
          + " CAST(:event.cloudEvent AS text[]))"
          + " WITH ORDINALITY AS e(event_id, type, team_id, occurred_at, cloud_event, n)"
          + " ORDER BY n";

  static EventColumns of(List<EncodedEvent> events) {
    List<OutboxRow> rows = events.stream().map(OutboxRow::of).toList();
    return new EventColumns(
        texts(rows, OutboxRow::eventId),
        texts(rows, OutboxRow::type),
        texts(rows, OutboxRow::teamId),
        instants(rows, OutboxRow::occurredAt),
        texts(rows, OutboxRow::cloudEvent));
  }
}
