package dev.agentcredits.bootstrap;

import dev.agentcredits.adapter.webhooks.HttpWebhookSender;
import dev.agentcredits.adapter.webhooks.SystemHostResolver;
import dev.agentcredits.application.port.in.DeliverWebhooksUseCase;
import dev.agentcredits.application.port.in.view.WebhookBacklogView;
import dev.agentcredits.application.port.out.EventEncoder;
import dev.agentcredits.application.port.out.EventOutbox;
import dev.agentcredits.application.port.out.HostResolver;
import dev.agentcredits.application.port.out.SecretGenerator;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.port.out.WebhookDeliveryStore;
import dev.agentcredits.application.port.out.WebhookEndpointStore;
import dev.agentcredits.application.port.out.WebhookSender;
import dev.agentcredits.application.service.access.Access;
import dev.agentcredits.application.service.webhooks.CheckedSender;
import dev.agentcredits.application.service.webhooks.DeliverWebhooksService;
import dev.agentcredits.application.service.webhooks.Destinations;
import dev.agentcredits.application.service.webhooks.TeamEndpoints;
import dev.agentcredits.application.service.webhooks.WebhookAttempt;
import dev.agentcredits.application.service.webhooks.WebhookDeliveriesService;
import dev.agentcredits.application.service.webhooks.WebhookEndpointsService;
import dev.agentcredits.application.service.webhooks.WebhookTests;
import dev.agentcredits.domain.webhook.DestinationPolicy;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.ToDoubleFunction;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Webhooks (DOMAIN.md rule 26): the endpoint and delivery use cases, the worker that delivers on
 * its scheduler, and its metrics. The fan-out from relayed events is the relay's publisher ({@link
 * MessagingConfig}).
 */
@Configuration(proxyBeanMethods = false)
class WebhooksConfig {
  static final Duration TICK = Duration.ofMillis(500);

  @Bean
  DestinationPolicy destinationPolicy(Settings settings) {
    return new DestinationPolicy(settings.webhooksAllowPrivate());
  }

  @Bean
  HostResolver hostResolver() {
    return new SystemHostResolver();
  }

  @Bean
  WebhookSender webhookSender() {
    return new HttpWebhookSender();
  }

  /** The destination policy on what a URL's host resolves to now, at registration and send. */
  @Bean
  Destinations webhookDestinations(HostResolver resolver, DestinationPolicy policy) {
    return new Destinations(resolver, policy);
  }

  @Bean
  TeamEndpoints teamEndpoints(Access access, WebhookEndpointStore endpoints) {
    return new TeamEndpoints(access, endpoints);
  }

  @Bean
  WebhookTests webhookTests(
      WebhookDeliveryStore deliveries, EventEncoder encoder, SecretGenerator ids) {
    return new WebhookTests(deliveries, encoder, ids);
  }

  @Bean
  WebhookEndpointsService webhookEndpoints(
      TeamEndpoints endpoints,
      TransactionRunner tx,
      SecretGenerator ids,
      Destinations destinations,
      WebhookTests tests,
      Clock clock) {
    return new WebhookEndpointsService(endpoints, tx, ids, destinations, tests, clock);
  }

  @Bean
  WebhookDeliveriesService webhookDeliveries(
      TeamEndpoints endpoints, WebhookDeliveryStore deliveries, TransactionRunner tx, Clock clock) {
    return new WebhookDeliveriesService(endpoints, deliveries, tx, clock);
  }

  /** Each attempt of a batch on a virtual thread of its own: they mostly wait on the network. */
  @Bean(destroyMethod = "shutdownNow")
  ExecutorService webhookAttempts() {
    return Executors.newThreadPerTaskExecutor(
        Thread.ofVirtual().name("webhook-attempt-", 0).factory());
  }

  /** The sender behind the destination policy: every attempt is checked again before it goes. */
  @Bean
  CheckedSender checkedSender(WebhookSender sender, Destinations destinations) {
    return new CheckedSender(sender, destinations);
  }

  @Bean
  WebhookAttempt webhookAttempt(
      WebhookEndpointStore endpoints,
      WebhookDeliveryStore deliveries,
      EventOutbox outbox,
      TransactionRunner tx,
      CheckedSender sender,
      Clock clock) {
    return new WebhookAttempt(endpoints, deliveries, outbox, tx, sender, clock);
  }

  @Bean
  DeliverWebhooksService deliverWebhooks(
      WebhookDeliveryStore deliveries,
      TransactionRunner tx,
      WebhookAttempt attempt,
      ExecutorService webhookAttempts,
      Clock clock,
      PrometheusMeterRegistry registry) {
    var service = new DeliverWebhooksService(deliveries, tx, attempt, webhookAttempts, clock);
    var backlog = new CachedBacklog(service);
    gauge(
        registry,
        "pending",
        "Webhook deliveries waiting to be delivered",
        backlog,
        b -> b.pending());
    gauge(registry, "delivered", "Webhook deliveries delivered", backlog, b -> b.delivered());
    gauge(registry, "failed", "Webhook deliveries that failed for good", backlog, b -> b.failed());
    Gauge.builder(
            "agent_credits.webhooks.oldest_pending_age",
            backlog,
            b -> b.get().oldestPendingAge().toMillis() / 1_000.0)
        .description("How long the oldest pending webhook delivery has waited")
        .baseUnit("seconds")
        .register(registry);
    return service;
  }

  @Bean(destroyMethod = "close")
  WebhookScheduler webhookScheduler(DeliverWebhooksUseCase deliverWebhooks) {
    return new WebhookScheduler(deliverWebhooks).start(TICK);
  }

  private static void gauge(
      PrometheusMeterRegistry registry,
      String state,
      String description,
      CachedBacklog backlog,
      ToDoubleFunction<WebhookBacklogView> value) {
    Gauge.builder("agent_credits.webhooks.deliveries", backlog, b -> value.applyAsDouble(b.get()))
        .tag("state", state)
        .description(description)
        .register(registry);
  }

  /** One look at the store serves the four gauges of a scrape. */
  static final class CachedBacklog {
    private static final long MAX_AGE_NANOS = Duration.ofSeconds(1).toNanos();
    private final DeliverWebhooksUseCase deliver;
    private WebhookBacklogView last;
    private long readAt;

    CachedBacklog(DeliverWebhooksUseCase deliver) {
      this.deliver = deliver;
    }

    synchronized WebhookBacklogView get() {
      long now = System.nanoTime();
      if (last == null || now - readAt > MAX_AGE_NANOS) {
        last = deliver.backlog();
        readAt = now;
      }
      return last;
    }
  }
}
