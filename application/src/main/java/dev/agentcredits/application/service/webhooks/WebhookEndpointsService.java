package dev.agentcredits.application.service.webhooks;

import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.RegisterWebhookEndpointCommand;
import dev.agentcredits.application.port.in.TeamQuery;
import dev.agentcredits.application.port.in.WebhookEndpointCommand;
import dev.agentcredits.application.port.in.WebhookEndpointsUseCase;
import dev.agentcredits.application.port.in.view.RegisteredWebhookEndpointView;
import dev.agentcredits.application.port.in.view.WebhookDeliveryView;
import dev.agentcredits.application.port.in.view.WebhookEndpointView;
import dev.agentcredits.application.port.out.SecretGenerator;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.shared.Guard;
import dev.agentcredits.domain.shared.WebhookEndpointId;
import dev.agentcredits.domain.webhook.WebhookEndpoint;
import dev.agentcredits.domain.webhook.WebhookSecret;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

/**
 * Registering, listing and deleting a team's webhook endpoints, and sending one a test (rule 26). A
 * new endpoint's URL must pass the destination policy on what its host resolves to now; the host is
 * looked up with no transaction open.
 */
public final class WebhookEndpointsService implements WebhookEndpointsUseCase {
  private static final int SECRET_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final TeamEndpoints endpoints;
  private final TransactionRunner tx;
  private final SecretGenerator ids;
  private final Destinations destinations;
  private final WebhookTests tests;
  private final Clock clock;

  public WebhookEndpointsService(
      TeamEndpoints endpoints,
      TransactionRunner tx,
      SecretGenerator ids,
      Destinations destinations,
      WebhookTests tests,
      Clock clock) {
    this.endpoints = endpoints;
    this.tx = tx;
    this.ids = ids;
    this.destinations = destinations;
    this.tests = tests;
    this.clock = clock;
  }

  @Override
  public Outcome<RegisteredWebhookEndpointView> register(RegisterWebhookEndpointCommand command) {
    return Guard.outcome(() -> {
      // who asks is checked before their URL is looked up, so no one else can probe names with it
      tx.inTransaction(() -> endpoints.administered(command.caller(), command.team()));
      destinations
          .refusal(command.url())
          .ifPresent(why -> {
            throw Guard.refuse(Refusal.invalid("url: " + why));
          });
      return tx.inTransaction(() -> {
        endpoints.administered(command.caller(), command.team());
        byte[] key = new byte[SECRET_BYTES];
        RANDOM.nextBytes(key);
        WebhookEndpoint endpoint =
            WebhookEndpoint.register(
                new WebhookEndpointId(ids.newId("whe")),
                command.team(),
                command.url(),
                command.eventTypes(),
                command.description(),
                WebhookSecret.of(key),
                clock.instant());
        endpoints.add(endpoint);
        return Outcome.ok(WebhookViews.registered(endpoint));
      });
    });
  }

  @Override
  public Outcome<List<WebhookEndpointView>> list(TeamQuery query) {
    return Guard.outcome(() ->
        tx.inTransaction(() ->
            Outcome.ok(
                endpoints.list(query.caller(), query.team()).stream()
                    .map(WebhookViews::endpoint)
                    .toList())));
  }

  @Override
  public Outcome<Void> delete(WebhookEndpointCommand command) {
    return Guard.outcome(() ->
        tx.inTransaction(() -> {
          endpoints.delete(command.caller(), command.team(), command.endpoint());
          return Outcome.<Void>ok(null);
        }));
  }

  @Override
  public Outcome<WebhookDeliveryView> sendTest(WebhookEndpointCommand command) {
    return Guard.outcome(() ->
        tx.inTransaction(() -> {
          WebhookEndpoint endpoint =
              endpoints.find(command.caller(), command.team(), command.endpoint());
          return Outcome.ok(WebhookViews.delivery(tests.queue(endpoint, clock.instant())));
        }));
  }
}
