package dev.agentcredits.bootstrap;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Whether the service has finished starting, for {@code /health/ready}: HTTP already listens while
 * the rest starts, and with {@code --demo} the demo teams are provisioned after that; ready only
 * once everything a client may ask about is there.
 */
final class StartupGate {
  private final AtomicBoolean open = new AtomicBoolean();

  void open() {
    open.set(true);
  }

  boolean isOpen() {
    return open.get();
  }
}
