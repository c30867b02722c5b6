package dev.agentcredits.adapter.wire;

import dev.agentcredits.domain.refusal.AutoReloadState;
import dev.agentcredits.domain.refusal.InsufficientCredits;
import dev.agentcredits.domain.refusal.Remedy;
import dev.agentcredits.domain.refusal.RemedyAction;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The {@code insufficient_credits} detail in words: the situation, then exactly the steps the
 * domain's {@code Resolution} chose, in its order, so the sentence and the {@code resolution} list
 * can never disagree.
 */
final class InsufficientCreditsAdvice {
  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withZone(ZoneOffset.UTC);

  private InsufficientCreditsAdvice() {}

  static String detail(InsufficientCredits why) {
    String pool =
        switch (why.billed().payer()) {
          case TRIGGERING_USER ->
              "the triggering user's pool (member " + why.billed().member() + ")";
          case TEAM_OWNER -> "the team owner's pool (member " + why.billed().member() + ")";
          case TEAM_POOL -> "the team pool";
        };
    return "This run was billed to %s, which has %d credits available of the %d needed.%s %s"
        .formatted(
            pool,
            Math.max(0, why.balances().available()),
            why.required(),
            situation(why),
            steps(why));
  }

  private static String situation(InsufficientCredits why) {
    String spent =
        " (" + why.monthToDateSpend() + " of " + why.monthlySpendCap() + " spent this month)";
    return switch (why.cause()) {
      case AUTO_RELOAD_OFF -> " Auto-reload is off.";
      case CAP_REACHED ->
          why.autoReload() == AutoReloadState.CAP_REACHED
              ? " Auto-reload is on, but the team-wide monthly spend cap leaves it no room to buy more"
                  + spent
                  + "."
              : " Auto-reload is off, and the team-wide monthly spend cap leaves no room for"
                  + " add-on credits"
                  + spent
                  + ".";
      case PAYMENT_DECLINED -> " The team's card was declined, so auto-reload was turned off.";
      case RELOAD_IN_FLIGHT -> " An auto-reload for this pool is still being paid.";
      case CONTRACT_EXHAUSTED -> "";
    };
  }

  private static String steps(InsufficientCredits why) {
    StringBuilder text = new StringBuilder("To continue, ");
    List<Remedy> steps = why.remedies();
    boolean first = true;
    for (Remedy step : steps) {
      if (step.action() == RemedyAction.RETRY) {
        continue;
      }
      if (!first) {
        text.append(step.withPrevious() ? " and " : "; or ");
      }
      text.append(step.withPrevious() ? alongside(step) : phrase(step, why));
      first = false;
    }
    return text.append("; then retry.").toString();
  }

  private static String phrase(Remedy step, InsufficientCredits why) {
    boolean own = step.who() == dev.agentcredits.domain.refusal.Fixer.TRIGGERING_USER;
    return switch (step.action()) {
      case PURCHASE_ADD_ON ->
          switch (step.who()) {
            case TEAM_OWNER ->
                "the team owner"
                    + named(step)
                    + " can top up their pool by purchasing add-on"
                    + " credits in Settings > Billing and usage";
            case TEAM_ADMIN -> "an admin" + named(step) + " can purchase them for the owner's pool";
            default -> "purchase add-on credits in Settings > Billing and usage";
          };
      case WAIT_FOR_REFRESH ->
          "wait for "
              + (own ? "your" : "the owner's")
              + " monthly plan credits to refresh"
              + why.nextRefresh().map(at -> " (next on " + DAY.format(at) + ")").orElse("");
      case ENABLE_AUTO_RELOAD ->
          own
              ? "enable auto-reload, subject to the team-wide monthly spend cap"
              : "the team owner" + named(step) + " can enable auto-reload on their pool";
      case RAISE_SPEND_CAP ->
          "an admin or the team owner"
              + named(step)
              + " can raise the team-wide monthly spend cap in Settings > Billing and usage";
      case WAIT_FOR_MONTH_START ->
          "wait for the 1st of the month (UTC), when the month's spend starts again and"
              + " auto-reload can buy";
      case UPDATE_PAYMENT_METHOD ->
          "the team owner or an admin"
              + named(step)
              + " can update the team's card in Settings > Billing and usage";
      case CONTACT_ACCOUNT_MANAGER ->
          "contact your account manager to extend the contract's credits";
      case RETRY -> "retry";
    };
  }

  /** A step taken together with the one before it: its subject is already named. */
  private static String alongside(Remedy step) {
    return switch (step.action()) {
      case ENABLE_AUTO_RELOAD -> "turn auto-reload on again";
      case RAISE_SPEND_CAP -> "raise the team-wide monthly spend cap";
      default -> step.action().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    };
  }

  private static String named(Remedy step) {
    return step.contacts().isEmpty() ? "" : " (" + String.join(", ", step.contacts()) + ")";
  }
}
