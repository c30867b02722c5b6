package dev.agentcredits.adapter.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import dev.agentcredits.application.port.out.EncodedEvent;
import dev.agentcredits.application.port.out.EventPublisher;
import dev.agentcredits.application.port.out.ResourceUnavailableException;
import dev.agentcredits.domain.event.EventType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The event publisher and the relay against a real broker. */
class RabbitEventsTest {
  private final Topology topology = Broker.freshTopology();
  private final FakeRuns runs = new FakeRuns();
  private RabbitMessaging messaging;
  private Connection observer;
  private Channel channel;

  @BeforeEach
  void connect() throws Exception {
    messaging =
        RabbitMessaging.connect(Broker.url(), runs.handlers(new FakeIdempotency()), topology);
    observer = Broker.connect();
    channel = observer.createChannel();
  }

  @AfterEach
  void disconnect() throws Exception {
    observer.close();
    messaging.close();
    Broker.deleteTopology(topology);
  }

  /** A queue bound to the events exchange with {@code pattern}. */
  private String subscribe(String pattern) throws Exception {
    String queue = channel.queueDeclare().getQueue();
    channel.queueBind(queue, topology.eventsExchange(), pattern);
    return queue;
  }

  private List<GetResponse> take(String queue, int count, Duration timeout) throws Exception {
    List<GetResponse> messages = new ArrayList<>();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (messages.size() < count && System.nanoTime() < deadline) {
      GetResponse response = channel.basicGet(queue, true);
      if (response == null) {
        Thread.sleep(10);
      } else {
        messages.add(response);
      }
    }
    return messages;
  }

  @Test
  void publishedEventsArriveAsCloudEventsRoutedByTheirType() throws Exception {
    String everything = subscribe("#");
    String runsOnly = subscribe("run.*");
    EncodedEvent accepted = TestEvents.event(EventType.RUN_ACCEPTED, "task_1");
    EncodedEvent charged = TestEvents.event(EventType.USAGE_CHARGED, "task_1");

    messaging.publisher().publish(List.of(accepted, charged));

    List<GetResponse> all = take(everything, 2, Duration.ofSeconds(5));
    assertThat(all).hasSize(2);
    GetResponse first = all.getFirst();
    assertThat(first.getEnvelope().getRoutingKey()).isEqualTo("run.accepted");
    assertThat(first.getEnvelope().getExchange()).isEqualTo(topology.eventsExchange());
    assertThat(first.getProps().getContentType()).isEqualTo("application/cloudevents+json");
    assertThat(first.getProps().getDeliveryMode()).isEqualTo(2);
    assertThat(first.getProps().getMessageId()).isEqualTo(accepted.id());
    Map<String, Object> event = CommandClient.json(first.getBody());
    assertThat(event)
        .containsEntry("specversion", "1.0")
        .containsEntry("id", accepted.id())
        .containsEntry("source", "/agent-credits")
        .containsEntry("type", "dev.agentcredits.run.accepted")
        .containsEntry("time", "2026-03-01T12:00:00Z")
        .containsEntry("subject", "task_1")
        .containsEntry("datacontenttype", "application/json")
        .containsEntry(
            "data",
            Map.of(
                "task_id",
                "task_team_1",
                "state",
                "QUEUED",
                "trigger",
                "TEAM_API_KEY",
                "pool_id",
                "m:mem_team_1",
                "held_credits",
                20,
                "charged_credits",
                7));
    assertThat(all.get(1).getEnvelope().getRoutingKey()).isEqualTo("usage.charged");
    List<GetResponse> onlyRuns = take(runsOnly, 2, Duration.ofMillis(300));
    assertThat(onlyRuns)
        .extracting(r -> r.getEnvelope().getRoutingKey())
        .containsExactly("run.accepted");
  }

