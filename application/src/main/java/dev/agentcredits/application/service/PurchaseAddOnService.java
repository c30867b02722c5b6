package dev.agentcredits.application.service;

import dev.agentcredits.application.port.in.ErrorCode;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.PurchaseAddOnCommand;
import dev.agentcredits.application.port.in.PurchaseAddOnUseCase;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.view.PurchaseView;
import dev.agentcredits.application.port.out.SecretGenerator;
import dev.agentcredits.application.port.out.Stores;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.domain.principal.PoolIds;
import dev.agentcredits.domain.purchase.Purchase;
import dev.agentcredits.domain.purchase.PurchaseKind;
import dev.agentcredits.domain.purchase.PurchaseState;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.PurchaseId;
import dev.agentcredits.domain.spend.MonthlySpend;
import dev.agentcredits.domain.team.Member;
import dev.agentcredits.domain.team.Team;
import dev.agentcredits.domain.terms.AddOnPrice;
import dev.agentcredits.domain.terms.BillingTerms;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** DOMAIN.md rule 8: a manual add-on purchase, within the spend cap, paid with no lock held. */
public final class PurchaseAddOnService implements PurchaseAddOnUseCase {
  private final Stores stores;
  private final TransactionRunner tx;
  private final Purchasing purchasing;
  private final Access access;
  private final SecretGenerator ids;
  private final BillingTerms terms;
  private final Clock clock;

  PurchaseAddOnService(
      Stores stores,
      TransactionRunner tx,
      Purchasing purchasing,
      SecretGenerator ids,
      BillingTerms terms,
      Clock clock) {
    this.stores = stores;
    this.tx = tx;
    this.purchasing = purchasing;
    this.access = new Access(stores.teams());
    this.ids = ids;
    this.terms = terms;
    this.clock = clock;
  }

  @Override
  public Outcome<PurchaseView> purchase(PurchaseAddOnCommand command) {
    return Guard.outcome(() -> {
      Purchase purchase = tx.inTransaction(() -> reserve(command));
      if (purchase.state() == PurchaseState.PENDING) {
        purchase = purchasing.pay(purchase);
      }
      return switch (purchase.state()) {
        case SUCCEEDED -> Outcome.ok(view(purchase));
        case DECLINED ->
            Outcome.refused(
                Refusal.of(
                    ErrorCode.PAYMENT_FAILED,
                    "the payment of " + purchase.price() + " was declined; nothing was bought"));
        case PENDING ->
            Outcome.refused(Refusal.of(ErrorCode.CONFLICT, "the purchase is still being paid"));
      };
    });
  }

  /**
   * Checks the request and reserves its price under the cap; answers an earlier purchase under the
   * same key.
   */
  private Purchase reserve(PurchaseAddOnCommand command) {
    Team team = access.teamOf(command.caller(), command.pool().team());
    Member member = access.poolOwner(command.caller(), team, command.pool().member());
    if (!team.plan().allowsAddOns()) {
      throw Guard.refuse(
          Refusal.of(
              ErrorCode.FEATURE_NOT_AVAILABLE,
              "the " + team.plan() + " plan cannot buy add-on credits"));
    }
    AddOnPrice price =
        terms
            .priceList()
            .forDenomination(command.denomination())
            .orElseThrow(() ->
                Guard.refuse(
                    Refusal.invalid(
                        "denomination_credits must be one of "
                            + terms.priceList().denominations())));
    Instant now = clock.instant();
    // The month's spend row is the team's purchase lock: a concurrent request under the same key
    // waits here, then finds the first one's purchase below.
    MonthlySpend spend = stores.spend().lock(team.id(), MonthlySpend.monthOf(now));
    String requestKey = RequestKeys.scoped(command.caller(), command.requestKey());
    if (requestKey != null) {
      var earlier = stores.purchases().findByRequestKey(team.id(), requestKey);
      if (earlier.isPresent()) {
        if (!earlier.get().pool().equals(PoolIds.forMember(member.id()))
            || !earlier.get().credits().equals(price.credits())) {
          throw Guard.refuse(
              Refusal.of(
                  ErrorCode.CONFLICT, "the idempotency key was used for a different request"));
        }
        return earlier.get();
      }
    }
    Money cap = SpendCaps.asLocked(stores, team);
    if (!spend.allows(price.price(), cap)) {
      throw Guard.refuse(
          new Refusal(
              ErrorCode.BUDGET_EXCEEDED,
              "buying %s for %s would take this month's add-on spend to %s, over the team's cap of %s"
                  .formatted(
                      price.credits(), price.price(), spend.spent().plus(price.price()), cap),
              Map.of(
                  "monthly_limit_cents", cap.cents(),
                  "month_to_date_spend_cents", spend.spent().cents(),
                  "price_cents", price.price().cents())));
    }
    Purchase purchase =
        new Purchase(
            new PurchaseId(ids.newId("pur")),
            team.id(),
            PoolIds.forMember(member.id()),
            price.credits(),
            price.price(),
            PurchaseKind.MANUAL,
            PurchaseState.PENDING,
            memberOf(command),
            spend.month(),
            now,
            terms.lotExpiry(now));
    stores.purchases().insert(purchase, requestKey);
    stores.spend().update(spend.plus(price.price()));
    return purchase;
  }

  private static dev.agentcredits.domain.shared.MemberId memberOf(PurchaseAddOnCommand command) {
    return command.caller() instanceof dev.agentcredits.application.port.in.Caller.MemberKey m
        ? m.member()
        : null;
  }

  private static PurchaseView view(Purchase purchase) {
    return new PurchaseView(
        purchase.id().value(),
        purchase.credits().value(),
        purchase.price().cents(),
        purchase.expiresAt());
  }
}
