package dev.agentcredits.bootstrap;

import dev.agentcredits.application.port.in.AlertsQuery;
import dev.agentcredits.application.port.out.LedgerStore;
import dev.agentcredits.application.port.out.PurchaseStore;
import dev.agentcredits.application.port.out.SpendStore;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.access.Access;
import dev.agentcredits.application.service.alerts.AlertFacts;
import dev.agentcredits.application.service.alerts.AlertsService;
import dev.agentcredits.application.service.shared.PoolBook;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The alerts in force (DOMAIN.md rule 25). The events that announce them are raised by the billing
 * use cases themselves ({@link BillingConfig}).
 */
@Configuration(proxyBeanMethods = false)
class AlertsConfig {

  @Bean
  AlertFacts alertFacts(
      PoolBook book,
      SpendStore spending,
      PurchaseStore purchases,
      LedgerStore ledger,
      TeamStore teams,
      Clock clock) {
    return new AlertFacts(book, spending, purchases, ledger, teams, clock);
  }

  @Bean
  AlertsQuery alerts(Access access, PoolBook book, AlertFacts facts, TransactionRunner tx) {
    return new AlertsService(access, book, facts, tx);
  }
}
