package dev.agentcredits.adapter.wire;

import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.event.EventData;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.purchase.PurchaseKind;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code data} of each CloudEvent (README "Events"): the one place that names an event's
 * fields, for {@link CloudEventEncoder}.
 */
final class EventBodies {
  private EventBodies() {}

  static Map<String, Object> data(DomainEvent event) {
    Fields f = new Fields();
    switch (event.data()) {
      case EventData.RunChanged d ->
          f.put("task_id", d.task().value())
              .put("state", d.state())
              .put("trigger", d.trigger().name())
              .put("pool_id", d.pool().value())
              .put("held_credits", d.heldCredits())
              .put("charged_credits", d.chargedCredits())
              .put("error_code", d.failureCode())
              .put("settled_by", d.settledBy())
              .put("released_credits", d.releasedCredits());
      case EventData.RunRejected d ->
          f.put("task_id", d.task().value())
              .put("trigger", d.trigger().name())
              .put("pool_id", d.pool().value())
              .put("error_code", d.failureCode())
              .put("reason", lower(d.autoReload()));
      case EventData.UsageCharged d ->
          f.put("task_id", d.task().value())
              .put("usage_id", d.usage().value())
              .put("credits", d.credits())
              .put("from_hold", d.fromHold())
              .put("from_pool", d.fromPool())
              .put("arrears", d.arrears());
      case EventData.BalanceCrossed d ->
          f.put("pool_id", d.pool().value())
              .put("member_id", d.member() == null ? null : d.member().value())
              .put("available_credits", d.availableCredits())
              .put("threshold_credits", d.thresholdCredits())
              .put("auto_reload", d.autoReloadOn() ? "on" : "off")
              .put("kind", event.type() == EventType.CREDITS_LOW ? "LOW" : "DEPLETED");
      case EventData.AddOnPurchased d ->
          f.put("purchase_id", d.purchase().value())
              .put("pool_id", d.pool().value())
              .put("kind", d.kind() == PurchaseKind.MANUAL ? "manual" : "auto")
              .put("credits", d.credits().value())
              .put("price_cents", d.price().cents())
              .put("expires_at", d.expiresAt().toString());
      case EventData.PurchaseChanged d ->
          f.put("purchase_id", d.purchase().value())
              .put("pool_id", d.pool().value())
              .put("kind", d.kind() == PurchaseKind.MANUAL ? "manual" : "auto")
              .put(
                  event.type() == EventType.PURCHASE_DISPUTED ? "frozen_credits" : "credits",
                  d.credits())
              .put("price_cents", d.price().cents())
              .put("decline_code", d.declineCode())
              .put("reason", d.reason());
      case EventData.AutoReloadFailed d ->
          f.put("pool_id", d.pool().value()).put("reason", d.reasonCode());
      case EventData.SpendCapChanged d ->
          f.put("previous_limit_cents", d.previousLimit().cents())
              .put("monthly_limit_cents", d.monthlyLimit().cents())
              .put("month_to_date_spend_cents", d.monthToDateSpend().cents());
      case EventData.SpendCapThresholdReached d ->
          f.put("month", d.month().toString())
              .put("threshold_percent", d.thresholdPercent())
              .put("spent_cents", d.spent().cents())
              .put("cap_cents", d.cap().cents());
      case EventData.GrantIssued d ->
          f.put("grant_id", d.grantId())
              .put("pool_id", d.pool().value())
              .put("credits", d.credits())
              .put("expires_at", d.expiresAt().toString());
      case EventData.PlanCreditsRefreshed d ->
          f.put("pool_id", d.pool().value())
              .put("member_id", d.member() == null ? null : d.member().value())
              .put("credits", d.credits())
              .put("arrears_paid", d.arrearsPaid())
              .put("cycle_ends_at", d.cycleEndsAt().toString());
      case EventData.CreditsExpired d ->
          f.put("pool_id", d.pool().value())
              .put("source_id", d.source().value())
              .put("source_kind", lower(d.sourceKind()))
              .put("credits", d.credits());
      case EventData.MemberRemoved d ->
          f.put("member_id", d.member().value())
              .put("role", d.role())
              .put("pool_id", d.pool() == null ? null : d.pool().value())
              .put("plan_credits_ended", d.planCreditsEnded())
              .put("credits_transferred", d.creditsTransferred());
      case EventData.CreditsTransferred d ->
          f.put("from_pool_id", d.fromPool().value())
              .put("to_pool_id", d.toPool().value())
              .put("credits", d.credits())
              .put("reason", d.reason());
      case EventData.WebhookEndpointDisabled d ->
          f.put("endpoint_id", d.endpoint().value())
              .put("url", d.url())
              .put("failing_since", d.failingSince().toString());
      case EventData.WebhookTest d ->
          f.put("endpoint_id", d.endpoint().value())
              .put("message", "a test event, sent because it was asked for");
      case EventData.MemberLimitChanged d ->
          f.put("scope", d.member() == null ? "team_default" : "member")
              .put("member_id", d.member() == null ? null : d.member().value())
              .put("previous_monthly_credits", d.previousMonthlyCredits())
              .put("monthly_credits", d.monthlyCredits())
              .put("effective_monthly_credits", d.effectiveMonthlyCredits());
    }
    return f.map;
  }

  static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** Fields in order; a null value is left out. */
  private static final class Fields {
    private final Map<String, Object> map = new LinkedHashMap<>();

    Fields put(String name, Object value) {
      if (value != null) {
        map.put(name, value);
      }
      return this;
    }
  }
}
