package dev.agentcredits.adapter.messaging;

import com.fasterxml.jackson.core.type.TypeReference;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.Delivery;
import com.rabbitmq.client.GetResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/** An integration on the broker: sends commands, collects replies, reads the dead letters. */
final class CommandClient implements AutoCloseable {
  private final Topology topology;
  private final Connection connection;
  private final Channel channel;
  private final String replyQueue;
  private final Map<String, Delivery> replies = new ConcurrentHashMap<>();

  CommandClient(Topology topology) throws Exception {
    this.topology = topology;
    this.connection = Broker.connect();
    this.channel = connection.createChannel();
    this.replyQueue = channel.queueDeclare().getQueue();
    channel.basicConsume(
        replyQueue,
        true,
        (tag, delivery) -> replies.put(delivery.getProperties().getCorrelationId(), delivery),
        tag -> {});
  }

  /** Sends with reply_to and a fresh correlation id, which it answers. */
  String send(String json) throws Exception {
    String correlationId = UUID.randomUUID().toString();
    publish(
        json.getBytes(StandardCharsets.UTF_8),
        new AMQP.BasicProperties.Builder()
            .contentType("application/json")
            .replyTo(replyQueue)
            .correlationId(correlationId)
            .build());
    return correlationId;
  }

  void sendWithoutReplyTo(String json) throws Exception {
    publish(
        json.getBytes(StandardCharsets.UTF_8),
        new AMQP.BasicProperties.Builder().contentType("application/json").build());
  }

  private void publish(byte[] body, AMQP.BasicProperties properties) throws Exception {
    synchronized (channel) {
      channel.basicPublish("", topology.commandsQueue(), properties, body);
    }
  }

  Delivery replyDelivery(String correlationId, Duration timeout) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Delivery delivery = replies.get(correlationId);
      if (delivery != null) {
        return delivery;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no reply to " + correlationId + " within " + timeout);
  }

  Map<String, Object> reply(String correlationId) throws Exception {
    return json(replyDelivery(correlationId, Duration.ofSeconds(15)).getBody());
  }

  boolean hasReply(String correlationId) {
    return replies.containsKey(correlationId);
  }

  /** Waits for {@code count} dead letters and takes them off the queue. */
  List<GetResponse> deadLetters(int count, Duration timeout) throws Exception {
    List<GetResponse> letters = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (letters.size() < count && System.nanoTime() < deadline) {
      GetResponse response;
      synchronized (channel) {
        response = channel.basicGet(topology.deadLetterQueue(), true);
      }
      if (response == null) {
        TimeUnit.MILLISECONDS.sleep(20);
      } else {
        letters.add(response);
      }
    }
    return letters;
  }

  long deadLetterCount() throws Exception {
    synchronized (channel) {
      return channel.messageCount(topology.deadLetterQueue());
    }
  }

  static Map<String, Object> json(byte[] body) throws Exception {
    return Json.MAPPER.readValue(body, new TypeReference<LinkedHashMap<String, Object>>() {});
  }

  @Override
  public void close() throws Exception {
    connection.close();
  }
}
