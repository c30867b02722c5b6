package dev.agentcredits.bootstrap;

import dev.agentcredits.adapter.messaging.OutboxRelay;
import dev.agentcredits.adapter.rest.HealthCheck;
import dev.agentcredits.adapter.rest.RateLimit;
import dev.agentcredits.adapter.rest.RestApi;
import dev.agentcredits.adapter.rest.RestSettings;
import dev.agentcredits.adapter.rest.WebPages;
import dev.agentcredits.adapter.web.WebAssets;
import dev.agentcredits.application.service.BillingApplication;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The HTTP API and the pages for people. It depends on everything else, so on shutdown it stops
 * first: no new requests, requests in flight finish, and only then the relay, the schedulers and
 * the pools close.
 */
@Configuration(proxyBeanMethods = false)
class WebConfig {

  @Bean(destroyMethod = "close")
  PrometheusMeterRegistry meterRegistry() {
    var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    return registry;
  }

  @Bean(destroyMethod = "stop")
  RestApi restApi(
      Settings settings,
      BillingApplication app,
      StoreBackend store,
      BrokerBackend broker,
      OutboxRelay relay,
      TimeKeepingScheduler timeKeeping,
      PrometheusMeterRegistry registry) {
    var readiness =
        List.of(
            new HealthCheck("store", store.healthy()), new HealthCheck("broker", broker.healthy()));
    var limit = new RateLimit(settings.rateLimitPerSecond(), settings.rateLimitBurst());
    var pages = new WebPages(WebAssets.BILLING, WebAssets.DOCS, WebAssets.WEBJARS);
    var rest = RestSettings.of(readiness, registry).withRateLimit(limit).withWebPages(pages);
    return new RestApi(app, rest).start(settings.httpPort());
  }
}
