package dev.agentcredits.domain.refusal;

import dev.agentcredits.domain.principal.Payer;
import java.util.ArrayList;
import java.util.List;

/**
 * The one decision of which advice an {@code insufficient_credits} refusal gives: the public page's
 * "How to resolve" for the case at hand, only steps that would work, in the page's order.
 *
 * @param steps alternatives unless a step is {@link Remedy#withPrevious()}; the last is the retry
 */
public record Resolution(RefusalCase cause, List<Remedy> steps) {
  public Resolution {
    steps = List.copyOf(steps);
  }

  /**
   * @param capHasRoom whether the team's month-to-date add-on spend leaves room under the cap for
   *     the cheapest add-on (if not, neither a purchase nor a reload can go through)
   */
  public static Resolution decide(Payer payer, AutoReloadState autoReload, boolean capHasRoom) {
    RefusalCase cause = causeOf(payer, autoReload, capHasRoom);
    Fixer pool = payer == Payer.TEAM_OWNER ? Fixer.TEAM_OWNER : Fixer.TRIGGERING_USER;
    List<Remedy> steps = new ArrayList<>();
    switch (cause) {
      case CONTRACT_EXHAUSTED ->
          steps.add(new Remedy(RemedyAction.CONTACT_ACCOUNT_MANAGER, Fixer.ACCOUNT_MANAGER));
      case AUTO_RELOAD_OFF, RELOAD_IN_FLIGHT -> {
        steps.add(new Remedy(RemedyAction.PURCHASE_ADD_ON, pool));
        if (payer == Payer.TEAM_OWNER) {
          steps.add(new Remedy(RemedyAction.PURCHASE_ADD_ON, Fixer.TEAM_ADMIN));
        }
        steps.add(new Remedy(RemedyAction.WAIT_FOR_REFRESH, pool));
        if (cause == RefusalCase.AUTO_RELOAD_OFF) {
          steps.add(new Remedy(RemedyAction.ENABLE_AUTO_RELOAD, pool));
        }
      }
      case CAP_REACHED -> {
        steps.add(new Remedy(RemedyAction.RAISE_SPEND_CAP, Fixer.OWNER_OR_ADMIN));
        if (autoReload == AutoReloadState.CAP_REACHED) {
          // auto-reload is on: it buys again by itself once the month's spend starts over
          steps.add(new Remedy(RemedyAction.WAIT_FOR_MONTH_START, pool));
        }
        steps.add(new Remedy(RemedyAction.WAIT_FOR_REFRESH, pool));
      }
      case PAYMENT_DECLINED -> {
        steps.add(new Remedy(RemedyAction.UPDATE_PAYMENT_METHOD, Fixer.OWNER_OR_ADMIN));
        steps.add(Remedy.together(RemedyAction.ENABLE_AUTO_RELOAD, Fixer.OWNER_OR_ADMIN));
        if (!capHasRoom) {
          steps.add(Remedy.together(RemedyAction.RAISE_SPEND_CAP, Fixer.OWNER_OR_ADMIN));
        }
        steps.add(new Remedy(RemedyAction.WAIT_FOR_REFRESH, pool));
      }
    }
    steps.add(new Remedy(RemedyAction.RETRY, Fixer.TRIGGERING_USER));
    return new Resolution(cause, steps);
  }

  static RefusalCase causeOf(Payer payer, AutoReloadState autoReload, boolean capHasRoom) {
    if (payer == Payer.TEAM_POOL || autoReload == AutoReloadState.NOT_OFFERED) {
      return RefusalCase.CONTRACT_EXHAUSTED;
    }
    return switch (autoReload) {
      case PAYMENT_DECLINED -> RefusalCase.PAYMENT_DECLINED;
      case CAP_REACHED -> RefusalCase.CAP_REACHED;
      case OFF -> capHasRoom ? RefusalCase.AUTO_RELOAD_OFF : RefusalCase.CAP_REACHED;
      case IN_FLIGHT -> capHasRoom ? RefusalCase.RELOAD_IN_FLIGHT : RefusalCase.CAP_REACHED;
      case NOT_OFFERED -> RefusalCase.CONTRACT_EXHAUSTED;
    };
  }

  /** The same steps, each naming its fixers' addresses where the caller may see them. */
  public Resolution naming(Contacts contacts) {
    return new Resolution(
        cause, steps.stream().map(s -> s.withContacts(contacts.of(s.who()))).toList());
  }
}
