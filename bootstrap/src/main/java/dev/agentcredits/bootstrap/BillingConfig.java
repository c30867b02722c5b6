package dev.agentcredits.bootstrap;

import dev.agentcredits.application.port.out.BatchWriter;
import dev.agentcredits.application.port.out.CardSetup;
import dev.agentcredits.application.port.out.EventOutbox;
import dev.agentcredits.application.port.out.LedgerStore;
import dev.agentcredits.application.port.out.MemberLimitStore;
import dev.agentcredits.application.port.out.PaymentEventStore;
import dev.agentcredits.application.port.out.PaymentEvents;
import dev.agentcredits.application.port.out.PaymentGateway;
import dev.agentcredits.application.port.out.PaymentMethodStore;
import dev.agentcredits.application.port.out.PoolStore;
import dev.agentcredits.application.port.out.PurchaseStore;
import dev.agentcredits.application.port.out.SecretGenerator;
import dev.agentcredits.application.port.out.SpendStore;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.billing.AutoReloader;
import dev.agentcredits.application.service.billing.BillingQueryService;
import dev.agentcredits.application.service.billing.ConfigureAutoReloadService;
import dev.agentcredits.application.service.billing.PaymentMethodService;
import dev.agentcredits.application.service.billing.PurchaseAddOnService;
import dev.agentcredits.application.service.billing.PurchaseHistoryService;
import dev.agentcredits.application.service.billing.Purchasing;
import dev.agentcredits.application.service.billing.RaiseSpendCapService;
import dev.agentcredits.application.service.billing.ReceivePaymentEventService;
import dev.agentcredits.application.service.billing.RefundPurchaseService;
import dev.agentcredits.application.service.billing.UsageService;
import dev.agentcredits.domain.terms.BillingTerms;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Billing: purchases, auto-reload, the spend cap and what a team can see of its credits. */
@Configuration(proxyBeanMethods = false)
class BillingConfig {

  @Bean
  Purchasing purchasing(
      TeamStore teams,
      PoolStore pools,
      BatchWriter batches,
      SpendStore spending,
      PurchaseStore purchases,
      EventOutbox outbox,
      TransactionRunner tx,
      PaymentGateway payments,
      PaymentMethodStore paymentMethods,
      BillingTerms terms,
      Clock clock) {
    return new Purchasing(
        teams,
        pools,
        batches,
        spending,
        purchases,
        outbox,
        tx,
        payments,
        paymentMethods,
        terms,
        clock);
  }

  @Bean
  AutoReloader autoReloader(
      TeamStore teams,
      PoolStore pools,
      BatchWriter batches,
      SpendStore spending,
      PurchaseStore purchases,
      TransactionRunner tx,
      Purchasing purchasing,
      SecretGenerator ids,
      BillingTerms terms,
      Clock clock) {
    return new AutoReloader(
        teams, pools, batches, spending, purchases, tx, purchasing, ids, terms, clock);
  }

  @Bean
  PurchaseAddOnService purchaseAddOn(
      TeamStore teams,
      SpendStore spending,
      PurchaseStore purchases,
      TransactionRunner tx,
      Purchasing purchasing,
      SecretGenerator ids,
      BillingTerms terms,
      Clock clock) {
    return new PurchaseAddOnService(teams, spending, purchases, tx, purchasing, ids, terms, clock);
  }

  @Bean
  ConfigureAutoReloadService configureAutoReload(
      TeamStore teams,
      PoolStore pools,
      BatchWriter batches,
      TransactionRunner tx,
      BillingTerms terms,
      Clock clock) {
    return new ConfigureAutoReloadService(teams, pools, batches, tx, terms, clock);
  }

  @Bean
  RaiseSpendCapService raiseSpendCap(
      TeamStore teams, SpendStore spending, EventOutbox outbox, TransactionRunner tx, Clock clock) {
    return new RaiseSpendCapService(teams, spending, outbox, tx, clock);
  }

  @Bean
  BillingQueryService billingQuery(
      TeamStore teams,
      PoolStore pools,
      LedgerStore ledger,
      SpendStore spending,
      MemberLimitStore limits,
      TransactionRunner tx,
      BillingTerms terms,
      Clock clock) {
    return new BillingQueryService(teams, pools, ledger, spending, limits, tx, terms, clock);
  }

  @Bean
  PaymentMethodService paymentMethods(
      TeamStore teams,
      PaymentMethodStore methods,
      TransactionRunner tx,
      PaymentGateway payments,
      CardSetup cardSetup) {
    return new PaymentMethodService(teams, methods, tx, payments, cardSetup);
  }

  @Bean
  RefundPurchaseService refundPurchase(
      TeamStore teams,
      PoolStore pools,
      BatchWriter batches,
      SpendStore spending,
      PurchaseStore purchases,
      TransactionRunner tx,
      PaymentGateway payments,
      BillingTerms terms,
      Clock clock) {
    return new RefundPurchaseService(
        teams, pools, batches, spending, purchases, tx, payments, terms, clock);
  }

  @Bean
  PurchaseHistoryService purchaseHistory(
      TeamStore teams,
      PoolStore pools,
      PurchaseStore purchases,
      TransactionRunner tx,
      BillingTerms terms,
      Clock clock) {
    return new PurchaseHistoryService(teams, pools, purchases, tx, terms, clock);
  }

  @Bean
  ReceivePaymentEventService receivePaymentEvent(
      TeamStore teams,
      PoolStore pools,
      BatchWriter batches,
      SpendStore spending,
      PurchaseStore purchases,
      PaymentEventStore handled,
      TransactionRunner tx,
      PaymentEvents events,
      Purchasing purchasing,
      BillingTerms terms,
      Clock clock) {
    return new ReceivePaymentEventService(
        teams, pools, batches, spending, purchases, handled, tx, events, purchasing, terms, clock);
  }

  @Bean
  UsageService usage(
      TeamStore teams, PoolStore pools, LedgerStore ledger, TransactionRunner tx, Clock clock) {
    return new UsageService(teams, pools, ledger, tx, clock);
  }
}
