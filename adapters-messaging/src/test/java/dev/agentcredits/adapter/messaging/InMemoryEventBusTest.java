package dev.agentcredits.adapter.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.out.EncodedEvent;
import dev.agentcredits.domain.event.EventType;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InMemoryEventBusTest {
  @Test
  void keepsEventsInTheOrderTheyWerePublished() {
    InMemoryEventBus bus = new InMemoryEventBus();
    EncodedEvent a = TestEvents.event(EventType.RUN_ACCEPTED, "a");
    EncodedEvent b = TestEvents.event(EventType.USAGE_CHARGED, "b");
    EncodedEvent c = TestEvents.event(EventType.RUN_COMPLETED, "c");

    bus.publish(List.of(a, b));
    bus.publish(List.of(c));

    assertThat(bus.published()).containsExactly(a, b, c);
  }

  @Test
  void keepsOnlyTheMostRecentEventsBeyondItsCapacity() {
    InMemoryEventBus bus = new InMemoryEventBus(2);
    List<EncodedEvent> events =
        IntStream.range(0, 3)
            .mapToObj(i -> TestEvents.event(EventType.RUN_ACCEPTED, "r" + i))
            .toList();

    bus.publish(events);

    assertThat(bus.published()).containsExactly(events.get(1), events.get(2));
  }

  @Test
  void concurrentPublishersLoseNothing() throws Exception {
    InMemoryEventBus bus = new InMemoryEventBus();
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      threads.add(
          Thread.ofPlatform()
              .start(() -> {
                for (int i = 0; i < 500; i++) {
                  bus.publish(List.of(TestEvents.event(EventType.USAGE_CHARGED, "x")));
                }
              }));
    }
    for (Thread thread : threads) {
      thread.join();
    }

    assertThat(bus.published()).hasSize(4_000).doesNotHaveDuplicates();
  }
}
