package dev.agentcredits.application.usecase;

import static dev.agentcredits.application.usecase.BillingFixture.ofType;
import static dev.agentcredits.application.usecase.BillingFixture.ok;
import static dev.agentcredits.application.usecase.BillingFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.in.RaiseSpendCapCommand;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.event.EventData;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.purchase.PurchaseKind;
import dev.agentcredits.domain.refusal.AutoReloadState;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.spend.MonthlySpend;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Auto-reload: when it buys, and its guardrails (rules 6 and 17). */
class AutoReloadTest extends UseCaseTest {

  @Test
  void aHoldThatLeavesThePoolAtTheThresholdBuysTheDenomination() {
    TestTeam team =
        billing.aBuildTeam().withCreditsLeft("owner", 120).withAutoReload("owner", 400).build();

    RunView run = ok(team.submitAs("owner"));

    assertThat(run.state()).isEqualTo("QUEUED");
    var pool = team.poolView("owner");
    assertThat(pool.addonCredits()).isEqualTo(400);
    assertThat(pool.availableCredits()).isEqualTo(500);
    assertThat(spent(team)).isEqualTo(1_000);
    List<DomainEvent> events = billing.takeEvents();
    assertThat(ofType(events, EventType.CREDITS_LOW)).hasSize(1);
    assertThat(ofType(events, EventType.ADD_ON_PURCHASED))
        .singleElement()
        .satisfies(e ->
            assertThat(((EventData.AddOnPurchased) e.data()).kind())
                .isEqualTo(PurchaseKind.AUTO_RELOAD));
  }

  @Test
  void aHoldJustAboveTheThresholdBuysNothing() {
    TestTeam team =
        billing.aBuildTeam().withCreditsLeft("owner", 121).withAutoReload("owner", 400).build();

    ok(team.submitAs("owner"));

    assertThat(team.poolView("owner").addonCredits()).isZero();
    assertThat(spent(team)).isZero();
  }

  @Test
  void aHoldThePoolCannotFundIsFundedByAReload() {
    TestTeam team =
        billing.aBuildTeam().withCreditsLeft("owner", 5).withAutoReload("owner", 1_000).build();

    RunView run = ok(team.submitWithTeamKey());

    assertThat(run.heldCredits()).isEqualTo(20);
    assertThat(team.available("owner")).isEqualTo(985);
    assertThat(spent(team)).isEqualTo(2_000);
  }

  @Test
  void usageThatRunsThePoolDryIsCoveredByAReloadAndTheRunGoesOn() {
    TestTeam team =
        billing.aBuildTeam().withCreditsLeft("owner", 300).withAutoReload("owner", 400, 10).build();
    RunView run = ok(team.submitAs("owner"));

    RunView charged = ok(billing.usage(run, "u-1", 500));

    assertThat(charged.state()).isEqualTo("QUEUED");
    assertThat(charged.chargedCredits()).isEqualTo(500);
    var pool = team.poolView("owner");
    assertThat(pool.arrearsCredits()).isZero();
    assertThat(pool.availableCredits()).isEqualTo(200);
  }

  @Test
  void aReloadStopsAtTheCapAndSaysWhy() {
    TestTeam team =
        billing
            .aBuildTeam()
            .withCreditsLeft("owner", 0)
            .withAutoReload("owner", 400)
            .withSpendCap(Money.dollars(10))
            .build();
    RunView first = ok(team.submitAs("owner"));
    ok(billing.usage(first, "u-1", 400));
    ok(billing.complete(first));
    assertThat(team.available("owner")).isZero();
    billing.takeEvents();

    refused(team.submitAs("owner"), Refusal.InsufficientCredits.class);

    assertThat(spent(team)).isEqualTo(1_000);
    assertThat(ofType(billing.takeEvents(), EventType.AUTO_RELOAD_FAILED))
        .singleElement()
        .satisfies(e ->
            assertThat(((EventData.AutoReloadFailed) e.data()).reasonCode())
                .isEqualTo("spend_cap_reached"));
  }

