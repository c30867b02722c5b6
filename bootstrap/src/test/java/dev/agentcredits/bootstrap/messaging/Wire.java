package dev.agentcredits.bootstrap.messaging;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import dev.agentcredits.adapter.messaging.Broker;
import dev.agentcredits.adapter.messaging.Topology;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * What an integration sees on the broker: it sends commands and collects their replies, and it
 * subscribes to every event.
 */
final class Wire implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An event as received: its routing key and its CloudEvents JSON. */
  record Event(String routingKey, Map<String, Object> json) {
    String subject() {
      return (String) json.get("subject");
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> data() {
      return (Map<String, Object>) json.get("data");
    }
  }

  private final Topology topology;
  private final Connection connection;
  private final Channel channel;
  private final String replyQueue;
  private final Map<String, Map<String, Object>> replies = new ConcurrentHashMap<>();
  private final List<Event> events = new CopyOnWriteArrayList<>();

  Wire(Topology topology) throws Exception {
    this.topology = topology;
    this.connection = Broker.connect("integration test client");
    this.channel = connection.createChannel();
    this.replyQueue = channel.queueDeclare().getQueue();
    channel.basicConsume(
        replyQueue,
        true,
        (tag, delivery) ->
            replies.put(delivery.getProperties().getCorrelationId(), json(delivery.getBody())),
        tag -> {});
    // The events exchange exists once the adapter connected; declaring it here is idempotent.
    channel.exchangeDeclare(topology.eventsExchange(), "topic", true);
    String eventQueue = channel.queueDeclare().getQueue();
    channel.queueBind(eventQueue, topology.eventsExchange(), "#");
    channel.basicConsume(
        eventQueue,
        true,
        (tag, delivery) ->
            events.add(new Event(delivery.getEnvelope().getRoutingKey(), json(delivery.getBody()))),
        tag -> {});
  }

  /** Sends a command with reply_to; answers its correlation id. */
  synchronized String send(String json) throws Exception {
    String correlationId = UUID.randomUUID().toString();
    channel.basicPublish(
        "",
        topology.commandsQueue(),
        new AMQP.BasicProperties.Builder()
            .contentType("application/json")
            .replyTo(replyQueue)
            .correlationId(correlationId)
            .build(),
        json.getBytes(StandardCharsets.UTF_8));
    return correlationId;
  }

  Map<String, Object> reply(String correlationId) throws InterruptedException {
    return await(
        () -> replies.get(correlationId), Duration.ofSeconds(20), "reply " + correlationId);
  }

  Map<String, Object> call(String json) throws Exception {
    return reply(send(json));
  }

  int replyCount() {
    return replies.size();
  }

  List<Event> events() {
    return List.copyOf(events);
  }

  /** Waits for the first event that matches. */
  Event awaitEvent(Predicate<Event> match, String what) throws InterruptedException {
    return await(
        () -> events.stream().filter(match).findFirst().orElse(null), Duration.ofSeconds(20), what);
  }

  static Predicate<Event> event(String routingKey, String subject) {
    return e -> e.routingKey().equals(routingKey) && subject.equals(e.subject());
  }

  private static <T> T await(java.util.function.Supplier<T> probe, Duration timeout, String what)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no " + what + " within " + timeout);
  }

  private static Map<String, Object> json(byte[] body) {
    try {
      return JSON.readValue(body, new TypeReference<Map<String, Object>>() {});
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws Exception {
    connection.close();
  }
}
