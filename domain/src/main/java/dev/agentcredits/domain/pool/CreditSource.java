package dev.agentcredits.domain.pool;

import dev.agentcredits.domain.shared.SourceId;
import java.time.Instant;
import java.util.Objects;

/**
 * A plan cycle's credits, an add-on lot or a contract grant. {@code reserved} is the part held by
 * open runs; it stays in the source until charged or released, even past expiry.
 */
public record CreditSource(
    SourceId id,
    SourceKind kind,
    long remaining,
    long reserved,
    Instant acquiredAt,
    Instant expiresAt) {

  public CreditSource {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(acquiredAt, "acquiredAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    if (reserved < 0 || remaining < reserved) {
      throw new IllegalArgumentException(
          "a source needs 0 <= reserved <= remaining, got %d of %d".formatted(reserved, remaining));
    }
  }

  /** Credits neither spent nor held. */
  public long free() {
    return remaining - reserved;
  }

  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  public boolean isLot() {
    return kind != SourceKind.PLAN;
  }

  CreditSource withAmounts(long newRemaining, long newReserved) {
    return new CreditSource(id, kind, newRemaining, newReserved, acquiredAt, expiresAt);
  }
}
