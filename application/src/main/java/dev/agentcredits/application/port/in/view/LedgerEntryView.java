package dev.agentcredits.application.port.in.view;

import java.time.Instant;

/** One posting: what moved, from which source, for which run. */
public record LedgerEntryView(
    String entryId,
    String poolId,
    String kind,
    long credits,
    String sourceId,
    String sourceKind,
    String taskId,
    String reference,
    Instant at) {}
