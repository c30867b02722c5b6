package dev.agentcredits.adapter.wire;

import dev.agentcredits.application.port.in.view.AlertView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** API.md {@code GET /teams/{team_id}/alerts}: the alerts in force now, each with its figures. */
public final class AlertBodies {
  private AlertBodies() {}

  public static Map<String, Object> alerts(List<AlertView> alerts) {
    return Map.of("alerts", alerts.stream().map(AlertBodies::alert).toList());
  }

  /**
   * A part that does not apply to the alert (its pool, the cap's or the balance's figures) is left
   * out.
   */
  public static Map<String, Object> alert(AlertView alert) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", alert.type());
    body.put("severity", alert.blocking() ? "critical" : "warning");
    body.put("raised_at", Bodies.time(alert.raisedAt()));
    body.put("detail", alert.detail());
    body.put("action", alert.action());
    if (alert.pool() != null) {
      Map<String, Object> pool = new LinkedHashMap<>();
      pool.put("pool_id", alert.pool().poolId());
      pool.put("kind", alert.pool().kind());
      if (alert.pool().memberId() != null) {
        pool.put("member_id", alert.pool().memberId());
      }
      if (alert.pool().email() != null) {
        pool.put("email", alert.pool().email());
      }
      body.put("pool", pool);
    }
    if (alert.spendCap() != null) {
      body.put(
          "spend_cap",
          Bodies.ordered(
              "threshold_percent",
              alert.spendCap().thresholdPercent(),
              "monthly_limit_cents",
              alert.spendCap().monthlyLimitCents(),
              "month_to_date_spend_cents",
              alert.spendCap().monthToDateSpendCents()));
    }
    if (alert.balance() != null) {
      body.put(
          "balance",
          Bodies.ordered(
              "available_credits",
              alert.balance().availableCredits(),
              "threshold_credits",
              alert.balance().thresholdCredits(),
              "auto_reload",
              alert.balance().autoReloadOn() ? "on" : "off"));
    }
    return body;
  }
}
