package dev.agentcredits.domain.event;

/** Every state change another system may care about (DOMAIN.md "Events"). */
public enum EventType {
  RUN_ACCEPTED("run.accepted"),
  RUN_REJECTED("run.rejected"),
  RUN_STOPPED("run.stopped"),
  RUN_COMPLETED("run.completed"),
  RUN_CANCELLED("run.cancelled"),
  USAGE_CHARGED("usage.charged"),
  CREDITS_LOW("credits.low"),
  CREDITS_DEPLETED("credits.depleted"),
  ADD_ON_PURCHASED("addon.purchased"),
  AUTO_RELOAD_FAILED("auto_reload.failed"),
  SPEND_CAP_CHANGED("spend_cap.changed"),
  PLAN_CREDITS_REFRESHED("plan_credits.refreshed"),
  CREDITS_EXPIRED("credits.expired"),
  GRANT_ISSUED("grant.issued"),
  PURCHASE_PENDING("purchase.pending"),
  PURCHASE_FAILED("purchase.failed"),
  PURCHASE_REFUNDED("purchase.refunded"),
  PURCHASE_DISPUTED("purchase.disputed"),
  MEMBER_REMOVED("member.removed"),
  CREDITS_TRANSFERRED("credits.transferred"),
  WEBHOOK_ENDPOINT_DISABLED("webhook_endpoint.disabled"),
  /** Sent to one endpoint when its owner asks for a test; never published to the broker. */
  WEBHOOK_TEST("webhook.test"),

  MEMBER_LIMIT_CHANGED("member_limit.changed"),

  SPEND_CAP_THRESHOLD_REACHED("spend_cap.threshold_reached");

  private final String routingKey;

  EventType(String routingKey) {
    this.routingKey = routingKey;
  }

  /** The type without its {@code dev.agentcredits.} prefix, e.g. {@code run.accepted}. */
  public String routingKey() {
    return routingKey;
  }
}
