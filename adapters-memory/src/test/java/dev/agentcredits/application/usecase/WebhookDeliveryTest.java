package dev.agentcredits.application.usecase;

import static dev.agentcredits.application.usecase.BillingFixture.OPERATOR;
import static dev.agentcredits.application.usecase.BillingFixture.ok;
import static dev.agentcredits.application.usecase.BillingFixture.refused;
import static dev.agentcredits.application.usecase.WebhookFixture.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.RetryWebhookDeliveryCommand;
import dev.agentcredits.application.port.in.WebhookDeliveriesQuery;
import dev.agentcredits.application.port.in.view.WebhookDeliveryView;
import dev.agentcredits.application.port.out.WebhookMessage;
import dev.agentcredits.application.service.webhooks.WebhookFanOut;
import dev.agentcredits.application.testing.TestSecrets;
import dev.agentcredits.domain.event.EventData;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.shared.WebhookDeliveryId;
import dev.agentcredits.domain.shared.WebhookEndpointId;
import dev.agentcredits.domain.webhook.AttemptResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rule 26: fan-out when events are relayed, attempts, retries, failure and disabling. */
class WebhookDeliveryTest extends UseCaseTest {
  private static final String URL = "https://hooks.example.com/a";
  private static final String OTHER = "https://hooks.example.com/b";

  private final WebhookFixture webhooks = new WebhookFixture(billing);
  private final TestTeam team = billing.aBuildTeam().withMember("mo").build();

  @Test
  void eachEventGoesOnceToEachEnabledEndpointOfItsTeamThatWantsIt() {
    billing.takeEvents();
    var all = webhooks.register(OPERATOR, team.id, URL);
    var runsOnly = webhooks.register(OPERATOR, team.id, OTHER, "run.*");
    TestTeam otherTeam = billing.aBuildTeam().build();
    webhooks.register(OPERATOR, otherTeam.id, "https://elsewhere.example.com/x");
    billing.takeEvents();

    ok(team.submitAs("mo"));
    webhooks.relayAndDeliver();

    List<String> types = webhooks.published.stream().flatMap(List::stream).toList();
    assertThat(types).contains("run.accepted");
    assertThat(webhooks.sentTo(URL)).extracting(m -> typeOf(m)).isEqualTo(types);
    assertThat(webhooks.sentTo(OTHER)).extracting(m -> typeOf(m)).containsExactly("run.accepted");
    assertThat(webhooks.sentTo("https://elsewhere.example.com/x")).isEmpty();
    assertThat(webhooks.deliveriesOf(team.id, all.endpointId()))
        .allSatisfy(d -> assertThat(d.state()).isEqualTo("delivered"));
    assertThat(webhooks.deliveriesOf(team.id, runsOnly.endpointId())).hasSize(1);
  }

  @Test
  void anEventRelayedTwiceIsStillDeliveredOnce() {
    billing.takeEvents();
    webhooks.register(OPERATOR, team.id, URL);
    ok(team.submitAs("mo"));
    var events = billing.stores().outbox().claim(100).stream().map(e -> e.event()).toList();
    var fanOut =
        new WebhookFanOut(
            billing.stores().webhookEndpoints(),
            billing.stores().webhookDeliveries(),
            new TestSecrets(),
            billing.clock,
            sent -> {});

    billing
        .persistence
        .transactions()
        .inTransaction(() -> {
          fanOut.publish(events);
          fanOut.publish(events);
          return null;
        });
    webhooks.worker.deliverDue(100);

    assertThat(webhooks.sentTo(URL)).hasSize(events.size());
  }

