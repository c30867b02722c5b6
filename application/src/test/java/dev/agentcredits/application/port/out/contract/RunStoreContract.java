package dev.agentcredits.application.port.out.contract;

import static dev.agentcredits.application.port.out.contract.RunBuilder.aQueuedRun;
import static dev.agentcredits.application.port.out.contract.RunShortcuts.findByRequestKey;
import static dev.agentcredits.application.port.out.contract.RunShortcuts.findUsage;
import static dev.agentcredits.application.port.out.contract.RunShortcuts.insert;
import static dev.agentcredits.application.port.out.contract.RunShortcuts.recordUsage;
import static dev.agentcredits.application.port.out.contract.TestData.T0;
import static dev.agentcredits.application.port.out.contract.TestData.at;
import static dev.agentcredits.application.port.out.contract.WriteBatchBuilder.aBatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcredits.application.port.out.DuplicateKeyException;
import dev.agentcredits.application.port.out.RunStore;
import dev.agentcredits.application.port.out.RunStore.UsageKey;
import dev.agentcredits.domain.pool.Hold;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.run.RunFailure;
import dev.agentcredits.domain.run.RunState;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.UsageId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

public abstract class RunStoreContract extends StoreContract {
  @Test
  void aRunIsFoundWithItsHoldInWaterfallOrder() {
    World world = world();
    Run run = aQueuedRun(world.team()).holding(15, 5).scheduled("nightly").build();

    insert(stores().batches(), run, null);

    assertThat(stores().runs().find(run.id())).contains(run);
    assertThat(tx().inTransaction(() -> stores().runs().lock(run.id()))).contains(run);
  }

  @Test
  void runsInsertedAsABatchAreEachFound() {
    World world = world();
    Run first = aQueuedRun(world.team()).holding(20, 0).build();
    Run second = aQueuedRun(world.team()).holding(5, 15).build();

    tx().inTransaction(() -> {
      aBatch().newRun(first, null).newRun(second, null).writeTo(stores().batches());
      return null;
    });

    assertThat(stores().runs().find(first.id())).contains(first);
    assertThat(stores().runs().find(second.id())).contains(second);
  }

  @Test
  void keyedRunsInsertedAsABatchAreFoundByTheirKeysInOneLookUp() {
    World world = world();
    Run first = aQueuedRun(world.team()).build();
    Run second = aQueuedRun(world.team()).build();

    tx().inTransaction(() -> {
      aBatch().newRun(first, "k-1").newRun(second, "k-2").writeTo(stores().batches());
      return null;
    });

    assertThat(stores().runs().findByRequestKeys(world.team().id(), List.of("k-1", "k-2", "k-3")))
        .isEqualTo(Map.of("k-1", first, "k-2", second));
    assertThat(stores().runs().findByRequestKeys(world().team().id(), List.of("k-1"))).isEmpty();
  }

  @Test
  void aBatchWhoseRequestKeyIsTakenFailsAsADuplicateKeyAndLeavesNothing() {
    World world = world();
    insert(stores().batches(), aQueuedRun(world.team()).build(), "k-1");
    Run fresh = aQueuedRun(world.team()).build();
    Run colliding = aQueuedRun(world.team()).build();

    assertThatThrownBy(() ->
            tx().inTransaction(() -> {
              aBatch().newRun(fresh, "k-2").newRun(colliding, "k-1").writeTo(stores().batches());
              return null;
            }))
        .isInstanceOf(DuplicateKeyException.class);
    assertThat(stores().runs().find(fresh.id())).isEmpty();
    assertThat(stores().runs().find(colliding.id())).isEmpty();
  }

  @Test
  void runsAreLockedTogetherAndUnknownOnesLeftOut() {
    World world = world();
    Run first = aQueuedRun(world.team()).build();
    Run second = aQueuedRun(world.team()).build();
    insert(stores().batches(), first, null);
    insert(stores().batches(), second, null);

    List<Run> locked =
        tx().inTransaction(() ->
            stores().runs().lockAll(List.of(second.id(), new RunId("task_none"), first.id())));

    assertThat(locked).containsExactlyInAnyOrder(first, second);
  }

  @Test
  void usageReportsRecordedTogetherAreFoundTogetherWithWhatTheyWereAnswered() {
    World world = world();
    Run run = aQueuedRun(world.team()).holding(20, 0).build();
    Run other = aQueuedRun(world.team()).build();
    insert(stores().batches(), run, null);
    insert(stores().batches(), other, null);
    UsageId one = new UsageId("usage-1");
    UsageId two = new UsageId("usage-2");
    var answered = new RunStore.Answered(RunState.FAILED, RunFailure.INSUFFICIENT_CREDITS, 35, 0);
    var first = new RunStore.Usage(run.id(), one, 3, T0, RunStore.Answered.of(run));
    var second = new RunStore.Usage(other.id(), one, 5, T0, answered);

    tx().inTransaction(() -> {
      aBatch().usages(first, second).writeTo(stores().batches());
      return null;
    });

    var keys =
        List.of(
            new UsageKey(run.id(), one),
            new UsageKey(other.id(), one),
            new UsageKey(run.id(), two));
    assertThat(stores().runs().findUsages(keys))
        .isEqualTo(Map.of(first.key(), first, second.key(), second));
    assertThat(findUsage(stores().runs(), other.id(), one)).hasValue(5);
  }

