package dev.agentcredits.application.service.billing;

import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.RefundPurchaseCommand;
import dev.agentcredits.application.port.in.RefundPurchaseUseCase;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.view.PurchaseHistoryView;
import dev.agentcredits.application.port.out.PaymentGateway;
import dev.agentcredits.application.port.out.PaymentGateway.RefundResult;
import dev.agentcredits.application.port.out.PurchaseStore;
import dev.agentcredits.application.port.out.ResourceUnavailableException;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.access.Access;
import dev.agentcredits.application.service.shared.Guard;
import dev.agentcredits.application.service.shared.PoolBook;
import dev.agentcredits.application.service.shared.PoolChanges;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.principal.PoolIds;
import dev.agentcredits.domain.purchase.Purchase;
import dev.agentcredits.domain.purchase.PurchaseState;
import dev.agentcredits.domain.team.Member;
import dev.agentcredits.domain.team.Team;

/**
 * DOMAIN.md rule 20. Unlike a purchase, the provider is called with the pool locked: the lot must
 * stay untouched until its money is back, and a refund is a rare owner's action. If the provider
 * refunded but this transaction then fails, its {@code charge.refunded} webhook takes the lot out.
 */
public final class RefundPurchaseService implements RefundPurchaseUseCase {
  private final Access access;
  private final PoolBook book;
  private final PurchaseStore purchases;
  private final TransactionRunner tx;
  private final PaymentGateway gateway;
  private final LotWithdrawal withdrawal;

  public RefundPurchaseService(
      Access access,
      PoolBook book,
      PurchaseStore purchases,
      TransactionRunner tx,
      PaymentGateway gateway,
      LotWithdrawal withdrawal) {
    this.access = access;
    this.book = book;
    this.purchases = purchases;
    this.tx = tx;
    this.gateway = gateway;
    this.withdrawal = withdrawal;
  }

  @Override
  public Outcome<PurchaseHistoryView> refund(RefundPurchaseCommand command) {
    return Guard.outcome(() -> Outcome.ok(tx.inTransaction(() -> refundLocked(command))));
  }

  private PurchaseHistoryView refundLocked(RefundPurchaseCommand command) {
    Team team = access.administeredTeam(command.caller(), command.pool().team());
    Member member = access.poolOwner(command.caller(), team, command.pool().member());
    Purchase purchase =
        purchases
            .lock(command.purchase())
            .filter(p -> p.pool().equals(PoolIds.forMember(member.id())))
            .orElseThrow(() -> Guard.refuse(Refusal.notFound("purchase " + command.purchase())));
    if (purchase.state() == PurchaseState.REFUNDED) {
      return PurchaseHistory.view(purchase, null);
    }
    if (purchase.state() != PurchaseState.SUCCEEDED) {
      throw Guard.refuse(
          Refusal.conflict(
              "only a paid purchase can be refunded; this one is " + purchase.state()));
    }
    PoolChanges changes = book.open();
    Pool pool = changes.lockCurrent(purchase.pool(), team.plan());
    if (!LotWithdrawal.untouched(pool, purchase)) {
      throw Guard.refuse(
          Refusal.conflict(
              "credits of this lot were used, are held by a run or expired; only an untouched lot"
                  + " can be refunded"));
    }
    return switch (gateway.refund(purchase)) {
      case RefundResult.Refunded r ->
          PurchaseHistory.view(withdrawal.refund(changes, pool, purchase), null);
      case RefundResult.Refused r ->
          throw Guard.refuse(new Refusal.PaymentFailed("the refund was refused: " + r.reason()));
      case RefundResult.Unknown r ->
          throw new ResourceUnavailableException(
              "the payment provider did not answer the refund (" + r.reason() + "); retry", null);
    };
  }
}
