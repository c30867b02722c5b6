package dev.agentcredits.adapter.persistence.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.out.WebhookMessage;
import dev.agentcredits.application.port.out.WebhookSender;
import dev.agentcredits.application.port.out.contract.TestData;
import dev.agentcredits.application.port.out.contract.World;
import dev.agentcredits.application.service.webhooks.CheckedSender;
import dev.agentcredits.application.service.webhooks.DeliverWebhooksService;
import dev.agentcredits.application.service.webhooks.Destinations;
import dev.agentcredits.application.service.webhooks.WebhookAttempt;
import dev.agentcredits.application.testing.TestHostResolver;
import dev.agentcredits.domain.shared.WebhookDeliveryId;
import dev.agentcredits.domain.shared.WebhookEndpointId;
import dev.agentcredits.domain.webhook.AttemptResult;
import dev.agentcredits.domain.webhook.DestinationPolicy;
import dev.agentcredits.domain.webhook.EventTypeFilter;
import dev.agentcredits.domain.webhook.WebhookDelivery;
import dev.agentcredits.domain.webhook.WebhookEndpoint;
import dev.agentcredits.domain.webhook.WebhookSecret;
import dev.agentcredits.domain.webhook.WebhookUrl;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The delivery queue shared by instances: each delivery is claimed by one worker at a time. */
class WebhookClaimTest {
  @RegisterExtension static final PostgresSchema DB = new PostgresSchema();

  private final PostgresPersistence first = DB.persistence();
  private final ExecutorService background = Executors.newFixedThreadPool(8);

  @AfterEach
  void stopBackground() {
    background.shutdownNow();
  }

  private WebhookEndpoint endpoint() {
    World world = World.create(first.stores(), first.transactions());
    WebhookEndpoint endpoint =
        WebhookEndpoint.register(
            new WebhookEndpointId(TestData.unique("whe")),
            world.team().id(),
            WebhookUrl.parse("https://hooks.example.com/x"),
            EventTypeFilter.ALL,
            null,
            WebhookSecret.of(new byte[32]),
            TestData.T0);
    first.stores().webhookEndpoints().insert(endpoint);
    return endpoint;
  }

  private List<WebhookDelivery> queue(WebhookEndpoint endpoint, int count, Instant at) {
    List<WebhookDelivery> deliveries = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      deliveries.add(
          WebhookDelivery.queued(
              new WebhookDeliveryId(TestData.unique("whd")),
              endpoint.id(),
              endpoint.team(),
              TestData.unique("evt"),
              "run.accepted",
              "{}",
              at.plusMillis(i)));
    }
    first.stores().webhookDeliveries().enqueue(deliveries);
    return deliveries;
  }

  @Test
  void aSecondInstanceClaimsOtherDeliveriesWithoutWaitingForTheFirst() throws Exception {
    Instant era = Instant.parse("2020-01-01T00:00:00Z");
    List<WebhookDelivery> queued = queue(endpoint(), 4, era);
    Instant now = era.plusSeconds(1);
    CountDownLatch claimed = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Future<List<WebhookDelivery>> firstClaim =
        background.submit(() ->
            first
                .transactions()
                .inTransaction(() -> {
                  var batch =
                      first.stores().webhookDeliveries().claimDue(now, now.plusSeconds(60), 2);
                  claimed.countDown();
                  await(release);
                  return batch;
                }));
    assertThat(claimed.await(10, TimeUnit.SECONDS)).isTrue();

    List<WebhookDelivery> secondClaim;
    try (PostgresPersistence second = DB.open()) {
      secondClaim =
          second
              .transactions()
              .inTransaction(
                  () -> second.stores().webhookDeliveries().claimDue(now, now.plusSeconds(60), 10));
    }
    release.countDown();

    assertThat(firstClaim.get(10, TimeUnit.SECONDS))
        .extracting(WebhookDelivery::id)
        .containsExactlyInAnyOrder(queued.get(0).id(), queued.get(1).id());
    assertThat(secondClaim)
        .extracting(WebhookDelivery::id)
        .containsExactlyInAnyOrder(queued.get(2).id(), queued.get(3).id());
    assertThat(first.stores().webhookDeliveries().claimDue(now, now.plusSeconds(60), 10)).isEmpty();
  }

  @Test
  void workersOnTwoInstancesSendEachDeliveryOnce() throws Exception {
    Instant now = Instant.parse("2024-01-01T00:00:00Z");
    List<WebhookDelivery> queued = queue(endpoint(), 300, now.minusSeconds(1));
    Map<String, AtomicInteger> sends = new ConcurrentHashMap<>();
    Clock clock = Clock.fixed(now, ZoneOffset.UTC);
    try (PostgresPersistence second = DB.open()) {
      List<DeliverWebhooksService> workers =
          List.of(worker(first, sends, clock), worker(second, sends, clock));
      List<Future<Integer>> running = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        DeliverWebhooksService worker = workers.get(i % 2);
        running.add(
            background.submit(() -> {
              int attempted = 0;
              int batch;
              while ((batch = worker.deliverDue(7)) > 0) {
                attempted += batch;
              }
              return attempted;
            }));
      }
      int attempted = 0;
      for (Future<Integer> worker : running) {
        attempted += worker.get(60, TimeUnit.SECONDS);
      }

      // what the other test left claimed and due by now is attempted too, once
      assertThat(attempted).isEqualTo(sends.size());
    }
    assertThat(sends.keySet()).containsAll(queued.stream().map(d -> d.eventId()).toList());
    assertThat(sends.values()).allMatch(count -> count.get() == 1);
    assertThat(first.stores().webhookDeliveries().backlog().pending()).isZero();
  }

  private static DeliverWebhooksService worker(
      PostgresPersistence instance, Map<String, AtomicInteger> sends, Clock clock) {
    WebhookSender sender =
        (WebhookMessage message) -> {
          sends.computeIfAbsent(message.webhookId(), id -> new AtomicInteger()).incrementAndGet();
          return new AttemptResult.Delivered(200);
        };
    var destinations = new Destinations(new TestHostResolver(), new DestinationPolicy(false));
    return new DeliverWebhooksService(
        instance.stores().webhookDeliveries(),
        instance.transactions(),
        new WebhookAttempt(
            instance.stores().webhookEndpoints(),
            instance.stores().webhookDeliveries(),
            instance.stores().outbox(),
            instance.transactions(),
            new CheckedSender(sender, destinations),
            clock),
        Runnable::run,
        clock);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