  @Test
  void aUsageReportRecordedWithoutAnAnswerKeepsNone() {
    World world = world();
    Run run = aQueuedRun(world.team()).build();
    insert(stores().batches(), run, null);
    UsageId usage = new UsageId("usage-1");

    recordUsage(stores().batches(), run.id(), usage, 7, T0);

    assertThat(stores().runs().findUsages(List.of(new UsageKey(run.id(), usage))))
        .isEqualTo(
            Map.of(
                new UsageKey(run.id(), usage), new RunStore.Usage(run.id(), usage, 7, T0, null)));
  }

  @Test
  void theProgressOfRunsIsWrittenTogether() {
    World world = world();
    Run first = aQueuedRun(world.team()).holding(15, 5).build();
    Run second = aQueuedRun(world.team()).holding(20, 0).build();
    insert(stores().batches(), first, null);
    insert(stores().batches(), second, null);
    Run completed = first.completed(at(Duration.ofMinutes(3)));
    Run stopped = second.stoppedForCredits(at(Duration.ofMinutes(4)));

    tx().inTransaction(() -> {
      stores().runs().lockAll(List.of(first.id(), second.id()));
      aBatch().progressed(completed, stopped).writeTo(stores().batches());
      return null;
    });

    assertThat(stores().runs().find(first.id())).contains(completed);
    assertThat(stores().runs().find(second.id())).contains(stopped);
  }

  /** Rule 27: late usage moves the last activity, never the end it is judged from. */
  @Test
  void anEndedRunKeepsItsEndTimeWhenLateUsageIsWritten() {
    World world = world();
    Run run = aQueuedRun(world.team()).holding(20, 0).build();
    insert(stores().batches(), run, null);
    Run completed = run.completed(at(Duration.ofMinutes(3)));
    Run lateCharge = completed.charged(5, completed.hold(), at(Duration.ofHours(2)));

    tx().inTransaction(() -> {
      stores().runs().lockAll(List.of(run.id()));
      aBatch().progressed(completed).writeTo(stores().batches());
      return null;
    });
    tx().inTransaction(() -> {
      stores().runs().lockAll(List.of(run.id()));
      aBatch().progressed(lateCharge).writeTo(stores().batches());
      return null;
    });

    Run found = stores().runs().find(run.id()).orElseThrow();
    assertThat(found.endedAt()).isEqualTo(at(Duration.ofMinutes(3)));
    assertThat(found.lastActivityAt()).isEqualTo(at(Duration.ofHours(2)));
    assertThat(found).isEqualTo(lateCharge);
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

    insert(stores().batches(), run, "submit-1");

    assertThat(findByRequestKey(stores().runs(), world.team().id(), "submit-1")).contains(run);
    assertThat(findByRequestKey(stores().runs(), other.team().id(), "submit-1")).isEmpty();
    assertThat(findByRequestKey(stores().runs(), world.team().id(), "submit-2")).isEmpty();
  }

  @Test
  void aRequestKeyIsUniquePerTeam() {
    World world = world();
    World other = world();
    Run first = aQueuedRun(world.team()).build();
    insert(stores().batches(), first, "submit-1");
    insert(stores().batches(), aQueuedRun(world.team()).build(), null);
    insert(stores().batches(), aQueuedRun(world.team()).build(), null);

    insert(stores().batches(), aQueuedRun(other.team()).build(), "submit-1");
    Run second = aQueuedRun(world.team()).build();
    assertThatThrownBy(() -> insert(stores().batches(), second, "submit-1"))
        .isInstanceOf(DuplicateKeyException.class);
    assertThat(findByRequestKey(stores().runs(), world.team().id(), "submit-1")).contains(first);
    assertThat(stores().runs().find(second.id())).isEmpty();
  }

  @Test
  void aRequestKeyTakenInsideATransactionFailsItAsADuplicateKey() {
    World world = world();
    insert(stores().batches(), aQueuedRun(world.team()).build(), "submit-1");
    Run second = aQueuedRun(world.team()).build();

    assertThatThrownBy(() ->
            tx().inTransaction(() -> {
              insert(stores().batches(), second, "submit-1");
              return null;
            }))
        .isInstanceOf(DuplicateKeyException.class);
    assertThat(stores().runs().find(second.id())).isEmpty();
  }

  @Test
  void aRunIdIsTakenOnce() {
    World world = world();
    Run run = aQueuedRun(world.team()).build();
    insert(stores().batches(), run, null);

    assertThatThrownBy(() -> insert(stores().batches(), run, null))
        .isInstanceOf(IllegalStateException.class)
        .isNotInstanceOf(DuplicateKeyException.class);
  }

