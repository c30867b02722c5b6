package dev.agentcredits.application.service.runs;

import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.application.port.out.RunStore;
import dev.agentcredits.application.port.out.SpendStore;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.service.runs.AdmissionAttempt.Attempt;
import dev.agentcredits.application.service.runs.AdmissionAttempt.Decided;
import dev.agentcredits.application.service.runs.AdmissionAttempt.Request;
import dev.agentcredits.application.service.shared.BillingEvents;
import dev.agentcredits.application.service.shared.PoolChanges;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.pool.ReloadFailure;
import dev.agentcredits.domain.pool.ReserveOutcome;
import dev.agentcredits.domain.principal.BilledPool;
import dev.agentcredits.domain.principal.Trigger;
import dev.agentcredits.domain.refusal.AutoReloadState;
import dev.agentcredits.domain.refusal.Contacts;
import dev.agentcredits.domain.refusal.InsufficientCredits;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.spend.AutoReloadPolicy;
import dev.agentcredits.domain.spend.MonthlySpend;
import dev.agentcredits.domain.team.Member;
import dev.agentcredits.domain.team.Role;
import dev.agentcredits.domain.team.Team;
import dev.agentcredits.domain.terms.BillingTerms;
import java.util.List;

/**
 * Decides one admission request against the locked pool: a hold placed, a replay under the request
 * key, a reload to try first, or the run stored FAILED with everything the refusal must say.
 */
final class AdmissionDecision {
  private final TeamStore teams;
  private final RunStore runs;
  private final SpendStore spending;
  private final BillingTerms terms;

  AdmissionDecision(TeamStore teams, RunStore runs, SpendStore spending, BillingTerms terms) {
    this.teams = teams;
    this.runs = runs;
    this.spending = spending;
    this.terms = terms;
  }

  /**
   * One try. {@code verdict} set means auto-reload has had its say: refuse if short. {@code
   * earlier} is the run an earlier request under the same request key made, or null.
   */
  Decided decide(Request request, Team team, Pool pool, PoolChanges changes, Run earlier) {
    RunDraft draft = request.draft();
    if (team.plan() != request.team().plan() || !team.owner().equals(request.team().owner())) {
      return new Decided(new Attempt.TeamChanged(), pool);
    }
    BilledPool billed = request.billed();
    Run template = draft.template();
    if (earlier != null) {
      return new Decided(new Attempt.Answered(replay(earlier, request, team, pool, changes)), pool);
    }
    if (pool.isClosed()) {
      // The member was removed (rule 22) after this request resolved their pool.
      return new Decided(
          new Attempt.Answered(
              Outcome.refused(Refusal.notFound("member " + pool.memberId().orElse(null)))),
          pool);
    }
    ReserveOutcome outcome = pool.reserve(template.id(), terms.startHold().value(), changes.now());
    if (outcome instanceof ReserveOutcome.Reserved reserved) {
      Pool after = changes.apply(reserved.transition());
      Run run = template.accepted(billed, reserved.hold(), changes.now());
      updateIfStored(draft, run);
      changes.raise(BillingEvents.run(EventType.RUN_ACCEPTED, run, changes.now()));
      changes.raiseAll(BillingEvents.balanceCrossings(pool, after, changes.now()));
      boolean topUp =
          team.plan().allowsAddOns()
              && AutoReloadPolicy.wantsReload(after)
              && !after.isReloadInFlight();
      return new Decided(new Attempt.Accepted(run, topUp), after, draft.stored() ? null : run);
    }
    ReserveOutcome.Short shortfall = (ReserveOutcome.Short) outcome;
    if (request.verdict() == null && team.plan().allowsAddOns() && pool.autoReload().enabled()) {
      return new Decided(new Attempt.NeedsReload(), pool);
    }
    AutoReloadState state =
        request.verdict() != null ? request.verdict() : stateWithoutReload(pool, team);
    InsufficientCredits why = why(billed, shortfall, state, team, pool, changes, template);
    Run refused = template.refused(billed, changes.now());
    updateIfStored(draft, refused);
    changes.raise(BillingEvents.rejected(refused, state, changes.now()));
    return new Decided(
        new Attempt.Answered(Outcome.refused(new Refusal.InsufficientCredits(why, refused.id()))),
        pool,
        draft.stored() ? null : refused);
  }

