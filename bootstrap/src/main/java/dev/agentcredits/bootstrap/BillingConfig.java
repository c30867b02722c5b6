package dev.agentcredits.bootstrap;

import dev.agentcredits.application.port.in.PurchaseAddOnUseCase;
import dev.agentcredits.application.port.in.RaiseSpendCapUseCase;
import dev.agentcredits.application.port.out.CardSetup;
import dev.agentcredits.application.port.out.LedgerStore;
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
import dev.agentcredits.application.service.access.Access;
import dev.agentcredits.application.service.billing.AutoReloader;
import dev.agentcredits.application.service.billing.BillingQueryService;
import dev.agentcredits.application.service.billing.CardOwnership;
import dev.agentcredits.application.service.billing.CardSetupFlow;
import dev.agentcredits.application.service.billing.ConfigureAutoReloadService;
import dev.agentcredits.application.service.billing.LotWithdrawal;
import dev.agentcredits.application.service.billing.PaymentAnswers;
import dev.agentcredits.application.service.billing.PaymentMethodService;
import dev.agentcredits.application.service.billing.PaymentNotices;
import dev.agentcredits.application.service.billing.PurchaseAddOnService;
import dev.agentcredits.application.service.billing.PurchaseHistoryService;
import dev.agentcredits.application.service.billing.PurchaseOrders;
import dev.agentcredits.application.service.billing.Purchasing;
import dev.agentcredits.application.service.billing.RaiseSpendCapService;
import dev.agentcredits.application.service.billing.ReceivePaymentEventService;
import dev.agentcredits.application.service.billing.RefundPurchaseService;
import dev.agentcredits.application.service.billing.SpendFigures;
import dev.agentcredits.application.service.billing.UsageService;
import dev.agentcredits.application.service.idempotency.Idempotency;
import dev.agentcredits.application.service.idempotency.IdempotentPurchases;
import dev.agentcredits.application.service.idempotency.IdempotentSpendCap;
import dev.agentcredits.application.service.limits.MemberLimitFigures;
import dev.agentcredits.application.service.shared.PoolBook;
import dev.agentcredits.domain.terms.BillingTerms;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Billing: purchases, auto-reload, the spend cap and what a team can see of its credits. */
@Configuration(proxyBeanMethods = false)
class BillingConfig {

  /** Where every purchase starts: the price reserved under the cap, the purchase PENDING. */
  @Bean
  PurchaseOrders purchaseOrders(
      TeamStore teams,
      SpendStore spending,
      PurchaseStore purchases,
      SecretGenerator ids,
      BillingTerms terms) {
    return new PurchaseOrders(teams, spending, purchases, ids, terms);
  }

  /** The crediting step: the provider's answer credits the lot or gives the spend back. */
  @Bean
  PaymentAnswers paymentAnswers(
      TeamStore teams, PoolBook book, SpendStore spending, PurchaseStore purchases) {
    return new PaymentAnswers(teams, book, spending, purchases);
  }

  /** The payment step, with no lock held. */
  @Bean
  Purchasing purchasing(
      TransactionRunner tx,
      PaymentGateway payments,
      PaymentMethodStore paymentMethods,
      PaymentAnswers answers) {
    return new Purchasing(tx, payments, paymentMethods, answers);
  }

  @Bean
  AutoReloader autoReloader(
      TeamStore teams,
      PoolBook book,
      PurchaseOrders orders,
      TransactionRunner tx,
      Purchasing purchasing,
      BillingTerms terms) {
    return new AutoReloader(teams, book, orders, tx, purchasing, terms);
  }

  @Bean
  PurchaseAddOnUseCase purchaseAddOn(
      Access access,
      PurchaseOrders orders,
      TransactionRunner tx,
      Purchasing purchasing,
      BillingTerms terms,
      PoolBook book,
      Idempotency idempotency) {
    return new IdempotentPurchases(
        new PurchaseAddOnService(access, orders, tx, purchasing, terms, book), idempotency);
  }

  @Bean
  ConfigureAutoReloadService configureAutoReload(
      Access access, PoolBook book, TransactionRunner tx, BillingTerms terms) {
    return new ConfigureAutoReloadService(access, book, tx, terms);
  }

  @Bean
  RaiseSpendCapUseCase raiseSpendCap(
      TeamStore teams,
      Access access,
      SpendStore spending,
      PoolBook book,
      TransactionRunner tx,
      Idempotency idempotency) {
    return new IdempotentSpendCap(
        new RaiseSpendCapService(teams, access, spending, book, tx), idempotency);
  }

  @Bean
  SpendFigures spendFigures(SpendStore spending, MemberLimitFigures limits) {
    return new SpendFigures(spending, limits);
  }

  @Bean
  BillingQueryService billingQuery(
      Access access,
      PoolBook book,
      LedgerStore ledger,
      SpendFigures figures,
      TransactionRunner tx,
      Clock clock) {
    return new BillingQueryService(access, book, ledger, figures, tx, clock);
  }

  @Bean
  CardOwnership cardOwnership(
      PaymentMethodStore methods, TransactionRunner tx, CardSetup cardSetup, Access access) {
    return new CardOwnership(methods, tx, cardSetup, access);
  }

  @Bean
  CardSetupFlow cardSetupFlow(
      PaymentMethodStore methods,
      TransactionRunner tx,
      CardSetup cardSetup,
      Access access,
      CardOwnership ownership) {
    return new CardSetupFlow(methods, tx, cardSetup, access, ownership);
  }

  @Bean
  PaymentMethodService paymentMethods(
      PaymentMethodStore methods,
      TransactionRunner tx,
      PaymentGateway payments,
      Access access,
      CardOwnership ownership,
      CardSetupFlow setupFlow) {
    return new PaymentMethodService(methods, tx, payments, access, ownership, setupFlow);
  }

  /** A paid lot leaving its pool: refunded, or frozen by a dispute. */
  @Bean
  LotWithdrawal lotWithdrawal(
      TeamStore teams, PoolBook book, SpendStore spending, PurchaseStore purchases) {
    return new LotWithdrawal(teams, book, spending, purchases);
  }

  @Bean
  RefundPurchaseService refundPurchase(
      Access access,
      PoolBook book,
      PurchaseStore purchases,
      TransactionRunner tx,
      PaymentGateway payments,
      LotWithdrawal withdrawal) {
    return new RefundPurchaseService(access, book, purchases, tx, payments, withdrawal);
  }

  @Bean
  PurchaseHistoryService purchaseHistory(
      Access access, PoolBook book, PurchaseStore purchases, TransactionRunner tx) {
    return new PurchaseHistoryService(access, book, purchases, tx);
  }

  /** What a webhook does to the purchase it is about. */
  @Bean
  PaymentNotices paymentNotices(
      PurchaseStore purchases, PaymentAnswers answers, LotWithdrawal withdrawal) {
    return new PaymentNotices(purchases, answers, withdrawal);
  }

  @Bean
  ReceivePaymentEventService receivePaymentEvent(
      PaymentEvents events,
      PaymentEventStore handled,
      TransactionRunner tx,
      PaymentNotices notices,
      Clock clock) {
    return new ReceivePaymentEventService(events, handled, tx, notices, clock);
  }

  @Bean
  UsageService usage(
      Access access, PoolStore pools, LedgerStore ledger, TransactionRunner tx, Clock clock) {
    return new UsageService(access, pools, ledger, tx, clock);
  }
}
