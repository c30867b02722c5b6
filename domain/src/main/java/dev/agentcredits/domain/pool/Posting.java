package dev.agentcredits.domain.pool;

import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.SourceId;
import java.time.Instant;
import java.util.Objects;

/**
 * One credit movement in a pool's ledger. {@code source} names what paid (absent only for arrears
 * incurred); {@code run} and {@code reference} (usage, purchase or grant id) say why.
 */
public record Posting(
    PoolId pool,
    PostingKind kind,
    long credits,
    SourceId source,
    SourceKind sourceKind,
    RunId run,
    String reference,
    Instant at) {

  public Posting {
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(at, "at");
    if (credits <= 0) {
      throw new IllegalArgumentException("a posting moves at least one credit");
    }
    if ((source == null) != (kind == PostingKind.ARREARS_INCURRED)) {
      throw new IllegalArgumentException(
          kind + " postings name a source exactly when they move one");
    }
  }
}
