package dev.agentcredits.domain.webhook;

/** A delivery waits (and is retried) while pending, until it is delivered or has failed. */
public enum DeliveryState {
  PENDING,
  DELIVERED,
  FAILED
}