  @Test
  void raisingTheCapMakesTheNextSubmissionSucceedAtOnce() {
    TestTeam team =
        billing
            .aBuildTeam()
            .withCreditsLeft("owner", 0)
            .withAutoReload("owner", 400)
            .withSpendCap(Money.ZERO)
            .build();
    refused(team.submitAs("owner"), Refusal.InsufficientCredits.class);

    ok(
        billing
            .app
            .raiseSpendCap()
            .setMonthlyLimit(
                new RaiseSpendCapCommand(team.key("owner"), team.id, Money.dollars(10))));
    RunView run = ok(team.submitAs("owner"));

    assertThat(run.state()).isEqualTo("QUEUED");
    assertThat(spent(team)).isEqualTo(1_000);
  }

  @Test
  void aDeclinedPaymentTurnsAutoReloadOffAndIsReported() {
    TestTeam team =
        billing.aBuildTeam().withCreditsLeft("owner", 0).withAutoReload("owner", 400).build();
    billing.gateway.setDeclined(team.id, true);

    refused(team.submitAs("owner"), Refusal.InsufficientCredits.class);

    var reload = team.poolView("owner").autoReload();
    assertThat(reload.enabled()).isFalse();
    assertThat(reload.turnedOffBy()).isEqualTo("payment_declined");
    assertThat(spent(team)).as("a declined payment buys nothing").isZero();
    assertThat(ofType(billing.takeEvents(), EventType.AUTO_RELOAD_FAILED))
        .singleElement()
        .satisfies(e ->
            assertThat(((EventData.AutoReloadFailed) e.data()).reasonCode())
                .isEqualTo("payment_declined"));

    billing.gateway.setDeclined(team.id, false);
    var again = refused(team.submitAs("owner"), Refusal.InsufficientCredits.class);
    assertThat(again.why().autoReload()).isEqualTo(AutoReloadState.PAYMENT_DECLINED);
    assertThat(spent(team)).as("off until someone turns it on again").isZero();

    team.enableAutoReload("owner", 400, 100);
    ok(team.submitAs("owner"));
  }

  @Test
  void autoReloadIsAPerPoolSetting() {
    TestTeam team =
        billing
            .aBuildTeam()
            .withMember("bob")
            .withCreditsLeft("owner", 0)
            .withCreditsLeft("bob", 0)
            .withAutoReload("owner", 400)
            .build();

    refused(team.submitAs("bob"), Refusal.InsufficientCredits.class);
    ok(team.submitWithTeamKey());

    assertThat(team.poolView("bob").addonCredits()).isZero();
    assertThat(team.poolView("owner").addonCredits()).isEqualTo(400);
  }

  @Test
  void manualAndAutomaticPurchasesShareTheCap() {
    TestTeam team =
        billing
            .aBuildTeam()
            .withCreditsLeft("owner", 0)
            .withAutoReload("owner", 400)
            .withSpendCap(Money.dollars(30))
            .build();
    ok(team.buy(team.key("owner"), "owner", 1_000));

    team.spendDownTo("owner", 0);
    assertThat(spent(team)).as("$20 by hand, then one $10 reload").isEqualTo(3_000);
    assertThat(team.available("owner")).isEqualTo(400);
    team.spendDownTo("owner", 0);

    refused(team.submitAs("owner"), Refusal.InsufficientCredits.class);
    assertThat(spent(team)).isEqualTo(3_000);
  }

  @Test
  void aHoldNeedingSeveralReloadsIsFundedWhileTheCapAllows() {
    // 3,000 credits of arrears: eight 400-credit reloads ($80 of a $200 cap) pay them and the hold.
    TestTeam team = billing.aBuildTeam().withCreditsLeft("owner", 20).build();
    RunView dry = ok(team.submitAs("owner"));
    ok(billing.usage(dry, "u-1", 3_020));
    assertThat(team.poolView("owner").arrearsCredits()).isEqualTo(3_000);
    team.enableAutoReload("owner", 400, 100);

    RunView run = ok(team.submitAs("owner"));

    assertThat(run.state()).isEqualTo("QUEUED");
    assertThat(spent(team)).isEqualTo(8_000);
  }

  private long spent(TestTeam team) {
    return billing
        .stores()
        .spend()
        .find(team.id, MonthlySpend.monthOf(billing.clock.instant()))
        .spent()
        .cents();
  }
}
