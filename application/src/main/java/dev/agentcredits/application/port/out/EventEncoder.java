package dev.agentcredits.application.port.out;

import dev.agentcredits.domain.event.DomainEvent;

/** Writes a domain event, under the id the outbox gave it, in the form it is published in. */
public interface EventEncoder {
  EncodedEvent encode(String id, DomainEvent event);
}
