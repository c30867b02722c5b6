package dev.agentcredits.bootstrap;

import dev.agentcredits.application.port.in.AddMemberCommand;
import dev.agentcredits.application.port.in.AddMemberUseCase;
import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.GrantContractCreditsCommand;
import dev.agentcredits.application.port.in.GrantContractCreditsUseCase;
import dev.agentcredits.application.port.in.IssueTeamApiKeyUseCase;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.PaymentMethodUseCase;
import dev.agentcredits.application.port.in.ProvisionTeamCommand;
import dev.agentcredits.application.port.in.ProvisionTeamUseCase;
import dev.agentcredits.application.port.in.StartCardSetupCommand;
import dev.agentcredits.application.port.in.TeamApiKeyCommand;
import dev.agentcredits.application.port.in.view.IssuedKeyView;
import dev.agentcredits.application.port.in.view.IssuedMemberView;
import dev.agentcredits.application.port.in.view.ProvisionedTeamView;
import dev.agentcredits.domain.shared.Credits;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.team.Plan;
import dev.agentcredits.domain.team.Role;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;

/**
 * Demo mode: a BUILD team (owner, admin, member and a team API key) and an ENTERPRISE team with a
 * contract grant, provisioned through the use cases as the operator would, and their keys printed.
 * With simulated payments the BUILD team also gets the simulated card (Visa ending 4242) through
 * the same card setup the billing page's {@code Add or change card} goes through.
 */
final class DemoSeed {
  private static final Caller OPERATOR = new Caller.Operator();

  record Demo(
      ProvisionedTeamView build,
      IssuedMemberView admin,
      IssuedMemberView member,
      IssuedKeyView teamKey,
      ProvisionedTeamView enterprise,
      String grantId) {}

  private DemoSeed() {}

  static Demo provision(RunningService service, Clock clock, boolean simulatedPayments) {
    var provisionTeam = service.useCase(ProvisionTeamUseCase.class);
    var addMember = service.useCase(AddMemberUseCase.class);
    var build =
        ok(
            provisionTeam.provision(
                new ProvisionTeamCommand(OPERATOR, "Demo Build", Plan.BUILD, "owner@build.demo")));
    TeamId buildId = new TeamId(build.teamId());
    var admin =
        ok(addMember.add(new AddMemberCommand(OPERATOR, buildId, "admin@build.demo", Role.ADMIN)));
    var member =
        ok(addMember.add(new AddMemberCommand(OPERATOR, buildId, "dev@build.demo", Role.MEMBER)));
    if (simulatedPayments) {
      saveSimulatedCard(service, buildId);
    }
    var teamKey =
        ok(
            service
                .useCase(IssueTeamApiKeyUseCase.class)
                .issue(new TeamApiKeyCommand(OPERATOR, buildId, "demo-ci")));
    var enterprise =
        ok(
            provisionTeam.provision(
                new ProvisionTeamCommand(
                    OPERATOR, "Demo Enterprise", Plan.ENTERPRISE, "owner@enterprise.demo")));
    var grant =
        ok(
            service
                .useCase(GrantContractCreditsUseCase.class)
                .grant(
                    new GrantContractCreditsCommand(
                        OPERATOR,
                        new TeamId(enterprise.teamId()),
                        Credits.of(50_000),
                        clock.instant().plus(Duration.ofDays(365)))));
    return new Demo(build, admin, member, teamKey, enterprise, grant.grantId());
  }

  /** Opens a setup session and completes it, as the page does when the browser comes back. */
  private static void saveSimulatedCard(RunningService service, TeamId team) {
    var cards = service.useCase(PaymentMethodUseCase.class);
    String back = "http://localhost:" + service.port() + "/billing";
    var session = ok(cards.startSetup(new StartCardSetupCommand(OPERATOR, team, back)));
    ok(cards.completeSetup(OPERATOR, team, session.sessionId()));
  }

  /** The keys, and one {@code export} line the README's walk-through starts from. */
  static void print(Demo demo, int port, OperatorKey operatorKey, PrintStream out) {
    String b = demo.build().teamId();
    out.printf(
        """

        Demo teams (keys are shown once):
          BUILD team %s
            OWNER  %s  key %s
            ADMIN  %s  key %s
            MEMBER %s  key %s
            team API key %s  key %s
          ENTERPRISE team %s (grant %s: 50000 credits)
            OWNER  %s  key %s

        For the curl walk-through (README), in your shell:
        export BASE=http://localhost:%d/api/v1 OPERATOR_KEY=%s TEAM=%s OWNER=%s OWNER_KEY=%s \
          ADMIN_KEY=%s MEMBER=%s MEMBER_KEY=%s TEAM_KEY=%s ENT_TEAM=%s ENT_KEY=%s
        curl -s -X POST $BASE/agent/tasks -H "Authorization: Bearer $MEMBER_KEY" \
          -H 'Content-Type: application/json' -d '{"prompt":"Fix the flaky test"}'
        """,
        b,
        demo.build().owner().memberId(),
        demo.build().owner().apiKey(),
        demo.admin().memberId(),
        demo.admin().apiKey(),
        demo.member().memberId(),
        demo.member().apiKey(),
        demo.teamKey().keyId(),
        demo.teamKey().apiKey(),
        demo.enterprise().teamId(),
        demo.grantId(),
        demo.enterprise().owner().memberId(),
        demo.enterprise().owner().apiKey(),
        port,
        operatorKey.generated() ? operatorKey.value() : "\"$AGENT_CREDITS_OPERATOR_KEY\"",
        b,
        demo.build().owner().memberId(),
        demo.build().owner().apiKey(),
        demo.admin().apiKey(),
        demo.member().memberId(),
        demo.member().apiKey(),
        demo.teamKey().apiKey(),
        demo.enterprise().teamId(),
        demo.enterprise().owner().apiKey());
  }

  private static <T> T ok(Outcome<T> outcome) {
    return switch (outcome) {
      case Outcome.Ok<T> ok -> ok.value();
      case Outcome.Refused<T> refused ->
          throw new IllegalStateException("demo provisioning refused: " + refused.refusal());
    };
  }
}
