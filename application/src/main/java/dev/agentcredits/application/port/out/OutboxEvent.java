package dev.agentcredits.application.port.out;

import dev.agentcredits.domain.event.DomainEvent;

/** An event in the outbox; {@code id} is its CloudEvents id, stable across re-sends. */
public record OutboxEvent(long sequence, String id, DomainEvent event) {}
