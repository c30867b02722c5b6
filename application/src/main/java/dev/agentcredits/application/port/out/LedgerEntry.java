package dev.agentcredits.application.port.out;

import dev.agentcredits.domain.pool.Posting;

/** A posting as stored, with its place in the ledger. */
public record LedgerEntry(long sequence, Posting posting) {}
