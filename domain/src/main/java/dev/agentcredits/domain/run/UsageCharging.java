package dev.agentcredits.domain.run;

import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.limit.MemberBudget;
import dev.agentcredits.domain.pool.BalanceEvents;
import dev.agentcredits.domain.pool.ChargeOutcome;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.pool.PoolTransition;
import dev.agentcredits.domain.spend.AutoReloadPolicy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * DOMAIN.md rules 3, 5, 24 and 27: a usage report is charged once per usage id, against the run's
 * hold first, then the waterfall; what nothing covers becomes arrears. A queued run that runs dry
 * is stopped at once when its pool cannot reload; otherwise a reload may pay the arrears first. A
 * charge that leaves the member who started the run over their monthly limit is kept, and stops the
 * run.
 */
public final class UsageCharging {
  private UsageCharging() {}

  /**
   * What the charge of a report depends on besides the run and its pool: how late usage may come
   * after a run ended, and whether the team's plan may buy add-ons (so the pool may reload).
   */
  public record Terms(Duration lateUsageWindow, boolean addOnsAllowed) {
    public Terms {
      Objects.requireNonNull(lateUsageWindow, "lateUsageWindow");
    }
  }

  /**
   * @param pool the run's billed pool as it stands; not read when {@code seen} is given (null will
   *     do then)
   * @param seen the report the run saw before under this usage id, or null
   */
  public static RunDecision decide(
      Run run, Pool pool, UsageReport report, UsageRecord seen, Terms terms, Instant now) {
    return decide(run, pool, report, seen, terms, null, now);
  }

  /**
   * @param budget the monthly limit of the member the run counts against and what counts against it
   *     before this charge ({@link Run#countsAgainst()}); null when no limit applies
   */
  public static RunDecision decide(
      Run run,
      Pool pool,
      UsageReport report,
      UsageRecord seen,
      Terms terms,
      MemberBudget budget,
      Instant now) {
    if (seen != null) {
      return seen.credits() == report.credits()
          ? new RunDecision.Replayed(run)
          : new RunDecision.Refused(
              RunDecision.Reason.CONFLICT,
              "usage_id " + report.usage() + " was reported with other credits");
    }
    if (LateUsage.judge(run, now, terms.lateUsageWindow()) == LateUsage.TOO_LATE) {
      long hours = terms.lateUsageWindow().toHours();
      return new RunDecision.Refused(
          RunDecision.Reason.CONFLICT,
          "the task ended (%s) at %s, more than %d hours before this report; usage is charged only up to %d hours after a task ends"
              .formatted(run.state(), run.endedAt(), hours, hours));
    }
    return charge(run, pool, report, terms, budget, now);
  }

  // A queued run's usage, or late usage on an ended one (rule 27): an ended run holds nothing, so
  // the charge goes to the waterfall, into arrears if need be, and usage.charged says so.
  private static RunDecision charge(
      Run run, Pool pool, UsageReport report, Terms terms, MemberBudget budget, Instant now) {
    ChargeOutcome charge =
        pool.charge(run.id(), run.hold(), report.usage().value(), report.credits(), now);
    Pool after = charge.transition().pool();
    Run charged = run.charged(charge.total(), charge.remainingHold(), now);
    List<DomainEvent> events = new ArrayList<>();
    events.add(RunEvents.usageCharged(charged, report.usage(), charge, now));
    events.addAll(BalanceEvents.crossings(pool, after, now));
    if (!run.state().isOpen() && charge.uncovered() > 0 && pool.available() <= 0) {
      // late usage into arrears on a pool already empty: no crossing, but it is depleted again
      events.add(BalanceEvents.depleted(after, now));
    }
    PoolTransition change = charge.transition().then(new PoolTransition(after, List.of(), events));
    boolean canReload = terms.addOnsAllowed() && after.autoReload().enabled();
    boolean overLimit =
        budget != null
            && charged.state().isOpen()
            && budget
                .moved(charge.total(), charge.remainingHold().total() - run.hold().total())
                .exceeded();
    boolean inArrears = !charge.fullyCovered() && charged.state().isOpen();
    if (overLimit || (inArrears && !canReload)) {
      HoldRelease.Why why = overLimit ? HoldRelease.Why.OVER_LIMIT : HoldRelease.Why.STOPPED;
      RunDecision.Moved stopped = HoldRelease.release(charged, after, why, now);
      // Stopped by the limit, the run no longer waits on a reload; its pool may still want one.
      boolean topUp = canReload && AutoReloadPolicy.wantsReload(stopped.change().pool());
      return new RunDecision.Moved(
          stopped.run(),
          change.then(stopped.change()),
          report.chargedAt(now),
          topUp ? RunDecision.Next.TOP_UP : RunDecision.Next.NOTHING);
    }
    RunDecision.Next next =
        inArrears
            ? RunDecision.Next.PAY_ARREARS
            : canReload && AutoReloadPolicy.wantsReload(after)
                ? RunDecision.Next.TOP_UP
                : RunDecision.Next.NOTHING;
    return new RunDecision.Moved(charged, change, report.chargedAt(now), next);
  }
}
