package dev.agentcredits.application.usecase;

import static dev.agentcredits.application.usecase.BillingFixture.ok;
import static dev.agentcredits.application.usecase.BillingFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.MemberCommand;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.PurchaseAddOnCommand;
import dev.agentcredits.application.port.in.PurchaseAddOnUseCase;
import dev.agentcredits.application.port.in.RaiseSpendCapCommand;
import dev.agentcredits.application.port.in.RaiseSpendCapUseCase;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.view.PurchaseView;
import dev.agentcredits.application.port.in.view.SpendCapView;
import dev.agentcredits.application.port.out.IdempotencyStore;
import dev.agentcredits.application.port.out.ResourceUnavailableException;
import dev.agentcredits.application.service.idempotency.Idempotency;
import dev.agentcredits.application.service.idempotency.IdempotentPurchases;
import dev.agentcredits.application.service.idempotency.IdempotentSpendCap;
import dev.agentcredits.domain.shared.Credits;
import dev.agentcredits.domain.shared.Money;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * DOMAIN.md rule 18 as the idempotency decorators apply it to purchases and cap changes: the same
 * key and request replay the first outcome; another request under the key, or the same one while
 * the first runs, is a conflict; keys belong to their caller and are kept at least 24 h.
 */
class IdempotencyTest extends UseCaseTest {
  private final PurchaseAddOnUseCase purchases =
      new IdempotentPurchases(billing.app.purchaseAddOn(), billing.app.idempotency());
  private final TestTeam team = billing.aBuildTeam().withMember("bob").build();

  private Outcome<PurchaseView> buy(Caller buyer, long credits, String key) {
    return purchases.purchase(
        new PurchaseAddOnCommand(buyer, team.pool("bob"), Credits.of(credits), key));
  }

  @Test
  void theSameRequestUnderItsKeyReplaysTheFirstOutcomeAndBuysOnce() {
    Outcome<PurchaseView> first = buy(team.key("bob"), 400, "k");
    Outcome<PurchaseView> again = buy(team.key("bob"), 400, "k");

    assertThat(first.replayed()).isFalse();
    assertThat(again.replayed()).isTrue();
    assertThat(ok(again)).isEqualTo(ok(first));
    assertThat(team.poolView("bob").addonCredits()).isEqualTo(400);
  }

  @Test
  void anotherRequestUnderAUsedKeyIsAConflictAndChangesNothing() {
    ok(buy(team.key("bob"), 400, "k"));

    refused(buy(team.key("bob"), 1_000, "k"), Refusal.Conflict.class);
    assertThat(team.poolView("bob").addonCredits()).isEqualTo(400);
  }

  @Test
  void aRefusalThatBoughtNothingLeavesTheKeyFreeForACorrectedRetry() {
    refused(buy(team.key("bob"), 500, "k"), Refusal.InvalidRequest.class);

    Outcome<PurchaseView> corrected = buy(team.key("bob"), 400, "k");

    assertThat(corrected.replayed()).isFalse();
    assertThat(ok(corrected).credits()).isEqualTo(400);
  }

  @Test
  void aDeclinedPaymentIsKeptSinceThePurchaseExistsDeclined() {
    billing.gateway.setDeclined(team.id, true);
    refused(buy(team.key("bob"), 400, "k"), Refusal.PaymentFailed.class);
    billing.gateway.setDeclined(team.id, false);

    Outcome<PurchaseView> again = buy(team.key("bob"), 400, "k");

    assertThat(again.replayed()).isTrue();
    refused(again, Refusal.PaymentFailed.class);
    assertThat(team.poolView("bob").addonCredits()).isZero();
  }

  @Test
  void keysBelongToTheirCallerWhicheverOfTheirKeysTheyUse() {
    ok(buy(team.key("bob"), 400, "k"));
    ok(buy(team.key("owner"), 400, "k"));
    Caller bobRotated =
        billing.authenticate(
            ok(billing
                    .app
                    .rotateMemberKey()
                    .rotate(new MemberCommand(team.key("owner"), team.id, team.memberId("bob"))))
                .apiKey());

    assertThat(buy(bobRotated, 400, "k").replayed()).isTrue();
    assertThat(team.poolView("bob").addonCredits()).isEqualTo(800);
  }

  @Test
  void theSameRequestWhileTheFirstIsRunningIsInFlight() {
    AtomicReference<Outcome<SpendCapView>> meanwhile = new AtomicReference<>();
    AtomicReference<RaiseSpendCapUseCase> caps = new AtomicReference<>();
    caps.set(
        new IdempotentSpendCap(
            command -> {
              meanwhile.set(caps.get().setMonthlyLimit(command));
              return billing.app.raiseSpendCap().setMonthlyLimit(command);
            },
            billing.app.idempotency()));
    var command = new RaiseSpendCapCommand(team.key("owner"), team.id, Money.cents(30_000), "c");

    Outcome<SpendCapView> first = caps.get().setMonthlyLimit(command);

    refused(meanwhile.get(), Refusal.InFlight.class);
    assertThat(ok(first).monthlyLimitCents()).isEqualTo(30_000);
    assertThat(caps.get().setMonthlyLimit(command).replayed()).isTrue();
  }

