package dev.agentcredits.domain.pool;

import dev.agentcredits.domain.shared.SourceId;
import java.util.Objects;

/** The part of a hold taken from one source. */
public record Reservation(SourceId source, SourceKind sourceKind, long credits) {
  public Reservation {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(sourceKind, "sourceKind");
    if (credits <= 0) {
      throw new IllegalArgumentException("a reservation holds at least one credit");
    }
  }
}
