package dev.agentcredits.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcredits.adapter.wire.CloudEventEncoder;
import dev.agentcredits.application.port.out.EncodedEvent;
import dev.agentcredits.application.testing.EventSamples;
import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.event.EventData;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.shared.TeamId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CountingEventPublisherTest {
  private static final TeamId TEAM = new TeamId("team_1");
  private static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final List<EncodedEvent> sent = new ArrayList<>();
  private final CountingEventPublisher publisher =
      new CountingEventPublisher(sent::addAll, registry);
  private final CloudEventEncoder encoder = new CloudEventEncoder();

  @Test
  void countsEventsByTypeCreditsChargedAndAutoReloadsByResult() {
    List<EncodedEvent> events =
        EventSamples.everyType(TEAM, AT).stream()
            .map(e -> encoder.encode("evt_" + e.type(), e))
            .toList();

    publisher.publish(events);
    publisher.publish(List.of(encoder.encode("evt_again", sample(EventType.USAGE_CHARGED))));

    assertThat(sent).hasSize(events.size() + 1);
    assertThat(count("agent_credits.events.published", "type", "usage.charged")).isEqualTo(2);
    assertThat(count("agent_credits.events.published", "type", "run.accepted")).isEqualTo(1);
    long credits = ((EventData.UsageCharged) sample(EventType.USAGE_CHARGED).data()).credits();
    assertThat(registry.get("agent_credits.credits.charged").counter().count())
        .isEqualTo(2.0 * credits);
    assertThat(count("agent_credits.auto_reloads", "result", "purchased")).isEqualTo(1);
    assertThat(count("agent_credits.auto_reloads", "result", "payment_declined")).isEqualTo(1);
  }

  @Test
  void countsNothingWhenThePublisherFails() {
    CountingEventPublisher failing =
        new CountingEventPublisher(
            events -> {
              throw new IllegalStateException("broker down");
            },
            registry);

    assertThatThrownBy(() ->
            failing.publish(List.of(encoder.encode("evt_1", sample(EventType.USAGE_CHARGED)))))
        .isInstanceOf(IllegalStateException.class);
    assertThat(registry.find("agent_credits.events.published").counters()).isEmpty();
  }

  private double count(String name, String tag, String value) {
    return registry.get(name).tag(tag, value).counter().count();
  }

  private static DomainEvent sample(EventType type) {
    return EventSamples.everyType(TEAM, AT).stream()
        .filter(e -> e.type() == type)
        .findFirst()
        .orElseThrow();
  }
}
