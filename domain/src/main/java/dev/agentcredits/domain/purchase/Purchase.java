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
    Instant expiresAt) {

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
        expiresAt);
  }
}
