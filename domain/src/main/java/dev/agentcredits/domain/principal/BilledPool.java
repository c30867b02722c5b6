package dev.agentcredits.domain.principal;

import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.TeamId;
import java.util.Objects;
import java.util.Optional;

/** The pool a run draws from, and why that one. {@code member} is empty for a team pool. */
public record BilledPool(PoolId poolId, PoolKind kind, TeamId team, MemberId member, Payer payer) {
  public BilledPool {
    Objects.requireNonNull(poolId, "poolId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(payer, "payer");
    if ((kind == PoolKind.MEMBER) != (member != null)) {
      throw new IllegalArgumentException("a member pool names its member, a team pool none");
    }
  }

  public static BilledPool ofMember(TeamId team, MemberId member, Payer payer) {
    return new BilledPool(PoolIds.forMember(member), PoolKind.MEMBER, team, member, payer);
  }

  public static BilledPool ofTeam(TeamId team) {
    return new BilledPool(PoolIds.forTeam(team), PoolKind.TEAM, team, null, Payer.TEAM_POOL);
  }

  public Optional<MemberId> memberId() {
    return Optional.ofNullable(member);
  }
}
