package dev.agentcredits.bootstrap;

import dev.agentcredits.adapter.messaging.CommandHandlers;
import dev.agentcredits.adapter.messaging.InMemoryEventBus;
import dev.agentcredits.adapter.messaging.OutboxRelay;
import dev.agentcredits.adapter.messaging.RabbitMessaging;
import dev.agentcredits.application.port.in.CompleteRunUseCase;
import dev.agentcredits.application.port.in.ReportUsageBatchUseCase;
import dev.agentcredits.application.port.in.ReportUsageUseCase;
import dev.agentcredits.application.port.in.SubmitRunUseCase;
import dev.agentcredits.application.port.out.EventOutbox;
import dev.agentcredits.application.port.out.SecretGenerator;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.port.out.WebhookDeliveryStore;
import dev.agentcredits.application.port.out.WebhookEndpointStore;
import dev.agentcredits.application.service.events.RelayEventsService;
import dev.agentcredits.application.service.idempotency.Idempotency;
import dev.agentcredits.application.service.idempotency.IdempotentRunCommands;
import dev.agentcredits.application.service.webhooks.WebhookFanOut;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The broker (memory or RabbitMQ) and the relay that publishes the outbox through it, fanning each
 * batch out to webhook endpoints on the way.
 */
@Configuration(proxyBeanMethods = false)
class MessagingConfig {
  static final Duration RELAY_POLL = Duration.ofMillis(250);

  @Bean(destroyMethod = "close")
  BrokerBackend brokerBackend(
      Settings settings,
      SubmitRunUseCase submitRun,
      ReportUsageUseCase reportUsage,
      ReportUsageBatchUseCase reportUsageBatch,
      CompleteRunUseCase completeRun,
      Idempotency idempotency) {
    return switch (settings.broker()) {
      case MEMORY -> new BrokerBackend("memory", new InMemoryEventBus(), () -> true, () -> {});
      case RABBITMQ -> {
        var commands =
            new IdempotentRunCommands(
                submitRun, reportUsage, reportUsageBatch, completeRun, idempotency);
        var handlers = new CommandHandlers(commands);
        var rabbit = RabbitMessaging.connect(settings.amqpUrl(), handlers);
        rabbit.startConsuming();
        yield new BrokerBackend("rabbitmq", rabbit.publisher(), rabbit::isHealthy, rabbit::close);
      }
    };
  }

  @Bean(destroyMethod = "close")
  OutboxRelay outboxRelay(
      BrokerBackend broker,
      EventOutbox outbox,
      TransactionRunner tx,
      PrometheusMeterRegistry registry,
      Clock clock,
      WebhookEndpointStore webhookEndpoints,
      WebhookDeliveryStore webhookDeliveries,
      SecretGenerator ids) {
    // Each relayed batch is fanned out to webhook endpoints in the relay's transaction, then sent
    // to the broker (WebhookFanOut says why there).
    var publisher =
        new WebhookFanOut(
            webhookEndpoints,
            webhookDeliveries,
            ids,
            clock,
            new CountingEventPublisher(broker.publisher(), registry));
    var relayEvents = new RelayEventsService(outbox, publisher, tx, clock);
    var relay = new OutboxRelay(relayEvents, RELAY_POLL);
    Gauge.builder("agent_credits.outbox.depth", relayEvents, r -> r.outboxDepth())
        .description("Events committed but not yet published")
        .register(registry);
    Gauge.builder("agent_credits.relay.lag", relayEvents, r -> r.relayLag().toMillis() / 1_000.0)
        .description("How long the oldest event not yet published has waited")
        .baseUnit("seconds")
        .register(registry);
    Gauge.builder("agent_credits.relay.consecutive_failures", relay, r -> r.consecutiveFailures())
        .description("Relay batches failed in a row")
        .register(registry);
    relay.start();
    return relay;
  }
}
