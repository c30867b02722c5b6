package dev.agentcredits.adapter.messaging;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.Recoverable;
import com.rabbitmq.client.RecoveryListener;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One named connection that is there whenever the broker is. amqp-client's automatic recovery
 * brings back a connection that was lost; this class adds what it does not do: retrying a first
 * connection that failed, in the background with back-off, and counting shutdowns so a caller can
 * tell whether the connection stayed up across a piece of work.
 */
final class ManagedConnection implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ManagedConnection.class);

  /** What to do with the connection once it is there. */
  interface Setup {
    /** Prepares a fresh connection (topology, channels); a failure counts as a failed connect. */
    void prepare(Connection connection) throws IOException;

    /** After amqp-client recovered the connection (and what was declared and consumed on it). */
    default void recovered(Connection connection) throws IOException {}
  }

  private final ConnectionFactory factory;
  private final String name;
  private final Setup setup;
  private final Duration initialDelay;
  private final Duration maxDelay;
  private final AtomicLong shutdowns = new AtomicLong();
  private final CountDownLatch closing = new CountDownLatch(1);
  private volatile Connection connection;
  private volatile boolean blocked;
  private Thread connector;

  ManagedConnection(
      ConnectionFactory factory,
      String name,
      Setup setup,
      Duration initialDelay,
      Duration maxDelay) {
    this.factory = factory;
    this.name = name;
    this.setup = setup;
    this.initialDelay = initialDelay;
    this.maxDelay = maxDelay;
  }

  /** Connects now if it can, else keeps trying in the background; never throws. */
  synchronized void open() {
    if (tryConnect(true)) {
      return;
    }
    connector = Thread.ofPlatform().daemon().name("amqp-connect " + name).start(this::keepTrying);
  }

  /** The connection, or null before the first connect succeeded. */
  Connection current() {
    return connection;
  }

  boolean isOpen() {
    Connection c = connection;
    return c != null && c.isOpen();
  }

  /** True while the broker blocks publishers (a memory or disk alarm). */
  boolean isBlocked() {
    return blocked;
  }

  /** Goes up by one whenever the connection shuts down, for any reason. */
  long shutdowns() {
    return shutdowns.get();
  }

  private void keepTrying() {
    Backoff backoff = new Backoff(initialDelay, maxDelay);
    try {
      while (!closing.await(backoff.nextDelayMillis(), TimeUnit.MILLISECONDS)) {
        if (tryConnect(false)) {
          return;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private boolean tryConnect(boolean first) {
    Connection c = null;
    try {
      c = factory.newConnection(name);
      c.addShutdownListener(cause -> {
        shutdowns.incrementAndGet();
        if (!cause.isInitiatedByApplication()) {
          log.warn("RabbitMQ connection {} lost, recovering: {}", name, cause.getMessage());
        }
      });
      c.addBlockedListener(
          reason -> {
            blocked = true;
            log.warn("RabbitMQ blocks publishing on {}: {}", name, reason);
          },
          () -> {
            blocked = false;
            log.info("RabbitMQ unblocked publishing on {}", name);
          });
      ((Recoverable) c).addRecoveryListener(new RecoveryLog());
      setup.prepare(c);
      synchronized (this) {
        if (closing.getCount() == 0) {
          closeQuietly(c);
          return true;
        }
        connection = c;
      }
      log.info("RabbitMQ connection {} open", name);
      return true;
    } catch (IOException | TimeoutException | RuntimeException e) {
      closeQuietly(c);
      if (first) {
        log.warn("RabbitMQ connection {} failed; retrying in the background: {}", name, cause(e));
      } else {
        log.debug("RabbitMQ connection {} failed again: {}", name, cause(e));
      }
      return false;
    }
  }

  private final class RecoveryLog implements RecoveryListener {
    @Override
    public void handleRecoveryStarted(Recoverable recoverable) {
      log.debug("RabbitMQ connection {} recovery started", name);
    }

    @Override
    public void handleRecovery(Recoverable recoverable) {
      log.info("RabbitMQ connection {} recovered", name);
      Connection c = connection;
      if (c != null) {
        try {
          setup.recovered(c);
        } catch (IOException | RuntimeException e) {
          log.warn("RabbitMQ connection {} recovered but not set up again: {}", name, e.toString());
        }
      }
    }
  }

  @Override
  public void close() {
    Thread waitFor;
    Connection c;
    synchronized (this) {
      closing.countDown();
      waitFor = connector;
      c = connection;
    }
    if (waitFor != null) {
      try {
        waitFor.join(Duration.ofSeconds(15));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    closeQuietly(c);
  }

  private static void closeQuietly(Connection c) {
    if (c == null) {
      return;
    }
    try {
      c.close(5_000);
    } catch (IOException | RuntimeException e) {
      c.abort(1_000);
    }
  }

  private static String cause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root == e ? e.toString() : e + " (" + root + ")";
  }
}
