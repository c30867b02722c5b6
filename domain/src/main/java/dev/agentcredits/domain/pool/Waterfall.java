package dev.agentcredits.domain.pool;

import java.util.Comparator;

/**
 * DOMAIN.md "The waterfall": plan credits first, then lots and grants, the one expiring first
 * first.
 */
public final class Waterfall {
  public static final Comparator<CreditSource> ORDER =
      Comparator.comparingInt((CreditSource s) -> s.kind().waterfallRank())
          .thenComparing(CreditSource::expiresAt)
          .thenComparing(s -> s.id().value());

  private Waterfall() {}
}
