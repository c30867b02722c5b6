package dev.agentcredits.application.testing;

import dev.agentcredits.application.port.out.EncodedEvent;
import dev.agentcredits.application.port.out.EventEncoder;
import dev.agentcredits.domain.event.DomainEvent;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An encoder for the modules that may not know the wire format: the text names the id and the whole
 * event ({@link #text}), and each event is remembered by its id, so a test can tell which domain
 * events an outbox gave back.
 */
public final class TestEventEncoder implements EventEncoder {
  private final Map<String, DomainEvent> encoded = new ConcurrentHashMap<>();

  @Override
  public EncodedEvent encode(String id, DomainEvent event) {
    encoded.put(id, event);
    return new EncodedEvent(
        id, event.type().routingKey(), event.team(), event.at(), text(id, event));
  }

  /**
   * The text of an event: with quotes, a backslash, a line break and non-ASCII letters, so a store
   * that does not keep text exactly as it was given shows it.
   */
  public static String text(String id, DomainEvent event) {
    return "{\"id\": \"" + id + "\",\n \"event\": \"" + event + "\", \"note\": \"é ✓ \\\\\"}";
  }

  /** The event encoded under {@code id}. */
  public DomainEvent event(String id) {
    DomainEvent event = encoded.get(id);
    if (event == null) {
      throw new IllegalArgumentException("no event was encoded under " + id);
    }
    return event;
  }
}
