package dev.agentcredits.adapter.messaging;

import java.time.Duration;

/** Retries an assertion until it passes or the time is up. */
final class Eventually {
  interface Check {
    void run() throws Exception;
  }

  private Eventually() {}

  static void within(Duration timeout, Check check) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      try {
        check.run();
        return;
      } catch (AssertionError | Exception e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(20);
      }
    }
  }
}
