package dev.agentcredits.domain.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcredits.domain.shared.Credits;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.PurchaseId;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;

class PurchaseTest {
  private static final Instant T0 = Instant.parse("2025-01-10T00:00:00Z");

  private static Purchase pending() {
    return new Purchase(
        new PurchaseId("pur-1"),
        new TeamId("team-1"),
        new PoolId("m:alice"),
        Credits.of(400),
        Money.dollars(10),
        PurchaseKind.AUTO_RELOAD,
        PurchaseState.PENDING,
        null,
        YearMonth.of(2025, 1),
        T0,
        T0.plusSeconds(86_400));
  }

  @Test
  void anAnswerChangesOnlyTheState() {
    Purchase done = pending().withState(PurchaseState.SUCCEEDED);

    assertThat(done.state()).isEqualTo(PurchaseState.SUCCEEDED);
    assertThat(done).usingRecursiveComparison().ignoringFields("state").isEqualTo(pending());
    assertThat(done.requestedBy()).isNull();
  }

  @Test
  void aPurchaseNeedsEverythingButWhoAskedForIt() {
    Purchase p = pending();
    assertThatThrownBy(() ->
            new Purchase(
                p.id(),
                p.team(),
                p.pool(),
                null,
                p.price(),
                p.kind(),
                p.state(),
                null,
                p.spendMonth(),
                p.createdAt(),
                p.expiresAt()))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() ->
            new Purchase(
                p.id(),
                p.team(),
                p.pool(),
                p.credits(),
                null,
                p.kind(),
                p.state(),
                null,
                p.spendMonth(),
                p.createdAt(),
                p.expiresAt()))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() ->
            new Purchase(
                p.id(),
                p.team(),
                p.pool(),
                p.credits(),
                p.price(),
                p.kind(),
                p.state(),
                null,
                null,
                p.createdAt(),
                p.expiresAt()))
        .isInstanceOf(NullPointerException.class);
  }
}
