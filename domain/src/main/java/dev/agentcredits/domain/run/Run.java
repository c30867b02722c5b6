package dev.agentcredits.domain.run;

import dev.agentcredits.domain.pool.Hold;
import dev.agentcredits.domain.principal.BilledPool;
import dev.agentcredits.domain.principal.Trigger;
import dev.agentcredits.domain.shared.ApiKeyId;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An agent run as billing sees it. A QUEUED run holds credits; every other state holds none.
 *
 * @param triggeredBy the member who started a USER run, or who owns the key otherwise (may be
 *     absent)
 * @param charged credits charged so far, arrears included
 * @param lastActivityAt acceptance or the latest usage report: the hold's time to live counts from
 *     it
 * @param endedAt when the run last left {@code QUEUED} (succeeded, cancelled, stopped or refused);
 *     null while it is queued. Late usage is judged from it (DOMAIN.md rule 27, {@link LateUsage}).
 * @param submittedWith the team API key that submitted the run, when one did (absent for member
 *     keys and integrations)
 */
public record Run(
    RunId id,
    TeamId team,
    Trigger trigger,
    MemberId triggeredBy,
    String scheduleId,
    String prompt,
    BilledPool billedPool,
    RunState state,
    Hold hold,
    long charged,
    RunFailure failure,
    Instant createdAt,
    Instant lastActivityAt,
    Instant endedAt,
    ApiKeyId submittedWith) {

  public static final int MAX_PROMPT_LENGTH = 100_000;

  /** A run no team API key submitted, whose end, if it has ended, is its last activity. */
  public Run(
      RunId id,
      TeamId team,
      Trigger trigger,
      MemberId triggeredBy,
      String scheduleId,
      String prompt,
      BilledPool billedPool,
      RunState state,
      Hold hold,
      long charged,
      RunFailure failure,
      Instant createdAt,
      Instant lastActivityAt) {
    this(
        id,
        team,
        trigger,
        triggeredBy,
        scheduleId,
        prompt,
        billedPool,
        state,
        hold,
        charged,
        failure,
        createdAt,
        lastActivityAt,
        state == null || state.isOpen() ? null : lastActivityAt,
        null);
  }

  public Run {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(trigger, "trigger");
    Objects.requireNonNull(billedPool, "billedPool");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(hold, "hold");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(lastActivityAt, "lastActivityAt");
    if (prompt == null || prompt.length() > MAX_PROMPT_LENGTH) {
      throw new IllegalArgumentException("a prompt is required and at most 100,000 characters");
    }
    if (charged < 0) {
      throw new IllegalArgumentException("charged credits must not be negative");
    }
    if (!state.isOpen() && !hold.isEmpty()) {
      throw new IllegalArgumentException("only a queued run holds credits");
    }
    if ((state == RunState.FAILED) != (failure != null)) {
      throw new IllegalArgumentException("a failed run, and only a failed run, says why");
    }
    if (state.isOpen() != (endedAt == null)) {
      throw new IllegalArgumentException("an ended run, and only an ended run, has an end time");
    }
  }

  public Optional<MemberId> triggeredByMember() {
    return Optional.ofNullable(triggeredBy);
  }

  /**
   * The member whose monthly limit the run counts against (DOMAIN.md rule 24): the one who started
   * a USER run. Team API key and scheduled runs count against no member.
   */
  public Optional<MemberId> countsAgainst() {
    return trigger == Trigger.USER ? Optional.ofNullable(triggeredBy) : Optional.empty();
  }

  public Optional<String> schedule() {
    return Optional.ofNullable(scheduleId);
  }

  public Run accepted(BilledPool pool, Hold newHold, Instant now) {
    return next(pool, RunState.QUEUED, newHold, charged, null, now);
  }

  public Run refused(BilledPool pool, Instant now) {
    return refused(pool, RunFailure.INSUFFICIENT_CREDITS, now);
  }

  public Run refused(BilledPool pool, RunFailure why, Instant now) {
    return next(pool, RunState.FAILED, Hold.NONE, charged, why, now);
  }

  public Run charged(long credits, Hold remainingHold, Instant now) {
    return next(billedPool, state, remainingHold, charged + credits, failure, now);
  }

  public Run stoppedForCredits(Instant now) {
    return stopped(RunFailure.INSUFFICIENT_CREDITS, now);
  }

  public Run stopped(RunFailure why, Instant now) {
    return next(billedPool, RunState.FAILED, Hold.NONE, charged, why, now);
  }

  public Run completed(Instant now) {
    return next(billedPool, RunState.SUCCEEDED, Hold.NONE, charged, null, now);
  }

  /** DOMAIN.md rule 21: what was charged stays charged; the run holds nothing any more. */
  public Run cancelled(Instant now) {
    return next(billedPool, RunState.CANCELLED, Hold.NONE, charged, null, now);
  }

  /** The same run in its next state; what started it never changes. */
  private Run next(
      BilledPool pool,
      RunState newState,
      Hold newHold,
      long newCharged,
      RunFailure why,
      Instant at) {
    return new Run(
        id,
        team,
        trigger,
        triggeredBy,
        scheduleId,
        prompt,
        pool,
        newState,
        newHold,
        newCharged,
        why,
        createdAt,
        at,
        newState.isOpen() ? null : state.isOpen() || endedAt == null ? at : endedAt,
        submittedWith);
  }

  public Optional<ApiKeyId> submittedWithKey() {
    return Optional.ofNullable(submittedWith);
  }

  /** The same run, noting the team API key that submitted it. */
  public Run withSubmittedWith(ApiKeyId key) {
    return new Run(
        id,
        team,
        trigger,
        triggeredBy,
        scheduleId,
        prompt,
        billedPool,
        state,
        hold,
        charged,
        failure,
        createdAt,
        lastActivityAt,
        endedAt,
        key);
  }

  public boolean holdExpiredAt(Instant now, java.time.Duration timeToLive) {
    return state.isOpen() && !now.isBefore(lastActivityAt.plus(timeToLive));
  }
}
