package dev.agentcredits.application.usecase;

import static dev.agentcredits.application.usecase.BillingFixture.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcredits.application.port.out.EncodedEvent;
import dev.agentcredits.application.service.events.RelayEventsService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RelayEvents: committed events go out at least once; a failed publish sends them again. */
class RelayEventsTest extends UseCaseTest {

  @Test
  void eventsArePublishedOnceThePublisherHasThem() {
    TestTeam team = billing.aBuildTeam().build();
    ok(team.submitAs("owner"));
    List<EncodedEvent> sent = new ArrayList<>();
    RelayEventsService relay =
        new RelayEventsService(
            billing.stores().outbox(),
            sent::addAll,
            billing.persistence.transactions(),
            billing.clock);
    long depth = relay.outboxDepth();

    assertThat(relay.relayBatch(100)).isEqualTo(depth);
    assertThat(relay.relayBatch(100)).isZero();
    assertThat(relay.outboxDepth()).isZero();
    assertThat(sent).hasSize((int) depth);
    assertThat(sent.stream().map(EncodedEvent::id).distinct()).hasSize((int) depth);
  }

  @Test
  void theLagIsHowLongTheOldestWaitingEventHasWaited() {
    TestTeam team = billing.aBuildTeam().build();
    billing.takeEvents();
    RelayEventsService relay =
        new RelayEventsService(
            billing.stores().outbox(),
            events -> {},
            billing.persistence.transactions(),
            billing.clock);
    assertThat(relay.relayLag()).isZero();

    ok(team.submitAs("owner"));
    billing.advance(Duration.ofSeconds(30));
    ok(team.submitAs("owner"));
    assertThat(relay.relayLag()).isEqualTo(Duration.ofSeconds(30));

    relay.relayBatch(1_000);
    assertThat(relay.relayLag()).isZero();
  }

  @Test
  void aFailedPublishLeavesTheBatchToBeSentAgain() {
    TestTeam team = billing.aBuildTeam().build();
    ok(team.submitAs("owner"));
    RelayEventsService broken =
        new RelayEventsService(
            billing.stores().outbox(),
            events -> {
              throw new IllegalStateException("broker down");
            },
            billing.persistence.transactions(),
            billing.clock);
    long depth = broken.outboxDepth();

    assertThatThrownBy(() -> broken.relayBatch(100)).isInstanceOf(IllegalStateException.class);

    assertThat(broken.outboxDepth()).isEqualTo(depth);
    assertThat(billing.takeEvents()).hasSize((int) depth);
  }
}
