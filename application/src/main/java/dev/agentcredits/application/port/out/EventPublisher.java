package dev.agentcredits.application.port.out;

import java.util.List;

/**
 * Sends events to subscribers, each as its text; returns only once they are safely accepted, else
 * throws.
 */
public interface EventPublisher {
  void publish(List<EncodedEvent> events);
}
