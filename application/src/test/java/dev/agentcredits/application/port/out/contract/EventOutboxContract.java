package dev.agentcredits.application.port.out.contract;

import static dev.agentcredits.application.port.out.contract.TestData.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.out.EncodedEvent;
import dev.agentcredits.application.port.out.OutboxEvent;
import dev.agentcredits.application.testing.EventSamples;
import dev.agentcredits.application.testing.TestEventEncoder;
import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox under test encodes with a {@link TestEventEncoder}: what it gives back is compared
 * with {@link TestEventEncoder#text}.
 */
public abstract class EventOutboxContract extends StoreContract {
  private final TeamId team = new TeamId("team_outbox");

  /** The outbox is shared by every test of a class: each starts with nothing to relay. */
  @BeforeEach
  void relayEverythingLeft() {
    relay(10_000);
  }

  /** What a relay does: claims up to {@code limit} events and marks them published now. */
  private void relay(int limit) {
    tx().inTransaction(() -> {
      List<OutboxEvent> batch = stores().outbox().claim(limit);
      stores()
          .outbox()
          .markPublished(batch.stream().map(OutboxEvent::sequence).toList(), Instant.now());
      return null;
    });
  }

  /** Each claimed event is the encoding of the appended one at its place, text for text. */
  private static void assertClaimedAsEncoded(List<OutboxEvent> claimed, List<DomainEvent> events) {
    assertThat(claimed).hasSameSizeAs(events);
    for (int i = 0; i < events.size(); i++) {
      EncodedEvent encoded = claimed.get(i).event();
      DomainEvent event = events.get(i);
      assertThat(encoded.cloudEvent()).isEqualTo(TestEventEncoder.text(encoded.id(), event));
      assertThat(encoded.type()).isEqualTo(event.type().routingKey());
      assertThat(encoded.team()).isEqualTo(event.team());
      assertThat(encoded.occurredAt()).isEqualTo(event.at());
    }
  }

  @Test
  void appendedEventsAreClaimedOldestFirstAsTheTextTheyWereEncodedTo() {
    DomainEvent first = TestData.event(team, "task_1", at(Duration.ZERO));
    DomainEvent second = TestData.event(team, "task_2", at(Duration.ofSeconds(1)));
    DomainEvent third = TestData.event(team, "task_3", at(Duration.ofSeconds(1)));

    tx().inTransaction(() -> {
      stores().outbox().append(List.of(first, second));
      stores().outbox().append(List.of(third));
      stores().outbox().append(List.of());
      return null;
    });

    List<OutboxEvent> claimed = tx().inTransaction(() -> stores().outbox().claim(10));
    assertClaimedAsEncoded(claimed, List.of(first, second, third));
    assertThat(claimed).extracting(OutboxEvent::sequence).isSorted().doesNotHaveDuplicates();
  }

  /** The relay publishes in sequence order: a batch's events keep the order they were raised in. */
  @Test
  void theEventsOfAWriteBatchAreClaimedInTheOrderTheyWereRaised() {
    List<DomainEvent> raised = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      raised.add(TestData.event(team, "task_" + (12 - i), at(Duration.ofSeconds(12 - i))));
    }
    DomainEvent appended = TestData.event(team, "task_appended", at(Duration.ZERO));

    tx().inTransaction(() -> {
      stores().batches().write(WriteBatchBuilder.aBatch().events(raised.subList(0, 6)).build());
      stores().outbox().append(List.of(appended));
      stores().batches().write(WriteBatchBuilder.aBatch().events(raised.subList(6, 12)).build());
      return null;
    });

    List<DomainEvent> expected = new ArrayList<>(raised.subList(0, 6));
    expected.add(appended);
    expected.addAll(raised.subList(6, 12));
    List<OutboxEvent> claimed = tx().inTransaction(() -> stores().outbox().claim(100));
    assertClaimedAsEncoded(claimed, expected);
    assertThat(claimed).extracting(OutboxEvent::sequence).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void everyTypeOfEventComesBackAsItWentIn() {
    List<DomainEvent> every = EventSamples.everyType(team, at(Duration.ZERO));

    tx().inTransaction(() -> {
      stores().outbox().append(every);
      return null;
    });

    List<OutboxEvent> claimed = tx().inTransaction(() -> stores().outbox().claim(100));
    assertClaimedAsEncoded(claimed, every);
  }

  @Test
  void everyEventGetsItsOwnUuid() {
    stores()
        .outbox()
        .append(
            List.of(
                TestData.event(team, "a", at(Duration.ZERO)),
                TestData.event(team, "a", at(Duration.ZERO))));

    List<OutboxEvent> claimed = tx().inTransaction(() -> stores().outbox().claim(10));

    assertThat(claimed)
        .extracting(e -> e.event().id())
        .doesNotHaveDuplicates()
        .allSatisfy(id -> assertThat(UUID.fromString(id).toString()).isEqualTo(id));
  }

  @Test
  void aClaimTakesAtMostTheLimit() {
    List<DomainEvent> events = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      events.add(TestData.event(team, "task_" + i, at(Duration.ZERO)));
      stores().outbox().append(List.of(events.getLast()));
    }

    List<OutboxEvent> claimed = tx().inTransaction(() -> stores().outbox().claim(3));

    assertClaimedAsEncoded(claimed, events.subList(0, 3));
  }

  @Test
  void publishedEventsAreNeitherClaimedAgainNorCounted() {
    DomainEvent third = TestData.event(team, "task_3", at(Duration.ZERO));
    stores()
        .outbox()
        .append(
            List.of(
                TestData.event(team, "task_1", at(Duration.ZERO)),
                TestData.event(team, "task_2", at(Duration.ZERO)),
                third));
    assertThat(stores().outbox().depth()).isEqualTo(3);

    relay(2);

    assertThat(stores().outbox().depth()).isEqualTo(1);
    assertClaimedAsEncoded(tx().inTransaction(() -> stores().outbox().claim(10)), List.of(third));
  }

  @Test
  void onlyEventsPublishedBeforeTheCutoffArePurgedOldestFirstUpToTheLimit() {
    DomainEvent unpublished = TestData.event(team, "unpublished", at(Duration.ZERO));
    stores()
        .outbox()
        .append(
            List.of(
                TestData.event(team, "task_1", at(Duration.ZERO)),
                TestData.event(team, "task_2", at(Duration.ZERO)),
                TestData.event(team, "task_3", at(Duration.ZERO)),
                unpublished));
    relay(3);
    Instant anHourAgo = Instant.now().minus(Duration.ofHours(1));
    Instant inAMinute = Instant.now().plus(Duration.ofMinutes(1));

    assertThat(tx().inTransaction(() -> stores().outbox().purgePublishedBefore(anHourAgo, 100)))
        .as("published just now")
        .isZero();
    assertThat(tx().inTransaction(() -> stores().outbox().purgePublishedBefore(inAMinute, 2)))
        .isEqualTo(2);
    assertThat(tx().inTransaction(() -> stores().outbox().purgePublishedBefore(inAMinute, 100)))
        .isGreaterThanOrEqualTo(1);
    assertThat(tx().inTransaction(() -> stores().outbox().purgePublishedBefore(inAMinute, 100)))
        .isZero();
    assertThat(stores().outbox().depth()).isEqualTo(1);
    assertClaimedAsEncoded(
        tx().inTransaction(() -> stores().outbox().claim(10)), List.of(unpublished));
  }

  @Test
  void aPurgeOfARolledBackTransactionKeepsItsEvents() {
    stores().outbox().append(List.of(TestData.event(team, "kept", at(Duration.ZERO))));
    relay(10);
    Instant inAMinute = Instant.now().plus(Duration.ofMinutes(1));
    try {
      tx().inTransaction(() -> {
        stores().outbox().purgePublishedBefore(inAMinute, 100);
        throw new IllegalArgumentException("refused");
      });
    } catch (IllegalArgumentException expected) {
      // the work was refused
    }

    assertThat(tx().inTransaction(() -> stores().outbox().purgePublishedBefore(inAMinute, 100)))
        .isGreaterThanOrEqualTo(1);
  }

  @Test
  void theOldestWaitingEventSaysHowLongTheRelayLags() {
    DomainEvent first = TestData.event(team, "task_1", at(Duration.ZERO));
    DomainEvent second = TestData.event(team, "task_2", at(Duration.ofSeconds(5)));
    assertThat(tx().inTransaction(() -> stores().outbox().oldestUnpublishedAt())).isEmpty();

    stores().outbox().append(List.of(first, second));
    assertThat(tx().inTransaction(() -> stores().outbox().oldestUnpublishedAt()))
        .contains(first.at());
    relay(1);
    assertThat(tx().inTransaction(() -> stores().outbox().oldestUnpublishedAt()))
        .contains(second.at());
    relay(10);
    assertThat(tx().inTransaction(() -> stores().outbox().oldestUnpublishedAt())).isEmpty();
  }

  @Test
  void eventsOfARolledBackTransactionAreNeverRelayed() {
    try {
      tx().inTransaction(() -> {
        stores().outbox().append(List.of(TestData.event(team, "ghost", at(Duration.ZERO))));
        throw new IllegalArgumentException("refused");
      });
    } catch (IllegalArgumentException expected) {
      // the work was refused
    }

    assertThat(stores().outbox().depth()).isZero();
    assertThat(tx().inTransaction(() -> stores().outbox().claim(10))).isEmpty();
  }
}
