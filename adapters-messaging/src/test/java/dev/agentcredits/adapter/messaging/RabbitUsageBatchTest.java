package dev.agentcredits.adapter.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.in.ReportUsageCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Many report_usage commands at once, against a real broker, with in-memory use cases. */
class RabbitUsageBatchTest {
  private static final int RUNS = 4;

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
    for (int i = 1; i <= RUNS; i++) {
      client.reply(
          client.send(
              """
              {"command":"submit_run","command_id":"s-%d","team_id":"team_1",
               "trigger":"TEAM_API_KEY","prompt":"p"}\
              """
                  .formatted(i)));
    }
  }

  @AfterEach
  void disconnect() throws Exception {
    client.close();
    messaging.close();
    Broker.deleteTopology(topology);
  }

  private static String usage(int n, int credits) {
    return """
    {"command":"report_usage","command_id":"u-%d","task_id":"task_%d","usage_id":"use-%d",
     "credits":%d}\
    """
        .formatted(n, n % RUNS + 1, n, credits);
  }

  @Test
  void twoHundredReportsAtOnceAreAnsweredAsEachAloneAndChargedOnce() throws Exception {
    runs.slowBy(1); // a report takes as long as on a database: the deliveries pile up
    List<String> firsts = new ArrayList<>();
    List<String> repeats = new ArrayList<>();
    for (int n = 0; n < 180; n++) {
      firsts.add(client.send(usage(n, 1)));
      if (n % 10 == 9) {
        repeats.add(client.send(usage(n - 5, 1)));
      }
    }
    String conflicting = client.send(usage(3, 2));
    String invalid =
        client.send("{\"command\":\"report_usage\",\"command_id\":\"bad\",\"task_id\":\"task_1\"}");

    long[] charged = new long[RUNS + 1];
    for (int n = 0; n < 180; n++) {
      Map<String, Object> reply = client.reply(firsts.get(n));
      assertThat(reply).containsEntry("http_status", 200).containsEntry("task_id", task(n));
      int run = n % RUNS + 1;
      charged[run] = Math.max(charged[run], ((Number) reply.get("charged_credits")).longValue());
    }
    for (int i = 0; i < repeats.size(); i++) {
      int n = i * 10 + 4;
      assertThat(client.reply(repeats.get(i))).isEqualTo(client.reply(firsts.get(n)));
    }
    assertThat(client.reply(conflicting))
        .containsEntry("http_status", 409)
        .containsEntry("code", "conflict");
    assertThat(client.reply(invalid))
        .containsEntry("http_status", 400)
        .containsEntry("detail", "credits is required");

    List<String> usageIds =
        runs.calls().stream()
            .filter(ReportUsageCommand.class::isInstance)
            .map(c -> ((ReportUsageCommand) c).usage().value())
            .toList();
    assertThat(usageIds).hasSize(180).doesNotHaveDuplicates();
    for (int run = 1; run <= RUNS; run++) {
      assertThat(charged[run]).as("credits charged to task_%d", run).isEqualTo(180 / RUNS);
    }
    assertThat(runs.batches().stream().mapToInt(Integer::intValue).sum()).isEqualTo(180);
    assertThat(runs.batches()).as("reports charged per reportAll").anyMatch(size -> size > 1);
    assertThat(client.deadLetterCount()).isZero();
  }

  private static String task(int n) {
    return "task_" + (n % RUNS + 1);
  }

  @Test
  void usageAndCompletionKeepTheirOrder() throws Exception {
    List<String> sent = new ArrayList<>();
    for (int n = 0; n < 20; n++) {
      sent.add(client.send(usage(n * RUNS, 2)));
    }
    String done =
        client.send(
            "{\"command\":\"complete_run\",\"command_id\":\"done\",\"task_id\":\"task_1\"}");

    for (String correlationId : sent) {
      assertThat(client.reply(correlationId)).containsEntry("http_status", 200);
    }
    assertThat(client.reply(done))
        .containsEntry("state", "SUCCEEDED")
        .containsEntry("charged_credits", 40);
  }
}
