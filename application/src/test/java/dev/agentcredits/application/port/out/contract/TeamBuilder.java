package dev.agentcredits.application.port.out.contract;

import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.team.Member;
import dev.agentcredits.domain.team.Plan;
import dev.agentcredits.domain.team.Role;
import dev.agentcredits.domain.team.Team;

/** {@code aTeam().withPlan(Plan.MAX).build()}; fresh ids unless told otherwise. */
public final class TeamBuilder {
  private TeamId id = new TeamId(TestData.unique("team"));
  private String name = "Acme";
  private Plan plan = Plan.BUILD;
  private MemberId owner = new MemberId(TestData.unique("mem"));
  private Money cap = Money.dollars(200);

  public static TeamBuilder aTeam() {
    return new TeamBuilder();
  }

  public TeamBuilder withPlan(Plan value) {
    plan = value;
    return this;
  }

  public TeamBuilder withCap(Money value) {
    cap = value;
    return this;
  }

  public TeamBuilder withName(String value) {
    name = value;
    return this;
  }

  public Team build() {
    return new Team(id, name, plan, owner, cap, TestData.T0);
  }

  public static Member owner(Team team) {
    return new Member(team.owner(), team.id(), "owner@example.com", Role.OWNER, TestData.T0);
  }

  public static Member member(Team team, String email, Role role) {
    return new Member(new MemberId(TestData.unique("mem")), team.id(), email, role, TestData.T0);
  }
}
