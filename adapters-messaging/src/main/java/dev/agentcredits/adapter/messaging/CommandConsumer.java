package dev.agentcredits.adapter.messaging;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import dev.agentcredits.application.port.out.ResourceUnavailableException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes command messages off the queue in order, on its {@link CommandInbox}'s worker thread: one
 * at a time, except report_usage commands, which are handled in batches. Each message is
 * acknowledged only once its outcome is settled: the use case returned (its effect is committed),
 * its answer is stored, and the reply or dead letter it calls for was confirmed by the broker. A
 * message left unacknowledged because the broker went away is delivered again, and its command_id
 * makes the second delivery replay the first answer.
 */
final class CommandConsumer extends DefaultConsumer {
  private static final Logger log = LoggerFactory.getLogger(CommandConsumer.class);

  private final CommandProcessor processor;
  private final CommandMail mail;
  private final String instance;
  private final ReentrantLock handling;
  private final DependencyWait dependency = new DependencyWait();
  private volatile boolean cancelledByBroker;
  private final CommandInbox inbox;

  CommandConsumer(
      Channel channel,
      CommandProcessor processor,
      Topology topology,
      ReentrantLock handling,
      Duration confirmTimeout) {
    super(channel);
    this.processor = processor;
    this.mail = new CommandMail(channel, topology, confirmTimeout);
    this.instance = "amqp:" + topology.commandsQueue();
    this.handling = handling;
    this.inbox = new CommandInbox(topology.prefix() + " commands", this::handle);
  }

  /** False once the broker cancelled the subscription (the queue was deleted). */
  boolean isSubscribed() {
    return !cancelledByBroker;
  }

  /** Stops the worker thread; what it has not handled yet the broker delivers again. */
  void stop() {
    inbox.stop();
  }

  @Override
  public void handleCancel(String consumerTag) {
    cancelledByBroker = true;
    log.error("the broker cancelled the command subscription (was the queue deleted?)");
  }

  @Override
  public void handleDelivery(
      String consumerTag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
    ParsedCommand command = processor.parse(body);
    inbox.add(new CommandInbox.Message(envelope.getDeliveryTag(), properties, body, command));
  }

  /**
   * The lock keeps a message delivered again on a recovered channel from overtaking the same
   * message still being handled, and lets close() wait for the batch in hand.
   */
  private void handle(List<CommandInbox.Message> batch) {
    handling.lock();
    try {
      if (!getChannel().isOpen()) {
        // delivered before the connection was lost: the broker delivers them again after recovery
        return;
      }
      if (batch.size() == 1 && batch.getFirst().usageCommandId() == null) {
        handleOne(batch.getFirst());
      } else {
        handleUsage(batch);
      }
    } catch (RuntimeException e) {
      log.error("unexpected failure handling commands; they will be delivered again", e);
      batch.forEach(m -> requeue(m.tag()));
    } finally {
      handling.unlock();
    }
  }

  private void handleOne(CommandInbox.Message message) {
    long tag = message.tag();
    AMQP.BasicProperties properties = message.properties();
    byte[] body = message.body();
    Channel channel = getChannel();
    try {
      Decision decision;
      try {
        decision = processor.process(message.command());
        dependency.back();
      } catch (ResourceUnavailableException e) {
        dependency.pause(e.toString());
        channel.basicNack(tag, false, true);
        return;
      } catch (RuntimeException e) {
        mail.failed(properties, body, e, instance);
        mail.awaitConfirms();
        channel.basicAck(tag, false);
        return;
      }
      if (decision instanceof Decision.Requeue requeue) {
        dependency.pause(requeue.reason());
        channel.basicNack(tag, false, true);
        return;
      }
      mail.send(message.properties(), message.body(), decision);
      mail.awaitConfirms();
      channel.basicAck(tag, false);
    } catch (IOException | TimeoutException | ShutdownSignalException e) {
      log.warn("command not acknowledged, the broker will deliver it again: {}", e.toString());
      requeue(tag);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      requeue(tag);
    }
  }

  /**
   * Answers each report as it would be answered alone. When the batch fails for another reason than
   * a dependency being down, each is handled alone, so that only the culprit is retried and in the
   * end dead-lettered.
   */
  private void handleUsage(List<CommandInbox.Message> batch) {
    List<Decision> decisions;
    try {
      decisions =
          processor.processUsage(
              batch.stream().map(m -> (ParsedCommand.Valid) m.command()).toList());
      dependency.back();
    } catch (ResourceUnavailableException e) {
      dependency.pause(e.toString());
      batch.forEach(m -> requeue(m.tag()));
      return;
    } catch (RuntimeException e) {
      log.warn("a batch of {} usage reports failed, handling each alone", batch.size(), e);
      batch.forEach(this::handleOne);
      return;
    }
    List<CommandInbox.Message> later = new ArrayList<>();
    List<CommandInbox.Message> answered = new ArrayList<>();
    try {
      for (int i = 0; i < batch.size(); i++) {
        CommandInbox.Message message = batch.get(i);
        if (decisions.get(i) instanceof Decision.Requeue) {
          later.add(message);
        } else {
          mail.send(message.properties(), message.body(), decisions.get(i));
          answered.add(message);
        }
      }
      mail.awaitConfirms();
      for (CommandInbox.Message message : answered) {
        getChannel().basicAck(message.tag(), false);
      }
      if (!later.isEmpty()) {
        dependency.pause(later.size() + " usage reports whose command_id is in flight");
        later.forEach(m -> requeue(m.tag()));
      }
    } catch (IOException | TimeoutException | ShutdownSignalException e) {
      log.warn(
          "usage reports not acknowledged, the broker will deliver them again: {}", e.toString());
      batch.forEach(m -> requeue(m.tag()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      batch.forEach(m -> requeue(m.tag()));
    }
  }

  private void requeue(long tag) {
    try {
      getChannel().basicNack(tag, false, true);
    } catch (IOException | RuntimeException e) {
      // the channel is gone; the broker requeues what it delivered on it
    }
  }
}
