package dev.agentcredits.bootstrap;

import dev.agentcredits.application.port.out.ApiKeyStore;
import dev.agentcredits.application.port.out.BatchWriter;
import dev.agentcredits.application.port.out.EventOutbox;
import dev.agentcredits.application.port.out.IdempotencyStore;
import dev.agentcredits.application.port.out.LedgerStore;
import dev.agentcredits.application.port.out.PaymentEventStore;
import dev.agentcredits.application.port.out.PaymentMethodStore;
import dev.agentcredits.application.port.out.PoolStore;
import dev.agentcredits.application.port.out.PurchaseStore;
import dev.agentcredits.application.port.out.RunStore;
import dev.agentcredits.application.port.out.SpendStore;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.port.out.WebhookDeliveryStore;
import dev.agentcredits.application.port.out.WebhookEndpointStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Each output port of the chosen store, so a use case is given exactly the ones it uses. */
@Configuration(proxyBeanMethods = false)
class StorePortsConfig {

  @Bean
  TransactionRunner transactionRunner(StoreBackend store) {
    return store.transactions();
  }

  @Bean
  TeamStore teamStore(StoreBackend store) {
    return store.stores().teams();
  }

  @Bean
  ApiKeyStore apiKeyStore(StoreBackend store) {
    return store.stores().apiKeys();
  }

  @Bean
  PoolStore poolStore(StoreBackend store) {
    return store.stores().pools();
  }

  @Bean
  RunStore runStore(StoreBackend store) {
    return store.stores().runs();
  }

  @Bean
  LedgerStore ledgerStore(StoreBackend store) {
    return store.stores().ledger();
  }

  @Bean
  SpendStore spendStore(StoreBackend store) {
    return store.stores().spend();
  }

  @Bean
  PurchaseStore purchaseStore(StoreBackend store) {
    return store.stores().purchases();
  }

  @Bean
  EventOutbox eventOutbox(StoreBackend store) {
    return store.stores().outbox();
  }

  @Bean
  IdempotencyStore idempotencyStore(StoreBackend store) {
    return store.stores().idempotency();
  }

  @Bean
  PaymentMethodStore paymentMethodStore(StoreBackend store) {
    return store.stores().paymentMethods();
  }

  @Bean
  PaymentEventStore paymentEventStore(StoreBackend store) {
    return store.stores().paymentEvents();
  }

  @Bean
  BatchWriter batchWriter(StoreBackend store) {
    return store.stores().batches();
  }

  @Bean
  WebhookEndpointStore webhookEndpointStore(StoreBackend store) {
    return store.stores().webhookEndpoints();
  }

  @Bean
  WebhookDeliveryStore webhookDeliveryStore(StoreBackend store) {
    return store.stores().webhookDeliveries();
  }
}
