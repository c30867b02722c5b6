package dev.agentcredits.bootstrap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.agentcredits.application.port.out.EncodedEvent;
import dev.agentcredits.application.port.out.EventPublisher;
import dev.agentcredits.domain.event.EventType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/**
 * Counts the events the relay publishes, whichever way their change came in (HTTP, the broker,
 * time): events by type, credits charged, and auto-reloads bought or failed by reason. Counted
 * after the publisher accepted them; a batch sent again after a failure may count twice. The
 * figures come from the events' data, read as any subscriber reads it (README "Events").
 */
final class CountingEventPublisher implements EventPublisher {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String USAGE_CHARGED = EventType.USAGE_CHARGED.routingKey();
  private static final String ADD_ON_PURCHASED = EventType.ADD_ON_PURCHASED.routingKey();
  private static final String AUTO_RELOAD_FAILED = EventType.AUTO_RELOAD_FAILED.routingKey();

  private final EventPublisher delegate;
  private final MeterRegistry registry;

  CountingEventPublisher(EventPublisher delegate, MeterRegistry registry) {
    this.delegate = delegate;
    this.registry = registry;
  }

  @Override
  public void publish(List<EncodedEvent> events) {
    delegate.publish(events);
    events.forEach(this::count);
  }

  private void count(EncodedEvent event) {
    Counter.builder("agent_credits.events.published")
        .description("Events published, by type")
        .tag("type", event.type())
        .register(registry)
        .increment();
    if (event.type().equals(USAGE_CHARGED)) {
      Counter.builder("agent_credits.credits.charged")
          .description("Credits charged for usage")
          .register(registry)
          .increment(data(event).path("credits").asLong());
    } else if (event.type().equals(ADD_ON_PURCHASED)
        && data(event).path("kind").asText().equals("auto")) {
      reload("purchased");
    } else if (event.type().equals(AUTO_RELOAD_FAILED)) {
      reload(data(event).path("reason").asText());
    }
  }

  private void reload(String result) {
    Counter.builder("agent_credits.auto_reloads")
        .description("Auto-reloads, by result: purchased or the reason it failed")
        .tag("result", result)
        .register(registry)
        .increment();
  }

  /** Never throws: the events are published already, and a count must not send them again. */
  private static JsonNode data(EncodedEvent event) {
    try {
      return JSON.readTree(event.cloudEvent()).path("data");
    } catch (JsonProcessingException e) {
      return MissingNode.getInstance();
    }
  }
}
