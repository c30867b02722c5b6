package dev.agentcredits.adapter.messaging;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import dev.agentcredits.adapter.wire.Problem;
import dev.agentcredits.adapter.wire.ProblemType;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the consumer sends about a command, on its own channel in confirm mode: the reply, a copy to
 * retry, a dead letter with its reason. The original is acknowledged only after {@link
 * #awaitConfirms()}, so a command is never lost between the two.
 */
final class CommandMail {
  static final int MAX_ATTEMPTS = 3;
  static final String REASON_HEADER = "x-agent-credits-reason";
  static final String ATTEMPTS_HEADER = "x-agent-credits-attempts";
  static final String DEAD_LETTERED_AT_HEADER = "x-agent-credits-dead-lettered-at";
  private static final int MAX_REASON_LENGTH = 1_000;
  private static final int PERSISTENT = 2;
  private static final Logger log = LoggerFactory.getLogger(CommandMail.class);

  private final Channel channel;
  private final Topology topology;
  private final Duration confirmTimeout;

  CommandMail(Channel channel, Topology topology, Duration confirmTimeout) {
    this.channel = channel;
    this.topology = topology;
    this.confirmTimeout = confirmTimeout;
  }

  static boolean hasReplyTo(AMQP.BasicProperties request) {
    return request.getReplyTo() != null && !request.getReplyTo().isBlank();
  }

  /** How many times handling this message failed before, by our header. */
  static int failedAttempts(AMQP.BasicProperties properties) {
    Map<String, Object> headers = properties.getHeaders();
    return headers != null && headers.get(ATTEMPTS_HEADER) instanceof Number n ? n.intValue() : 0;
  }

  /** The answer to the request's reply_to with its correlation_id; nothing without reply_to. */
  void reply(AMQP.BasicProperties request, Decision.Answer answer) throws IOException {
    if (!hasReplyTo(request)) {
      return;
    }
    AMQP.BasicProperties properties =
        new AMQP.BasicProperties.Builder()
            .contentType("application/json")
            .contentEncoding("utf-8")
            .correlationId(request.getCorrelationId())
            .deliveryMode(PERSISTENT)
            .build();
    channel.basicPublish("", request.getReplyTo(), properties, Json.bytes(answer.reply()));
  }

  /**
   * What a decision calls for. An answer goes to the sender when it asked for one; without a reply
   * queue a refusal would go unseen, so it is dead-lettered with its reason instead, except a run
   * refused for credits or for its member's monthly limit (budget_exceeded, the only way a command
   * meets it): the run.rejected event already tells it.
   */
  void send(AMQP.BasicProperties properties, byte[] body, Decision decision) throws IOException {
    switch (decision) {
      case Decision.Answer answer when hasReplyTo(properties) -> reply(properties, answer);
      case Decision.Answer answer -> {
        if (!answer.replayed()
            && answer.error() != null
            && answer.error() != ProblemType.INSUFFICIENT_CREDITS
            && answer.error() != ProblemType.BUDGET_EXCEEDED) {
          Object detail = answer.body().getOrDefault("detail", answer.error().title());
          deadLetter(properties, body, "refused: " + answer.error().code() + ": " + detail);
        }
      }
      case Decision.DeadLetter dead -> {
        reply(properties, dead.answer());
        deadLetter(properties, body, dead.reason());
      }
      case Decision.Requeue requeue -> throw new IllegalArgumentException("nothing to send");
    }
  }

  /**
   * A failure that is not a dependency being down (a bug, or bad data the checks let through): a
   * copy to retry after a pause, or once it failed {@link #MAX_ATTEMPTS} times, a dead letter and
   * an internal_error answer.
   */
  void failed(AMQP.BasicProperties properties, byte[] body, RuntimeException e, String instance)
      throws IOException, InterruptedException {
    int attempts = failedAttempts(properties) + 1;
    if (attempts >= MAX_ATTEMPTS) {
      log.error("command failed {} times, dead-lettering it", attempts, e);
      reply(
          properties,
          CommandProcessor.problem(Problem.failure(ProblemType.INTERNAL_ERROR), instance));
      deadLetter(properties, body, "failed " + attempts + " times: " + e);
    } else {
      log.warn("command failed (attempt {} of {}), retrying it", attempts, MAX_ATTEMPTS, e);
      TimeUnit.MILLISECONDS.sleep(250L * attempts);
      retry(properties, body, attempts, e.toString());
    }
  }

  /** A copy at the back of the queue, counting the failed attempt. */
  void retry(AMQP.BasicProperties properties, byte[] body, int attempts, String error)
      throws IOException {
    Map<String, Object> headers = headers(properties);
    headers.put(ATTEMPTS_HEADER, attempts);
    headers.put(REASON_HEADER, truncate(error));
    channel.basicPublish(
        "", topology.commandsQueue(), properties.builder().headers(headers).build(), body);
  }

  /** The message as it came, with its reason, to the dead-letter exchange. */
  void deadLetter(AMQP.BasicProperties properties, byte[] body, String reason) throws IOException {
    log.warn("dead-lettering a command to {}: {}", topology.deadLetterQueue(), reason);
    Map<String, Object> headers = headers(properties);
    headers.put(REASON_HEADER, truncate(reason));
    headers.put(DEAD_LETTERED_AT_HEADER, Instant.now().toString());
    channel.basicPublish(
        topology.deadLetterExchange(),
        topology.commandsQueue(),
        properties.builder().headers(headers).deliveryMode(PERSISTENT).build(),
        body);
  }

  /** Returns once the broker has taken everything sent so far; throws if it has not. */
  void awaitConfirms() throws IOException, TimeoutException, InterruptedException {
    if (!channel.waitForConfirms(confirmTimeout.toMillis())) {
      throw new IOException("the broker did not accept a reply or dead letter");
    }
  }

  private static Map<String, Object> headers(AMQP.BasicProperties properties) {
    return properties.getHeaders() == null
        ? new HashMap<>()
        : new HashMap<>(properties.getHeaders());
  }

  private static String truncate(String reason) {
    return reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH);
  }
}
