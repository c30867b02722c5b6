package dev.agentcredits.application.port.out;

/** The stores a use case works with, all joined to the same transaction. */
public record Stores(
    TeamStore teams,
    ApiKeyStore apiKeys,
    PoolStore pools,
    RunStore runs,
    LedgerStore ledger,
    SpendStore spend,
    PurchaseStore purchases,
    EventOutbox outbox,
    IdempotencyStore idempotency) {}