  @Test
  void aClaimLeftByACrashedInstanceIsTakenOverOnceAbandoned() {
    var crashed =
        new Idempotency(
            failing(billing.stores().idempotency()), billing.transactions, billing.clock);
    var caps = new IdempotentSpendCap(billing.app.raiseSpendCap(), crashed);
    var command = new RaiseSpendCapCommand(team.key("owner"), team.id, Money.cents(30_000), "c");
    assertThat(caps.setMonthlyLimit(command).replayed()).isFalse();
    var other = new IdempotentSpendCap(billing.app.raiseSpendCap(), billing.app.idempotency());

    refused(other.setMonthlyLimit(command), Refusal.InFlight.class);
    billing.advance(IdempotencyStore.ABANDONED_AFTER);

    assertThat(ok(other.setMonthlyLimit(command)).monthlyLimitCents()).isEqualTo(30_000);
  }

  @Test
  void anOutcomeTheStoreFailedToKeepIsAnsweredAndKeptBeforeThisInstanceClaimsTheKeyAgain() {
    var instance =
        new Idempotency(
            failing(billing.stores().idempotency()), billing.transactions, billing.clock);
    AtomicInteger runs = new AtomicInteger();
    var caps =
        new IdempotentSpendCap(
            command -> {
              runs.incrementAndGet();
              return billing.app.raiseSpendCap().setMonthlyLimit(command);
            },
            instance);
    var command = new RaiseSpendCapCommand(team.key("owner"), team.id, Money.cents(30_000), "c");

    Outcome<SpendCapView> first = caps.setMonthlyLimit(command);
    Outcome<SpendCapView> again = caps.setMonthlyLimit(command);

    assertThat(ok(first).monthlyLimitCents()).isEqualTo(30_000);
    assertThat(again.replayed()).isTrue();
    assertThat(runs).hasValue(1);
  }

  @Test
  void aFailedUseCaseGivesItsKeyUpSoTheRetryRuns() {
    AtomicInteger calls = new AtomicInteger();
    var caps =
        new IdempotentSpendCap(
            command -> {
              if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("boom");
              }
              return billing.app.raiseSpendCap().setMonthlyLimit(command);
            },
            billing.app.idempotency());
    var command = new RaiseSpendCapCommand(team.key("owner"), team.id, Money.cents(30_000), "c");

    assertThatThrownBy(() -> caps.setMonthlyLimit(command)).hasMessage("boom");

    assertThat(caps.setMonthlyLimit(command).replayed()).isFalse();
  }

  @Test
  void aUseCaseFailingForAStoreDownOwesItsKeyInsteadOfWaitingForTheStoreAgain() {
    var down = new ResourceUnavailableException("db down", null);
    AtomicInteger calls = new AtomicInteger();
    var caps =
        new IdempotentSpendCap(
            command -> {
              if (calls.incrementAndGet() == 1) {
                throw down;
              }
              return billing.app.raiseSpendCap().setMonthlyLimit(command);
            },
            billing.app.idempotency());
    var command = new RaiseSpendCapCommand(team.key("owner"), team.id, Money.cents(30_000), "c");

    assertThatThrownBy(() -> caps.setMonthlyLimit(command)).isSameAs(down);

    assertThat(ok(caps.setMonthlyLimit(command)).monthlyLimitCents()).isEqualTo(30_000);
  }

  @Test
  void withoutAKeyEveryRequestRuns() {
    ok(buy(team.key("bob"), 400, null));
    ok(buy(team.key("bob"), 400, null));

    assertThat(team.poolView("bob").addonCredits()).isEqualTo(800);
  }

  @Test
  void keysAreKeptAtLeastTwentyFourHours() {
    ok(buy(team.key("bob"), 400, "k"));

    billing.advance(Duration.ofHours(24));
    billing.app.timeKeeping().runDueWork();
    assertThat(buy(team.key("bob"), 400, "k").replayed()).isTrue();

    billing.advance(Duration.ofHours(25));
    assertThat(billing.app.timeKeeping().runDueWork().keysPurged()).isEqualTo(1);
    // The purchase still carries its key: bought again under it, it is answered, not bought twice.
    ok(buy(team.key("bob"), 400, "k"));
    assertThat(team.poolView("bob").addonCredits()).isEqualTo(400);
  }

  /** The store as an instance sees it whose next attempt to keep an outcome fails. */
  private static IdempotencyStore failing(IdempotencyStore store) {
    return new FailingIdempotencyStore(store, 1);
  }
}
