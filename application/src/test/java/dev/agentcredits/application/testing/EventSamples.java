package dev.agentcredits.application.testing;

import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.event.EventData;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.principal.Trigger;
import dev.agentcredits.domain.purchase.PurchaseKind;
import dev.agentcredits.domain.shared.Credits;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.PurchaseId;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.SourceId;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.shared.UsageId;
import dev.agentcredits.domain.shared.WebhookEndpointId;
import java.time.Instant;
import java.util.List;

/** One event of every type the rule book names, with every optional field set once or left out. */
public final class EventSamples {
  private EventSamples() {}

  public static List<DomainEvent> everyType(TeamId team, Instant at) {
    RunId run = new RunId("task_" + team.value());
    PoolId pool = new PoolId("m:mem_" + team.value());
    MemberId member = new MemberId("mem_" + team.value());
    Instant later = at.plusSeconds(86_400);
    return List.of(
        event(EventType.RUN_ACCEPTED, team, at, runChanged(run, pool, "QUEUED", null, null, null)),
        event(
            EventType.RUN_STOPPED,
            team,
            at,
            runChanged(run, pool, "FAILED", "insufficient_credits", null, null)),
        event(
            EventType.RUN_COMPLETED,
            team,
            at,
            runChanged(run, pool, "SUCCEEDED", null, "completed", 12L)),
        event(
            EventType.RUN_CANCELLED,
            team,
            at,
            runChanged(run, pool, "CANCELLED", null, "cancelled", 13L)),
        event(
            EventType.RUN_REJECTED,
            team,
            at,
            new EventData.RunRejected(run, Trigger.SCHEDULED, pool, "CAP_REACHED")),
        event(
            EventType.USAGE_CHARGED,
            team,
            at,
            new EventData.UsageCharged(run, new UsageId("u-1"), 9_007_199_254_740_993L, 20, 5, 1)),
        event(
            EventType.CREDITS_LOW,
            team,
            at,
            new EventData.BalanceCrossed(pool, member, 80, 100, true)),
        event(
            EventType.CREDITS_DEPLETED,
            team,
            at,
            new EventData.BalanceCrossed(new PoolId("t:" + team.value()), null, 0, 100, false)),
        event(
            EventType.ADD_ON_PURCHASED,
            team,
            at,
            new EventData.AddOnPurchased(
                new PurchaseId("pur_1"),
                pool,
                PurchaseKind.AUTO_RELOAD,
                Credits.of(1_000),
                Money.cents(2_000),
                later)),
        event(EventType.PURCHASE_PENDING, team, at, purchase(1_000, null, null)),
        event(
            EventType.PURCHASE_FAILED,
            team,
            at,
            purchase(1_000, "insufficient_funds", "the card has insufficient funds")),
        event(EventType.PURCHASE_REFUNDED, team, at, purchase(1_000, null, null)),
        event(EventType.PURCHASE_DISPUTED, team, at, purchase(640, null, null)),
        event(
            EventType.AUTO_RELOAD_FAILED,
            team,
            at,
            new EventData.AutoReloadFailed(pool, "payment_declined")),
        event(
            EventType.SPEND_CAP_CHANGED,
            team,
            at,
            new EventData.SpendCapChanged(Money.cents(20_000), Money.cents(50_000), Money.ZERO)),
        event(
            EventType.SPEND_CAP_THRESHOLD_REACHED,
            team,
            at,
            new EventData.SpendCapThresholdReached(
                java.time.YearMonth.of(2026, 3), 80, Money.cents(16_000), Money.cents(20_000))),
        event(
            EventType.GRANT_ISSUED,
            team,
            at,
            new EventData.GrantIssued("grant_1", pool, 50_000, later)),
        event(
            EventType.PLAN_CREDITS_REFRESHED,
            team,
            at,
            new EventData.PlanCreditsRefreshed(pool, member, 1_500, 30, later)),
        event(
            EventType.CREDITS_EXPIRED,
            team,
            at,
            new EventData.CreditsExpired(pool, new SourceId("lot-1"), "ADD_ON", 400)),
        event(
            EventType.MEMBER_REMOVED,
            team,
            at,
            new EventData.MemberRemoved(new MemberId("mem_2"), "MEMBER", pool, 1_480, 600)),
        event(
            EventType.CREDITS_TRANSFERRED,
            team,
            at,
            new EventData.CreditsTransferred(
                pool, new PoolId("m:mem_owner"), 600, "member_removed")),
        event(
            EventType.WEBHOOK_ENDPOINT_DISABLED,
            team,
            at,
            new EventData.WebhookEndpointDisabled(
                new WebhookEndpointId("whe_1"), "https://hooks.example.com/x", at)),
        event(
            EventType.WEBHOOK_TEST,
            team,
            at,
            new EventData.WebhookTest(new WebhookEndpointId("whe_1"))),
        event(
            EventType.MEMBER_LIMIT_CHANGED,
            team,
            at,
            new EventData.MemberLimitChanged(new MemberId("mem_2"), null, 2_000L, 2_000L)));
  }

  private static EventData.PurchaseChanged purchase(long credits, String code, String reason) {
    return new EventData.PurchaseChanged(
        new PurchaseId("pur_2"),
        new PoolId("m:mem_2"),
        PurchaseKind.MANUAL,
        credits,
        Money.cents(2_000),
        code,
        reason);
  }

  private static EventData.RunChanged runChanged(
      RunId run, PoolId pool, String state, String failure, String settledBy, Long released) {
    return new EventData.RunChanged(
        run, state, Trigger.TEAM_API_KEY, pool, 20, 7, failure, settledBy, released);
  }

  private static DomainEvent event(EventType type, TeamId team, Instant at, EventData data) {
    return new DomainEvent(type, team, "subject-" + type.routingKey(), at, data);
  }
}
