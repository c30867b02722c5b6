package dev.agentcredits.application.port.in;

import java.time.Duration;

/** Moves committed events from the outbox to subscribers. */
public interface RelayEventsUseCase {
  /** Publishes one batch; answers how many events went out. Throws when the publisher is down. */
  int relayBatch(int limit);

  long outboxDepth();

  /** How long the oldest event still waiting has waited; zero when none waits. */
  Duration relayLag();
}
