package dev.agentcredits.adapter.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentcredits.adapter.wire.LimitBodies;
import dev.agentcredits.application.port.in.MemberLimitCommand;
import dev.agentcredits.application.port.in.MemberLimitsUseCase;
import dev.agentcredits.application.port.in.PoolRef;
import dev.agentcredits.application.port.in.TeamQuery;
import java.util.List;

/** API.md "Member limits" (DOMAIN.md rule 24): the team's default and each member's own. */
public final class MemberLimitRoutes implements RouteGroup {
  private final MemberLimitsUseCase limits;

  public MemberLimitRoutes(MemberLimitsUseCase limits) {
    this.limits = limits;
  }

  @Override
  public List<Route> routes() {
    String team = "/api/v1/teams/{team_id}/member-limits";
    String member = "/api/v1/teams/{team_id}/members/{member_id}/limit";
    return List.of(
        Route.put(team, this::setTeamDefault),
        Route.get(team, this::teamLimits),
        Route.put(member, this::setMemberLimit),
        Route.get(member, this::memberLimit));
  }

  /** {@code null} is written out: it removes the default, or leaves the member to it. */
  record TeamDefault(JsonNode defaultMonthlyCredits) {}

  record MemberLimit(JsonNode monthlyCredits) {}

  private Reply setTeamDefault(Exchange ex) {
    var request = ex.body(TeamDefault.class);
    Long credits = credits(request.defaultMonthlyCredits(), "default_monthly_credits", "none");
    var command =
        Exchange.valid(() -> MemberLimitCommand.teamDefault(ex.caller(), ex.team(), credits));
    return ex.reply(limits.setTeamDefault(command), 200, LimitBodies::teamDefault);
  }

  private Reply teamLimits(Exchange ex) {
    var query = new TeamQuery(ex.caller(), ex.team());
    return ex.reply(limits.teamLimits(query), 200, LimitBodies::teamLimits);
  }

  private Reply setMemberLimit(Exchange ex) {
    var request = ex.body(MemberLimit.class);
    Long credits = credits(request.monthlyCredits(), "monthly_credits", "the team's default");
    var command =
        Exchange.valid(
            () -> MemberLimitCommand.member(ex.caller(), ex.team(), ex.memberOrMe(), credits));
    return ex.reply(limits.setMemberLimit(command), 200, LimitBodies::member);
  }

  private Reply memberLimit(Exchange ex) {
    var member = new PoolRef(ex.team(), ex.memberOrMe());
    return ex.reply(limits.memberLimit(ex.caller(), member), 200, LimitBodies::member);
  }

  /** A whole number of credits, or null; the field must be there (null says what it means). */
  private static Long credits(JsonNode value, String field, String nullMeans) {
    if (value == null) {
      throw ProblemException.invalid(
          field + " is required: a whole number of credits, or null for " + nullMeans);
    }
    if (value.isNull()) {
      return null;
    }
    if (!value.isIntegralNumber()) {
      throw ProblemException.invalid(
          field + " must be a whole number of credits, or null for " + nullMeans);
    }
    if (!value.canConvertToLong() || value.longValue() < 0) {
      throw ProblemException.invalid(
          field
              + " must be a whole number of credits from 0 to "
              + dev.agentcredits.domain.limit.MemberBudget.MAXIMUM_MONTHLY_CREDITS
              + ", or null for "
              + nullMeans);
    }
    return value.longValue();
  }
}
