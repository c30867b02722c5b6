package dev.agentcredits.domain.event;

import dev.agentcredits.domain.principal.Trigger;
import dev.agentcredits.domain.purchase.PurchaseKind;
import dev.agentcredits.domain.shared.Credits;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.PurchaseId;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.SourceId;
import dev.agentcredits.domain.shared.UsageId;
import dev.agentcredits.domain.shared.WebhookEndpointId;
import java.time.Instant;
import java.time.YearMonth;

/**
 * What an event says, in billing terms; adapters choose its wire form. Values of the pool's and the
 * run's own enums travel by name ({@code state}, {@code reason}, {@code sourceKind}), since the
 * pool raises events itself and this package must not depend back on it.
 */
public sealed interface EventData {
  /**
   * run.accepted, run.stopped, run.completed, run.cancelled; {@code settledBy} and {@code released}
   * on settling.
   */
  record RunChanged(
      RunId task,
      String state,
      Trigger trigger,
      PoolId pool,
      long heldCredits,
      long chargedCredits,
      String failureCode,
      String settledBy,
      Long releasedCredits)
      implements EventData {}

  /**
   * {@code failureCode}: why the run was refused (insufficient_credits, or budget_exceeded for a
   * member's monthly limit); {@code reason}: for insufficient_credits, the auto-reload state's name
   * when the run was refused, for budget_exceeded {@code MEMBER_LIMIT}.
   */
  record RunRejected(
      RunId task, Trigger trigger, PoolId pool, String autoReload, String failureCode)
      implements EventData {
    public RunRejected(RunId task, Trigger trigger, PoolId pool, String autoReload) {
      this(task, trigger, pool, autoReload, "insufficient_credits");
    }
  }

  record UsageCharged(
      RunId task, UsageId usage, long credits, long fromHold, long fromPool, long arrears)
      implements EventData {}

  /** credits.low or credits.depleted. */
  record BalanceCrossed(
      PoolId pool,
      MemberId member,
      long availableCredits,
      long thresholdCredits,
      boolean autoReloadOn)
      implements EventData {}

  record AddOnPurchased(
      PurchaseId purchase,
      PoolId pool,
      PurchaseKind kind,
      Credits credits,
      Money price,
      Instant expiresAt)
      implements EventData {}

  /**
   * purchase.pending, purchase.failed (with the decline's code and reason), purchase.refunded and
   * purchase.disputed; {@code credits} is what the lot held, left or had frozen.
   */
  record PurchaseChanged(
      PurchaseId purchase,
      PoolId pool,
      PurchaseKind kind,
      long credits,
      Money price,
      String declineCode,
      String reason)
      implements EventData {}

  /** {@code reasonCode}: spend_cap_reached, payment_declined or auto_reload_disabled. */
  record AutoReloadFailed(PoolId pool, String reasonCode) implements EventData {}

  record SpendCapChanged(Money previousLimit, Money monthlyLimit, Money monthToDateSpend)
      implements EventData {}

  record GrantIssued(String grantId, PoolId pool, long credits, Instant expiresAt)
      implements EventData {}

  record PlanCreditsRefreshed(
      PoolId pool, MemberId member, long credits, long arrearsPaid, Instant cycleEndsAt)
      implements EventData {}

  /** {@code sourceKind}: the expired source's kind by name (ADD_ON, GRANT, PLAN). */
  record CreditsExpired(PoolId pool, SourceId source, String sourceKind, long credits)
      implements EventData {}

  /**
   * member.removed (rule 22): {@code pool} is the member's closed pool, absent on a team without
   * member pools; {@code planCreditsEnded} left with it, {@code creditsTransferred} went to the
   * owner.
   */
  record MemberRemoved(
      MemberId member, String role, PoolId pool, long planCreditsEnded, long creditsTransferred)
      implements EventData {}

  /** credits.transferred: what was left of lots moved between pools, and why. */
  record CreditsTransferred(PoolId fromPool, PoolId toPool, long credits, String reason)
      implements EventData {}

  /**
   * webhook_endpoint.disabled (rule 26): nothing reached {@code url} since {@code failingSince}.
   */
  record WebhookEndpointDisabled(WebhookEndpointId endpoint, String url, Instant failingSince)
      implements EventData {}

  /** webhook.test: what a test delivery to {@code endpoint} carries. */
  record WebhookTest(WebhookEndpointId endpoint) implements EventData {}

  /**
   * member_limit.changed (rule 24): the team's default ({@code member} null) or one member's own
   * limit; {@code monthlyCredits} null means none (the team's default, for a member), and {@code
   * effectiveMonthlyCredits} is what applies to the member now (null: no limit). Credits a month.
   */
  record MemberLimitChanged(
      MemberId member,
      Long previousMonthlyCredits,
      Long monthlyCredits,
      Long effectiveMonthlyCredits)
      implements EventData {}

  /**
   * spend_cap.threshold_reached (rule 25): the month's spend reached {@code thresholdPercent} of
   * the cap.
   */
  record SpendCapThresholdReached(YearMonth month, int thresholdPercent, Money spent, Money cap)
      implements EventData {}
}
