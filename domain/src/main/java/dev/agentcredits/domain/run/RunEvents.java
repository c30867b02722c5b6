package dev.agentcredits.domain.run;

import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.event.EventData;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.refusal.AutoReloadState;
import java.time.Instant;

/** The events a run raises as it moves: accepted, rejected, stopped, completed, cancelled. */
public final class RunEvents {
  private RunEvents() {}

  public static DomainEvent changed(EventType type, Run run, Instant at) {
    return changed(type, run, at, null, null);
  }

  /** {@code settledBy} says why a run settled (completed, hold_expired, cancelled), else null. */
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

  public static DomainEvent rejected(Run run, AutoReloadState autoReload, Instant at) {
    var data =
        new EventData.RunRejected(
            run.id(), run.trigger(), run.billedPool().poolId(), autoReload.name());
    return new DomainEvent(EventType.RUN_REJECTED, run.team(), run.id().value(), at, data);
  }
}
