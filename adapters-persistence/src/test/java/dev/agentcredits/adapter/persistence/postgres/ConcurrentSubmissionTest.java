package dev.agentcredits.adapter.persistence.postgres;

import static dev.agentcredits.adapter.persistence.postgres.BillingFixtures.ok;
import static dev.agentcredits.adapter.persistence.postgres.BillingFixtures.operator;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.GrantContractCreditsCommand;
import dev.agentcredits.application.port.in.MemberLimitCommand;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.ReportUsageCommand;
import dev.agentcredits.application.port.in.RunCommand;
import dev.agentcredits.application.port.in.SubmitRunCommand;
import dev.agentcredits.application.port.in.view.ProvisionedTeamView;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.application.service.runs.batching.GroupCommittedAdmissions;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.pool.Reconciliation;
import dev.agentcredits.domain.principal.PoolIds;
import dev.agentcredits.domain.shared.Credits;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.shared.UsageId;
import dev.agentcredits.domain.spend.MonthlySpend;
import dev.agentcredits.domain.team.Plan;
import java.time.Duration;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DOMAIN.md rule 2 under fire: holds on one pool, from two instances at once; each admission alone,
 * and with the group commit bootstrap wires ({@link GroupCommittedAdmissions}).
 */
class ConcurrentSubmissionTest {
  @RegisterExtension static final PostgresSchema DB = new PostgresSchema();

  private TwoInstances service;

  @AfterEach
  void stop() {
    service.close();
  }

  private void start(boolean groupCommit) {
    service =
        groupCommit
            ? new TwoInstances(DB, GroupCommittedAdmissions::new)
            : new TwoInstances(DB, UnaryOperator.identity());
  }

