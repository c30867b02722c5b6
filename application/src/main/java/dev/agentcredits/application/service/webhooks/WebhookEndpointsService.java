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
import dev.agentcredits.application.port.out.EncodedEvent;
import dev.agentcredits.application.port.out.EventEncoder;
import dev.agentcredits.application.port.out.HostResolver;
import dev.agentcredits.application.port.out.SecretGenerator;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.port.out.WebhookDeliveryStore;
import dev.agentcredits.application.port.out.WebhookEndpointStore;
import dev.agentcredits.application.service.access.Access;
import dev.agentcredits.application.service.shared.Guard;
import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.event.EventData;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.shared.WebhookDeliveryId;
import dev.agentcredits.domain.shared.WebhookEndpointId;
import dev.agentcredits.domain.webhook.DestinationPolicy;
import dev.agentcredits.domain.webhook.WebhookDelivery;
import dev.agentcredits.domain.webhook.WebhookEndpoint;
import dev.agentcredits.domain.webhook.WebhookSecret;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Registering, listing and deleting a team's webhook endpoints, and sending one a test (rule 26). A
 * new endpoint's URL must pass the destination policy on what its host resolves to now; the host is
 * looked up with no transaction open.
 */
public final class WebhookEndpointsService implements WebhookEndpointsUseCase {
  private static final int SECRET_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final WebhookEndpointStore endpoints;
  private final WebhookDeliveryStore deliveries;
  private final TransactionRunner tx;
  private final SecretGenerator ids;
  private final EventEncoder encoder;
  private final Destinations destinations;
  private final Clock clock;
  private final Access access;

  public WebhookEndpointsService(
      TeamStore teams,
      WebhookEndpointStore endpoints,
      WebhookDeliveryStore deliveries,
      TransactionRunner tx,
      SecretGenerator ids,
      EventEncoder encoder,
      HostResolver resolver,
      DestinationPolicy policy,
      Clock clock) {
    this.endpoints = endpoints;
    this.deliveries = deliveries;
    this.tx = tx;
    this.ids = ids;
    this.encoder = encoder;
    this.destinations = new Destinations(resolver, policy);
    this.clock = clock;
    this.access = new Access(teams);
  }

  @Override
  public Outcome<RegisteredWebhookEndpointView> register(RegisterWebhookEndpointCommand command) {
    return Guard.outcome(() -> {
      // who asks is checked before their URL is looked up, so no one else can probe names with it
      tx.inTransaction(() -> access.administeredTeam(command.caller(), command.team()));
      destinations
          .refusal(command.url())
          .ifPresent(why -> {
            throw Guard.refuse(Refusal.invalid("url: " + why));
          });
      return tx.inTransaction(() -> {
        access.administeredTeam(command.caller(), command.team());
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
        endpoints.insert(endpoint);
        return Outcome.ok(WebhookViews.registered(endpoint));
      });
    });
  }

  @Override
  public Outcome<List<WebhookEndpointView>> list(TeamQuery query) {
    return Guard.outcome(() ->
        tx.inTransaction(() -> {
          access.administeredTeam(query.caller(), query.team());
          return Outcome.ok(
              endpoints.ofTeam(query.team()).stream().map(WebhookViews::endpoint).toList());
        }));
  }

  @Override
  public Outcome<Void> delete(WebhookEndpointCommand command) {
    return Guard.outcome(() ->
        tx.inTransaction(() -> {
          access.administeredTeam(command.caller(), command.team());
          if (!endpoints.delete(command.team(), command.endpoint())) {
            throw Guard.refuse(notFound(command.endpoint()));
          }
          return Outcome.<Void>ok(null);
        }));
  }

  @Override
  public Outcome<WebhookDeliveryView> sendTest(WebhookEndpointCommand command) {
    return Guard.outcome(() ->
        tx.inTransaction(() -> {
          access.administeredTeam(command.caller(), command.team());
          WebhookEndpoint endpoint =
              endpoints
                  .find(command.team(), command.endpoint())
                  .orElseThrow(() -> Guard.refuse(notFound(command.endpoint())));
          Instant now = clock.instant();
          EncodedEvent test =
              encoder.encode(
                  UUID.randomUUID().toString(),
                  new DomainEvent(
                      EventType.WEBHOOK_TEST,
                      endpoint.team(),
                      endpoint.id().value(),
                      now,
                      new EventData.WebhookTest(endpoint.id())));
          WebhookDelivery delivery =
              WebhookDelivery.queued(
                  new WebhookDeliveryId(ids.newId("whd")),
                  endpoint.id(),
                  endpoint.team(),
                  test.id(),
                  test.type(),
                  test.cloudEvent(),
                  now);
          deliveries.enqueue(List.of(delivery));
          return Outcome.ok(WebhookViews.delivery(delivery));
        }));
  }

  static Refusal notFound(WebhookEndpointId endpoint) {
    return Refusal.notFound("webhook endpoint " + endpoint);
  }
}
