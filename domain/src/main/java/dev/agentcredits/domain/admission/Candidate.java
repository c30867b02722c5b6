package dev.agentcredits.domain.admission;

import dev.agentcredits.domain.pool.Hold;
import dev.agentcredits.domain.principal.BilledPool;
import dev.agentcredits.domain.principal.Trigger;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.run.RunFailure;
import dev.agentcredits.domain.run.RunState;
import dev.agentcredits.domain.shared.ApiKeyId;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;
import java.util.Objects;

/** The run an admission is for: a new submission, or a FAILED run retried (DOMAIN.md rule 12). */
public sealed interface Candidate {
  RunId id();

  /** The run, holding {@code hold} on the pool it bills. */
  Run accepted(BilledPool billed, Hold hold, Instant now);

  /** The run, FAILED with insufficient_credits. */
  default Run refused(BilledPool billed, Instant now) {
    return refused(billed, RunFailure.INSUFFICIENT_CREDITS, now);
  }

  /** The run, FAILED for {@code why}. */
  Run refused(BilledPool billed, RunFailure why, Instant now);

  /** The member whose monthly limit the run would count against, or null (rule 24). */
  MemberId countsAgainst();

  /** A run asked for; it exists only once admission has decided it (accepted or refused). */
  record Submission(
      RunId id,
      TeamId team,
      Trigger trigger,
      MemberId triggeredBy,
      String scheduleId,
      String prompt,
      Instant submittedAt,
      ApiKeyId submittedWith)
      implements Candidate {

    public Submission {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(team, "team");
      Objects.requireNonNull(trigger, "trigger");
      Objects.requireNonNull(prompt, "prompt");
      Objects.requireNonNull(submittedAt, "submittedAt");
    }

    @Override
    public Run accepted(BilledPool billed, Hold hold, Instant now) {
      return run(billed, RunState.QUEUED, hold, null, now, null);
    }

    @Override
    public Run refused(BilledPool billed, RunFailure why, Instant now) {
      return run(billed, RunState.FAILED, Hold.NONE, why, now, now);
    }

    @Override
    public MemberId countsAgainst() {
      return trigger == Trigger.USER ? triggeredBy : null;
    }

    /** DOMAIN.md rule 18: the request that made {@code earlier}, sent again under its key. */
    public boolean sameRequestAs(Run earlier) {
      return earlier.prompt().equals(prompt)
          && earlier.trigger() == trigger
          && Objects.equals(earlier.scheduleId(), scheduleId)
          && Objects.equals(earlier.triggeredBy(), triggeredBy);
    }

    private Run run(
        BilledPool billed,
        RunState state,
        Hold hold,
        RunFailure failure,
        Instant now,
        Instant endedAt) {
      return new Run(
          id,
          team,
          trigger,
          triggeredBy,
          scheduleId,
          prompt,
          billed,
          state,
          hold,
          0,
          failure,
          submittedAt,
          now,
          endedAt,
          submittedWith);
    }
  }

  /** A FAILED run, as locked by the admission: usage charged to it since stays charged. */
  record Retry(Run failed) implements Candidate {
    public Retry {
      if (failed.state() != RunState.FAILED) {
        throw new IllegalArgumentException("only a FAILED run is retried");
      }
    }

    @Override
    public RunId id() {
      return failed.id();
    }

    @Override
    public Run accepted(BilledPool billed, Hold hold, Instant now) {
      return failed.accepted(billed, hold, now);
    }

    @Override
    public Run refused(BilledPool billed, RunFailure why, Instant now) {
      return failed.refused(billed, why, now);
    }

    @Override
    public MemberId countsAgainst() {
      return failed.countsAgainst().orElse(null);
    }
  }
}
