package dev.agentcredits.application.port.out.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.out.WebhookDeliveryStore;
import dev.agentcredits.application.port.out.WebhookDeliveryStore.Position;
import dev.agentcredits.application.port.out.WebhookEndpointStore;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.shared.WebhookDeliveryId;
import dev.agentcredits.domain.shared.WebhookEndpointId;
import dev.agentcredits.domain.webhook.AttemptResult;
import dev.agentcredits.domain.webhook.DeliveryState;
import dev.agentcredits.domain.webhook.EndpointState;
import dev.agentcredits.domain.webhook.EventTypeFilter;
import dev.agentcredits.domain.webhook.WebhookDelivery;
import dev.agentcredits.domain.webhook.WebhookEndpoint;
import dev.agentcredits.domain.webhook.WebhookSecret;
import dev.agentcredits.domain.webhook.WebhookUrl;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The webhook endpoints and the delivery queue (rule 26). A class's tests share one schema, so each
 * looks only at its own endpoints, and claims either filter by endpoint or run in an era of their
 * own (claims take whatever is due in the whole store).
 */
public abstract class WebhookStoreContract extends StoreContract {
  private static final Instant T0 = TestData.T0;

  private WebhookEndpointStore endpoints() {
    return stores().webhookEndpoints();
  }

  private WebhookDeliveryStore deliveries() {
    return stores().webhookDeliveries();
  }

  private WebhookEndpoint endpoint(TeamId team, String... types) {
    byte[] key = new byte[32];
    key[31] = 1;
    var endpoint =
        WebhookEndpoint.register(
            new WebhookEndpointId(TestData.unique("whe")),
            team,
            WebhookUrl.parse("https://hooks.example.com/agent-credits?team=" + team),
            types.length == 0 ? EventTypeFilter.ALL : new EventTypeFilter(List.of(types)),
            "ops \"alerts\" ✓",
            WebhookSecret.of(key),
            T0);
    endpoints().insert(endpoint);
    return endpoint;
  }

  private static WebhookDelivery queued(WebhookEndpoint endpoint, String eventId, Instant at) {
    return WebhookDelivery.queued(
        new WebhookDeliveryId(TestData.unique("whd")),
        endpoint.id(),
        endpoint.team(),
        eventId,
        "run.accepted",
        "{\"id\": \"" + eventId + "\",\n \"note\": \"é ✓ \\\\\"}",
        at);
  }

  private List<WebhookDelivery> claim(Instant now, WebhookEndpoint of) {
    return tx().inTransaction(() -> deliveries().claimDue(now, now.plusSeconds(60), 1_000)).stream()
        .filter(d -> d.endpoint().equals(of.id()))
        .toList();
  }

  @Test
  void anEndpointIsKeptAsRegisteredAndShownOnlyToItsTeam() {
    World world = world();
    World other = world();
    WebhookEndpoint endpoint = endpoint(world.team().id(), "run.*", "usage.charged");

    assertThat(endpoints().ofTeam(world.team().id())).containsExactly(endpoint);
    assertThat(endpoints().find(world.team().id(), endpoint.id())).contains(endpoint);
    assertThat(endpoints().find(other.team().id(), endpoint.id())).isEmpty();
    assertThat(endpoints().ofTeam(other.team().id())).isEmpty();
    assertThat(endpoints().lock(endpoint.id())).contains(endpoint);
  }

  @Test
  void onlyEnabledEndpointsOfTheTeamsAskedAboutListen() {
    World world = world();
    World other = world();
    World silent = world();
    WebhookEndpoint enabled = endpoint(world.team().id());
    WebhookEndpoint disabled = endpoint(world.team().id());
    WebhookEndpoint others = endpoint(other.team().id());
    endpoint(silent.team().id());
    endpoints().update(disabled.failed(T0).failed(T0.plus(Duration.ofDays(3))));

    assertThat(endpoints().enabledOf(Set.of(world.team().id(), other.team().id())))
        .containsExactlyInAnyOrder(enabled, others);
  }

  @Test
  void anUpdateKeepsTheStateAndSinceWhenItFails() {
    World world = world();
    WebhookEndpoint endpoint = endpoint(world.team().id());
    WebhookEndpoint failing = endpoint.failed(T0.plusSeconds(7));
    WebhookEndpoint disabled = failing.failed(T0.plus(Duration.ofDays(4)));

    endpoints().update(failing);
    assertThat(endpoints().find(world.team().id(), endpoint.id())).contains(failing);
    endpoints().update(disabled);
    assertThat(endpoints().find(world.team().id(), endpoint.id()).orElseThrow().state())
        .isEqualTo(EndpointState.DISABLED);
    endpoints().update(disabled.delivered());
    assertThat(endpoints().find(world.team().id(), endpoint.id())).contains(endpoint);
  }