  /** The answer a submission under an already used key gets; nothing changes. */
  private Outcome<RunView> replay(
      Run earlier, Request request, Team team, Pool pool, PoolChanges changes) {
    Run template = request.draft().template();
    boolean samePool = earlier.billedPool().poolId().equals(request.billed().poolId());
    if (!Replays.refusedAtSubmission(earlier)
        || !Replays.sameRequest(earlier, template)
        || !samePool) {
      return Replays.ofRun(earlier, template);
    }
    long required = terms.startHold().value();
    ReserveOutcome.Short shortfall =
        pool.reserve(earlier.id(), required, changes.now()) instanceof ReserveOutcome.Short s
            ? s
            : new ReserveOutcome.Short(required, pool.balances(), List.of());
    InsufficientCredits why =
        why(
            earlier.billedPool(),
            shortfall,
            stateWithoutReload(pool, team),
            team,
            pool,
            changes,
            earlier);
    return Outcome.<RunView>refused(new Refusal.InsufficientCredits(why, earlier.id())).asReplay();
  }

  /** Everything the refusal says: the shortfall, auto-reload's state, the cap and its month. */
  private InsufficientCredits why(
      BilledPool billed,
      ReserveOutcome.Short shortfall,
      AutoReloadState state,
      Team team,
      Pool pool,
      PoolChanges changes,
      Run run) {
    MonthlySpend spend = spending.find(team.id(), MonthlySpend.monthOf(changes.now()));
    return InsufficientCredits.of(
        billed,
        shortfall.required(),
        shortfall.balances(),
        shortfall.sourcesTried(),
        state,
        team.monthlySpendCap(),
        spend.spent(),
        pool.nextRefreshAt(terms.cycleLength()),
        terms.priceList().prices().get(0).price(),
        contacts(team, run));
  }

  /**
   * The owner's and admins' addresses, shown as the member list shows them (ListMembersService): to
   * a run started by the owner or an admin with their own key; hidden from members, team keys and
   * schedules.
   */
  private Contacts contacts(Team team, Run run) {
    if (run.trigger() != Trigger.USER || run.triggeredBy() == null) {
      return Contacts.HIDDEN;
    }
    boolean administers =
        teams.findMember(run.triggeredBy()).map(m -> m.role().administers()).orElse(false);
    if (!administers) {
      return Contacts.HIDDEN;
    }
    String owner = null;
    List<String> admins = new java.util.ArrayList<>();
    for (Member m : teams.members(team.id())) {
      if (m.role() == Role.OWNER) {
        owner = m.email();
      } else if (m.role() == Role.ADMIN) {
        admins.add(m.email());
      }
    }
    return new Contacts(owner, admins);
  }

  private void updateIfStored(RunDraft draft, Run run) {
    if (draft.stored()) {
      runs.update(run);
    }
  }

  static AutoReloadState stateWithoutReload(Pool pool, Team team) {
    if (!team.plan().allowsAddOns()) {
      return AutoReloadState.NOT_OFFERED;
    }
    if (!pool.autoReload().enabled()) {
      return pool.autoReload().turnedOffBy() == ReloadFailure.PAYMENT_DECLINED
          ? AutoReloadState.PAYMENT_DECLINED
          : AutoReloadState.OFF;
    }
    return AutoReloadState.IN_FLIGHT;
  }

  static AutoReloadState stateAfter(ReloadFailure failure) {
    return switch (failure) {
      case SPEND_CAP_REACHED -> AutoReloadState.CAP_REACHED;
      case PAYMENT_DECLINED -> AutoReloadState.PAYMENT_DECLINED;
      case AUTO_RELOAD_DISABLED -> AutoReloadState.OFF;
    };
  }
}
