package dev.agentcredits.adapter.wire;

import dev.agentcredits.application.port.in.view.MemberLimitView;
import dev.agentcredits.application.port.in.view.PoolLimitView;
import dev.agentcredits.application.port.in.view.TeamMemberLimitsView;
import java.util.LinkedHashMap;
import java.util.Map;

/** The bodies of API.md "Member limits" (DOMAIN.md rule 24). */
public final class LimitBodies {
  private LimitBodies() {}

  /** {@code PUT …/member-limits}: the team's default alone. */
  public static Map<String, Object> teamDefault(TeamMemberLimitsView limits) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("default_monthly_credits", limits.defaultMonthlyCredits());
    return body;
  }

  /** {@code GET …/member-limits}: the team's default and every member's limit. */
  public static Map<String, Object> teamLimits(TeamMemberLimitsView limits) {
    Map<String, Object> body = teamDefault(limits);
    body.put("members", limits.members().stream().map(LimitBodies::member).toList());
    return body;
  }

  public static Map<String, Object> member(MemberLimitView limit) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("member_id", limit.memberId());
    body.put("monthly_credits", limit.monthlyCredits());
    body.put("effective_monthly_credits", limit.effectiveMonthlyCredits());
    body.put("month_to_date_credits", limit.monthToDateCredits());
    return body;
  }

  /** A member pool's {@code limit}, when one applies. */
  static Map<String, Object> pool(PoolLimitView limit) {
    return Bodies.ordered(
        "monthly_credits", limit.monthlyCredits(),
        "month_to_date_credits", limit.monthToDateCredits());
  }
}
