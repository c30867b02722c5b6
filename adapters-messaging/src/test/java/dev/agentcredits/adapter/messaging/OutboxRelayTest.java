package dev.agentcredits.adapter.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.out.EncodedEvent;
import dev.agentcredits.application.port.out.ResourceUnavailableException;
import dev.agentcredits.domain.event.EventType;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OutboxRelayTest {
  private static final Duration LONG_POLL = Duration.ofSeconds(30);

  private static List<EncodedEvent> events(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> TestEvents.event(EventType.USAGE_CHARGED, "task_" + i))
        .toList();
  }

  @Test
  void drainsABacklogBatchAfterBatchWithoutWaitingForThePollInterval() throws Exception {
    InMemoryEventBus bus = new InMemoryEventBus();
    FakeOutbox outbox = new FakeOutbox(bus);
    List<EncodedEvent> events = events(350);
    outbox.append(events);

    try (OutboxRelay relay = new OutboxRelay(outbox, LONG_POLL)) {
      relay.start();
      Eventually.within(Duration.ofSeconds(5), () -> assertThat(bus.published()).hasSize(350));
      assertThat(relay.lastSuccessEpochMillis()).isPositive();
      assertThat(relay.consecutiveFailures()).isZero();
    }
    assertThat(bus.published()).containsExactlyElementsOf(events);
    assertThat(outbox.batches()).isEqualTo(4);
  }

  @Test
  void picksUpNewEventsAtThePollInterval() throws Exception {
    InMemoryEventBus bus = new InMemoryEventBus();
    FakeOutbox outbox = new FakeOutbox(bus);

    try (OutboxRelay relay = new OutboxRelay(outbox, Duration.ofMillis(20))) {
      relay.start();
      Eventually.within(
          Duration.ofSeconds(5), () -> assertThat(relay.lastSuccessEpochMillis()).isPositive());
      outbox.append(events(3));
      Eventually.within(Duration.ofSeconds(5), () -> assertThat(bus.published()).hasSize(3));
    }
  }

  @Test
  void backsOffWhilePublishingFailsAndSendsEverythingOnceItWorksAgain() throws Exception {
    InMemoryEventBus bus = new InMemoryEventBus();
    AtomicBoolean down = new AtomicBoolean(true);
    AtomicInteger attempts = new AtomicInteger();
    FakeOutbox outbox =
        new FakeOutbox(batch -> {
          attempts.incrementAndGet();
          if (down.get()) {
            throw new ResourceUnavailableException("broker down", null);
          }
          bus.publish(batch);
        });
    outbox.append(events(10));

    try (OutboxRelay relay = new OutboxRelay(outbox, Duration.ofMillis(10))) {
      relay.start();
      Thread.sleep(1_000);
      // 100 ms, 200, 400, 800: five attempts in a second, not a hundred
      assertThat(attempts.get()).isBetween(3, 6);
      assertThat(relay.consecutiveFailures()).isEqualTo(attempts.get());
      assertThat(relay.lastSuccessEpochMillis()).isZero();

      down.set(false);
      Eventually.within(Duration.ofSeconds(8), () -> assertThat(bus.published()).hasSize(10));
      Eventually.within(
          Duration.ofSeconds(1), () -> assertThat(relay.consecutiveFailures()).isZero());
    }
  }

  @Test
  void closeStopsTheThreadPromptlyWhileIdle() {
    FakeOutbox outbox = new FakeOutbox(new InMemoryEventBus());
    OutboxRelay relay = new OutboxRelay(outbox, LONG_POLL);
    relay.start();

    long start = System.nanoTime();
    relay.close();

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(t -> t.getName().equals("outbox-relay") && t.isAlive());
  }
}