  @ParameterizedTest(name = "group commit: {0}")
  @ValueSource(booleans = {false, true})
  void concurrentSubmissionsNeverAcceptMoreHoldsThanTheTeamPoolCanFund(boolean groupCommit)
      throws Exception {
    start(groupCommit);
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

  @ParameterizedTest(name = "group commit: {0}")
  @ValueSource(booleans = {false, true})
  void concurrentSubmissionsUnderOneRequestKeyOnTwoInstancesStartOneRun(boolean groupCommit)
      throws Exception {
    start(groupCommit);
    TeamId team = new TeamId(service.provision(Plan.ENTERPRISE).teamId());
    ok(
        service
            .instance(0)
            .grantContractCredits()
            .grant(
                new GrantContractCreditsCommand(
                    operator(),
                    team,
                    Credits.of(1_000),
                    TwoInstances.NOW.plus(Duration.ofDays(90)))));
    Caller teamKey = service.teamKeyCaller(team);

    List<Outcome<RunView>> outcomes =
        service.race(
            TwoInstances.THREADS,
            i ->
                service
                    .instance(i)
                    .submitRun()
                    .submit(
                        new SubmitRunCommand(teamKey, null, null, null, null, "p", "same-key")));

    assertThat(outcomes)
        .allSatisfy(o -> {
          if (o instanceof Outcome.Refused<RunView> r) {
            assertThat(r.refusal()).isInstanceOf(Refusal.Conflict.class);
          }
        });
    assertThat(
            outcomes.stream()
                .filter(o -> o instanceof Outcome.Ok<RunView>)
                .map(o -> ((Outcome.Ok<RunView>) o).value().taskId())
                .distinct())
        .hasSize(1);
    Pool pool = DB.persistence().stores().pools().find(PoolIds.forTeam(team)).orElseThrow();
    assertThat(pool.balances().held()).isEqualTo(20);
  }

  /**
   * DOMAIN.md rule 24 under fire: one member's submissions against their monthly limit, from two
   * instances at once, accept exactly the holds the limit allows, though the pool could fund more.
   */
  @ParameterizedTest(name = "group commit: {0}")
  @ValueSource(booleans = {false, true})
  void concurrentSubmitsFromOneMemberAcceptExactlyTheHoldsTheirLimitAllows(boolean groupCommit)
      throws Exception {
    start(groupCommit);
    ProvisionedTeamView provisioned = service.provision(Plan.BUILD);
    TeamId team = new TeamId(provisioned.teamId());
    MemberId owner = new MemberId(provisioned.owner().memberId());
    long allowed = 9;
    ok(
        service
            .instance(1)
            .memberLimits()
            .setMemberLimit(MemberLimitCommand.member(operator(), team, owner, 20 * allowed + 19)));
    Caller member =
        service.instance(1).authenticate().authenticate(provisioned.owner().apiKey()).orElseThrow();
    int submissions = TwoInstances.THREADS * 2;

    List<Outcome<RunView>> outcomes =
        service.race(
            submissions,
            i ->
                service
                    .instance(i)
                    .submitRun()
                    .submit(
                        new SubmitRunCommand(member, null, null, null, null, "run " + i, null)));

    assertThat(outcomes).filteredOn(o -> o instanceof Outcome.Ok).hasSize((int) allowed);
    assertThat(outcomes)
        .filteredOn(o -> o instanceof Outcome.Refused)
        .allSatisfy(o ->
            assertThat(((Outcome.Refused<RunView>) o).refusal())
                .isInstanceOf(Refusal.MemberLimitReached.class));
    Pool pool = DB.persistence().stores().pools().find(PoolIds.forMember(owner)).orElseThrow();
    assertThat(pool.balances().held()).isEqualTo(20 * allowed);
    var standing = DB.persistence().stores().memberLimits().standings(List.of(owner)).get(owner);
    assertThat(standing.kept().monthToDate()).isEqualTo(20 * allowed);
    assertThat(Reconciliation.matches(pool, DB.persistence().stores().ledger().ofPool(pool.id())))
        .isTrue();
  }

  /**
   * The figure kept against a member's limit stays exactly what their runs say (charged this month
   * plus held) while submissions, usage reports and completions of that member race on two
   * instances.
   */
  @ParameterizedTest(name = "group commit: {0}")
  @ValueSource(booleans = {false, true})
  void theKeptFigureStaysWhatTheMembersRunsSayUnderRacingUsageAndCompletions(boolean groupCommit)
      throws Exception {
    start(groupCommit);
    ProvisionedTeamView provisioned = service.provision(Plan.BUILD);
    TeamId team = new TeamId(provisioned.teamId());
    MemberId owner = new MemberId(provisioned.owner().memberId());
    ok(
        service
            .instance(0)
            .memberLimits()
            .setMemberLimit(MemberLimitCommand.member(operator(), team, owner, 1_000L)));
    Caller member =
        service.instance(1).authenticate().authenticate(provisioned.owner().apiKey()).orElseThrow();
    List<String> tasks =
        service
            .race(
                16,
                i ->
                    service
                        .instance(i)
                        .submitRun()
                        .submit(
                            new SubmitRunCommand(member, null, null, null, null, "r" + i, null)))
            .stream()
            .map(o -> ok(o).taskId())
            .toList();

    service.race(
        tasks.size() * 3,
        i -> {
          RunId task = new RunId(tasks.get(i % tasks.size()));
          var app = service.instance(i);
          return switch (i / tasks.size()) {
            case 0, 1 ->
                app.reportUsage()
                    .report(
                        new ReportUsageCommand(operator(), task, new UsageId("u-" + i), 7 + i % 5));
            default -> app.completeRun().complete(new RunCommand(operator(), task));
          };
        });

    var stores = DB.persistence().stores();
    var kept = stores.memberLimits().standings(List.of(owner)).get(owner).kept();
    assertThat(kept)
        .isEqualTo(
            stores.memberLimits().tally(team, owner, MonthlySpend.monthOf(TwoInstances.NOW)));
    Pool pool = stores.pools().find(PoolIds.forMember(owner)).orElseThrow();
    assertThat(kept.held()).isEqualTo(pool.balances().held());
    assertThat(Reconciliation.matches(pool, stores.ledger().ofPool(pool.id()))).isTrue();
  }
}
