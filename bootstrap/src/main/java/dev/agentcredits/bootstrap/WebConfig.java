package dev.agentcredits.bootstrap;

import dev.agentcredits.adapter.messaging.OutboxRelay;
import dev.agentcredits.adapter.rest.AuthThrottle;
import dev.agentcredits.adapter.rest.HealthCheck;
import dev.agentcredits.adapter.rest.RateLimit;
import dev.agentcredits.adapter.rest.RestApi;
import dev.agentcredits.adapter.rest.RestSettings;
import dev.agentcredits.adapter.rest.RouteGroup;
import dev.agentcredits.adapter.rest.WebPages;
import dev.agentcredits.adapter.web.WebAssets;
import dev.agentcredits.application.port.in.AuthenticateUseCase;
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
      AuthenticateUseCase authentication,
      List<RouteGroup> routeGroups,
      StoreBackend store,
      BrokerBackend broker,
      OutboxRelay relay,
      TimeKeepingScheduler timeKeeping,
      PrometheusMeterRegistry registry,
      StartupGate started) {
    var readiness =
        List.of(
            new HealthCheck("store", store.healthy()),
            new HealthCheck("broker", broker.healthy()),
            new HealthCheck("started", started::isOpen));
    var limit = new RateLimit(settings.rateLimitPerSecond(), settings.rateLimitBurst());
    var pages = new WebPages(WebAssets.BILLING, WebAssets.DOCS, WebAssets.WEBJARS);
    var throttle =
        new AuthThrottle(
            new RateLimit(settings.authFailuresPerSecond(), settings.authFailureBurst()),
            settings.trustForwardedFor());
    var rest =
        RestSettings.of(readiness, registry)
            .withRateLimit(limit)
            .withWebPages(pages)
            .withAuthThrottle(throttle);
    return new RestApi(authentication, rest, routeGroups).start(settings.httpPort());
  }
}
