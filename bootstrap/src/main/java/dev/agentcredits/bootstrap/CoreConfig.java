package dev.agentcredits.bootstrap;

import dev.agentcredits.adapter.security.RandomSecrets;
import dev.agentcredits.application.port.out.BatchWriter;
import dev.agentcredits.application.port.out.ClockControl;
import dev.agentcredits.application.port.out.EventOutbox;
import dev.agentcredits.application.port.out.IdempotencyStore;
import dev.agentcredits.application.port.out.PaymentGateway;
import dev.agentcredits.application.port.out.PaymentSimulation;
import dev.agentcredits.application.port.out.PoolStore;
import dev.agentcredits.application.port.out.PurchaseStore;
import dev.agentcredits.application.port.out.RunStore;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.access.Access;
import dev.agentcredits.application.service.billing.Purchasing;
import dev.agentcredits.application.service.idempotency.Idempotency;
import dev.agentcredits.application.service.runs.ApplyRunOperations;
import dev.agentcredits.application.service.shared.PoolBook;
import dev.agentcredits.application.service.timekeeping.EventPurge;
import dev.agentcredits.application.service.timekeeping.HoldExpiry;
import dev.agentcredits.application.service.timekeeping.KeyPurge;
import dev.agentcredits.application.service.timekeeping.OperationsService;
import dev.agentcredits.application.service.timekeeping.PoolRefresh;
import dev.agentcredits.application.service.timekeeping.PurchaseRecovery;
import dev.agentcredits.application.service.timekeeping.TimeKeepingService;
import dev.agentcredits.domain.terms.BillingTerms;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock, the terms, who may do what, the pool book, the operator key, idempotency, and the jobs
 * that run time's work.
 */
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
  BillingTerms billingTerms() {
    return BillingTerms.defaults();
  }

  /** Who may do what, for every use case that checks it. */
  @Bean
  Access access(TeamStore teams) {
    return new Access(teams);
  }

  /** The pools as the use cases change and show them. */
  @Bean
  PoolBook poolBook(PoolStore pools, BatchWriter batches, BillingTerms terms, Clock clock) {
    return new PoolBook(pools, batches, terms, clock);
  }

  @Bean
  OperatorKey operatorKey(Settings settings, RandomSecrets secrets) {
    return settings
        .operatorKey()
        .map(key -> new OperatorKey(key, false))
        .orElseGet(() -> new OperatorKey(secrets.newKey("ac_op"), true));
  }

  /** The one idempotency mechanism; its decorators are put around the keyed use cases. */
  @Bean
  Idempotency idempotency(IdempotencyStore store, TransactionRunner tx, Clock clock) {
    return new Idempotency(store, tx, clock);
  }

  @Bean
  PoolRefresh poolRefresh(TeamStore teams, PoolStore pools, PoolBook book, TransactionRunner tx) {
    return new PoolRefresh(teams, pools, book, tx);
  }

  @Bean
  HoldExpiry holdExpiry(
      RunStore runs, ApplyRunOperations operations, TransactionRunner tx, BillingTerms terms) {
    return new HoldExpiry(runs, operations, tx, terms.holdTimeToLive());
  }

  @Bean
  PurchaseRecovery purchaseRecovery(
      PurchaseStore purchases, TransactionRunner tx, Purchasing purchasing) {
    return new PurchaseRecovery(purchases, tx, purchasing);
  }

  @Bean
  KeyPurge keyPurge(IdempotencyStore idempotency, TransactionRunner tx) {
    return new KeyPurge(idempotency, tx);
  }

  @Bean
  EventPurge eventPurge(EventOutbox outbox, TransactionRunner tx) {
    return new EventPurge(outbox, tx);
  }

  /** A pass of time's work runs these jobs, in this order. */
  @Bean
  TimeKeepingService timeKeeping(
      Clock clock,
      PoolRefresh pools,
      HoldExpiry holds,
      PurchaseRecovery purchases,
      KeyPurge keys,
      EventPurge events) {
    return new TimeKeepingService(clock, List.of(pools, holds, purchases, keys, events));
  }

  /** The test clock and the payment switch exist only where the clock and gateway allow them. */
  @Bean
  OperationsService operations(
      TeamStore teams,
      TransactionRunner tx,
      Clock clock,
      TimeKeepingService timeKeeping,
      PaymentGateway payments) {
    Optional<ClockControl> control =
        clock instanceof ManualClock manual
            ? Optional.of(new DueWorkOnAdvance(manual, timeKeeping))
            : Optional.empty();
    Optional<PaymentSimulation> simulation =
        payments instanceof PaymentSimulation simulated ? Optional.of(simulated) : Optional.empty();
    return new OperationsService(teams, tx, control, simulation);
  }

  @Bean(destroyMethod = "close")
  TimeKeepingScheduler timeKeepingScheduler(TimeKeepingService timeKeeping) {
    return new TimeKeepingScheduler(timeKeeping).start(Duration.ofSeconds(1));
  }
}
