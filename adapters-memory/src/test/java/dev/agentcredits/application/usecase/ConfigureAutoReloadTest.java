package dev.agentcredits.application.usecase;

import static dev.agentcredits.application.usecase.BillingFixture.OPERATOR;
import static dev.agentcredits.application.usecase.BillingFixture.ok;
import static dev.agentcredits.application.usecase.BillingFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.ConfigureAutoReloadCommand;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.view.AutoReloadView;
import dev.agentcredits.domain.shared.Credits;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ConfigureAutoReload: a pool's member, the owner or an admin (rules 6 and 11). */
class ConfigureAutoReloadTest extends UseCaseTest {

  @Test
  void autoReloadIsOffUntilSwitchedOnWithTheDefaultThreshold() {
    TestTeam team = billing.aBuildTeam().build();
    assertThat(team.poolView("owner").autoReload().enabled()).isFalse();
    assertThat(team.poolView("owner").autoReload().thresholdCredits()).isEqualTo(100);

    AutoReloadView view = ok(configure(team, team.key("owner"), "owner", true, 1_000, null));

    assertThat(view.enabled()).isTrue();
    assertThat(view.denominationCredits()).isEqualTo(1_000);
    assertThat(view.thresholdCredits()).isEqualTo(100);
    assertThat(team.poolView("owner").autoReload()).isEqualTo(view);
  }

  @Test
  void theThresholdCanBeSetAndIsKeptWhenNotGiven() {
    TestTeam team = billing.aBuildTeam().build();
    ok(configure(team, team.key("owner"), "owner", true, 400, 250L));

    AutoReloadView view = ok(configure(team, team.key("owner"), "owner", false, 400, null));

    assertThat(view.enabled()).isFalse();
    assertThat(view.thresholdCredits()).isEqualTo(250);
  }

  @ParameterizedTest(name = "{0} sets {1}: {2}")
  @CsvSource({
    "bob,      bob,   ok",
    "bob,      carol, not_authorized",
    "bob,      owner, not_authorized",
    "adam,     bob,   ok",
    "adam,     owner, ok",
    "owner,    bob,   ok",
    "owner,    owner, ok",
    "team-key, owner, not_authorized",
    "operator, bob,   ok",
    "outsider, bob,   not_authorized",
  })
  void whoMaySetAPoolsAutoReload(String setter, String forMember, String expected) {
    TestTeam team =
        billing.aBuildTeam().withAdmin("adam").withMember("bob").withMember("carol").build();
    TestTeam outsiders = billing.aBuildTeam().build();
    Caller caller =
        switch (setter) {
          case "team-key" -> team.teamKey();
          case "operator" -> OPERATOR;
          case "outsider" -> outsiders.key("owner");
          default -> team.key(setter);
        };

    Outcome<AutoReloadView> outcome = configure(team, caller, forMember, true, 400, null);

    if (expected.equals("ok")) {
      ok(outcome);
    } else {
      refused(outcome, Refusal.NotAuthorized.class);
    }
    assertThat(team.poolView(forMember).autoReload().enabled()).isEqualTo(expected.equals("ok"));
  }

  @Test
  void enterprisePoolsHaveNoAutoReload() {
    TestTeam team = billing.anEnterpriseTeam().build();

    refused(
        configure(team, team.key("owner"), "owner", true, 400, null),
        Refusal.FeatureNotAvailable.class);
  }

  @Test
  void theDenominationMustBeOnThePriceList() {
    TestTeam team = billing.aBuildTeam().build();

    refused(
        configure(team, team.key("owner"), "owner", true, 401, null), Refusal.InvalidRequest.class);
    assertThat(team.poolView("owner").autoReload().enabled()).isFalse();
  }

  private Outcome<AutoReloadView> configure(
      TestTeam team, Caller caller, String member, boolean on, long denomination, Long threshold) {
    return billing
        .app
        .configureAutoReload()
        .configure(
            new ConfigureAutoReloadCommand(
                caller,
                team.pool(member),
                on,
                Credits.of(denomination),
                threshold == null ? null : Credits.of(threshold)));
  }
}
