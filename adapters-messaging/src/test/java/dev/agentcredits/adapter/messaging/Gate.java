package dev.agentcredits.adapter.messaging;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Holds a use case call until the test opens it, so a command is surely in flight. */
final class Gate {
  private final CountDownLatch reached = new CountDownLatch(1);
  private final CountDownLatch open = new CountDownLatch(1);

  /** Called by the use case: says it is there, then waits (at most 30 s) to be let through. */
  void pass() {
    reached.countDown();
    try {
      open.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  void awaitReached() throws InterruptedException {
    if (!reached.await(30, TimeUnit.SECONDS)) {
      throw new AssertionError("the gate was never reached");
    }
  }

  void open() {
    open.countDown();
  }
}
