package dev.agentcredits.application.port.in.view;

import java.util.List;

/** The team's default monthly limit for members (null: none) and, when listed, each member's. */
public record TeamMemberLimitsView(Long defaultMonthlyCredits, List<MemberLimitView> members) {
  public TeamMemberLimitsView {
    members = List.copyOf(members);
  }
}
