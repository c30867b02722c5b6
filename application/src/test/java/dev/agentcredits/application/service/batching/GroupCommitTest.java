package dev.agentcredits.application.service.batching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcredits.application.port.out.ResourceUnavailableException;
import dev.agentcredits.domain.shared.PoolId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GroupCommitTest {
  private static final PoolId POOL = new PoolId("t:team-1");

  @Test
  void aLoneRequestIsWorkedAtOnceAsABatchOfOne() {
    List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
    GroupCommit<PoolId, Integer, String> lanes =
        new GroupCommit<>(items -> {
          batches.add(items);
          return items.stream().map(i -> "r" + i).toList();
        });

    assertThat(lanes.submit(POOL, 7)).isEqualTo("r7");
    assertThat(batches).containsExactly(List.of(7));
  }

  @Test
  void requestsQueuedBehindABusyLeaderShareOneBatchAndEachGetsItsOwnResult() throws Exception {
    CountDownLatch firstBatchStarted = new CountDownLatch(1);
    CountDownLatch releaseFirstBatch = new CountDownLatch(1);
    List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
    GroupCommit<PoolId, Integer, Integer> lanes =
        new GroupCommit<>(items -> {
          batches.add(items);
          if (batches.size() == 1) {
            firstBatchStarted.countDown();
            await(releaseFirstBatch);
          }
          return items.stream().map(i -> i * 10).toList();
        });
    ExecutorService threads = Executors.newFixedThreadPool(9);
    try {
      Future<Integer> first = threads.submit(() -> lanes.submit(POOL, 0));
      firstBatchStarted.await();
      List<Future<Integer>> queued = new ArrayList<>();
      for (int i = 1; i <= 8; i++) {
        int item = i;
        queued.add(threads.submit(() -> lanes.submit(POOL, item)));
      }
      Thread.sleep(50);
      releaseFirstBatch.countDown();

      assertThat(first.get()).isZero();
      for (int i = 1; i <= 8; i++) {
        assertThat(queued.get(i - 1).get()).isEqualTo(i * 10);
      }
      assertThat(batches).hasSize(2);
      assertThat(batches.get(1)).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7, 8);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aFailedBatchFailsEachOfItsRequestsWithTheSameException() {
    IllegalStateException down = new IllegalStateException("database down");
    GroupCommit<PoolId, Integer, Integer> lanes =
        new GroupCommit<>(items -> {
          throw down;
        });

    assertThatThrownBy(() -> lanes.submit(POOL, 1)).isSameAs(down);
  }

  @Test
  void aBatchThatFailsIsTriedOneByOneSoOnlyTheCulpritFails() throws Exception {
    CountDownLatch firstBatchStarted = new CountDownLatch(1);
    CountDownLatch releaseFirstBatch = new CountDownLatch(1);
    List<List<Integer>> batches = Collections.synchronizedList(new ArrayList<>());
    IllegalStateException collision = new IllegalStateException("request key already used");
    GroupCommit<PoolId, Integer, Integer> lanes =
        new GroupCommit<>(items -> {
          batches.add(items);
          if (batches.size() == 1) {
            firstBatchStarted.countDown();
            await(releaseFirstBatch);
          }
          if (items.contains(13)) {
            throw collision;
          }
          return items.stream().map(i -> i * 10).toList();
        });
    ExecutorService threads = Executors.newFixedThreadPool(5);
    try {
      Future<Integer> first = threads.submit(() -> lanes.submit(POOL, 0));
      firstBatchStarted.await();
      List<Future<Integer>> queued = new ArrayList<>();
      for (int item : List.of(11, 12, 13, 14)) {
        queued.add(threads.submit(() -> lanes.submit(POOL, item)));
      }
      Thread.sleep(50);
      releaseFirstBatch.countDown();

      assertThat(first.get()).isZero();
      assertThat(queued.get(0).get()).isEqualTo(110);
      assertThat(queued.get(1).get()).isEqualTo(120);
      assertThatThrownBy(() -> queued.get(2).get()).hasCause(collision);
      assertThat(queued.get(3).get()).isEqualTo(140);
      assertThat(batches.get(1)).hasSize(4).contains(13);
      assertThat(batches.subList(2, batches.size()))
          .containsExactlyInAnyOrder(List.of(11), List.of(12), List.of(13), List.of(14));
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void aBatchTheDatabaseCannotTakeFailsAsAWholeWithoutTryingEachAgain() throws Exception {
    CountDownLatch firstBatchStarted = new CountDownLatch(1);
    CountDownLatch releaseFirstBatch = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    ResourceUnavailableException away = new ResourceUnavailableException("database away", null);
    GroupCommit<PoolId, Integer, Integer> lanes =
        new GroupCommit<>(items -> {
          if (calls.incrementAndGet() == 1) {
            firstBatchStarted.countDown();
            await(releaseFirstBatch);
            return items;
          }
          throw away;
        });
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      Future<Integer> first = threads.submit(() -> lanes.submit(POOL, 0));
      firstBatchStarted.await();
      List<Future<Integer>> queued = new ArrayList<>();
      for (int item : List.of(1, 2, 3)) {
        queued.add(threads.submit(() -> lanes.submit(POOL, item)));
      }
      Thread.sleep(50);
      releaseFirstBatch.countDown();

      assertThat(first.get()).isZero();
      for (Future<Integer> answer : queued) {
        assertThatThrownBy(answer::get).hasCause(away);
      }
      assertThat(calls).hasValue(2);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void requestsQueuedWhileTheDatabaseWasFoundAwayFailAtOnceWithoutABatchOfTheirOwn()
      throws Exception {
    CountDownLatch batchStarted = new CountDownLatch(1);
    CountDownLatch releaseBatch = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    ResourceUnavailableException away = new ResourceUnavailableException("database away", null);
    GroupCommit<PoolId, Integer, Integer> lanes =
        new GroupCommit<>(items -> {
          calls.incrementAndGet();
          batchStarted.countDown();
          await(releaseBatch);
          throw away;
        });
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      Future<Integer> first = threads.submit(() -> lanes.submit(POOL, 0));
      batchStarted.await();
      List<Future<Integer>> queued = new ArrayList<>();
      for (int item : List.of(1, 2, 3)) {
        queued.add(threads.submit(() -> lanes.submit(POOL, item)));
      }
      Thread.sleep(50);
      releaseBatch.countDown();

      assertThatThrownBy(first::get).hasCause(away);
      for (Future<Integer> answer : queued) {
        assertThatThrownBy(answer::get).hasCause(away);
      }
      assertThat(calls).hasValue(1);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void differentPoolsDoNotWaitForEachOther() throws Exception {
    CountDownLatch releaseA = new CountDownLatch(1);
    AtomicInteger worked = new AtomicInteger();
    GroupCommit<PoolId, String, String> lanes =
        new GroupCommit<>(items -> {
          if (items.contains("a")) {
            await(releaseA);
          }
          worked.incrementAndGet();
          return items;
        });
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      Future<String> a = threads.submit(() -> lanes.submit(new PoolId("t:a"), "a"));
      Future<String> b = threads.submit(() -> lanes.submit(new PoolId("t:b"), "b"));

      assertThat(b.get()).isEqualTo("b");
      assertThat(a.isDone()).isFalse();
      releaseA.countDown();
      assertThat(a.get()).isEqualTo("a");
      assertThat(worked).hasValue(2);
    } finally {
      threads.shutdownNow();
    }
  }

  @Test
  void manyThreadsOnOnePoolEachGetTheirOwnAnswer() throws Exception {
    GroupCommit<PoolId, Integer, Integer> lanes =
        new GroupCommit<>(items -> items.stream().map(i -> -i).toList());
    ExecutorService threads = Executors.newFixedThreadPool(16);
    try {
      List<Future<Integer>> answers = new ArrayList<>();
      for (int i = 0; i < 2_000; i++) {
        int item = i;
        answers.add(threads.submit(() -> lanes.submit(POOL, item)));
      }
      for (int i = 0; i < answers.size(); i++) {
        assertThat(answers.get(i).get()).isEqualTo(-i);
      }
    } finally {
      threads.shutdownNow();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
