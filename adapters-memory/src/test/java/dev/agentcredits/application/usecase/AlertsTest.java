package dev.agentcredits.application.usecase;

import static dev.agentcredits.application.usecase.BillingFixture.OPERATOR;
import static dev.agentcredits.application.usecase.BillingFixture.ok;
import static dev.agentcredits.application.usecase.BillingFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.view.AlertView;
import dev.agentcredits.domain.shared.Money;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * API.md {@code GET /teams/{team_id}/alerts}: what is in force now, from the state as it stands,
 * for whom (DOMAIN.md rule 25).
 */
class AlertsTest extends UseCaseTest {

  @Test
  void aTeamWithCreditsAndRoomUnderItsCapHasNoAlert() {
    TestTeam team = billing.aBuildTeam().withMember("bob").build();

    assertThat(alerts(team, team.key("owner"))).isEmpty();
    assertThat(alerts(team, team.key("bob"))).isEmpty();
  }

  @Test
  void theCapFromEightyPercentWithItsFiguresAndWhenItWasReached() {
    TestTeam team = billing.aBuildTeam().withMember("bob").build();
    ok(team.buy(team.key("owner"), "owner", 6_500)); // $100: 50 %, not yet an alert
    assertThat(alerts(team, team.key("owner"))).isEmpty();
    billing.advance(Duration.ofHours(1));
    Instant reached = billing.clock.instant();
    ok(team.buy(team.key("owner"), "owner", 6_500)); // $200: 100 %
    billing.advance(Duration.ofHours(2));

    AlertView cap = alerts(team, team.key("bob")).getFirst();

    assertThat(cap.type()).isEqualTo("spend_cap.threshold_reached");
    assertThat(cap.blocking()).isTrue();
    assertThat(cap.raisedAt()).isEqualTo(reached);
    assertThat(cap.action()).isEqualTo("raise_spend_cap");
    assertThat(cap.pool()).isNull();
    assertThat(cap.spendCap()).isEqualTo(new AlertView.SpendCap(100, 20_000, 20_000));
    assertThat(cap.detail())
        .contains("$200.00 spent of the $200.00 monthly spend cap", "owner or an admin");
  }

  @Test
  void theCapAlertGoesWhenTheCapIsRaised() {
    TestTeam team = billing.aBuildTeam().build();
    ok(team.buy(team.key("owner"), "owner", 6_500));
    ok(team.buy(team.key("owner"), "owner", 3_000)); // $150 of $200: 75 %
    ok(team.buy(team.key("owner"), "owner", 400)); // $160: 80 %
    assertThat(alerts(team, team.key("owner")))
        .singleElement()
        .satisfies(a -> {
          assertThat(a.spendCap().thresholdPercent()).isEqualTo(80);
          assertThat(a.blocking()).isFalse();
          assertThat(a.detail()).contains("at 80 % of the cap");
        });

    ok(
        billing
            .app
            .raiseSpendCap()
            .setMonthlyLimit(
                new dev.agentcredits.application.port.in.RaiseSpendCapCommand(
                    team.key("owner"), team.id, Money.dollars(1_000))));

    assertThat(alerts(team, team.key("owner"))).isEmpty();
  }

  @Test
  void aDeclinedReloadSaysWhosePoolAndToUpdateTheCard() {
    TestTeam team =
        billing
            .aBuildTeam()
            .withMember("bob")
            .withCreditsLeft("bob", 500)
            .withAutoReload("bob", 400)
            .build();
    billing.gateway.setDeclined(team.id, true);
    team.spendDownTo("bob", 0);
    Instant declined = billing.clock.instant();
    billing.gateway.setDeclined(team.id, false);
    billing.advance(Duration.ofMinutes(5));

    List<AlertView> seenByOwner = alerts(team, team.key("owner"));

    AlertView reload =
        seenByOwner.stream().filter(a -> a.type().equals("auto_reload.failed")).findFirst().get();
    assertThat(reload.blocking()).isTrue();
    assertThat(reload.action()).isEqualTo("update_card");
    assertThat(reload.raisedAt()).isEqualTo(declined);
    assertThat(reload.pool())
        .isEqualTo(
            new AlertView.Pool(
                team.poolId("bob").value(),
                "MEMBER",
                team.memberId("bob").value(),
                team.email("bob")));
    assertThat(reload.detail())
        .isEqualTo(
            "Auto-reload of the pool of "
                + team.email("bob")
                + " was turned off because the team's card was declined. The team owner or an"
                + " admin can update the card and turn auto-reload on again.");
  }

