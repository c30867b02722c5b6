package dev.agentcredits.domain.principal;

import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.TeamId;

/** Pool ids follow from their owner, so finding a member's pool needs no look-up. */
public final class PoolIds {
  private PoolIds() {}

  public static PoolId forMember(MemberId member) {
    return new PoolId("m:" + member.value());
  }

  public static PoolId forTeam(TeamId team) {
    return new PoolId("t:" + team.value());
  }
}
