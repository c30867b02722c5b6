package dev.agentcredits.application.port.out.contract;

import dev.agentcredits.domain.principal.PoolIds;
import dev.agentcredits.domain.purchase.Purchase;
import dev.agentcredits.domain.purchase.PurchaseKind;
import dev.agentcredits.domain.purchase.PurchaseState;
import dev.agentcredits.domain.shared.Credits;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.PurchaseId;
import dev.agentcredits.domain.team.Team;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;

/** {@code aPendingPurchase(team).createdAt(t).build()}: 400 credits for $10, the owner's pool. */
public final class PurchaseBuilder {
  private final Team team;
  private PurchaseState state = PurchaseState.PENDING;
  private PurchaseKind kind = PurchaseKind.MANUAL;
  private Instant createdAt = TestData.T0;

  private PurchaseBuilder(Team team) {
    this.team = team;
  }

  public static PurchaseBuilder aPendingPurchase(Team team) {
    return new PurchaseBuilder(team);
  }

  public PurchaseBuilder createdAt(Instant value) {
    createdAt = value;
    return this;
  }

  public PurchaseBuilder inState(PurchaseState value) {
    state = value;
    return this;
  }

  public PurchaseBuilder byAutoReload() {
    kind = PurchaseKind.AUTO_RELOAD;
    return this;
  }

  public Purchase build() {
    return new Purchase(
        new PurchaseId(TestData.unique("pur")),
        team.id(),
        PoolIds.forMember(team.owner()),
        Credits.of(400),
        Money.dollars(10),
        kind,
        state,
        kind == PurchaseKind.MANUAL ? team.owner() : null,
        YearMonth.of(2026, 3),
        createdAt,
        createdAt.plus(Duration.ofDays(365)));
  }
}
