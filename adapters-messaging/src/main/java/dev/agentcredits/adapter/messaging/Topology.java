package dev.agentcredits.adapter.messaging;

import com.rabbitmq.client.BuiltinExchangeType;
import com.rabbitmq.client.Channel;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;

/**
 * The names on the broker, all derived from one prefix: {@link #DEFAULT} is what API.md documents;
 * tests use a prefix of their own so they cannot disturb each other.
 */
public record Topology(String prefix) {
  public static final Topology DEFAULT = new Topology("agent-credits");

  public Topology {
    Objects.requireNonNull(prefix, "prefix");
    if (!prefix.matches("[A-Za-z0-9_.\\-]{1,100}")) {
      throw new IllegalArgumentException("a topology prefix is 1-100 characters of [A-Za-z0-9_.-]");
    }
  }

  /** The topic exchange events are published to, routing key = event type without prefix. */
  public String eventsExchange() {
    return prefix + ".events";
  }

  /** The durable queue commands arrive on. */
  public String commandsQueue() {
    return prefix + ".commands";
  }

  /** The fanout exchange failed commands are dead-lettered to. */
  public String deadLetterExchange() {
    return prefix + ".commands.dlx";
  }

  /** The durable queue dead-lettered commands end up in. */
  public String deadLetterQueue() {
    return prefix + ".commands.dlq";
  }

  /** Declares everything; declaring what already exists with the same settings changes nothing. */
  void declare(Channel channel) throws IOException {
    channel.exchangeDeclare(eventsExchange(), BuiltinExchangeType.TOPIC, true);
    channel.exchangeDeclare(deadLetterExchange(), BuiltinExchangeType.FANOUT, true);
    channel.queueDeclare(deadLetterQueue(), true, false, false, Map.of());
    channel.queueBind(deadLetterQueue(), deadLetterExchange(), "");
    channel.queueDeclare(
        commandsQueue(),
        true,
        false,
        false,
        Map.of("x-dead-letter-exchange", deadLetterExchange()));
  }
}