  @Test
  void progressSavesStateHoldChargesAndFailure() {
    World world = world();
    Run run = aQueuedRun(world.team()).holding(20, 0).build();
    insert(stores().batches(), run, null);
    Run charged = run.charged(12, new Hold(run.hold().reservations()), at(Duration.ofMinutes(1)));
    Run stopped = charged.stoppedForCredits(at(Duration.ofMinutes(2)));

    tx().inTransaction(() -> {
      stores().runs().lock(run.id());
      aBatch().progressed(charged).writeTo(stores().batches());
      return null;
    });
    assertThat(stores().runs().find(run.id())).contains(charged);

    aBatch().progressed(stopped).writeTo(stores().batches());
    assertThat(stores().runs().find(run.id())).contains(stopped);
  }

  @Test
  void theProgressOfAnUnknownRunFailsTheBatchAndLeavesNothing() {
    World world = world();
    Run known = aQueuedRun(world.team()).holding(20, 0).build();
    insert(stores().batches(), known, null);
    Run completed = known.completed(at(Duration.ofMinutes(1)));
    Run unknown = aQueuedRun(world.team()).build();

    assertThatThrownBy(() -> aBatch().progressed(completed, unknown).writeTo(stores().batches()))
        .isInstanceOf(IllegalStateException.class);
    assertThat(stores().runs().find(known.id())).contains(known);
    assertThat(stores().runs().find(unknown.id())).isEmpty();
  }

  @Test
  void aUsageReportIsRememberedWithItsCredits() {
    World world = world();
    Run run = aQueuedRun(world.team()).build();
    insert(stores().batches(), run, null);
    UsageId usage = new UsageId("usage-1");

    assertThat(findUsage(stores().runs(), run.id(), usage)).isEmpty();
    recordUsage(stores().batches(), run.id(), usage, 42, T0);

    assertThat(findUsage(stores().runs(), run.id(), usage)).hasValue(42);
    assertThat(findUsage(stores().runs(), run.id(), new UsageId("usage-2"))).isEmpty();
  }

  @Test
  void aRunSeesEachUsageIdOnce() {
    World world = world();
    Run run = aQueuedRun(world.team()).build();
    Run another = aQueuedRun(world.team()).build();
    insert(stores().batches(), run, null);
    insert(stores().batches(), another, null);
    UsageId usage = new UsageId("usage-1");
    recordUsage(stores().batches(), run.id(), usage, 42, T0);

    recordUsage(stores().batches(), another.id(), usage, 7, T0);
    assertThatThrownBy(() -> recordUsage(stores().batches(), run.id(), usage, 42, T0))
        .isInstanceOf(IllegalStateException.class);
    assertThat(findUsage(stores().runs(), another.id(), usage)).hasValue(7);
  }

  @Test
  void idleSinceAnswersQueuedRunsInactiveSinceTheCutoffOldestFirst() {
    World world = world();
    // Far in the past, so that no other test's run is idler than these.
    Instant base = Instant.parse("2001-01-01T00:00:00Z");
    Run oldest = inserted(aQueuedRun(world.team()).lastActiveAt(base).build());
    Run atCutoff = inserted(aQueuedRun(world.team()).lastActiveAt(base.plusSeconds(60)).build());
    inserted(aQueuedRun(world.team()).lastActiveAt(base.plusSeconds(61)).build());
    inserted(aQueuedRun(world.team()).lastActiveAt(base).succeeded().build());
    inserted(aQueuedRun(world.team()).lastActiveAt(base).failed().build());

    assertThat(stores().runs().idleSince(base.plusSeconds(60), 10))
        .containsExactly(oldest.id(), atCutoff.id());
    assertThat(stores().runs().idleSince(base.plusSeconds(60), 1)).containsExactly(oldest.id());
  }

  private Run inserted(Run run) {
    insert(stores().batches(), run, null);
    return run;
  }

  @Test
  void aRunKeepsTheTeamApiKeyThatSubmittedIt() {
    World world = world();
    Run run =
        aQueuedRun(world.team())
            .holding(20, 0)
            .build()
            .withSubmittedWith(new dev.agentcredits.domain.shared.ApiKeyId("key_ci"));
    Run batched =
        aQueuedRun(world.team())
            .holding(20, 0)
            .build()
            .withSubmittedWith(new dev.agentcredits.domain.shared.ApiKeyId("key_ci"));

    insert(stores().batches(), run, "a-key");
    tx().inTransaction(() -> {
      aBatch().newRun(batched, null).writeTo(stores().batches());
      return null;
    });

    assertThat(stores().runs().find(run.id())).contains(run);
    assertThat(stores().runs().find(batched.id()).orElseThrow().submittedWith())
        .isEqualTo(new dev.agentcredits.domain.shared.ApiKeyId("key_ci"));
  }
}
