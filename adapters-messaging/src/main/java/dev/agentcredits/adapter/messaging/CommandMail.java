package dev.agentcredits.adapter.messaging;

import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the consumer sends about a command, on its own channel in confirm mode: the reply, a copy to
 * retry, a dead letter with its reason. The original is acknowledged only after {@link
 * #awaitConfirms()}, so a command is never lost between the two.
 */
final class CommandMail {
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
