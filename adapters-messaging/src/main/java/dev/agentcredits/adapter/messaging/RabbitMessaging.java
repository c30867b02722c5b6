package dev.agentcredits.adapter.messaging;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.RecoveryDelayHandler;
import dev.agentcredits.application.port.out.EventPublisher;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The RabbitMQ side of the application: publishes events (CloudEvents on a topic exchange) and
 * consumes commands (API.md "Messages"). It uses two connections, one to publish and one to
 * consume, so that the broker throttling publishers never stalls the consumer. Both come back by
 * themselves after the broker went away, and also when it was not there at start.
 */
public final class RabbitMessaging implements AutoCloseable {
  /**
   * Twice the largest batch, so that the next batch of usage reports is delivered while one
   * commits.
   */
  static final int PREFETCH = 2 * CommandInbox.MAX_BATCH;

  static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration FIRST_RETRY = Duration.ofMillis(500);
  private static final Duration MAX_RETRY = Duration.ofSeconds(10);
  private static final Logger log = LoggerFactory.getLogger(RabbitMessaging.class);

  private final Topology topology;
  private final CommandProcessor processor;
  private final ReentrantLock handling = new ReentrantLock();
  private final ManagedConnection publishing;
  private final ManagedConnection consuming;
  private final RabbitEventPublisher publisher;
  private volatile boolean consumeRequested;
  private volatile CommandConsumer consumer;
  private Connection subscribedOn;

  private RabbitMessaging(ConnectionFactory factory, CommandHandlers handlers, Topology topology) {
    this.topology = topology;
    this.processor = new CommandProcessor(handlers, topology.commandsQueue());
    this.publishing =
        new ManagedConnection(
            factory, topology.prefix() + " publisher", this::declare, FIRST_RETRY, MAX_RETRY);
    this.consuming =
        new ManagedConnection(
            factory, topology.prefix() + " consumer", new ConsumerSetup(), FIRST_RETRY, MAX_RETRY);
    this.publisher =
        new RabbitEventPublisher(publishing, topology.eventsExchange(), CONFIRM_TIMEOUT);
  }

  /** Connects to {@code amqpUrl} with the topology API.md documents. */
  public static RabbitMessaging connect(String amqpUrl, CommandHandlers handlers) {
    return connect(amqpUrl, handlers, Topology.DEFAULT);
  }

  /**
   * Connects and declares the topology; when the broker cannot be reached it still answers, and
   * keeps connecting in the background. Throws only for a malformed URL.
   */
  public static RabbitMessaging connect(
      String amqpUrl, CommandHandlers handlers, Topology topology) {
    RabbitMessaging messaging = new RabbitMessaging(factory(amqpUrl), handlers, topology);
    messaging.publishing.open();
    messaging.consuming.open();
    return messaging;
  }

  /**
   * The publisher, always the same one; its {@code publish} waits for the broker's confirms and
   * throws {@code ResourceUnavailableException} while disconnected.
   */
  public EventPublisher publisher() {
    return publisher;
  }

  /** Starts taking commands off the queue, now or as soon as the broker is reachable. */
  public void startConsuming() {
    consumeRequested = true;
    Connection c = consuming.current();
    if (c != null) {
      try {
        subscribe(c);
      } catch (IOException | RuntimeException e) {
        log.warn(
            "could not subscribe to {} yet, will on reconnect: {}",
            topology.commandsQueue(),
            e.toString());
      }
    }
  }

  /** Both connections are open and, once consuming was asked for, the subscription is active. */
  public boolean isHealthy() {
    if (!publishing.isOpen() || !consuming.isOpen()) {
      return false;
    }
    CommandConsumer active = consumer;
    return !consumeRequested || (active != null && active.isSubscribed());
  }

  /**
   * Stops consuming, lets the command in hand finish (up to 10 s), then closes both connections.
   * Unacknowledged commands go back to the queue.
   */
  @Override
  public void close() {
    consumeRequested = false;
    CommandConsumer active = consumer;
    if (active != null) {
      try {
        if (active.getConsumerTag() != null && active.getChannel().isOpen()) {
          active.getChannel().basicCancel(active.getConsumerTag());
        }
      } catch (IOException | RuntimeException e) {
        log.debug("could not cancel the command subscription: {}", e.toString());
      }
    }
    boolean idle = false;
    try {
      idle = handling.tryLock(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      consuming.close();
      publishing.close();
    } finally {
      if (active != null) {
        active.stop();
      }
      if (idle) {
        handling.unlock();
      }
    }
  }

  private void declare(Connection connection) throws IOException {
    // A channel that stays open: amqp-client re-declares on it after a recovery.
    Channel channel = connection.createChannel();
    topology.declare(channel);
  }

  private final class ConsumerSetup implements ManagedConnection.Setup {
    @Override
    public void prepare(Connection connection) throws IOException {
      declare(connection);
      subscribe(connection);
    }

    /** startConsuming() may have come while the connection was down. */
    @Override
    public void recovered(Connection connection) throws IOException {
      subscribe(connection);
    }
  }

  /**
   * Subscribes once per connection, when consuming was asked for; amqp-client re-subscribes after a
   * recovery by itself.
   */
  private synchronized void subscribe(Connection connection) throws IOException {
    if (!consumeRequested || subscribedOn == connection) {
      return;
    }
    Channel channel = connection.createChannel();
    CommandConsumer fresh =
        new CommandConsumer(channel, processor, topology, handling, CONFIRM_TIMEOUT);
    try {
      channel.basicQos(PREFETCH);
      channel.confirmSelect();
      channel.basicConsume(topology.commandsQueue(), false, fresh);
      if (consumer != null) {
        consumer.stop(); // its connection is gone, and with it what it had not handled
      }
      consumer = fresh;
      subscribedOn = connection;
    } catch (IOException | RuntimeException e) {
      fresh.stop();
      channel.abort();
      throw e;
    }
    log.info("consuming commands from {}", topology.commandsQueue());
  }

  private static ConnectionFactory factory(String amqpUrl) {
    ConnectionFactory factory = new ConnectionFactory();
    try {
      if (URI.create(amqpUrl).getHost() == null) {
        throw new IllegalArgumentException("no host");
      }
      factory.setUri(amqpUrl);
    } catch (URISyntaxException | GeneralSecurityException | RuntimeException e) {
      // not chained: the message may hold the URL, and the URL the password
      throw new IllegalArgumentException(
          "the AMQP URL is malformed: expected amqp[s]://user:password@host:port[/vhost]");
    }
    factory.setAutomaticRecoveryEnabled(true);
    factory.setTopologyRecoveryEnabled(true);
    factory.setRecoveryDelayHandler(
        new RecoveryDelayHandler.ExponentialBackoffDelayHandler(
            List.of(500L, 1_000L, 2_000L, 4_000L, 8_000L, 10_000L)));
    factory.setRequestedHeartbeat(15);
    factory.setConnectionTimeout(5_000);
    factory.setHandshakeTimeout(5_000);
    factory.setExceptionHandler(new QuietRecoveryExceptionHandler());
    return factory;
  }
}
