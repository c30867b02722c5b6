package dev.agentcredits.adapter.persistence.postgres;

import static dev.agentcredits.adapter.persistence.postgres.BillingFixtures.ok;
import static dev.agentcredits.adapter.persistence.postgres.BillingFixtures.operator;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.GrantContractCreditsCommand;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.SubmitRunCommand;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.pool.Reconciliation;
import dev.agentcredits.domain.principal.PoolIds;
import dev.agentcredits.domain.shared.Credits;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.team.Plan;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** DOMAIN.md rule 2 under fire: holds on one pool, from two instances at once. */
class ConcurrentSubmissionTest {
  @RegisterExtension static final PostgresSchema DB = new PostgresSchema();

  private final TwoInstances service = new TwoInstances(DB);

  @AfterEach
  void stop() {
    service.close();
  }

  @Test
  void concurrentSubmissionsNeverAcceptMoreHoldsThanTheTeamPoolCanFund() throws Exception {
    long granted = 490;
    TeamId team = new TeamId(service.provision(Plan.ENTERPRISE).teamId());
    ok(
        service
            .instance(0)
            .grantContractCredits()
            .grant(
                new GrantContractCreditsCommand(
                    operator(),
                    team,
                    Credits.of(granted),
                    TwoInstances.NOW.plus(Duration.ofDays(90)))));
    Caller teamKey = service.teamKeyCaller(team);
    int submissions = TwoInstances.THREADS * 2;

    List<Outcome<RunView>> outcomes =
        service.race(
            submissions,
            i ->
                service
                    .instance(i)
                    .submitRun()
                    .submit(
                        new SubmitRunCommand(
                            teamKey, null, null, null, null, "run " + i, "submit-" + i)));

    long accepted = outcomes.stream().filter(o -> o instanceof Outcome.Ok).count();
    assertThat(accepted).isEqualTo(granted / 20);
    assertThat(outcomes)
        .filteredOn(o -> o instanceof Outcome.Refused)
        .hasSize(submissions - (int) accepted)
        .allSatisfy(o ->
            assertThat(((Outcome.Refused<RunView>) o).refusal())
                .isInstanceOf(Refusal.InsufficientCredits.class));
    Pool pool = DB.persistence().stores().pools().find(PoolIds.forTeam(team)).orElseThrow();
    assertThat(Reconciliation.matches(pool, DB.persistence().stores().ledger().ofPool(pool.id())))
        .isTrue();
    assertThat(pool.available()).isEqualTo(granted - 20 * accepted);
    assertThat(pool.balances().held()).isEqualTo(20 * accepted);
  }
}
