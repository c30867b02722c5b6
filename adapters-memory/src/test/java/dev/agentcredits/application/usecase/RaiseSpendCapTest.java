package dev.agentcredits.application.usecase;

import static dev.agentcredits.application.usecase.BillingFixture.INTEGRATION;
import static dev.agentcredits.application.usecase.BillingFixture.OPERATOR;
import static dev.agentcredits.application.usecase.BillingFixture.ofType;
import static dev.agentcredits.application.usecase.BillingFixture.ok;
import static dev.agentcredits.application.usecase.BillingFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.RaiseSpendCapCommand;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.view.SpendCapView;
import dev.agentcredits.domain.event.EventData;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.shared.Money;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RaiseSpendCap: only the owner or an admin; lowering is allowed too (rule 7). */
class RaiseSpendCapTest extends UseCaseTest {

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "owner,       ok",
    "adam,        ok",
    "operator,    ok",
    "bob,         not_authorized",
    "team-key,    not_authorized",
    "integration, not_authorized",
    "outsider,    not_authorized",
  })
  void onlyTheOwnerOrAnAdminMayChangeTheCap(String who, String expected) {
    TestTeam team = billing.aBuildTeam().withAdmin("adam").withMember("bob").build();
    TestTeam outsiders = billing.aBuildTeam().build();
    Caller caller =
        switch (who) {
          case "team-key" -> team.teamKey();
          case "operator" -> OPERATOR;
          case "integration" -> INTEGRATION;
          case "outsider" -> outsiders.key("owner");
          default -> team.key(who);
        };

    Outcome<SpendCapView> outcome = setCap(team, caller, Money.dollars(500));

    if (expected.equals("ok")) {
      assertThat(ok(outcome).monthlyLimitCents()).isEqualTo(50_000);
      assertThat(cap(team)).isEqualTo(Money.dollars(500));
    } else {
      refused(outcome, Refusal.NotAuthorized.class);
      assertThat(cap(team)).isEqualTo(Money.dollars(200));
    }
  }

  @Test
  void theDefaultCapIsTwoHundredDollars() {
    TestTeam team = billing.aBuildTeam().build();

    assertThat(cap(team)).isEqualTo(Money.dollars(200));
  }

  @Test
  void loweringBelowTheMonthsSpendStopsPurchasesUntilARaise() {
    TestTeam team = billing.aBuildTeam().build();
    ok(team.buy(team.key("owner"), "owner", 3_000));

    SpendCapView lowered = ok(setCap(team, team.key("owner"), Money.dollars(20)));

    assertThat(lowered.monthlyLimitCents()).isEqualTo(2_000);
    assertThat(lowered.monthToDateSpendCents()).isEqualTo(5_000);
    refused(team.buy(team.key("owner"), "owner", 400), Refusal.BudgetExceeded.class);
    ok(setCap(team, team.key("owner"), Money.dollars(60)));
    ok(team.buy(team.key("owner"), "owner", 400));
  }

  @Test
  void aChangeIsPublished() {
    TestTeam team = billing.aBuildTeam().build();

    ok(setCap(team, team.key("owner"), Money.dollars(300)));

    assertThat(ofType(billing.takeEvents(), EventType.SPEND_CAP_CHANGED))
        .singleElement()
        .satisfies(e ->
            assertThat(e.data())
                .isEqualTo(
                    new EventData.SpendCapChanged(
                        Money.cents(20_000), Money.cents(30_000), Money.ZERO)));
  }

  @Test
  void aCapAboveTheCeilingIsRefused() {
    TestTeam team = billing.aBuildTeam().build();

    refused(
        setCap(team, team.key("owner"), Money.dollars(1_000_001)), Refusal.InvalidRequest.class);
    ok(setCap(team, team.key("owner"), Money.dollars(1_000_000)));
  }

  private Outcome<SpendCapView> setCap(TestTeam team, Caller caller, Money limit) {
    return billing
        .app
        .raiseSpendCap()
        .setMonthlyLimit(new RaiseSpendCapCommand(caller, team.id, limit));
  }

  private Money cap(TestTeam team) {
    return billing.stores().teams().find(team.id).orElseThrow().monthlySpendCap();
  }
}
