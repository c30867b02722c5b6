package dev.agentcredits.application.port.in;

import dev.agentcredits.domain.limit.MemberBudget;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.TeamId;
import java.util.Objects;

/**
 * Sets a monthly credit limit (DOMAIN.md rule 24): the team's default when {@code member} is null
 * and {@code forTeam}, else one member's own ({@code member} null: the caller's own). A null {@code
 * monthlyCredits} removes the default, or leaves the member to it.
 */
public record MemberLimitCommand(
    Caller caller, TeamId team, boolean forTeam, MemberId member, Long monthlyCredits) {
  public MemberLimitCommand {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(team, "team_id is required");
    if (forTeam && member != null) {
      throw new IllegalArgumentException("the team's default names no member");
    }
    if (monthlyCredits != null && !MemberBudget.isAllowed(monthlyCredits)) {
      throw new IllegalArgumentException(
          (forTeam ? "default_monthly_credits" : "monthly_credits")
              + " must be a whole number of credits from 0 to "
              + MemberBudget.MAXIMUM_MONTHLY_CREDITS
              + ", or null");
    }
  }

  public static MemberLimitCommand teamDefault(Caller caller, TeamId team, Long monthlyCredits) {
    return new MemberLimitCommand(caller, team, true, null, monthlyCredits);
  }

  public static MemberLimitCommand member(
      Caller caller, TeamId team, MemberId member, Long monthlyCredits) {
    return new MemberLimitCommand(caller, team, false, member, monthlyCredits);
  }
}
