package dev.agentcredits.domain.principal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.TeamId;
import org.junit.jupiter.api.Test;

class BilledPoolTest {
  private static final TeamId TEAM = new TeamId("team-1");
  private static final MemberId BOB = new MemberId("bob");

  @Test
  void aMemberPoolNamesItsMemberAndATeamPoolNone() {
    assertThatThrownBy(
            () -> new BilledPool(new PoolId("m:x"), PoolKind.MEMBER, TEAM, null, Payer.TEAM_OWNER))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new BilledPool(new PoolId("t:x"), PoolKind.TEAM, TEAM, BOB, Payer.TEAM_POOL))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new BilledPool(null, PoolKind.TEAM, TEAM, null, Payer.TEAM_POOL))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new BilledPool(new PoolId("t:x"), PoolKind.TEAM, TEAM, null, null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void poolIdsFollowFromTheirOwner() {
    BilledPool member = BilledPool.ofMember(TEAM, BOB, Payer.TRIGGERING_USER);
    BilledPool team = BilledPool.ofTeam(TEAM);

    assertThat(member.poolId()).isEqualTo(new PoolId("m:bob"));
    assertThat(member.memberId()).contains(BOB);
    assertThat(team.poolId()).isEqualTo(new PoolId("t:team-1"));
    assertThat(team.payer()).isEqualTo(Payer.TEAM_POOL);
    assertThat(team.memberId()).isEmpty();
  }
}
