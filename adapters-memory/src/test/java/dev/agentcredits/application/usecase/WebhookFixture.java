package dev.agentcredits.application.usecase;

import static dev.agentcredits.application.usecase.BillingFixture.ok;

import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.RegisterWebhookEndpointCommand;
import dev.agentcredits.application.port.in.TeamQuery;
import dev.agentcredits.application.port.in.WebhookDeliveriesQuery;
import dev.agentcredits.application.port.in.view.RegisteredWebhookEndpointView;
import dev.agentcredits.application.port.in.view.WebhookDeliveryView;
import dev.agentcredits.application.port.in.view.WebhookEndpointView;
import dev.agentcredits.application.port.out.WebhookMessage;
import dev.agentcredits.application.port.out.WebhookSender;
import dev.agentcredits.application.service.access.Access;
import dev.agentcredits.application.service.events.RelayEventsService;
import dev.agentcredits.application.service.webhooks.CheckedSender;
import dev.agentcredits.application.service.webhooks.DeliverWebhooksService;
import dev.agentcredits.application.service.webhooks.Destinations;
import dev.agentcredits.application.service.webhooks.TeamEndpoints;
import dev.agentcredits.application.service.webhooks.WebhookAttempt;
import dev.agentcredits.application.service.webhooks.WebhookDeliveriesService;
import dev.agentcredits.application.service.webhooks.WebhookEndpointsService;
import dev.agentcredits.application.service.webhooks.WebhookFanOut;
import dev.agentcredits.application.service.webhooks.WebhookTests;
import dev.agentcredits.application.testing.TestHostResolver;
import dev.agentcredits.application.testing.TestSecrets;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.shared.WebhookEndpointId;
import dev.agentcredits.domain.webhook.AttemptResult;
import dev.agentcredits.domain.webhook.DestinationPolicy;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The webhook use cases on the billing fixture's stores and clock, with a receiver double: each URL
 * answers what the test queued for it (200 when nothing is queued), and every message sent is kept.
 * Relaying the outbox fans events out to the endpoints, as bootstrap wires it.
 */
final class WebhookFixture {
  final BillingFixture billing;
  final TestHostResolver resolver = new TestHostResolver();
  final List<WebhookMessage> sent = new CopyOnWriteArrayList<>();
  final List<List<String>> published = new CopyOnWriteArrayList<>();
  private final Map<String, Deque<AttemptResult>> answers = new ConcurrentHashMap<>();
  private final Map<String, AttemptResult> always = new ConcurrentHashMap<>();

  final WebhookEndpointsService endpoints;
  final WebhookDeliveriesService deliveries;
  final DeliverWebhooksService worker;
  final RelayEventsService relay;

  WebhookFixture(BillingFixture billing) {
    this.billing = billing;
    var stores = billing.stores();
    var tx = billing.persistence.transactions();
    var policy = new DestinationPolicy(false);
    WebhookSender sender =
        message -> {
          sent.add(message);
          Deque<AttemptResult> queued = answers.get(message.url().toString());
          AttemptResult answer = queued == null ? null : queued.poll();
          if (answer == null) {
            answer =
                always.getOrDefault(message.url().toString(), new AttemptResult.Delivered(200));
          }
          return answer;
        };
    var destinations = new Destinations(resolver, policy);
    var teamEndpoints = new TeamEndpoints(new Access(stores.teams()), stores.webhookEndpoints());
    var secrets = new TestSecrets();
    endpoints =
        new WebhookEndpointsService(
            teamEndpoints,
            tx,
            secrets,
            destinations,
            new WebhookTests(stores.webhookDeliveries(), billing.encoder, secrets),
            billing.clock);
    deliveries =
        new WebhookDeliveriesService(teamEndpoints, stores.webhookDeliveries(), tx, billing.clock);
    worker =
        new DeliverWebhooksService(
            stores.webhookDeliveries(),
            tx,
            new WebhookAttempt(
                stores.webhookEndpoints(),
                stores.webhookDeliveries(),
                stores.outbox(),
                tx,
                new CheckedSender(sender, destinations),
                billing.clock),
            Runnable::run,
            billing.clock);
    var fanOut =
        new WebhookFanOut(
            stores.webhookEndpoints(),
            stores.webhookDeliveries(),
            new TestSecrets(),
            billing.clock,
            events -> published.add(events.stream().map(e -> e.type()).toList()));
    relay = new RelayEventsService(stores.outbox(), fanOut, tx, billing.clock);
  }

  /** The next answers of {@code url}, in order; afterwards it answers as before. */
  void answers(String url, AttemptResult... results) {
    answers.computeIfAbsent(url, u -> new ArrayDeque<>()).addAll(List.of(results));
  }

  /** From now on {@code url} answers {@code result}, whatever was queued for it. */
  void answersAlways(String url, AttemptResult result) {
    always.put(url, result);
    answers.remove(url);
  }

  static AttemptResult status(int status) {
    return status >= 200 && status < 300
        ? new AttemptResult.Delivered(status)
        : new AttemptResult.Failed(status, "the endpoint answered HTTP " + status);
  }

  RegisteredWebhookEndpointView register(Caller caller, TeamId team, String url, String... types) {
    return ok(
        endpoints.register(
            RegisterWebhookEndpointCommand.of(
                caller, team, url, types.length == 0 ? null : List.of(types), null)));
  }

  List<WebhookEndpointView> list(Caller caller, TeamId team) {
    return ok(endpoints.list(new TeamQuery(caller, team)));
  }

  /** Every committed event relayed (and fanned out), then every due delivery attempted. */
  int relayAndDeliver() {
    while (relay.relayBatch(100) > 0) {
      // until the outbox is empty
    }
    return worker.deliverDue(100);
  }

  List<WebhookDeliveryView> deliveriesOf(TeamId team, String endpointId) {
    return ok(deliveries.deliveries(
            new WebhookDeliveriesQuery(
                BillingFixture.OPERATOR, team, new WebhookEndpointId(endpointId), 200, null)))
        .deliveries();
  }

  List<WebhookMessage> sentTo(String url) {
    return sent.stream().filter(m -> m.url().toString().equals(url)).toList();
  }
}
