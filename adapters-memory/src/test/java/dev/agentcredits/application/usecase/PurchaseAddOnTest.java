package dev.agentcredits.application.usecase;

import static dev.agentcredits.application.usecase.BillingFixture.OPERATOR;
import static dev.agentcredits.application.usecase.BillingFixture.ofType;
import static dev.agentcredits.application.usecase.BillingFixture.ok;
import static dev.agentcredits.application.usecase.BillingFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.PoolRef;
import dev.agentcredits.application.port.in.PurchaseAddOnCommand;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.view.PurchaseView;
import dev.agentcredits.domain.event.EventData;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.purchase.PurchaseKind;
import dev.agentcredits.domain.shared.Credits;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.spend.MonthlySpend;
import dev.agentcredits.domain.team.Plan;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** PurchaseAddOn: who may buy for whom, the price list, the cap and the payment (rule 8). */
class PurchaseAddOnTest extends UseCaseTest {

  @ParameterizedTest(name = "{0} credits for {1} cents")
  @CsvSource({"400, 1000", "1000, 2000", "3000, 5000", "6500, 10000"})
  void buysALotThatExpiresTwelveMonthsLater(long credits, long cents) {
    TestTeam team = billing.aBuildTeam().build();

    PurchaseView bought = ok(team.buy(team.key("owner"), "owner", credits));

    assertThat(bought.credits()).isEqualTo(credits);
    assertThat(bought.priceCents()).isEqualTo(cents);
    assertThat(bought.expiresAt()).isEqualTo(Instant.parse("2026-01-10T00:00:00Z"));
    var pool = team.poolView("owner");
    assertThat(pool.addonCredits()).isEqualTo(credits);
    assertThat(pool.lots())
        .singleElement()
        .satisfies(l -> assertThat(l.kind()).isEqualTo("add_on"));
    assertThat(spent(team)).isEqualTo(cents);
    assertThat(ofType(billing.takeEvents(), EventType.ADD_ON_PURCHASED))
        .singleElement()
        .satisfies(e ->
            assertThat((EventData.AddOnPurchased) e.data())
                .satisfies(d -> {
                  assertThat(d.kind()).isEqualTo(PurchaseKind.MANUAL);
                  assertThat(d.credits().value()).isEqualTo(credits);
                  assertThat(d.price().cents()).isEqualTo(cents);
                }));
  }

  /** API.md: that member, the owner or an admin; the owner's pool included. */
  @ParameterizedTest(name = "{0} buys for {1}: {2}")
  @CsvSource({
    "bob,      bob,   ok",
    "bob,      carol, not_authorized",
    "bob,      owner, not_authorized",
    "bob,      adam,  not_authorized",
    "adam,     bob,   ok",
    "adam,     owner, ok",
    "adam,     adam,  ok",
    "owner,    bob,   ok",
    "owner,    adam,  ok",
    "owner,    owner, ok",
    "team-key, owner, not_authorized",
    "team-key, bob,   not_authorized",
    "operator, bob,   ok",
    "outsider, bob,   not_authorized",
  })
  void whoMayBuyForWhom(String buyer, String forMember, String expected) {
    TestTeam team =
        billing.aBuildTeam().withAdmin("adam").withMember("bob").withMember("carol").build();
    TestTeam outsiders = billing.aBuildTeam().build();
    Caller caller =
        switch (buyer) {
          case "team-key" -> team.teamKey();
          case "operator" -> OPERATOR;
          case "outsider" -> outsiders.key("owner");
          default -> team.key(buyer);
        };

    Outcome<PurchaseView> outcome = team.buy(caller, forMember, 400);

    if (expected.equals("ok")) {
      ok(outcome);
      assertThat(team.poolView(forMember).addonCredits()).isEqualTo(400);
    } else {
      refused(outcome, Refusal.NotAuthorized.class);
      assertThat(team.poolView(forMember).addonCredits()).isZero();
      assertThat(spent(team)).isZero();
    }
  }

  @Test
  void aMemberBuysForTheirOwnPoolThroughMe() {
    TestTeam team = billing.aBuildTeam().withMember("bob").build();

    ok(
        billing
            .app
            .purchaseAddOn()
            .purchase(
                new PurchaseAddOnCommand(
                    team.key("bob"), new PoolRef(team.id, null), Credits.of(400), null)));

    assertThat(team.poolView("bob").addonCredits()).isEqualTo(400);
  }

  @Test
  void enterpriseTeamsDoNotBuyAddOns() {
    TestTeam team = billing.anEnterpriseTeam().withGrant(100).build();

    refused(team.buy(team.key("owner"), "owner", 400), Refusal.FeatureNotAvailable.class);
  }

