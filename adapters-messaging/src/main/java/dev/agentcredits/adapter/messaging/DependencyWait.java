package dev.agentcredits.adapter.messaging;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pauses the consumer, longer each time, while a dependency is down; says so once when it goes and
 * once when it comes back.
 */
final class DependencyWait {
  private static final Logger log = LoggerFactory.getLogger(DependencyWait.class);

  private final Backoff pause = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(5));
  private boolean down;

  void pause(String why) {
    if (!down) {
      down = true;
      log.warn("a dependency is unavailable; commands wait and are retried: {}", why);
    }
    try {
      TimeUnit.MILLISECONDS.sleep(pause.nextDelayMillis());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  void back() {
    if (down) {
      down = false;
      log.info("commands are being handled again");
    }
    pause.reset();
  }
}
