package dev.agentcredits.adapter.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.GetResponse;
import dev.agentcredits.application.port.in.SubmitRunCommand;
import dev.agentcredits.application.port.out.ResourceUnavailableException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The command consumer against a real broker, with in-memory use cases. */
class RabbitCommandsTest {
  private final FakeRuns runs = new FakeRuns();
  private final FakeIdempotency idempotency = new FakeIdempotency();
  private final Topology topology = Broker.freshTopology();
  private RabbitMessaging messaging;
  private CommandClient client;

  @BeforeEach
  void connect() throws Exception {
    messaging = RabbitMessaging.connect(Broker.url(), runs.handlers(idempotency), topology);
    messaging.startConsuming();
    client = new CommandClient(topology);
  }

  @AfterEach
  void disconnect() throws Exception {
    client.close();
    messaging.close();
    Broker.deleteTopology(topology);
  }

  private static String submit(String commandId) {
    return """
    {"command":"submit_run","command_id":"%s","team_id":"team_1","trigger":"TEAM_API_KEY",
     "prompt":"summarise the incident"}\
    """
        .formatted(commandId);
  }

  @Test
  void aSubmittedRunIsAnsweredOnReplyToWithTheCorrelationId() throws Exception {
    String correlationId = client.send(submit("cmd-1"));

    var delivery = client.replyDelivery(correlationId, Duration.ofSeconds(15));
    Map<String, Object> reply = CommandClient.json(delivery.getBody());

    assertThat(delivery.getProperties().getCorrelationId()).isEqualTo(correlationId);
    assertThat(delivery.getProperties().getContentType()).isEqualTo("application/json");
    assertThat(reply)
        .containsEntry("http_status", 201)
        .containsEntry("task_id", "task_1")
        .containsEntry("state", "QUEUED")
        .containsEntry("trigger", "TEAM_API_KEY")
        .containsEntry("held_credits", 20);
    assertThat(((SubmitRunCommand) runs.calls().getFirst()).requestKey()).isEqualTo("amqp:cmd-1");
    assertThat(messaging.isHealthy()).isTrue();
  }

  @Test
  void aReplayedCommandIdGetsTheSameAnswerAndTheUseCaseRunsOnce() throws Exception {
    Map<String, Object> first = client.reply(client.send(submit("cmd-2")));
    Map<String, Object> second = client.reply(client.send(submit("cmd-2")));

    assertThat(second).isEqualTo(first);
    assertThat(runs.calls()).hasSize(1);
  }

  @Test
  void aRefusedRunIsAnsweredWithTheProblemAndItsStatus() throws Exception {
    runs.markBroke("team_1");

    Map<String, Object> reply = client.reply(client.send(submit("cmd-3")));

    assertThat(reply)
        .containsEntry("http_status", 403)
        .containsEntry("status", 403)
        .containsEntry("code", "insufficient_credits")
        .containsEntry("retryable", false)
        .containsEntry("task_id", "task_1")
        .containsEntry("instance", "amqp:" + topology.commandsQueue() + "/submit_run");
  }

  @Test
  void reportUsageAndCompleteRunAreAnswered200() throws Exception {
    client.reply(client.send(submit("cmd-4")));

    Map<String, Object> usage =
        client.reply(
            client.send(
                """
                {"command":"report_usage","command_id":"cmd-5","task_id":"task_1","usage_id":"u-1","credits":5}\
                """));
    Map<String, Object> done =
        client.reply(
            client.send(
                "{\"command\":\"complete_run\",\"command_id\":\"cmd-6\",\"task_id\":\"task_1\"}"));

    assertThat(usage).containsEntry("http_status", 200).containsEntry("charged_credits", 5);
    assertThat(done).containsEntry("http_status", 200).containsEntry("state", "SUCCEEDED");
  }

  @Test
  void anInvalidCommandIsAnsweredInvalidRequest() throws Exception {
    Map<String, Object> reply =
        client.reply(client.send("{\"command\":\"complete_run\",\"command_id\":\"cmd-7\"}"));

    assertThat(reply)
        .containsEntry("http_status", 400)
        .containsEntry("code", "invalid_request")
        .containsEntry("detail", "task_id is required");
    assertThat(client.deadLetterCount()).isZero();
  }

