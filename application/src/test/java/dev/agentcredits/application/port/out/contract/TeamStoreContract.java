package dev.agentcredits.application.port.out.contract;

import static dev.agentcredits.application.port.out.contract.TeamBuilder.aTeam;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.team.Member;
import dev.agentcredits.domain.team.Plan;
import dev.agentcredits.domain.team.Role;
import dev.agentcredits.domain.team.Team;
import org.junit.jupiter.api.Test;

public abstract class TeamStoreContract extends StoreContract {
  @Test
  void aTeamIsFoundAsItWasInserted() {
    Team team = aTeam().withPlan(Plan.ENTERPRISE).withCap(Money.cents(12_345)).build();

    stores().teams().insert(team);

    assertThat(stores().teams().find(team.id())).contains(team);
  }

  @Test
  void anUnknownTeamIsNotFound() {
    assertThat(stores().teams().find(new TeamId("no-such-team"))).isEmpty();
  }

  @Test
  void aTeamIdIsTakenOnce() {
    Team team = aTeam().build();
    stores().teams().insert(team);

    assertThatThrownBy(() -> stores().teams().insert(team))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void updateChangesTheSpendCap() {
    Team team = aTeam().build();
    stores().teams().insert(team);

    Team raised = team.withMonthlySpendCap(Money.dollars(750));
    stores().teams().update(raised);

    assertThat(stores().teams().find(team.id())).contains(raised);
  }

  @Test
  void membersAreFoundByIdAndListedByTeam() {
    World world = world();
    Member admin = TeamBuilder.member(world.team(), "admin@example.com", Role.ADMIN);
    World other = world();

    assertThat(stores().teams().insertMember(admin)).isTrue();

    assertThat(stores().teams().findMember(admin.id())).contains(admin);
    assertThat(stores().teams().members(world.team().id()))
        .containsExactlyInAnyOrder(world.owner(), admin);
    assertThat(stores().teams().members(other.team().id())).containsExactly(other.owner());
  }

  @Test
  void anUnknownMemberIsNotFound() {
    assertThat(stores().teams().findMember(new MemberId("no-such-member"))).isEmpty();
  }

  @Test
  void aTeamRefusesASecondMemberWithTheSameEmailWhateverItsCase() {
    World world = world();
    Member twin = TeamBuilder.member(world.team(), "OWNER@Example.com", Role.MEMBER);

    assertThat(stores().teams().insertMember(twin)).isFalse();

    assertThat(stores().teams().findMember(twin.id())).isEmpty();
    assertThat(stores().teams().members(world.team().id())).containsExactly(world.owner());
  }

  @Test
  void anotherTeamMayHaveAMemberWithTheSameEmail() {
    World world = world();
    World other = world();
    Member member = TeamBuilder.member(world.team(), "dev@example.com", Role.MEMBER);
    Member sameEmail = TeamBuilder.member(other.team(), "dev@example.com", Role.MEMBER);

    assertThat(stores().teams().insertMember(member)).isTrue();
    assertThat(stores().teams().insertMember(sameEmail)).isTrue();
  }

  @Test
  void aRemovedMemberLeavesTheTeamButStaysInItsHistoryAndTheirEmailMayJoinAgain() {
    World world = world();
    Member member = TeamBuilder.member(world.team(), "gone@example.com", Role.MEMBER);
    stores().teams().insertMember(member);

    assertThat(stores().teams().removeMember(member.id(), TestData.T0)).isTrue();
    assertThat(stores().teams().removeMember(member.id(), TestData.T0)).isFalse();

    assertThat(stores().teams().findMember(member.id())).isEmpty();
    assertThat(stores().teams().findMemberEver(member.id())).contains(member);
    assertThat(stores().teams().members(world.team().id())).containsExactly(world.owner());
    Member again = TeamBuilder.member(world.team(), "GONE@example.com", Role.MEMBER);
    assertThat(stores().teams().insertMember(again)).isTrue();
    assertThat(stores().teams().findMember(again.id())).contains(again);
  }

  @Test
  void aCurrentMemberCanBeLockedAndARemovedOneCannot() {
    World world = world();
    Member member = TeamBuilder.member(world.team(), "locked@example.com", Role.MEMBER);
    stores().teams().insertMember(member);

    assertThat(tx().inTransaction(() -> stores().teams().lockMember(member.id()))).contains(member);
    stores().teams().removeMember(member.id(), TestData.T0);
    assertThat(tx().inTransaction(() -> stores().teams().lockMember(member.id()))).isEmpty();
  }
}