  @Test
  void aPoolAtOrBelowItsThresholdIsLowAndAtZeroDepleted() {
    TestTeam team = billing.aBuildTeam().withMember("bob").build();
    team.spendDownTo("bob", 60);
    Instant lastCharge = billing.clock.instant();
    billing.advance(Duration.ofHours(3));

    AlertView low = alerts(team, team.key("bob")).getFirst();

    assertThat(low.type()).isEqualTo("credits.low");
    assertThat(low.blocking()).isFalse();
    assertThat(low.raisedAt()).as("when its balance last changed").isEqualTo(lastCharge);
    assertThat(low.action()).isEqualTo("buy_add_on");
    assertThat(low.balance()).isEqualTo(new AlertView.Balance(60, 100, false));
    assertThat(low.detail())
        .isEqualTo(
            "The pool of "
                + team.email("bob")
                + " has 60 credits available, at or below its threshold of 100. Buy add-on"
                + " credits or turn auto-reload on.");

    team.spendDownTo("bob", 0);
    AlertView depleted = alerts(team, team.key("bob")).getFirst();
    assertThat(depleted.type()).isEqualTo("credits.depleted");
    assertThat(depleted.blocking()).isTrue();
  }

  @ParameterizedTest(name = "{0} sees {1}")
  @CsvSource({
    "owner,    owner bob carol",
    "adam,     owner bob carol",
    "operator, owner bob carol",
    "bob,      bob",
    "carol,    carol",
  })
  void aMemberSeesTheirOwnPoolsAlertsAndTheOwnerAndAdminsEveryones(String who, String pools) {
    TestTeam team =
        billing.aBuildTeam().withAdmin("adam").withMember("bob").withMember("carol").build();
    for (String member : List.of("owner", "bob", "carol")) {
      team.spendDownTo(member, 10);
    }
    Caller caller = who.equals("operator") ? OPERATOR : team.key(who);

    List<String> seen = alerts(team, caller).stream().map(a -> a.pool().email()).sorted().toList();

    assertThat(seen)
        .containsExactlyElementsOf(
            List.of(pools.split(" ")).stream().map(team::email).sorted().toList());
  }

  @Test
  void everyoneOfTheTeamSeesTheTeamsCapAlert() {
    TestTeam team = billing.aBuildTeam().withSpendCap(Money.dollars(10)).withMember("bob").build();
    ok(team.buy(team.key("owner"), "owner", 400));

    assertThat(alerts(team, team.key("bob")))
        .extracting(AlertView::type)
        .containsExactly("spend_cap.threshold_reached");
  }

  @Test
  void aTeamKeyAnIntegrationAndAnotherTeamAreNotShownAlerts() {
    TestTeam team = billing.aBuildTeam().build();
    TestTeam other = billing.aBuildTeam().build();

    refused(billing.app.alerts().alerts(team.teamKey(), team.id), Refusal.NotAuthorized.class);
    refused(
        billing.app.alerts().alerts(BillingFixture.INTEGRATION, team.id),
        Refusal.NotAuthorized.class);
    refused(billing.app.alerts().alerts(other.key("owner"), team.id), Refusal.NotAuthorized.class);
  }

  @Test
  void anEnterpriseTeamHasNoCapAndItsLowTeamPoolAsksTheAccountManager() {
    TestTeam team = billing.anEnterpriseTeam().withGrant(1_000).withMember("bob").build();
    team.spendDownTo("owner", 50);

    AlertView low = alerts(team, team.key("bob")).getFirst();

    assertThat(alerts(team, team.key("bob"))).hasSize(1);
    assertThat(low.type()).isEqualTo("credits.low");
    assertThat(low.pool())
        .isEqualTo(new AlertView.Pool(team.poolId("owner").value(), "TEAM", null, null));
    assertThat(low.action()).isEqualTo("contact_account_manager");
    assertThat(low.detail()).startsWith("The team pool has 50 credits available");
  }

  @Test
  void blockingAlertsComeFirst() {
    TestTeam team = billing.aBuildTeam().withSpendCap(Money.dollars(12)).build();
    team.spendDownTo("owner", 0);
    ok(team.buy(team.key("owner"), "owner", 400)); // $10 of $12: 83 %; the pool has 400 again
    team.spendDownTo("owner", 50);

    assertThat(alerts(team, team.key("owner")))
        .extracting(AlertView::type, AlertView::blocking)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("spend_cap.threshold_reached", false),
            org.assertj.core.groups.Tuple.tuple("credits.low", false));
    team.spendDownTo("owner", 0);
    assertThat(alerts(team, team.key("owner")))
        .extracting(AlertView::type)
        .containsExactly("credits.depleted", "spend_cap.threshold_reached");
  }

  private List<AlertView> alerts(TestTeam team, Caller caller) {
    Outcome<List<AlertView>> outcome = billing.app.alerts().alerts(caller, team.id);
    return ok(outcome);
  }
}
