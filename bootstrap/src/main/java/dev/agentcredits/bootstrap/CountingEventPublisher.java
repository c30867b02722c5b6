package dev.agentcredits.bootstrap;

import dev.agentcredits.application.port.out.EventPublisher;
import dev.agentcredits.application.port.out.OutboxEvent;
import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.event.EventData;
import dev.agentcredits.domain.purchase.PurchaseKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;

/**
 * Counts the events the relay publishes, whichever way their change came in (HTTP, the broker,
 * time): events by type, credits charged, and auto-reloads bought or failed by reason. Counted
 * after the publisher accepted them; a batch sent again after a failure may count twice.
 */
final class CountingEventPublisher implements EventPublisher {
  private final EventPublisher delegate;
  private final MeterRegistry registry;

  CountingEventPublisher(EventPublisher delegate, MeterRegistry registry) {
    this.delegate = delegate;
    this.registry = registry;
  }

  @Override
  public void publish(List<OutboxEvent> events) {
    delegate.publish(events);
    events.forEach(e -> count(e.event()));
  }

  private void count(DomainEvent event) {
    Counter.builder("agent_credits.events.published")
        .description("Events published, by type")
        .tag("type", event.type().routingKey())
        .register(registry)
        .increment();
    switch (event.data()) {
      case EventData.UsageCharged charged ->
          Counter.builder("agent_credits.credits.charged")
              .description("Credits charged for usage")
              .register(registry)
              .increment(charged.credits());
      case EventData.AddOnPurchased purchased when purchased.kind() == PurchaseKind.AUTO_RELOAD ->
          reload("purchased");
      case EventData.AutoReloadFailed failed -> reload(failed.reasonCode());
      default -> {}
    }
  }

  private void reload(String result) {
    Counter.builder("agent_credits.auto_reloads")
        .description("Auto-reloads, by result: purchased or the reason it failed")
        .tag("result", result)
        .register(registry)
        .increment();
  }
}
