package dev.agentcredits.adapter.wire;

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
import dev.agentcredits.domain.shared.UsageId;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

/**
 * Reads an event's data back from the form {@link EventBodies} wrote, for a store that keeps events
 * as their published JSON (so an event written by an older version reads the same).
 */
public final class EventDataReader {
  private final Map<String, Object> data;

  private EventDataReader(Map<String, Object> data) {
    this.data = data;
  }

  public static EventData read(EventType type, Map<String, Object> data) {
    return new EventDataReader(data).as(type);
  }

  private EventData as(EventType type) {
    return switch (type) {
      case RUN_ACCEPTED, RUN_STOPPED, RUN_COMPLETED, RUN_CANCELLED ->
          new EventData.RunChanged(
              new RunId(text("task_id")),
              text("state"),
              Trigger.valueOf(text("trigger")),
              new PoolId(text("pool_id")),
              number("held_credits"),
              number("charged_credits"),
              optionalText("error_code"),
              optionalText("settled_by"),
              data.containsKey("released_credits") ? number("released_credits") : null);
      case RUN_REJECTED ->
          new EventData.RunRejected(
              new RunId(text("task_id")),
              Trigger.valueOf(text("trigger")),
              new PoolId(text("pool_id")),
              upper(text("reason")));
      case USAGE_CHARGED ->
          new EventData.UsageCharged(
              new RunId(text("task_id")),
              new UsageId(text("usage_id")),
              number("credits"),
              number("from_hold"),
              number("from_pool"),
              number("arrears"));
      case CREDITS_LOW, CREDITS_DEPLETED ->
          new EventData.BalanceCrossed(
              new PoolId(text("pool_id")),
              member(),
              number("available_credits"),
              number("threshold_credits"),
              "on".equals(text("auto_reload")));
      case ADD_ON_PURCHASED ->
          new EventData.AddOnPurchased(
              new PurchaseId(text("purchase_id")),
              new PoolId(text("pool_id")),
              "manual".equals(text("kind")) ? PurchaseKind.MANUAL : PurchaseKind.AUTO_RELOAD,
              Credits.of(number("credits")),
              Money.cents(number("price_cents")),
              Instant.parse(text("expires_at")));
      case PURCHASE_PENDING, PURCHASE_FAILED, PURCHASE_REFUNDED, PURCHASE_DISPUTED ->
          new EventData.PurchaseChanged(
              new PurchaseId(text("purchase_id")),
              new PoolId(text("pool_id")),
              "manual".equals(text("kind")) ? PurchaseKind.MANUAL : PurchaseKind.AUTO_RELOAD,
              number(type == EventType.PURCHASE_DISPUTED ? "frozen_credits" : "credits"),
              Money.cents(number("price_cents")),
              optionalText("decline_code"),
              optionalText("reason"));
      case AUTO_RELOAD_FAILED ->
          new EventData.AutoReloadFailed(new PoolId(text("pool_id")), text("reason"));
      case SPEND_CAP_CHANGED ->
          new EventData.SpendCapChanged(
              Money.cents(number("previous_limit_cents")),
              Money.cents(number("monthly_limit_cents")),
              Money.cents(number("month_to_date_spend_cents")));
      case GRANT_ISSUED ->
          new EventData.GrantIssued(
              text("grant_id"),
              new PoolId(text("pool_id")),
              number("credits"),
              Instant.parse(text("expires_at")));
      case PLAN_CREDITS_REFRESHED ->
          new EventData.PlanCreditsRefreshed(
              new PoolId(text("pool_id")),
              member(),
              number("credits"),
              number("arrears_paid"),
              Instant.parse(text("cycle_ends_at")));
      case CREDITS_EXPIRED ->
          new EventData.CreditsExpired(
              new PoolId(text("pool_id")),
              new SourceId(text("source_id")),
              upper(text("source_kind")),
              number("credits"));
      case MEMBER_REMOVED ->
          new EventData.MemberRemoved(
              new MemberId(text("member_id")),
              text("role"),
              data.containsKey("pool_id") ? new PoolId(text("pool_id")) : null,
              number("plan_credits_ended"),
              number("credits_transferred"));
      case CREDITS_TRANSFERRED ->
          new EventData.CreditsTransferred(
              new PoolId(text("from_pool_id")),
              new PoolId(text("to_pool_id")),
              number("credits"),
              text("reason"));
    };
  }

  private MemberId member() {
    String member = optionalText("member_id");
    return member == null ? null : new MemberId(member);
  }

  private String text(String name) {
    Object value = data.get(name);
    if (!(value instanceof String text)) {
      throw new IllegalArgumentException("event data has no text " + name + ": " + data);
    }
    return text;
  }

  private String optionalText(String name) {
    return data.containsKey(name) ? text(name) : null;
  }

  private long number(String name) {
    Object value = data.get(name);
    if (!(value instanceof Number number)) {
      throw new IllegalArgumentException("event data has no number " + name + ": " + data);
    }
    return number.longValue();
  }

  private static String upper(String code) {
    return code.toUpperCase(Locale.ROOT);
  }
}
