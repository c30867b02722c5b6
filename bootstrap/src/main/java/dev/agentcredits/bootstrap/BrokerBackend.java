package dev.agentcredits.bootstrap;

import dev.agentcredits.application.port.out.EventPublisher;
import java.util.function.BooleanSupplier;

/** The broker events go out through: its publisher, whether it answers, and how to let it go. */
record BrokerBackend(
    String name, EventPublisher publisher, BooleanSupplier healthy, Runnable closer)
    implements AutoCloseable {

  @Override
  public void close() {
    closer.run();
  }
}
