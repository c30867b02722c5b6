package dev.agentcredits.application.port.out.contract;

import static dev.agentcredits.application.port.out.contract.RunShortcuts.insert;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.out.MemberLimitStore;
import dev.agentcredits.application.port.out.MemberLimitStore.Standing;
import dev.agentcredits.application.port.out.WriteBatch;
import dev.agentcredits.domain.limit.MemberSpend;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.run.RunFailure;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.UsageId;
import dev.agentcredits.domain.team.Member;
import dev.agentcredits.domain.team.Role;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DOMAIN.md rule 24's store: limits, the figure kept of each member, and the tally of runs. */
public abstract class MemberLimitStoreContract extends StoreContract {
  private static final YearMonth MARCH = YearMonth.from(TestData.T0.atOffset(ZoneOffset.UTC));

  private MemberLimitStore limits() {
    return stores().memberLimits();
  }

  @Test
  void aTeamHasNoLimitsUntilOneIsSet() {
    World world = world();

    assertThat(limits().teamDefault(world.team().id())).isEmpty();
    assertThat(limits().standings(List.of(world.owner().id())))
        .containsExactly(
            Map.entry(
                world.owner().id(),
                new Standing(world.owner().id(), world.team().id(), null, null, null)));
  }

  @Test
  void theTeamDefaultAndAMembersOwnAreReadBackAndNullRemovesThem() {
    World world = world();
    MemberId owner = world.owner().id();

    limits().setTeamDefault(world.team().id(), 2_000L);
    limits().setOwn(world.team().id(), owner, 500L);
    Standing both = limits().standings(List.of(owner)).get(owner);
    limits().setTeamDefault(world.team().id(), 3_000L);
    limits().setOwn(world.team().id(), owner, null);
    Standing defaultOnly = limits().standings(List.of(owner)).get(owner);
    limits().setTeamDefault(world.team().id(), null);

    assertThat(both.teamDefault()).isEqualTo(2_000L);
    assertThat(both.own()).isEqualTo(500L);
    assertThat(both.limit()).isEqualTo(500L);
    assertThat(defaultOnly.own()).isNull();
    assertThat(defaultOnly.limit()).isEqualTo(3_000L);
    assertThat(limits().teamDefault(world.team().id())).isEmpty();
    assertThat(limits().standings(List.of(owner)).get(owner).limit()).isNull();
  }

  @Test
  void standingsComeInOneLookUpAcrossTeamsAndLeaveUnknownMembersOut() {
    World first = world();
    World second = world();
    Member admin = TeamBuilder.member(first.team(), "admin@example.com", Role.ADMIN);
    stores().teams().insertMember(admin);
    limits().setTeamDefault(first.team().id(), 100L);
    limits().setOwn(second.team().id(), second.owner().id(), 7L);

    Map<MemberId, Standing> found =
        limits()
            .standings(
                List.of(
                    first.owner().id(), admin.id(), second.owner().id(), new MemberId("nobody")));

    assertThat(found).containsOnlyKeys(first.owner().id(), admin.id(), second.owner().id());
    assertThat(found.get(admin.id()).limit()).isEqualTo(100L);
    assertThat(found.get(admin.id()).team()).isEqualTo(first.team().id());
    assertThat(found.get(second.owner().id()).limit()).isEqualTo(7L);
    assertThat(found.get(second.owner().id()).teamDefault()).isNull();
  }

  @Test
  void aKeptFigureIsWrittenWithABatchAndReplacesTheLast() {
    World world = world();
    MemberId owner = world.owner().id();
    var first = new MemberSpend(MARCH, 120, 40);
    var second = new MemberSpend(MARCH.plusMonths(1), 7, 20);

    tx().inTransaction(() -> {
      stores().batches().write(figures(new MemberLimitStore.Kept(world.team().id(), owner, first)));
      return null;
    });
    MemberSpend keptFirst = limits().standings(List.of(owner)).get(owner).kept();
    tx().inTransaction(() -> {
      stores()
          .batches()
          .write(figures(new MemberLimitStore.Kept(world.team().id(), owner, second)));
      return null;
    });

    assertThat(keptFirst).isEqualTo(first);
    assertThat(limits().standings(List.of(owner)).get(owner).kept()).isEqualTo(second);
  }

  @Test
  void theTallyCountsTheMembersUserRunsChargesInTheMonthAndWhatTheirQueuedRunsHold() {
    World world = world();
    MemberId owner = world.owner().id();
    Run queued = RunBuilder.aQueuedRun(world.team()).byMember(owner).holding(15, 5).build();
    Run done = RunBuilder.aQueuedRun(world.team()).byMember(owner).succeeded().build();
    Run teamKeys = RunBuilder.aQueuedRun(world.team()).holding(20, 0).build();
    Run stopped =
        RunBuilder.aQueuedRun(world.team())
            .byMember(owner)
            .failedFor(RunFailure.BUDGET_EXCEEDED)
            .build();
    Instant inMarch = TestData.at(Duration.ofDays(3));
    Instant inFebruary = TestData.T0.minus(Duration.ofDays(2));
    Instant inApril = TestData.T0.plus(Duration.ofDays(40));
    tx().inTransaction(() -> {
      for (Run run : List.of(queued, done, teamKeys, stopped)) {
        insert(stores().batches(), run, null);
      }
      usage(queued, "u-1", 30, inMarch);
      usage(done, "u-1", 100, inMarch);
      usage(done, "u-2", 1_000, inFebruary);
      usage(done, "u-3", 5_000, inApril);
      usage(teamKeys, "u-1", 400, inMarch);
      usage(stopped, "u-1", 7, inMarch);
      return null;
    });

    assertThat(limits().tally(world.team().id(), owner, MARCH))
        .isEqualTo(new MemberSpend(MARCH, 137, 20));
    assertThat(limits().tally(world.team().id(), owner, MARCH.minusMonths(1)))
        .isEqualTo(new MemberSpend(MARCH.minusMonths(1), 1_000, 20));
    assertThat(stores().runs().find(stopped.id()).orElseThrow().failure())
        .isEqualTo(RunFailure.BUDGET_EXCEEDED);
  }

  private void usage(Run run, String id, long credits, Instant at) {
    RunShortcuts.recordUsage(stores().batches(), run.id(), new UsageId(id), credits, at);
  }

  private static WriteBatch figures(MemberLimitStore.Kept kept) {
    return new WriteBatch(
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(kept));
  }
}
