package dev.agentcredits.application.service.billing;

import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.PurchaseAddOnCommand;
import dev.agentcredits.application.port.in.PurchaseAddOnUseCase;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.view.PurchaseView;
import dev.agentcredits.application.port.out.PaymentGateway;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.access.Access;
import dev.agentcredits.application.service.shared.Guard;
import dev.agentcredits.application.service.shared.PoolBook;
import dev.agentcredits.application.service.shared.PoolChanges;
import dev.agentcredits.application.service.shared.RequestKeys;
import dev.agentcredits.domain.principal.PoolIds;
import dev.agentcredits.domain.purchase.Purchase;
import dev.agentcredits.domain.purchase.PurchaseKind;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.spend.MonthlySpend;
import dev.agentcredits.domain.team.Member;
import dev.agentcredits.domain.team.Team;
import dev.agentcredits.domain.terms.AddOnPrice;
import dev.agentcredits.domain.terms.BillingTerms;
import java.time.Instant;

/** DOMAIN.md rule 8: a manual add-on purchase, within the spend cap, paid with no lock held. */
public final class PurchaseAddOnService implements PurchaseAddOnUseCase {
  private final Access access;
  private final PurchaseOrders orders;
  private final TransactionRunner tx;
  private final Purchasing purchasing;
  private final BillingTerms terms;
  private final PoolBook book;

  public PurchaseAddOnService(
      Access access,
      PurchaseOrders orders,
      TransactionRunner tx,
      Purchasing purchasing,
      BillingTerms terms,
      PoolBook book) {
    this.access = access;
    this.orders = orders;
    this.tx = tx;
    this.purchasing = purchasing;
    this.terms = terms;
    this.book = book;
  }

  @Override
  public Outcome<PurchaseView> purchase(PurchaseAddOnCommand command) {
    return Guard.outcome(() -> {
      Reserved reserved = tx.inTransaction(() -> reserve(command));
      Purchase purchase = reserved.purchase();
      String declined = "the payment of " + purchase.price() + " was declined; nothing was bought";
      if (reserved.fresh()) {
        Purchasing.Paid paid = purchasing.pay(purchase);
        purchase = paid.purchase();
        if (paid.answer() instanceof PaymentGateway.PaymentResult.Declined d
            && d.reason() != null) {
          declined = d.reason() + "; nothing was bought";
        }
      }
      return switch (purchase.state()) {
        case SUCCEEDED, PENDING, REFUNDED, DISPUTED -> Outcome.ok(view(purchase));
        case DECLINED -> Outcome.refused(new Refusal.PaymentFailed(declined));
      };
    });
  }

  /**
   * Checks the request and reserves its price under the cap; answers an earlier purchase under the
   * same key.
   */
  private record Reserved(Purchase purchase, boolean fresh) {}

  private Reserved reserve(PurchaseAddOnCommand command) {
    Team team = access.teamOf(command.caller(), command.pool().team());
    Member member = access.poolOwner(command.caller(), team, command.pool().member());
    if (!team.plan().allowsAddOns()) {
      throw Guard.refuse(
          Refusal.featureNotAvailable("the " + team.plan() + " plan cannot buy add-on credits"));
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
    PoolChanges changes = book.open();
    Instant now = changes.now();
    // The month's spend row is the team's purchase lock: a concurrent request under the same key
    // waits here, then finds the first one's purchase below.
    MonthlySpend spend = orders.lockMonth(team.id(), now);
    String requestKey = RequestKeys.scoped(command.caller(), command.requestKey());
    if (requestKey != null) {
      var earlier = orders.placedUnder(team.id(), requestKey);
      if (earlier.isPresent()) {
        if (!earlier.get().pool().equals(PoolIds.forMember(member.id()))
            || !earlier.get().credits().equals(price.credits())) {
          throw Guard.refuse(
              Refusal.conflict("the idempotency key was used for a different request"));
        }
        return new Reserved(earlier.get(), false);
      }
    }
    Money cap = orders.capAsLocked(team);
    if (!spend.allows(price.price(), cap)) {
      throw Guard.refuse(
          new Refusal.BudgetExceeded(
              "buying %s for %s would take this month's add-on spend to %s, over the team's cap of %s"
                  .formatted(
                      price.credits(), price.price(), spend.spent().plus(price.price()), cap),
              cap,
              spend.spent(),
              price.price()));
    }
    var order =
        new PurchaseOrders.Order(
            PoolIds.forMember(member.id()),
            price,
            PurchaseKind.MANUAL,
            memberOf(command),
            requestKey);
    Purchase placed = orders.place(spend, cap, order, changes);
    changes.flush();
    return new Reserved(placed, true);
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
        purchase.expiresAt(),
        purchase.state().name());
  }
}
