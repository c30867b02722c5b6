package dev.agentcredits.adapter.messaging;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ShutdownSignalException;
import dev.agentcredits.application.port.out.EncodedEvent;
import dev.agentcredits.application.port.out.EventPublisher;
import dev.agentcredits.application.port.out.ResourceUnavailableException;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeoutException;

/**
 * Publishes a batch with publisher confirms and returns only when the broker has confirmed every
 * message of it; otherwise it throws {@link ResourceUnavailableException} and the relay sends the
 * batch again later (consumers de-duplicate by event id).
 *
 * <p>A batch counts as confirmed only if the connection stayed up the whole time: after automatic
 * recovery the channel is a new one whose confirms say nothing about what was sent before.
 */
final class RabbitEventPublisher implements EventPublisher {
  private final ManagedConnection connection;
  private final String exchange;
  private final Duration confirmTimeout;
  private Channel channel;

  RabbitEventPublisher(ManagedConnection connection, String exchange, Duration confirmTimeout) {
    this.connection = connection;
    this.exchange = exchange;
    this.confirmTimeout = confirmTimeout;
  }

  @Override
  public synchronized void publish(List<EncodedEvent> events) {
    if (events.isEmpty()) {
      return;
    }
    if (!connection.isOpen()) {
      throw unavailable("the broker is not connected", null);
    }
    if (connection.isBlocked()) {
      throw unavailable("the broker is blocking publishers (resource alarm)", null);
    }
    long shutdownsBefore = connection.shutdowns();
    try {
      Channel ch = channel();
      long firstSeqNo = ch.getNextPublishSeqNo();
      for (EncodedEvent event : events) {
        ch.basicPublish(
            exchange,
            CloudEvents.routingKey(event),
            false,
            CloudEvents.properties(event),
            CloudEvents.body(event));
      }
      boolean allAcked = ch.waitForConfirms(confirmTimeout.toMillis());
      boolean sameChannel = ch.getNextPublishSeqNo() == firstSeqNo + events.size();
      if (connection.shutdowns() != shutdownsBefore || !sameChannel) {
        throw unavailable("the broker connection was lost while publishing", null);
      }
      if (!allAcked) {
        throw unavailable("the broker refused (nacked) an event", null);
      }
    } catch (IOException | TimeoutException | ShutdownSignalException e) {
      throw unavailable("publishing to the broker failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable("interrupted while waiting for the broker's confirms", e);
    } catch (ResourceUnavailableException e) {
      throw e;
    } catch (RuntimeException e) {
      throw unavailable("publishing to the broker failed", e);
    }
  }

  private Channel channel() throws IOException {
    if (channel == null || !channel.isOpen()) {
      Connection c = connection.current();
      if (c == null) {
        throw new IOException("not connected");
      }
      Channel fresh = c.createChannel();
      fresh.confirmSelect();
      channel = fresh;
    }
    return channel;
  }

  /** Drops the channel, so confirms still due on it cannot be mistaken for the next batch's. */
  private ResourceUnavailableException unavailable(String message, Throwable cause) {
    Channel broken = channel;
    channel = null;
    if (broken != null) {
      try {
        broken.abort();
      } catch (IOException | RuntimeException ignored) {
        // already closed
      }
    }
    return new ResourceUnavailableException(message, cause);
  }
}