  @Test
  void anEndpointAnswering500TwiceThen200GetsTheEventOnTheThirdAttempt() {
    billing.takeEvents();
    var endpoint = webhooks.register(OPERATOR, team.id, URL, "run.accepted");
    webhooks.answers(URL, status(500), status(500), status(200));
    ok(team.submitAs("mo"));

    webhooks.relayAndDeliver();
    WebhookDeliveryView first = only(endpoint.endpointId());
    assertThat(first.state()).isEqualTo("pending");
    assertThat(first.lastStatus()).isEqualTo(500);
    assertThat(first.nextAttemptAt()).isEqualTo(billing.clock.instant().plusSeconds(5));

    billing.advance(Duration.ofSeconds(4));
    assertThat(webhooks.worker.deliverDue(10)).as("not due yet").isZero();
    billing.advance(Duration.ofSeconds(1));
    assertThat(webhooks.worker.deliverDue(10)).isEqualTo(1);
    assertThat(only(endpoint.endpointId()).nextAttemptAt())
        .isEqualTo(billing.clock.instant().plus(Duration.ofMinutes(5)));
    billing.advance(Duration.ofMinutes(5));
    webhooks.worker.deliverDue(10);

    WebhookDeliveryView delivered = only(endpoint.endpointId());
    assertThat(delivered.state()).isEqualTo("delivered");
    assertThat(delivered.attempts()).isEqualTo(3);
    assertThat(delivered.lastStatus()).isEqualTo(200);
    assertThat(delivered.deliveredAt()).isEqualTo(billing.clock.instant());
    List<WebhookMessage> sent = webhooks.sentTo(URL);
    assertThat(sent).hasSize(3);
    assertThat(sent).extracting(WebhookMessage::webhookId).containsOnly(delivered.eventId());
    assertThat(sent).extracting(WebhookMessage::body).containsOnly(sent.getFirst().body());
    assertThat(sent.get(2).timestamp()).isEqualTo(billing.clock.instant());
  }

  @Test
  void anEndpointFailingForThreeDaysIsDisabledWithAnEventAndGetsNothingMore() {
    billing.takeEvents();
    var endpoint = webhooks.register(OPERATOR, team.id, URL);
    var watcher = webhooks.register(OPERATOR, team.id, OTHER, "webhook_endpoint.*");
    webhooks.answersAlways(URL, new AttemptResult.Failed(null, "connection refused"));
    ok(team.submitAs("mo"));
    webhooks.relayAndDeliver();
    int queued = webhooks.deliveriesOf(team.id, endpoint.endpointId()).size();

    for (int hour = 1; hour < 72; hour++) {
      billing.advance(Duration.ofHours(1));
      webhooks.relayAndDeliver();
    }
    assertThat(webhooks.list(OPERATOR, team.id).getFirst().state()).isEqualTo("enabled");
    billing.advance(Duration.ofHours(1));
    webhooks.relayAndDeliver();
    assertThat(webhooks.list(OPERATOR, team.id).getFirst().state()).isEqualTo("disabled");
    ok(team.submitAs("mo"));
    webhooks.relayAndDeliver();

    assertThat(webhooks.deliveriesOf(team.id, endpoint.endpointId()))
        .as("nothing queued for it once disabled")
        .hasSize(queued)
        .allSatisfy(d -> assertThat(d.state()).isEqualTo("failed"));
    List<WebhookMessage> told = webhooks.sentTo(OTHER);
    assertThat(told).extracting(this::typeOf).containsExactly("webhook_endpoint.disabled");
    var event = billing.encoder.event(told.getFirst().webhookId());
    assertThat(event.type()).isEqualTo(EventType.WEBHOOK_ENDPOINT_DISABLED);
    var data = (EventData.WebhookEndpointDisabled) event.data();
    assertThat(data.url()).isEqualTo(URL);
    assertThat(data.endpoint().value()).isEqualTo(endpoint.endpointId());
    assertThat(webhooks.deliveriesOf(team.id, watcher.endpointId())).hasSize(1);
  }

  @Test
  void aRetryIsOneMoreAttemptAndADeliveryThatGetsThroughEnablesTheEndpointAgain() {
    billing.takeEvents();
    var endpoint = webhooks.register(OPERATOR, team.id, URL, "run.accepted");
    webhooks.answersAlways(URL, status(503));
    ok(team.submitAs("mo"));
    webhooks.relayAndDeliver();
    for (int hour = 0; hour < 80; hour++) {
      billing.advance(Duration.ofHours(1));
      webhooks.relayAndDeliver();
    }
    WebhookDeliveryView failed = only(endpoint.endpointId());
    assertThat(failed.state()).isEqualTo("failed");
    assertThat(webhooks.list(OPERATOR, team.id).getFirst().state()).isEqualTo("disabled");
    int attempts = failed.attempts();
    webhooks.answersAlways(URL, status(200));

    var retried =
        ok(
            webhooks.deliveries.retry(
                retry(team.key("owner"), endpoint.endpointId(), failed.deliveryId())));
    assertThat(retried.state()).isEqualTo("pending");
    webhooks.worker.deliverDue(10);

    WebhookDeliveryView delivered = only(endpoint.endpointId());
    assertThat(delivered.state()).isEqualTo("delivered");
    assertThat(delivered.attempts()).isEqualTo(attempts + 1);
    assertThat(webhooks.list(OPERATOR, team.id).getFirst().state()).isEqualTo("enabled");
  }

