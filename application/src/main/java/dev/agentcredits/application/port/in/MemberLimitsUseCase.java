package dev.agentcredits.application.port.in;

import dev.agentcredits.application.port.in.view.MemberLimitView;
import dev.agentcredits.application.port.in.view.TeamMemberLimitsView;

/** DOMAIN.md rule 24: members' monthly credit limits, set by the owner or an admin. */
public interface MemberLimitsUseCase {
  /** The team's default ({@link MemberLimitCommand#forTeam()}); its members are not listed. */
  Outcome<TeamMemberLimitsView> setTeamDefault(MemberLimitCommand command);

  Outcome<MemberLimitView> setMemberLimit(MemberLimitCommand command);

  /** A member's limit, for that member, the owner, an admin or the operator. */
  Outcome<MemberLimitView> memberLimit(Caller caller, PoolRef member);

  /** The team's default and every current member's limit, for the owner or an admin. */
  Outcome<TeamMemberLimitsView> teamLimits(TeamQuery query);
}
