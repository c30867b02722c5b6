package dev.agentcredits.domain.purchase;

import dev.agentcredits.domain.shared.Credits;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.PurchaseId;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Objects;

/**
 * One add-on purchase, manual or by auto-reload. Its spend counts against {@code spendMonth} from
 * the moment it is PENDING, so two purchases can never both squeeze under the cap.
 *
 * @param requestedBy the member who bought it; absent for auto-reload and the operator
 * @param paymentReference the provider's id of the payment (a PaymentIntent id); absent until known
 * @param refundedAt when the lot was refunded or frozen by a dispute; absent before
 */
public record Purchase(
    PurchaseId id,
    TeamId team,
    PoolId pool,
    Credits credits,
    Money price,
    PurchaseKind kind,
    PurchaseState state,
    MemberId requestedBy,
    YearMonth spendMonth,
    Instant createdAt,
    Instant expiresAt,
    String paymentReference,
    Instant refundedAt) {

  public Purchase {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(credits, "credits");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(spendMonth, "spendMonth");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
  }

  /** A purchase not yet sent to the provider. */
  public Purchase(
      PurchaseId id,
      TeamId team,
      PoolId pool,
      Credits credits,
      Money price,
      PurchaseKind kind,
      PurchaseState state,
      MemberId requestedBy,
      YearMonth spendMonth,
      Instant createdAt,
      Instant expiresAt) {
    this(
        id,
        team,
        pool,
        credits,
        price,
        kind,
        state,
        requestedBy,
        spendMonth,
        createdAt,
        expiresAt,
        null,
        null);
  }

  public Purchase withState(PurchaseState newState) {
    return new Purchase(
        id,
        team,
        pool,
        credits,
        price,
        kind,
        newState,
        requestedBy,
        spendMonth,
        createdAt,
        expiresAt,
        paymentReference,
        refundedAt);
  }

  /** The provider's payment id, once known; an id already known is kept. */
  public Purchase withPaymentReference(String reference) {
    if (reference == null || paymentReference != null) {
      return this;
    }
    return new Purchase(
        id,
        team,
        pool,
        credits,
        price,
        kind,
        state,
        requestedBy,
        spendMonth,
        createdAt,
        expiresAt,
        reference,
        refundedAt);
  }

  /** The lot left the pool at {@code at}: refunded, or frozen by a dispute. */
  public Purchase withdrawn(PurchaseState newState, Instant at) {
    if (newState != PurchaseState.REFUNDED && newState != PurchaseState.DISPUTED) {
      throw new IllegalArgumentException("a lot is withdrawn by a refund or a dispute");
    }
    return new Purchase(
        id,
        team,
        pool,
        credits,
        price,
        kind,
        newState,
        requestedBy,
        spendMonth,
        createdAt,
        expiresAt,
        paymentReference,
        at);
  }
}
