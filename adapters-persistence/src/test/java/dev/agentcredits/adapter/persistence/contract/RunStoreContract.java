package dev.agentcredits.adapter.persistence.contract;

import static dev.agentcredits.adapter.persistence.contract.RunBuilder.aQueuedRun;
import static dev.agentcredits.adapter.persistence.contract.TestData.T0;
import static dev.agentcredits.adapter.persistence.contract.TestData.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcredits.application.port.out.DuplicateKeyException;
import dev.agentcredits.domain.pool.Hold;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.UsageId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

public abstract class RunStoreContract extends StoreContract {
  @Test
  void aRunIsFoundWithItsHoldInWaterfallOrder() {
    World world = world();
    Run run = aQueuedRun(world.team()).holding(15, 5).scheduled("nightly").build();

    stores().runs().insert(run, null);

    assertThat(stores().runs().find(run.id())).contains(run);
    assertThat(tx().inTransaction(() -> stores().runs().lock(run.id()))).contains(run);
  }

  @Test
  void runsInsertedAsABatchAreEachFound() {
    World world = world();
    Run first = aQueuedRun(world.team()).holding(20, 0).build();
    Run second = aQueuedRun(world.team()).holding(5, 15).build();

    tx().inTransaction(() -> {
      stores().runs().insertAll(java.util.List.of(first, second));
      return null;
    });

    assertThat(stores().runs().find(first.id())).contains(first);
    assertThat(stores().runs().find(second.id())).contains(second);
  }

  @Test
  void anUnknownRunIsNeitherFoundNorLocked() {
    RunId unknown = new RunId("task_unknown");

    assertThat(stores().runs().find(unknown)).isEmpty();
    assertThat(tx().inTransaction(() -> stores().runs().lock(unknown))).isEmpty();
  }

  @Test
  void aRequestKeyFindsTheRunOfThatTeamOnly() {
    World world = world();
    World other = world();
    Run run = aQueuedRun(world.team()).holding(20, 0).build();

    stores().runs().insert(run, "submit-1");

    assertThat(stores().runs().findByRequestKey(world.team().id(), "submit-1")).contains(run);
    assertThat(stores().runs().findByRequestKey(other.team().id(), "submit-1")).isEmpty();
    assertThat(stores().runs().findByRequestKey(world.team().id(), "submit-2")).isEmpty();
  }

  @Test
  void aRequestKeyIsUniquePerTeam() {
    World world = world();
    World other = world();
    Run first = aQueuedRun(world.team()).build();
    stores().runs().insert(first, "submit-1");
    stores().runs().insert(aQueuedRun(world.team()).build(), null);
    stores().runs().insert(aQueuedRun(world.team()).build(), null);

    stores().runs().insert(aQueuedRun(other.team()).build(), "submit-1");
    Run second = aQueuedRun(world.team()).build();
    assertThatThrownBy(() -> stores().runs().insert(second, "submit-1"))
        .isInstanceOf(DuplicateKeyException.class);
    assertThat(stores().runs().findByRequestKey(world.team().id(), "submit-1")).contains(first);
    assertThat(stores().runs().find(second.id())).isEmpty();
  }

  @Test
  void aRequestKeyTakenInsideATransactionFailsItAsADuplicateKey() {
    World world = world();
    stores().runs().insert(aQueuedRun(world.team()).build(), "submit-1");
    Run second = aQueuedRun(world.team()).build();

    assertThatThrownBy(() ->
            tx().inTransaction(() -> {
              stores().runs().insert(second, "submit-1");
              return null;
            }))
        .isInstanceOf(DuplicateKeyException.class);
    assertThat(stores().runs().find(second.id())).isEmpty();
  }

  @Test
  void aRunIdIsTakenOnce() {
    World world = world();
    Run run = aQueuedRun(world.team()).build();
    stores().runs().insert(run, null);

    assertThatThrownBy(() -> stores().runs().insert(run, null))
        .isInstanceOf(IllegalStateException.class)
        .isNotInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void updateSavesStateHoldChargesAndFailure() {
    World world = world();
    Run run = aQueuedRun(world.team()).holding(20, 0).build();
    stores().runs().insert(run, null);
    Run charged = run.charged(12, new Hold(run.hold().reservations()), at(Duration.ofMinutes(1)));
    Run stopped = charged.stoppedForCredits(at(Duration.ofMinutes(2)));

    tx().inTransaction(() -> {
      stores().runs().lock(run.id());
      stores().runs().update(charged);
      return null;
    });
    assertThat(stores().runs().find(run.id())).contains(charged);

    stores().runs().update(stopped);
    assertThat(stores().runs().find(run.id())).contains(stopped);
  }

  @Test
  void anUnknownRunCannotBeUpdated() {
    World world = world();

    assertThatThrownBy(() -> stores().runs().update(aQueuedRun(world.team()).build()))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aUsageReportIsRememberedWithItsCredits() {
    World world = world();
    Run run = aQueuedRun(world.team()).build();
    stores().runs().insert(run, null);
    UsageId usage = new UsageId("usage-1");

    assertThat(stores().runs().findUsage(run.id(), usage)).isEmpty();
    stores().runs().recordUsage(run.id(), usage, 42, T0);

    assertThat(stores().runs().findUsage(run.id(), usage)).hasValue(42);
    assertThat(stores().runs().findUsage(run.id(), new UsageId("usage-2"))).isEmpty();
  }

  @Test
  void aRunSeesEachUsageIdOnce() {
    World world = world();
    Run run = aQueuedRun(world.team()).build();
    Run another = aQueuedRun(world.team()).build();
    stores().runs().insert(run, null);
    stores().runs().insert(another, null);
    UsageId usage = new UsageId("usage-1");
    stores().runs().recordUsage(run.id(), usage, 42, T0);

    stores().runs().recordUsage(another.id(), usage, 7, T0);
    assertThatThrownBy(() -> stores().runs().recordUsage(run.id(), usage, 42, T0))
        .isInstanceOf(IllegalStateException.class);
    assertThat(stores().runs().findUsage(another.id(), usage)).hasValue(7);
  }

  @Test
  void idleSinceAnswersQueuedRunsInactiveSinceTheCutoffOldestFirst() {
    World world = world();
    // Far in the past, so that no other test's run is idler than these.
    Instant base = Instant.parse("2001-01-01T00:00:00Z");
    Run oldest = insert(aQueuedRun(world.team()).lastActiveAt(base).build());
    Run atCutoff = insert(aQueuedRun(world.team()).lastActiveAt(base.plusSeconds(60)).build());
    insert(aQueuedRun(world.team()).lastActiveAt(base.plusSeconds(61)).build());
    insert(aQueuedRun(world.team()).lastActiveAt(base).succeeded().build());
    insert(aQueuedRun(world.team()).lastActiveAt(base).failed().build());

    assertThat(stores().runs().idleSince(base.plusSeconds(60), 10))
        .containsExactly(oldest.id(), atCutoff.id());
    assertThat(stores().runs().idleSince(base.plusSeconds(60), 1)).containsExactly(oldest.id());
  }

  private Run insert(Run run) {
    stores().runs().insert(run, null);
    return run;
  }
}