  @ParameterizedTest
  @EnumSource(
      value = Plan.class,
      names = {"PRO", "TURBO", "LIGHTSPEED"})
  void legacyPlansCannotBuyAddOns(Plan plan) {
    TestTeam team = billing.aTeam(plan).build();

    refused(team.buy(team.key("owner"), "owner", 400), Refusal.FeatureNotAvailable.class);
  }

  @Test
  void onlyTheListedDenominationsAreOnSale() {
    TestTeam team = billing.aBuildTeam().build();

    refused(team.buy(team.key("owner"), "owner", 500), Refusal.InvalidRequest.class);
  }

  @Test
  void aPurchaseThatWouldExceedTheCapIsRefusedAndBuysNothing() {
    TestTeam team = billing.aBuildTeam().withMember("bob").build();
    ok(team.buy(team.key("owner"), "owner", 6_500));
    ok(team.buy(team.key("bob"), "bob", 3_000));
    ok(team.buy(team.key("bob"), "bob", 1_000));
    ok(team.buy(team.key("bob"), "bob", 1_000));
    billing.takeEvents();

    var refusal = refused(team.buy(team.key("bob"), "bob", 1_000), Refusal.BudgetExceeded.class);

    assertThat(refusal.monthlyLimit()).isEqualTo(Money.cents(20_000));
    assertThat(refusal.monthToDateSpend()).isEqualTo(Money.cents(19_000));
    assertThat(refusal.price()).isEqualTo(Money.cents(2_000));
    assertThat(spent(team)).isEqualTo(19_000);
    assertThat(team.poolView("bob").addonCredits()).isEqualTo(5_000);
    assertThat(billing.takeEvents()).as("a refusal publishes nothing").isEmpty();
  }

  @Test
  void aPurchaseUpToTheCapExactlyGoesThrough() {
    TestTeam team = billing.aBuildTeam().withSpendCap(Money.dollars(30)).build();
    ok(team.buy(team.key("owner"), "owner", 1_000));

    ok(team.buy(team.key("owner"), "owner", 400));

    assertThat(spent(team)).isEqualTo(3_000);
    refused(team.buy(team.key("owner"), "owner", 400), Refusal.BudgetExceeded.class);
  }

  @Test
  void theMonthToDateSpendStartsAgainOnTheFirst() {
    TestTeam team = billing.aBuildTeam().withSpendCap(Money.dollars(10)).build();
    ok(team.buy(team.key("owner"), "owner", 400));
    refused(team.buy(team.key("owner"), "owner", 400), Refusal.BudgetExceeded.class);

    billing.advance(Duration.ofDays(22));

    ok(team.buy(team.key("owner"), "owner", 400));
  }

  @Test
  void aDeclinedPaymentBuysNothingAndGivesTheSpendBack() {
    TestTeam team = billing.aBuildTeam().build();
    billing.gateway.setDeclined(team.id, true);

    refused(team.buy(team.key("owner"), "owner", 400), Refusal.PaymentFailed.class);

    assertThat(team.poolView("owner").addonCredits()).isZero();
    assertThat(spent(team)).isZero();
    assertThat(ofType(billing.takeEvents(), EventType.ADD_ON_PURCHASED)).isEmpty();
    billing.gateway.setDeclined(team.id, false);
    ok(team.buy(team.key("owner"), "owner", 400));
  }

  @Test
  void theSameRequestKeyAnswersTheFirstPurchase() {
    TestTeam team = billing.aBuildTeam().build();
    PurchaseAddOnCommand command =
        new PurchaseAddOnCommand(team.key("owner"), team.pool("owner"), Credits.of(400), "k-1");

    PurchaseView first = ok(billing.app.purchaseAddOn().purchase(command));
    PurchaseView again = ok(billing.app.purchaseAddOn().purchase(command));

    assertThat(again).isEqualTo(first);
    assertThat(team.poolView("owner").addonCredits()).isEqualTo(400);
    assertThat(spent(team)).isEqualTo(1_000);
  }

  @Test
  void theSameRequestKeyWithAnotherRequestIsAConflict() {
    TestTeam team = billing.aBuildTeam().withMember("bob").build();
    ok(
        billing
            .app
            .purchaseAddOn()
            .purchase(
                new PurchaseAddOnCommand(
                    team.key("owner"), team.pool("owner"), Credits.of(400), "k-1")));

    refused(
        billing
            .app
            .purchaseAddOn()
            .purchase(
                new PurchaseAddOnCommand(
                    team.key("owner"), team.pool("bob"), Credits.of(6_500), "k-1")),
        Refusal.Conflict.class);
    assertThat(team.poolView("bob").addonCredits()).isZero();
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
