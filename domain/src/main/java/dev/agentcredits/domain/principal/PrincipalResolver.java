package dev.agentcredits.domain.principal;

import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.team.Team;

/** DOMAIN.md "Who pays": a pure function of the team's plan and the run's trigger. */
public final class PrincipalResolver {
  private PrincipalResolver() {}

  public static PrincipalResolution resolve(Team team, Trigger trigger, MemberId triggeringMember) {
    if (!team.plan().canRunCloudAgents()) {
      return new PrincipalResolution.PlanCannotRunAgents();
    }
    if (team.plan().isContract()) {
      return new PrincipalResolution.Billed(BilledPool.ofTeam(team.id()));
    }
    return switch (trigger) {
      case USER ->
          triggeringMember == null
              ? new PrincipalResolution.TriggeringMemberMissing()
              : new PrincipalResolution.Billed(
                  BilledPool.ofMember(team.id(), triggeringMember, Payer.TRIGGERING_USER));
      case TEAM_API_KEY, SCHEDULED ->
          new PrincipalResolution.Billed(
              BilledPool.ofMember(team.id(), team.owner(), Payer.TEAM_OWNER));
    };
  }
}
