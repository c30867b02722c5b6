package dev.agentcredits.application.service.runs;

import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.principal.BilledPool;
import dev.agentcredits.domain.refusal.AutoReloadState;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.team.Team;

/** What one admission attempt asks ({@link Request}) and what it came to ({@link Attempt}). */
final class AdmissionAttempt {
  private AdmissionAttempt() {}

  /** One admission attempt; requests batched together bill the same pool. */
  record Request(RunDraft draft, Team team, BilledPool billed, AutoReloadState verdict) {}

  sealed interface Attempt {
    record Accepted(Run run, boolean topUp) implements Attempt {}

    /** Answered without a new hold: refused, or replayed under the request key. */
    record Answered(Outcome<RunView> outcome) implements Attempt {}

    record NeedsReload() implements Attempt {}

    /** The team's plan or owner is no longer the one the billed pool was resolved with. */
    record TeamChanged() implements Attempt {}
  }

  /** {@code newRun} is the run to insert when the request was a new submission that was decided. */
  record Decided(Attempt attempt, Pool pool, Run newRun) {
    Decided(Attempt attempt, Pool pool) {
      this(attempt, pool, null);
    }

    java.util.Optional<Run> freshRun() {
      return java.util.Optional.ofNullable(newRun);
    }
  }
}
