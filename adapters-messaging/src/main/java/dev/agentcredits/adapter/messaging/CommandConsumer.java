package dev.agentcredits.adapter.messaging;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.DefaultConsumer;
import com.rabbitmq.client.Envelope;
import com.rabbitmq.client.ShutdownSignalException;
import dev.agentcredits.adapter.wire.Problem;
import dev.agentcredits.adapter.wire.ProblemType;
import dev.agentcredits.application.port.out.ResourceUnavailableException;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes command messages off the queue one at a time, in order, and acknowledges each only once its
 * outcome is settled: the use case returned (its effect is committed) and the reply or dead letter
 * it calls for was confirmed by the broker. A message left unacknowledged because the broker went
 * away is delivered again, and its command_id makes the second delivery replay the first answer.
 */
final class CommandConsumer extends DefaultConsumer {
  static final int MAX_ATTEMPTS = 3;
  private static final Logger log = LoggerFactory.getLogger(CommandConsumer.class);

  private final CommandProcessor processor;
  private final CommandMail mail;
  private final String instance;
  private final ReentrantLock handling;
  private final Backoff unavailablePause =
      new Backoff(Duration.ofMillis(250), Duration.ofSeconds(5));
  private boolean dependencyDown;
  private volatile boolean cancelledByBroker;

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
  }

  /** False once the broker cancelled the subscription (the queue was deleted). */
  boolean isSubscribed() {
    return !cancelledByBroker;
  }

  @Override
  public void handleCancel(String consumerTag) {
    cancelledByBroker = true;
    log.error("the broker cancelled the command subscription (was the queue deleted?)");
  }

  /**
   * Deliveries of one channel arrive one at a time; the lock also keeps a delivery on a recovered
   * channel from overtaking the same message still being handled on the lost one.
   */
  @Override
  public void handleDelivery(
      String consumerTag, Envelope envelope, AMQP.BasicProperties properties, byte[] body) {
    handling.lock();
    try {
      if (!getChannel().isOpen()) {
        // delivered before the connection was lost: the broker delivers it again after recovery
        return;
      }
      handle(envelope.getDeliveryTag(), properties, body);
    } catch (RuntimeException e) {
      log.error("unexpected failure handling a command; it will be delivered again", e);
      requeue(envelope.getDeliveryTag());
    } finally {
      handling.unlock();
    }
  }

  private void handle(long tag, AMQP.BasicProperties properties, byte[] body) {
    Channel channel = getChannel();
    try {
      Decision decision;
      try {
        decision = processor.process(body);
        dependencyBack();
      } catch (ResourceUnavailableException e) {
        waitForDependency(e);
        channel.basicNack(tag, false, true);
        return;
      } catch (RuntimeException e) {
        retryOrDeadLetter(properties, body, e);
        mail.awaitConfirms();
        channel.basicAck(tag, false);
        return;
      }
      switch (decision) {
        case Decision.Answer answer -> settle(properties, body, answer);
        case Decision.DeadLetter dead -> {
          mail.reply(properties, dead.answer());
          mail.deadLetter(properties, body, dead.reason());
        }
      }
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
   * Replies when the sender asked for one. Without a reply queue a refusal would go unseen, so it
   * is dead-lettered with its reason instead, except insufficient_credits: the run.rejected event
   * already tells it.
   */
  private void settle(AMQP.BasicProperties properties, byte[] body, Decision.Answer answer)
      throws IOException {
    if (CommandMail.hasReplyTo(properties)) {
      mail.reply(properties, answer);
    } else if (!answer.replayed()
        && answer.error() != null
        && answer.error() != ProblemType.INSUFFICIENT_CREDITS) {
      Object detail = answer.body().getOrDefault("detail", answer.error().title());
      mail.deadLetter(properties, body, "refused: " + answer.error().code() + ": " + detail);
    }
  }

  /** A failure that is not the dependency being down: a bug, or bad data the checks let through. */
  private void retryOrDeadLetter(AMQP.BasicProperties properties, byte[] body, RuntimeException e)
      throws IOException, InterruptedException {
    int attempts = CommandMail.failedAttempts(properties) + 1;
    if (attempts >= MAX_ATTEMPTS) {
      log.error("command failed {} times, dead-lettering it", attempts, e);
      mail.reply(
          properties,
          CommandProcessor.problem(Problem.failure(ProblemType.INTERNAL_ERROR), instance));
      mail.deadLetter(properties, body, "failed " + attempts + " times: " + e);
    } else {
      log.warn("command failed (attempt {} of {}), retrying it", attempts, MAX_ATTEMPTS, e);
      TimeUnit.MILLISECONDS.sleep(250L * attempts);
      mail.retry(properties, body, attempts, e.toString());
    }
  }

  private void waitForDependency(ResourceUnavailableException e) {
    if (!dependencyDown) {
      dependencyDown = true;
      log.warn("a dependency is unavailable; commands wait and are retried: {}", e.toString());
    }
    try {
      TimeUnit.MILLISECONDS.sleep(unavailablePause.nextDelayMillis());
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  private void dependencyBack() {
    if (dependencyDown) {
      dependencyDown = false;
      log.info("commands are being handled again");
    }
    unavailablePause.reset();
  }

  private void requeue(long tag) {
    try {
      getChannel().basicNack(tag, false, true);
    } catch (IOException | RuntimeException e) {
      // the channel is gone; the broker requeues what it delivered on it
    }
  }
}