  @Test
  void publishThrowsWhileTheConnectionIsDownAndWorksOnceItIsBack() throws Exception {
    String queue = subscribe("#");
    EventPublisher publisher = messaging.publisher();
    publisher.publish(List.of(TestEvents.event(EventType.RUN_ACCEPTED, "before")));

    assertThat(Broker.closeConnections(topology.prefix() + " publisher")).isEqualTo(1);
    Eventually.within(Duration.ofSeconds(5), () -> assertThat(messaging.isHealthy()).isFalse());

    assertThatThrownBy(
            () -> publisher.publish(List.of(TestEvents.event(EventType.RUN_ACCEPTED, "during"))))
        .isInstanceOf(ResourceUnavailableException.class);
    Eventually.within(Duration.ofSeconds(10), () -> assertThat(messaging.isHealthy()).isTrue());
    publisher.publish(List.of(TestEvents.event(EventType.RUN_ACCEPTED, "after")));
    assertThat(take(queue, 3, Duration.ofSeconds(1)))
        .extracting(r -> (String) CommandClient.json(r.getBody()).get("subject"))
        .containsExactly("before", "after");
  }

  @Test
  void theRelayResendsWhatACutConnectionLostSoEveryEventArrives() throws Exception {
    String queue = subscribe("#");
    FakeOutbox outbox = new FakeOutbox(messaging.publisher());
    List<EncodedEvent> events =
        IntStream.range(0, 2_000)
            .mapToObj(i -> TestEvents.event(EventType.USAGE_CHARGED, "task_" + i))
            .toList();
    outbox.append(events);
    AtomicBoolean cut = new AtomicBoolean();
    outbox.beforeBatch(() -> {
      if (outbox.batches() == 5 && cut.compareAndSet(false, true)) {
        try {
          Broker.closeConnections(topology.prefix() + " publisher");
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    });

    try (OutboxRelay relay = new OutboxRelay(outbox, Duration.ofMillis(50))) {
      relay.start();
      Eventually.within(Duration.ofSeconds(30), () -> assertThat(outbox.outboxDepth()).isZero());
    }

    assertThat(cut).isTrue();
    assertThat(outbox.failures()).isPositive();
    Set<String> expected = new HashSet<>(events.stream().map(EncodedEvent::id).toList());
    Set<String> received = new HashSet<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!received.containsAll(expected) && System.nanoTime() < deadline) {
      take(queue, 500, Duration.ofMillis(200))
          .forEach(message -> received.add(message.getProps().getMessageId()));
    }
    assertThat(received).isEqualTo(expected);
  }

  @Test
  void aBrokerThatIsNotThereAtStartIsConnectedToWhenItComes() throws Exception {
    try (TcpProxy proxy = new TcpProxy(Broker.url());
        RabbitMessaging late =
            RabbitMessaging.connect(
                proxy.url(Broker.url()), runs.handlers(new FakeIdempotency()), topology)) {
      late.startConsuming();
      assertThat(late.isHealthy()).isFalse();
      assertThatThrownBy(() ->
              late.publisher().publish(List.of(TestEvents.event(EventType.RUN_ACCEPTED, "x"))))
          .isInstanceOf(ResourceUnavailableException.class);

      proxy.start();

      Eventually.within(Duration.ofSeconds(10), () -> assertThat(late.isHealthy()).isTrue());
      String queue = subscribe("#");
      late.publisher().publish(List.of(TestEvents.event(EventType.RUN_ACCEPTED, "x")));
      assertThat(take(queue, 1, Duration.ofSeconds(5))).hasSize(1);
      try (CommandClient client = new CommandClient(topology)) {
        String correlationId =
            client.send("{\"command\":\"complete_run\",\"command_id\":\"c1\",\"task_id\":\"t1\"}");
        assertThat(client.reply(correlationId)).containsEntry("http_status", 404);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "amqp://user:secret@host:notaport",
        "http://user:secret@host:5672",
        "amqp://user:secret@host:5672/%zz",
        "not a url secret"
      })
  void aMalformedUrlIsRefusedAtOnceWithoutShowingIt(String url) {
    assertThatThrownBy(() -> RabbitMessaging.connect(url, runs.handlers(new FakeIdempotency())))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("secret")
        .hasNoCause();
  }
}
