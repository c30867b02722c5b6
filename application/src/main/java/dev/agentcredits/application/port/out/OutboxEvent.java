package dev.agentcredits.application.port.out;

/** An event in the outbox; claims take events in the order of {@code sequence}. */
public record OutboxEvent(long sequence, EncodedEvent event) {}