  @Test
  void aRetryIsForTheOwnerOrAnAdminOfTheTeamAndNamesADeliveryOfTheEndpoint() {
    billing.takeEvents();
    var endpoint = webhooks.register(OPERATOR, team.id, URL, "run.accepted");
    ok(team.submitAs("mo"));
    webhooks.relayAndDeliver();
    String delivery = only(endpoint.endpointId()).deliveryId();

    refused(
        webhooks.deliveries.retry(retry(team.key("mo"), endpoint.endpointId(), delivery)),
        Refusal.NotAuthorized.class);
    refused(
        webhooks.deliveries.retry(retry(OPERATOR, endpoint.endpointId(), "whd_nope")),
        Refusal.NotFound.class);
    refused(
        webhooks.deliveries.retry(retry(OPERATOR, "whe_nope", delivery)), Refusal.NotFound.class);
    ok(webhooks.deliveries.retry(retry(OPERATOR, endpoint.endpointId(), delivery)));
    webhooks.worker.deliverDue(10);
    assertThat(webhooks.sentTo(URL)).hasSize(2);
  }

  @Test
  void aHostThatNowResolvesIntoThePrivateNetworkIsNotCalled() {
    billing.takeEvents();
    String url = "https://moving.example.com/hook";
    var endpoint = webhooks.register(OPERATOR, team.id, url, "run.accepted");
    webhooks.resolver.with("moving.example.com", "10.0.0.1");
    ok(team.submitAs("mo"));

    webhooks.relayAndDeliver();

    assertThat(webhooks.sentTo(url)).isEmpty();
    WebhookDeliveryView delivery = only(endpoint.endpointId());
    assertThat(delivery.state()).isEqualTo("pending");
    assertThat(delivery.lastStatus()).isNull();
    assertThat(delivery.lastError())
        .isEqualTo(
            "not sent: moving.example.com resolves to 10.0.0.1, a private address; webhooks go"
                + " to public addresses only");
  }

  @Test
  void deliveriesAreListedNewestFirstPageByPage() {
    billing.takeEvents();
    var endpoint = webhooks.register(OPERATOR, team.id, URL);
    for (int i = 0; i < 3; i++) {
      ok(team.submitAs("mo"));
      billing.advance(Duration.ofSeconds(1));
      webhooks.relayAndDeliver();
    }
    var all = webhooks.deliveriesOf(team.id, endpoint.endpointId());
    var id = new WebhookEndpointId(endpoint.endpointId());

    var first =
        ok(
            webhooks.deliveries.deliveries(
                new WebhookDeliveriesQuery(OPERATOR, team.id, id, 2, null)));
    var second =
        ok(
            webhooks.deliveries.deliveries(
                new WebhookDeliveriesQuery(OPERATOR, team.id, id, 2, first.nextCursor())));

    assertThat(all.size()).isGreaterThanOrEqualTo(3);
    assertThat(first.deliveries()).containsExactlyElementsOf(all.subList(0, 2));
    assertThat(second.deliveries())
        .containsExactlyElementsOf(all.subList(2, Math.min(4, all.size())));
    refused(
        webhooks.deliveries.deliveries(
            new WebhookDeliveriesQuery(OPERATOR, team.id, id, 2, "not-a-cursor")),
        Refusal.InvalidRequest.class);
  }

  @Test
  void theBacklogSaysWhatIsPendingAndSinceWhen() {
    billing.takeEvents();
    webhooks.register(OPERATOR, team.id, URL, "run.accepted");
    webhooks.answers(URL, status(500));
    ok(team.submitAs("mo"));
    webhooks.relayAndDeliver();
    billing.advance(Duration.ofSeconds(3));

    var backlog = webhooks.worker.backlog();

    assertThat(backlog.pending()).isEqualTo(1);
    assertThat(backlog.delivered()).isZero();
    assertThat(backlog.oldestPendingAge()).isEqualTo(Duration.ofSeconds(3));
  }

  private WebhookDeliveryView only(String endpointId) {
    var deliveries = webhooks.deliveriesOf(team.id, endpointId);
    assertThat(deliveries).hasSize(1);
    return deliveries.getFirst();
  }

  private RetryWebhookDeliveryCommand retry(Caller caller, String endpoint, String delivery) {
    return new RetryWebhookDeliveryCommand(
        caller, team.id, new WebhookEndpointId(endpoint), new WebhookDeliveryId(delivery));
  }

  private String typeOf(WebhookMessage message) {
    return billing.encoder.event(message.webhookId()).type().routingKey();
  }
}