  @Test
  void garbageAndUnknownCommandsGoToTheDeadLetterQueueWithTheirReason() throws Exception {
    String garbage = client.send("this is not json");
    client.sendWithoutReplyTo("{\"command\":\"frobnicate\",\"command_id\":\"x\"}");

    List<GetResponse> letters = client.deadLetters(2, Duration.ofSeconds(15));

    assertThat(letters).hasSize(2);
    assertThat(new String(letters.get(0).getBody(), StandardCharsets.UTF_8))
        .isEqualTo("this is not json");
    assertThat(reason(letters.get(0))).startsWith("unparseable: not valid JSON");
    assertThat(letters.get(0).getProps().getCorrelationId()).isEqualTo(garbage);
    assertThat(reason(letters.get(1))).isEqualTo("unknown command: frobnicate");
    assertThat(client.reply(garbage)).containsEntry("http_status", 400);
    assertThat(runs.calls()).isEmpty();
  }

  @Test
  void aRefusalNobodyWaitsForIsDeadLetteredButInsufficientCreditsIsNot() throws Exception {
    client.sendWithoutReplyTo("{\"command\":\"complete_run\",\"command_id\":\"cmd-8\"}");
    runs.markBroke("team_1");
    client.sendWithoutReplyTo(submit("cmd-9"));
    String marker = client.send(submit("cmd-10"));
    client.reply(marker);

    List<GetResponse> letters = client.deadLetters(2, Duration.ofMillis(300));

    assertThat(letters).hasSize(1);
    assertThat(reason(letters.getFirst()))
        .isEqualTo("refused: invalid_request: task_id is required");
  }

  @Test
  void aCommandThatKeepsFailingIsTriedThreeTimesThenDeadLettered() throws Exception {
    runs.failNext(
        new IllegalStateException("bug 1"),
        new IllegalStateException("bug 2"),
        new IllegalStateException("bug 3"));

    String correlationId = client.send(submit("cmd-11"));

    Map<String, Object> reply = client.reply(correlationId);
    List<GetResponse> letters = client.deadLetters(1, Duration.ofSeconds(15));
    assertThat(reply).containsEntry("http_status", 500).containsEntry("code", "internal_error");
    assertThat(letters).hasSize(1);
    assertThat(reason(letters.getFirst()))
        .isEqualTo("failed 3 times: java.lang.IllegalStateException: bug 3");
    assertThat(letters.getFirst().getProps().getHeaders())
        .containsEntry(CommandMail.ATTEMPTS_HEADER, 2);
    assertThat(runs.calls()).hasSize(3);
  }

  @Test
  void aCommandThatFailedOnceSucceedsOnItsRetry() throws Exception {
    runs.failNext(new IllegalStateException("flaky"));

    Map<String, Object> reply = client.reply(client.send(submit("cmd-12")));

    assertThat(reply).containsEntry("http_status", 201);
    assertThat(runs.calls()).hasSize(2);
    assertThat(client.deadLetterCount()).isZero();
  }

  @Test
  void aCommandIsRetriedWhileADependencyIsUnavailable() throws Exception {
    ResourceUnavailableException down = new ResourceUnavailableException("db down", null);
    runs.failNext(down, down, down);

    Map<String, Object> reply = client.reply(client.send(submit("cmd-13")));

    assertThat(reply).containsEntry("http_status", 201);
    assertThat(runs.calls()).hasSize(4);
    assertThat(client.deadLetterCount()).isZero();
  }

  @Test
  void commandsInFlightWhenTheServerClosesTheConnectionAreAllAnsweredAndAppliedOnce()
      throws Exception {
    runs.slowBy(2);
    Gate gate = runs.gateAtCall(21);
    List<String> sent = new ArrayList<>();
    for (int i = 0; i < 120; i++) {
      sent.add(client.send(submit("load-" + i)));
    }
    gate.awaitReached();

    assertThat(Broker.closeConnections(topology.prefix())).isEqualTo(2);
    gate.open();

    for (String correlationId : sent) {
      assertThat(client.reply(correlationId)).containsEntry("http_status", 201);
    }
    assertThat(runs.calls())
        .hasSize(120)
        .extracting(call -> ((SubmitRunCommand) call).requestKey())
        .doesNotHaveDuplicates();
    Eventually.within(Duration.ofSeconds(10), () -> assertThat(messaging.isHealthy()).isTrue());
  }

  private static String reason(GetResponse letter) {
    return String.valueOf(letter.getProps().getHeaders().get(CommandMail.REASON_HEADER));
  }
}
