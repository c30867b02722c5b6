package dev.agentcredits.bootstrap;

import dev.agentcredits.adapter.payments.SimulatedPaymentGateway;
import dev.agentcredits.adapter.security.RandomSecrets;
import dev.agentcredits.adapter.security.Sha256KeyHasher;
import dev.agentcredits.application.port.out.ClockControl;
import dev.agentcredits.application.port.out.PaymentSimulation;
import dev.agentcredits.application.service.BillingApplication;
import dev.agentcredits.domain.terms.BillingTerms;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The clock, the operator key, every use case, and the job that runs time's work. */
@Configuration(proxyBeanMethods = false)
class CoreConfig {

  @Bean
  Clock clock(Settings settings) {
    return switch (settings.clock()) {
      case SYSTEM -> Clock.systemUTC();
      case MANUAL -> new ManualClock(settings.clockStart().orElseGet(Instant::now));
    };
  }

  @Bean
  OperatorKey operatorKey(Settings settings, RandomSecrets secrets) {
    return settings
        .operatorKey()
        .map(key -> new OperatorKey(key, false))
        .orElseGet(() -> new OperatorKey(secrets.newKey("ac_op"), true));
  }

  @Bean
  BillingApplication billingApplication(
      StoreBackend store,
      SimulatedPaymentGateway payments,
      RandomSecrets secrets,
      Sha256KeyHasher hasher,
      Clock clock,
      OperatorKey operatorKey) {
    Optional<DueWorkOnAdvance> control =
        clock instanceof ManualClock manual
            ? Optional.of(new DueWorkOnAdvance(manual))
            : Optional.empty();
    var ports =
        new BillingApplication.Ports(
            store.stores(),
            store.transactions(),
            payments,
            secrets,
            hasher,
            clock,
            control.map(ClockControl.class::cast),
            Optional.<PaymentSimulation>of(payments));
    var app = new BillingApplication(ports, BillingTerms.defaults(), operatorKey.value());
    control.ifPresent(c -> c.bind(app.timeKeeping()));
    return app;
  }

  @Bean(destroyMethod = "close")
  TimeKeepingScheduler timeKeepingScheduler(BillingApplication app) {
    return new TimeKeepingScheduler(app.timeKeeping()).start(Duration.ofSeconds(1));
  }
}
