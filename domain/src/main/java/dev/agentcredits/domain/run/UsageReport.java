package dev.agentcredits.domain.run;

import dev.agentcredits.domain.shared.UsageId;
import java.time.Instant;
import java.util.Objects;

/** One usage report on a run (DOMAIN.md rule 3): its usage id and a whole number of credits ≥ 1. */
public record UsageReport(UsageId usage, long credits) {
  public UsageReport {
    Objects.requireNonNull(usage, "usage");
    if (credits < 1) {
      throw new IllegalArgumentException("usage is at least 1 credit");
    }
  }

  /** The report as kept once it is charged. */
  public UsageRecord chargedAt(Instant at) {
    return new UsageRecord(usage, credits, at);
  }
}
