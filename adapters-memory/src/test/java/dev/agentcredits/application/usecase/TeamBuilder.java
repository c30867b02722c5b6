package dev.agentcredits.application.usecase;

import static dev.agentcredits.application.usecase.BillingFixture.OPERATOR;
import static dev.agentcredits.application.usecase.BillingFixture.ok;

import dev.agentcredits.application.port.in.AddMemberCommand;
import dev.agentcredits.application.port.in.GrantContractCreditsCommand;
import dev.agentcredits.application.port.in.ProvisionTeamCommand;
import dev.agentcredits.application.port.in.RaiseSpendCapCommand;
import dev.agentcredits.application.port.in.view.IssuedMemberView;
import dev.agentcredits.application.port.in.view.ProvisionedTeamView;
import dev.agentcredits.domain.shared.Credits;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.team.Plan;
import dev.agentcredits.domain.team.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code billing.aBuildTeam().withMember("bob").withCreditsLeft("bob", 30).build()}: a team made
 * through the use cases, members (and the owner, named "owner") addressed by name.
 */
public final class TeamBuilder {
  private final BillingFixture billing;
  private final Plan plan;
  private final String name;
  private final Map<String, Role> members = new LinkedHashMap<>();
  private final List<Long> grants = new ArrayList<>();
  private final Map<String, Long> creditsLeft = new LinkedHashMap<>();
  private final Map<String, long[]> autoReload = new LinkedHashMap<>();
  private Money cap;

  public TeamBuilder(BillingFixture billing, Plan plan, String name) {
    this.billing = billing;
    this.plan = plan;
    this.name = name;
  }

  public TeamBuilder withAdmin(String member) {
    members.put(member, Role.ADMIN);
    return this;
  }

  public TeamBuilder withMember(String member) {
    members.put(member, Role.MEMBER);
    return this;
  }

  /** An ENTERPRISE contract grant expiring in a year. */
  public TeamBuilder withGrant(long credits) {
    grants.add(credits);
    return this;
  }

  /** Spends the member's (or, on ENTERPRISE, the team pool's) credits down to {@code credits}. */
  public TeamBuilder withCreditsLeft(String member, long credits) {
    creditsLeft.put(member, credits);
    return this;
  }

  public TeamBuilder withAutoReload(String member, long denomination, long threshold) {
    autoReload.put(member, new long[] {denomination, threshold});
    return this;
  }

  public TeamBuilder withAutoReload(String member, long denomination) {
    return withAutoReload(member, denomination, 100);
  }

  public TeamBuilder withSpendCap(Money monthlyLimit) {
    this.cap = monthlyLimit;
    return this;
  }

  public TestTeam build() {
    ProvisionedTeamView provisioned =
        ok(
            billing
                .app
                .provisionTeam()
                .provision(
                    new ProvisionTeamCommand(OPERATOR, name, plan, "owner@" + name + ".example")));
    TeamId id = new TeamId(provisioned.teamId());
    billing.remember(id);
    TestTeam team = new TestTeam(billing, id, plan);
    team.enrol("owner", provisioned.owner());
    members.forEach((member, role) -> {
      IssuedMemberView issued =
          ok(
              billing
                  .app
                  .addMember()
                  .add(new AddMemberCommand(OPERATOR, id, member + "@" + name + ".example", role)));
      team.enrol(member, issued);
    });
    for (long credits : grants) {
      ok(
          billing
              .app
              .grantContractCredits()
              .grant(
                  new GrantContractCreditsCommand(
                      OPERATOR,
                      id,
                      Credits.of(credits),
                      billing.clock.instant().plus(Duration.ofDays(365)))));
    }
    creditsLeft.forEach(team::spendDownTo);
    autoReload.forEach(
        (member, settings) -> team.enableAutoReload(member, settings[0], settings[1]));
    if (cap != null) {
      ok(billing.app.raiseSpendCap().setMonthlyLimit(new RaiseSpendCapCommand(OPERATOR, id, cap)));
    }
    billing.takeEvents();
    return team;
  }
}