  @Test
  void deletingAnEndpointDeletesItsDeliveries() {
    World world = world();
    WebhookEndpoint endpoint = endpoint(world.team().id());
    WebhookEndpoint kept = endpoint(world.team().id());
    WebhookDelivery delivery = queued(endpoint, "evt-1", T0);
    WebhookDelivery other = queued(kept, "evt-1", T0);
    deliveries().enqueue(List.of(delivery, other));

    assertThat(endpoints().delete(world().team().id(), endpoint.id())).isFalse();
    assertThat(endpoints().delete(world.team().id(), endpoint.id())).isTrue();
    assertThat(endpoints().delete(world.team().id(), endpoint.id())).isFalse();

    assertThat(endpoints().ofTeam(world.team().id())).containsExactly(kept);
    assertThat(deliveries().find(endpoint.id(), delivery.id())).isEmpty();
    assertThat(deliveries().find(kept.id(), other.id())).contains(other);
  }

  @Test
  void anEventIsQueuedOncePerEndpoint() {
    World world = world();
    WebhookEndpoint endpoint = endpoint(world.team().id());
    WebhookEndpoint second = endpoint(world.team().id());

    int first = deliveries().enqueue(List.of(queued(endpoint, "evt-a", T0)));
    int again =
        deliveries()
            .enqueue(
                List.of(
                    queued(endpoint, "evt-a", T0),
                    queued(second, "evt-a", T0),
                    queued(endpoint, "evt-b", T0)));

    assertThat(first).isEqualTo(1);
    assertThat(again).isEqualTo(2);
    assertThat(deliveries().page(endpoint.id(), null, 10))
        .extracting(WebhookDelivery::eventId)
        .containsExactlyInAnyOrder("evt-a", "evt-b");
    assertThat(deliveries().enqueue(List.of())).isZero();
  }

  @Test
  void aDeliveryIsKeptExactlyAsQueued() {
    World world = world();
    WebhookEndpoint endpoint = endpoint(world.team().id());
    WebhookDelivery delivery = queued(endpoint, "evt-exact", T0);

    deliveries().enqueue(List.of(delivery));

    assertThat(deliveries().find(endpoint.id(), delivery.id())).contains(delivery);
    assertThat(deliveries().find(endpoint(world.team().id()).id(), delivery.id())).isEmpty();
  }

  @Test
  void aClaimTakesWhatIsDueAndHoldsItForTheLease() {
    World world = world();
    WebhookEndpoint endpoint = endpoint(world.team().id());
    Instant era = Instant.parse("2016-01-01T00:00:00Z");
    WebhookDelivery due = queued(endpoint, "evt-due", era);
    WebhookDelivery later = queued(endpoint, "evt-later", era.plusSeconds(30));
    deliveries().enqueue(List.of(due, later));

    List<WebhookDelivery> claimed = claim(era.plusSeconds(10), endpoint);

    assertThat(claimed).extracting(WebhookDelivery::id).containsExactly(due.id());
    assertThat(claimed.getFirst().nextAttemptAt()).isEqualTo(era.plusSeconds(70));
    assertThat(claim(era.plusSeconds(20), endpoint)).isEmpty();
    assertThat(claim(era.plusSeconds(40), endpoint))
        .extracting(WebhookDelivery::id)
        .containsExactly(later.id());
    assertThat(claim(era.plusSeconds(70), endpoint))
        .as("a worker that never reported: due again when its lease ends")
        .extracting(WebhookDelivery::id)
        .containsExactly(due.id());
  }

  @Test
  void aClaimTakesTheLongestDueFirstAndNoMoreThanAsked() {
    World world = world();
    WebhookEndpoint endpoint = endpoint(world.team().id());
    Instant era = Instant.parse("1990-01-01T00:00:00Z");
    WebhookDelivery third = queued(endpoint, "evt-3", era.plusSeconds(3));
    WebhookDelivery first = queued(endpoint, "evt-1", era.plusSeconds(1));
    WebhookDelivery second = queued(endpoint, "evt-2", era.plusSeconds(2));
    deliveries().enqueue(List.of(third, first, second));

    Instant now = era.plusSeconds(5);
    List<WebhookDelivery> claimed =
        tx().inTransaction(() -> deliveries().claimDue(now, now.plusSeconds(60), 2));

    assertThat(claimed)
        .extracting(WebhookDelivery::id)
        .containsExactlyInAnyOrder(first.id(), second.id());
  }

