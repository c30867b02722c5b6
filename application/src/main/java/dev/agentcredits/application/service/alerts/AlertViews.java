package dev.agentcredits.application.service.alerts;

import dev.agentcredits.application.port.in.view.AlertView;
import dev.agentcredits.domain.alert.Alert;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.PoolId;
import java.util.Map;

/** An alert as API.md shows it: its type, what fixes it, and a sentence saying so. */
final class AlertViews {
  private AlertViews() {}

  static AlertView of(Alert alert, Map<MemberId, String> emails) {
    return switch (alert) {
      case Alert.SpendCapNear cap ->
          new AlertView(
              EventType.SPEND_CAP_THRESHOLD_REACHED.routingKey(),
              cap.blocking(),
              cap.raisedAt(),
              capDetail(cap),
              "raise_spend_cap",
              null,
              new AlertView.SpendCap(
                  cap.thresholdPercent(), cap.cap().cents(), cap.spent().cents()),
              null);
      case Alert.ReloadDeclined declined ->
          new AlertView(
              EventType.AUTO_RELOAD_FAILED.routingKey(),
              true,
              declined.raisedAt(),
              "Auto-reload of "
                  + poolWords(declined.pool(), declined.member(), emails)
                  + " was turned off because the team's card was declined. The team owner or an"
                  + " admin can update the card and turn auto-reload on again.",
              "update_card",
              pool(declined.pool(), declined.member(), emails),
              null,
              null);
      case Alert.PoolLow low ->
          new AlertView(
              (low.depleted() ? EventType.CREDITS_DEPLETED : EventType.CREDITS_LOW).routingKey(),
              low.blocking(),
              low.raisedAt(),
              lowDetail(low, emails),
              low.member() == null ? "contact_account_manager" : "buy_add_on",
              pool(low.pool(), low.member(), emails),
              null,
              new AlertView.Balance(
                  low.availableCredits(), low.thresholdCredits(), low.autoReloadOn()));
    };
  }

  private static String capDetail(Alert.SpendCapNear cap) {
    String figures = cap.spent() + " spent of the " + cap.cap() + " monthly spend cap";
    if (cap.blocking()) {
      return "This month's add-on spend has reached the cap ("
          + figures
          + "): no purchase or auto-reload goes through until the team owner or an admin raises"
          + " the cap, or the month ends (UTC).";
    }
    return "This month's add-on spend is at "
        + percent(cap.spent(), cap.cap())
        + " % of the cap ("
        + figures
        + "); at the cap no purchase or auto-reload goes through. The team owner or an admin can"
        + " raise the cap.";
  }

  private static String lowDetail(Alert.PoolLow low, Map<MemberId, String> emails) {
    String whose = poolWords(low.pool(), low.member(), emails);
    String state =
        low.depleted()
            ? whose + " has no credits left" + arrears(low.availableCredits()) + "."
            : whose
                + " has "
                + low.availableCredits()
                + " credits available, at or below its threshold of "
                + low.thresholdCredits()
                + ".";
    String next =
        low.member() == null
            ? " The account manager can add a grant."
            : low.autoReloadOn()
                ? " Auto-reload is on and buys within the team's monthly spend cap."
                : " Buy add-on credits or turn auto-reload on.";
    return Character.toUpperCase(state.charAt(0)) + state.substring(1) + next;
  }

  private static String arrears(long available) {
    return available < 0 ? " (" + -available + " owed)" : "";
  }

  private static AlertView.Pool pool(PoolId pool, MemberId member, Map<MemberId, String> emails) {
    return new AlertView.Pool(
        pool.value(),
        member == null ? "TEAM" : "MEMBER",
        member == null ? null : member.value(),
        member == null ? null : emails.get(member));
  }

  private static String poolWords(PoolId pool, MemberId member, Map<MemberId, String> emails) {
    if (member == null) {
      return "the team pool";
    }
    String email = emails.get(member);
    return email == null ? "a former member's pool" : "the pool of " + email;
  }

  /** The whole percentage {@code spent} is of {@code cap} (rounded down). */
  private static long percent(Money spent, Money cap) {
    return cap.cents() == 0 ? 100 : Math.multiplyExact(spent.cents(), 100L) / cap.cents();
  }
}
