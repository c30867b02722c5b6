package dev.agentcredits.application.port.out;

/**
 * Every store of one persistence adapter, as the adapter hands them to the composition root (and to
 * tests). No use case takes this bundle: each is given the stores it uses (ArchUnit checks it).
 */
public record Stores(
    TeamStore teams,
    ApiKeyStore apiKeys,
    PoolStore pools,
    RunStore runs,
    LedgerStore ledger,
    SpendStore spend,
    PurchaseStore purchases,
    EventOutbox outbox,
    IdempotencyStore idempotency,
    PaymentMethodStore paymentMethods,
    PaymentEventStore paymentEvents,
    BatchWriter batches,
    WebhookEndpointStore webhookEndpoints,
    WebhookDeliveryStore webhookDeliveries,
    MemberLimitStore memberLimits) {}
