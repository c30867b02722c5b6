package dev.agentcredits.application.service.billing;

import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.PoolRef;
import dev.agentcredits.application.port.in.PurchaseHistoryQuery;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.view.PurchaseHistoryView;
import dev.agentcredits.application.port.in.view.PurchasePageView;
import dev.agentcredits.application.port.out.PurchaseStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.access.Access;
import dev.agentcredits.application.service.shared.Guard;
import dev.agentcredits.application.service.shared.PoolBook;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.principal.PoolIds;
import dev.agentcredits.domain.purchase.Purchase;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.PurchaseId;
import dev.agentcredits.domain.team.Member;
import dev.agentcredits.domain.team.Team;
import java.util.List;

/** A member pool's add-on purchases, manual and auto-reload, newest first. */
public final class PurchaseHistoryService implements PurchaseHistoryQuery {
  static final int MAX_LIMIT = 200;
  private static final String CURSOR = "cursor must be a next_cursor from an earlier page";

  private final Access access;
  private final PoolBook book;
  private final PurchaseStore purchases;
  private final TransactionRunner tx;

  public PurchaseHistoryService(
      Access access, PoolBook book, PurchaseStore purchases, TransactionRunner tx) {
    this.access = access;
    this.book = book;
    this.purchases = purchases;
    this.tx = tx;
  }

  @Override
  public Outcome<PurchasePageView> purchases(Caller caller, PoolRef ref, int limit, String cursor) {
    return Guard.outcome(() -> {
      if (limit < 1 || limit > MAX_LIMIT) {
        throw Guard.refuse(Refusal.invalid("limit must be a whole number from 1 to " + MAX_LIMIT));
      }
      PurchaseId after = cursor == null ? null : parseCursor(cursor);
      return Outcome.ok(tx.inTransaction(() -> page(caller, ref, limit, after)));
    });
  }

  private PurchasePageView page(Caller caller, PoolRef ref, int limit, PurchaseId after) {
    Team team = access.teamOf(caller, ref.team());
    Member member = access.poolOwner(caller, team, ref.member());
    PoolId poolId = PoolIds.forMember(member.id());
    List<Purchase> found = purchases.listForPool(poolId, after, limit + 1);
    if (after != null && found.isEmpty()) {
      // a next_cursor is only handed out when a purchase follows it, and purchases are never
      // deleted: an empty page after a cursor means the cursor was not one of this pool's
      throw Guard.refuse(Refusal.invalid(CURSOR));
    }
    Pool pool = book.find(poolId).map(p -> book.asOfNow(p, team.plan())).orElse(null);
    List<PurchaseHistoryView> shown =
        found.stream().limit(limit).map(p -> PurchaseHistory.view(p, pool)).toList();
    String next = found.size() > limit ? shown.get(limit - 1).purchaseId() : null;
    return new PurchasePageView(shown, next);
  }

  private static PurchaseId parseCursor(String cursor) {
    try {
      return new PurchaseId(cursor);
    } catch (IllegalArgumentException e) {
      throw Guard.refuse(Refusal.invalid(CURSOR));
    }
  }
}
