package dev.agentcredits.domain.run;

import dev.agentcredits.domain.shared.UsageId;
import java.time.Instant;
import java.util.Objects;

/** A usage report a run has seen: its usage id, its credits and when it was charged. */
public record UsageRecord(UsageId usage, long credits, Instant at) {
  public UsageRecord {
    Objects.requireNonNull(usage, "usage");
    Objects.requireNonNull(at, "at");
  }
}
