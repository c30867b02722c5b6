package dev.agentcredits.bootstrap;

import dev.agentcredits.application.port.out.Stores;
import dev.agentcredits.application.port.out.TransactionRunner;
import java.util.function.BooleanSupplier;
import org.slf4j.LoggerFactory;

/** The store the service runs on: its ports, whether it answers, and how to let it go. */
record StoreBackend(
    String name,
    Stores stores,
    TransactionRunner transactions,
    BooleanSupplier healthy,
    Runnable closer)
    implements AutoCloseable {

  /** Closed last, since everything else uses it: the end of an orderly stop. */
  @Override
  public void close() {
    closer.run();
    LoggerFactory.getLogger(StoreBackend.class).info("stopped: the {} store is closed", name);
  }
}