  @Test
  void anAttemptIsSavedOnlyOnTheDeliveryAsItWasClaimed() {
    World world = world();
    WebhookEndpoint endpoint = endpoint(world.team().id());
    Instant era = Instant.parse("2017-01-01T00:00:00Z");
    WebhookDelivery delivery = queued(endpoint, "evt-1", era);
    WebhookDelivery retried = queued(endpoint, "evt-2", era);
    deliveries().enqueue(List.of(delivery, retried));
    List<WebhookDelivery> claimed = claim(era, endpoint);
    WebhookDelivery one =
        claimed.stream().filter(d -> d.id().equals(delivery.id())).findFirst().orElseThrow();
    WebhookDelivery two =
        claimed.stream().filter(d -> d.id().equals(retried.id())).findFirst().orElseThrow();
    Instant at = era.plusSeconds(1);
    deliveries().save(two.retried(at));

    boolean saved =
        deliveries()
            .saveAttempt(
                one.after(new AttemptResult.Failed(503, "busy"), at, false), one.nextAttemptAt());
    boolean stale =
        deliveries()
            .saveAttempt(
                two.after(new AttemptResult.Delivered(200), at, false), two.nextAttemptAt());

    assertThat(saved).isTrue();
    WebhookDelivery stored = deliveries().find(endpoint.id(), delivery.id()).orElseThrow();
    assertThat(stored.attempts()).isEqualTo(1);
    assertThat(stored.lastStatus()).isEqualTo(503);
    assertThat(stored.lastError()).isEqualTo("busy");
    assertThat(stored.nextAttemptAt()).isEqualTo(at.plusSeconds(5));
    assertThat(stale).isFalse();
    assertThat(deliveries().find(endpoint.id(), retried.id())).contains(two.retried(at));
  }

  @Test
  void pagesGoFromNewestToOldest() {
    World world = world();
    WebhookEndpoint endpoint = endpoint(world.team().id());
    WebhookDelivery oldest = queued(endpoint, "evt-1", T0);
    WebhookDelivery sameTimeA = queued(endpoint, "evt-2", T0.plusSeconds(1));
    WebhookDelivery sameTimeB = queued(endpoint, "evt-3", T0.plusSeconds(1));
    WebhookDelivery newest = queued(endpoint, "evt-4", T0.plusSeconds(2));
    deliveries().enqueue(List.of(oldest, sameTimeA, sameTimeB, newest));
    List<WebhookDelivery> sameTime =
        List.of(sameTimeA, sameTimeB).stream()
            .sorted((a, b) -> b.id().value().compareTo(a.id().value()))
            .toList();

    List<WebhookDelivery> first = deliveries().page(endpoint.id(), null, 2);
    WebhookDelivery last = first.getLast();
    List<WebhookDelivery> second =
        deliveries().page(endpoint.id(), new Position(last.createdAt(), last.id()), 2);

    assertThat(first).containsExactly(newest, sameTime.get(0));
    assertThat(second).containsExactly(sameTime.get(1), oldest);
    assertThat(deliveries().page(endpoint.id(), new Position(T0, oldest.id()), 2)).isEmpty();
  }

  @Test
  void disablingFailsWhatIsPendingAndLeavesTheRest() {
    World world = world();
    WebhookEndpoint endpoint = endpoint(world.team().id());
    WebhookDelivery pending = queued(endpoint, "evt-1", T0);
    WebhookDelivery delivered = queued(endpoint, "evt-2", T0);
    deliveries().enqueue(List.of(pending, delivered));
    WebhookDelivery done = delivered.after(new AttemptResult.Delivered(200), T0, false);
    deliveries().save(done);

    int abandoned = deliveries().abandonPending(endpoint.id(), "endpoint disabled");

    assertThat(abandoned).isEqualTo(1);
    WebhookDelivery failed = deliveries().find(endpoint.id(), pending.id()).orElseThrow();
    assertThat(failed.state()).isEqualTo(DeliveryState.FAILED);
    assertThat(failed.lastError()).isEqualTo("endpoint disabled");
    assertThat(failed.nextAttemptAt()).isNull();
    assertThat(deliveries().find(endpoint.id(), delivered.id())).contains(done);
  }

  @Test
  void theBacklogCountsEveryStateAndKnowsTheOldestPending() {
    World world = world();
    WebhookEndpoint endpoint = endpoint(world.team().id());
    var before = deliveries().backlog();
    WebhookDelivery pending = queued(endpoint, "evt-1", Instant.parse("2001-01-01T00:00:00Z"));
    WebhookDelivery delivered = queued(endpoint, "evt-2", T0);
    WebhookDelivery failed = queued(endpoint, "evt-3", T0);
    deliveries().enqueue(List.of(pending, delivered, failed));
    deliveries().save(delivered.after(new AttemptResult.Delivered(200), T0, false));
    deliveries().save(failed.after(new AttemptResult.Failed(500, "x"), T0, true));

    var after = deliveries().backlog();

    assertThat(after.pending() - before.pending()).isEqualTo(1);
    assertThat(after.delivered() - before.delivered()).isEqualTo(1);
    assertThat(after.failed() - before.failed()).isEqualTo(1);
    assertThat(after.oldestPendingSince()).isPresent();
    assertThat(after.oldestPendingSince().get()).isBeforeOrEqualTo(pending.createdAt());
  }
}
