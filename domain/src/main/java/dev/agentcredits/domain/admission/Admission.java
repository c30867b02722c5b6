package dev.agentcredits.domain.admission;

import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.pool.BalanceEvents;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.pool.ReserveOutcome;
import dev.agentcredits.domain.refusal.AutoReloadState;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.run.RunEvents;
import dev.agentcredits.domain.run.RunFailure;
import dev.agentcredits.domain.run.RunState;
import dev.agentcredits.domain.spend.AutoReloadPolicy;
import dev.agentcredits.domain.team.Team;
import dev.agentcredits.domain.terms.BillingTerms;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Admitting a run (DOMAIN.md rules 1, 2, 6, 12, 18, 22, 24): the start hold placed through the
 * waterfall, an earlier answer under the same request key given again, a reload asked for, or the
 * run refused with everything the refusal must say: for the member's monthly limit before the pool
 * is even tried (buying credits would not help), else for the pool.
 */
public final class Admission {
  private Admission() {}

  /**
   * @param pool the billed pool, locked and brought up to date (refreshes and expiries applied)
   * @param team the team as read now: its plan, owner and spend cap
   */
  public static Decision decide(
      Pool pool, Team team, AdmissionRequest request, BillingTerms terms, Instant now) {
    Team resolvedWith = request.resolvedWith();
    if (team.plan() != resolvedWith.plan() || !team.owner().equals(resolvedWith.owner())) {
      return new Decision.TeamChanged();
    }
    if (request.earlier() != null) {
      return replay(pool, team, request, terms, now);
    }
    if (pool.isClosed()) {
      return new Decision.MemberRemoved(pool.memberId().orElse(null));
    }
    long startHold = terms.startHold().value();
    if (request.budget() != null && !request.budget().allows(startHold)) {
      Run run = request.candidate().refused(request.billed(), RunFailure.BUDGET_EXCEEDED, now);
      return new Decision.OverLimit(
          run, request.budget(), List.of(RunEvents.rejectedOverLimit(run, now)));
    }
    return switch (pool.reserve(request.candidate().id(), startHold, now)) {
      case ReserveOutcome.Reserved reserved -> accepted(pool, team, request, reserved, now);
      case ReserveOutcome.Short lacking -> refused(pool, team, request, lacking, terms, now);
    };
  }

  private static Decision accepted(
      Pool pool,
      Team team,
      AdmissionRequest request,
      ReserveOutcome.Reserved reserved,
      Instant now) {
    Pool after = reserved.transition().pool();
    Run run = request.candidate().accepted(request.billed(), reserved.hold(), now);
    List<DomainEvent> events = new ArrayList<>();
    events.add(RunEvents.changed(EventType.RUN_ACCEPTED, run, now));
    events.addAll(BalanceEvents.crossings(pool, after, now));
    boolean topUp =
        team.plan().allowsAddOns()
            && AutoReloadPolicy.wantsReload(after)
            && !after.isReloadInFlight();
    return new Decision.Accepted(run, reserved.transition(), events, topUp);
  }

  private static Decision refused(
      Pool pool,
      Team team,
      AdmissionRequest request,
      ReserveOutcome.Short lacking,
      BillingTerms terms,
      Instant now) {
    if (request.verdict() == null && team.plan().allowsAddOns() && pool.autoReload().enabled()) {
      return new Decision.NeedsReload();
    }
    AutoReloadState state =
        request.verdict() != null ? request.verdict() : ReloadVerdict.withoutReload(pool, team);
    Run run = request.candidate().refused(request.billed(), now);
    Shortfall shortfall = Shortfall.of(request.billed(), lacking, state, team, pool, terms);
    return new Decision.Refused(run, shortfall, List.of(RunEvents.rejected(run, state, now)));
  }

  /** The answer to a submission under a key used before; nothing changes. */
  private static Decision replay(
      Pool pool, Team team, AdmissionRequest request, BillingTerms terms, Instant now) {
    Run earlier = request.earlier();
    Candidate.Submission submission = (Candidate.Submission) request.candidate();
    if (!submission.sameRequestAs(earlier)) {
      return new Decision.KeyReused();
    }
    if (refusedAtSubmission(earlier, RunFailure.BUDGET_EXCEEDED)) {
      return new Decision.OverLimitAgain(earlier, request.budget());
    }
    boolean samePool = earlier.billedPool().poolId().equals(request.billed().poolId());
    if (!refusedAtSubmission(earlier, RunFailure.INSUFFICIENT_CREDITS) || !samePool) {
      return new Decision.Replayed(earlier);
    }
    long required = terms.startHold().value();
    ReserveOutcome.Short lacking =
        pool.reserve(earlier.id(), required, now) instanceof ReserveOutcome.Short s
            ? s
            : new ReserveOutcome.Short(required, pool.balances(), List.of());
    AutoReloadState state = ReloadVerdict.withoutReload(pool, team);
    return new Decision.RefusedAgain(
        earlier, Shortfall.of(earlier.billedPool(), lacking, state, team, pool, terms));
  }

  /**
   * A run its submission refused: the key's first answer was that refusal, so a replay must be that
   * refusal again, never a 201. A run stopped after acceptance has always charged something (the
   * arrears, or the usage that crossed the limit).
   */
  static boolean refusedAtSubmission(Run run, RunFailure why) {
    return run.state() == RunState.FAILED && run.failure() == why && run.charged() == 0;
  }
}
