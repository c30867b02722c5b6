package dev.agentcredits.application.usecase;

import static dev.agentcredits.application.usecase.BillingFixture.OPERATOR;
import static dev.agentcredits.application.usecase.BillingFixture.ofType;
import static dev.agentcredits.application.usecase.BillingFixture.ok;
import static dev.agentcredits.application.usecase.BillingFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.GrantContractCreditsCommand;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.view.GrantView;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.domain.event.EventData;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.shared.Credits;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** GrantContractCredits: only the operator funds an Enterprise pool; arrears are paid first. */
class GrantContractCreditsTest extends UseCaseTest {

  @Test
  void aGrantFundsTheTeamPool() {
    TestTeam team = billing.anEnterpriseTeam().build();

    GrantView grant = ok(grant(OPERATOR, team.id, 5_000, in(365)));

    assertThat(grant.credits()).isEqualTo(5_000);
    var pool = team.poolView("owner");
    assertThat(pool.kind()).isEqualTo("TEAM");
    assertThat(pool.addonCredits()).isEqualTo(5_000);
    assertThat(pool.lots())
        .singleElement()
        .satisfies(l -> {
          assertThat(l.kind()).isEqualTo("grant");
          assertThat(l.sourceId()).isEqualTo(grant.grantId());
        });
    assertThat(ofType(billing.takeEvents(), EventType.GRANT_ISSUED))
        .singleElement()
        .satisfies(e -> assertThat(((EventData.GrantIssued) e.data()).credits()).isEqualTo(5_000L));
  }

  @Test
  void onlyTheOperatorGrants() {
    TestTeam team = billing.anEnterpriseTeam().withAdmin("adam").build();

    refused(grant(team.key("owner"), team.id, 100, in(30)), Refusal.NotAuthorized.class);
    refused(grant(team.key("adam"), team.id, 100, in(30)), Refusal.NotAuthorized.class);
    refused(grant(team.teamKey(), team.id, 100, in(30)), Refusal.NotAuthorized.class);
    refused(grant(BillingFixture.INTEGRATION, team.id, 100, in(30)), Refusal.NotAuthorized.class);
    assertThat(team.poolView("owner").addonCredits()).isZero();
  }

  @Test
  void selfServeTeamsAreNotGrantedContractCredits() {
    TestTeam team = billing.aBuildTeam().build();

    refused(grant(OPERATOR, team.id, 100, in(30)), Refusal.FeatureNotAvailable.class);
  }

  @Test
  void aGrantMustEndInTheFutureAndTheTeamMustExist() {
    TestTeam team = billing.anEnterpriseTeam().build();

    refused(grant(OPERATOR, team.id, 100, billing.clock.instant()), Refusal.InvalidRequest.class);
    refused(grant(OPERATOR, new TeamId("nope"), 100, in(30)), Refusal.NotFound.class);
  }

  @Test
  void aGrantPaysTheTeamPoolsArrearsFirst() {
    TestTeam team = billing.anEnterpriseTeam().withGrant(20).build();
    RunView run = ok(team.submitWithTeamKey());
    RunView stopped = ok(billing.usage(run, "u-1", 70));
    assertThat(stopped.state()).isEqualTo("FAILED");

    ok(grant(OPERATOR, team.id, 1_000, in(90)));

    var pool = team.poolView("owner");
    assertThat(pool.arrearsCredits()).isZero();
    assertThat(pool.availableCredits()).isEqualTo(950);
  }

  @Test
  void theEarliestEndingGrantIsUsedFirst() {
    TestTeam team = billing.anEnterpriseTeam().build();
    ok(grant(OPERATOR, team.id, 1_000, in(300)));
    GrantView soon = ok(grant(OPERATOR, team.id, 1_000, in(30)));
    RunView run = ok(team.submitWithTeamKey());

    ok(billing.usage(run, "u-1", 500));

    assertThat(team.poolView("owner").lots())
        .extracting(l -> l.creditsRemaining())
        .containsExactly(500L, 1_000L);
    assertThat(team.poolView("owner").lots().get(0).sourceId()).isEqualTo(soon.grantId());
  }

  private Instant in(long days) {
    return billing.clock.instant().plus(Duration.ofDays(days));
  }

  private Outcome<GrantView> grant(Caller caller, TeamId team, long credits, Instant expires) {
    return billing
        .app
        .grantContractCredits()
        .grant(new GrantContractCreditsCommand(caller, team, Credits.of(credits), expires));
  }
}
