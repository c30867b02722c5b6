package dev.agentcredits.application.port.out.contract;

import static dev.agentcredits.application.port.out.contract.RunBuilder.aQueuedRun;
import static dev.agentcredits.application.port.out.contract.TestData.at;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.out.RunListing;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.run.RunState;
import dev.agentcredits.domain.shared.MemberId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RunStore.list: newest first by (created_at, id), filtered, paged strictly before a position. */
public abstract class RunListingContract extends StoreContract {
  @Test
  void runsComeNewestFirstWithTiesOrderedByIdHighestFirst() {
    World world = world();
    String prefix = TestData.unique("task");
    Run old = aQueuedRun(world.team()).withId(prefix + "a").createdAt(at(seconds(1))).build();
    Run tieLow = aQueuedRun(world.team()).withId(prefix + "B").createdAt(at(seconds(2))).build();
    Run tieHigh = aQueuedRun(world.team()).withId(prefix + "b").createdAt(at(seconds(2))).build();
    Run newest = aQueuedRun(world.team()).withId(prefix + "0").createdAt(at(seconds(3))).build();
    insert(old, tieLow, tieHigh, newest);
    insert(aQueuedRun(world().team()).createdAt(at(seconds(4))).build());

    assertThat(stores().runs().list(all(world), 10)).containsExactly(newest, tieHigh, tieLow, old);
    assertThat(stores().runs().list(all(world), 2)).containsExactly(newest, tieHigh);
  }

  @Test
  void aPageStartsStrictlyBeforeThePositionEvenWhenNewerRunsArrive() {
    World world = world();
    String prefix = TestData.unique("task");
    Run first = aQueuedRun(world.team()).withId(prefix + "1").createdAt(at(seconds(1))).build();
    Run second = aQueuedRun(world.team()).withId(prefix + "2").createdAt(at(seconds(1))).build();
    Run third = aQueuedRun(world.team()).withId(prefix + "3").createdAt(at(seconds(5))).build();
    insert(first, second, third);
    var after = new RunListing.Position(second.createdAt(), second.id());

    insert(aQueuedRun(world.team()).createdAt(at(seconds(9))).build());

    var page = new RunListing(world.team().id(), null, null, after);
    assertThat(stores().runs().list(page, 10)).containsExactly(first);
  }

  @Test
  void runsAreFilteredByTriggeringMemberAndState() {
    World world = world();
    MemberId bob = new MemberId(TestData.unique("mem"));
    Run bobsQueued = aQueuedRun(world.team()).triggeredBy(bob).createdAt(at(seconds(1))).build();
    Run bobsFailed =
        aQueuedRun(world.team()).triggeredBy(bob).failed().createdAt(at(seconds(2))).build();
    Run ownersFailed = aQueuedRun(world.team()).failed().createdAt(at(seconds(3))).build();
    insert(bobsQueued, bobsFailed, ownersFailed);
    var team = world.team().id();

    assertThat(stores().runs().list(new RunListing(team, bob, null, null), 10))
        .containsExactly(bobsFailed, bobsQueued);
    assertThat(stores().runs().list(new RunListing(team, null, RunState.FAILED, null), 10))
        .containsExactly(ownersFailed, bobsFailed);
    assertThat(stores().runs().list(new RunListing(team, bob, RunState.QUEUED, null), 10))
        .containsExactly(bobsQueued);
    assertThat(stores().runs().list(new RunListing(team, bob, RunState.CANCELLED, null), 10))
        .isEmpty();
  }

  private static RunListing all(World world) {
    return new RunListing(world.team().id(), null, null, null);
  }

  private void insert(Run... runs) {
    tx().inTransaction(() -> {
      List.of(runs).forEach(run -> RunShortcuts.insert(stores().batches(), run, null));
      return null;
    });
  }

  private static Duration seconds(long value) {
    return Duration.ofSeconds(value);
  }
}
