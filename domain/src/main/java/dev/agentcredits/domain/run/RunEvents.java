package dev.agentcredits.domain.run;

import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.event.EventData;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.pool.ChargeOutcome;
import dev.agentcredits.domain.refusal.AutoReloadState;
import dev.agentcredits.domain.shared.UsageId;
import java.time.Instant;

/** The events a run raises, each with what it says in billing terms. */
public final class RunEvents {
  private RunEvents() {}

  public static DomainEvent changed(EventType type, Run run, Instant at) {
    return changed(type, run, at, null, null);
  }

  /**
   * A run that moved on; {@code settledBy} says why it settled (completed, hold_expired, cancelled)
   * and {@code released} the hold that went back, both null when not settled.
   */
  public static DomainEvent changed(
      EventType type, Run run, Instant at, String settledBy, Long released) {
    var data =
        new EventData.RunChanged(
            run.id(),
            run.state().name(),
            run.trigger(),
            run.billedPool().poolId(),
            run.hold().total(),
            run.charged(),
            run.failure() == null ? null : run.failure().code(),
            settledBy,
            released);
    return new DomainEvent(type, run.team(), run.id().value(), at, data);
  }

  public static DomainEvent usageCharged(Run run, UsageId usage, ChargeOutcome charge, Instant at) {
    var data =
        new EventData.UsageCharged(
            run.id(),
            usage,
            charge.total(),
            charge.fromHold(),
            charge.fromWaterfall(),
            charge.uncovered());
    return new DomainEvent(EventType.USAGE_CHARGED, run.team(), run.id().value(), at, data);
  }

  public static DomainEvent rejected(Run run, AutoReloadState autoReload, Instant at) {
    var data =
        new EventData.RunRejected(
            run.id(), run.trigger(), run.billedPool().poolId(), autoReload.name());
    return new DomainEvent(EventType.RUN_REJECTED, run.team(), run.id().value(), at, data);
  }

  /** A run refused because the member who started it reached their monthly limit (rule 24). */
  public static DomainEvent rejectedOverLimit(Run run, Instant at) {
    var data =
        new EventData.RunRejected(
            run.id(),
            run.trigger(),
            run.billedPool().poolId(),
            "MEMBER_LIMIT",
            RunFailure.BUDGET_EXCEEDED.code());
    return new DomainEvent(EventType.RUN_REJECTED, run.team(), run.id().value(), at, data);
  }
}
