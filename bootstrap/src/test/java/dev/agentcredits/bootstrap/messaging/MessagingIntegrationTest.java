package dev.agentcredits.bootstrap.messaging;

import static dev.agentcredits.bootstrap.messaging.Commands.submit;
import static dev.agentcredits.bootstrap.messaging.Commands.usage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.adapter.messaging.Broker;
import dev.agentcredits.application.port.in.SubmitRunUseCase;
import dev.agentcredits.application.port.in.view.ProvisionedTeamView;
import dev.agentcredits.application.port.out.BatchWriter;
import dev.agentcredits.application.port.out.Stores;
import dev.agentcredits.domain.team.Plan;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * The billing application behind RabbitMQ end to end: commands in, replies and CloudEvents out,
 * through the real use cases, the transactional outbox and the relay.
 */
class MessagingIntegrationTest {

  @Test
  void aRunSubmittedByMessageIsAnsweredAndAnnouncedWithRunAccepted() throws Exception {
    try (MessagingStack stack = new MessagingStack();
        Wire wire = new Wire(stack.topology)) {
      stack.start();
      ProvisionedTeamView team = stack.provision(Plan.BUILD);

      Map<String, Object> reply = wire.call(submit("it-1", team.teamId()));

      assertThat(reply)
          .containsEntry("http_status", 201)
          .containsEntry("state", "QUEUED")
          .containsEntry("trigger", "TEAM_API_KEY")
          .containsEntry("held_credits", 20);
      String taskId = (String) reply.get("task_id");
      Wire.Event accepted = wire.awaitEvent(Wire.event("run.accepted", taskId), "run.accepted");
      assertThat(accepted.json())
          .containsEntry("type", "dev.agentcredits.run.accepted")
          .containsEntry("source", "/agent-credits")
          .containsEntry("specversion", "1.0")
          .containsKey("id")
          .containsKey("time");
      assertThat(accepted.data()).containsEntry("task_id", taskId).containsEntry("state", "QUEUED");
    }
  }

  @Test
  void anExhaustedPoolIsAnsweredInsufficientCreditsAndAnnouncedWithRunRejected() throws Exception {
    try (MessagingStack stack = new MessagingStack();
        Wire wire = new Wire(stack.topology)) {
      stack.start();
      ProvisionedTeamView team = stack.provision(Plan.BUILD);
      Object first = wire.call(submit("it-2", team.teamId())).get("task_id");
      // 1,500 plan credits: the hold's 20 and 1,470 more leave 10, short of a 20-credit start hold
      assertThat(wire.call(usage("it-3", first, "u-1", 1_490))).containsEntry("http_status", 200);

      Map<String, Object> refused = wire.call(submit("it-4", team.teamId()));

      assertThat(refused)
          .containsEntry("http_status", 403)
          .containsEntry("status", 403)
          .containsEntry("code", "insufficient_credits")
          .containsEntry("retryable", false)
          .containsKey("task_id");
      String rejectedTask = (String) refused.get("task_id");
      Wire.Event rejected =
          wire.awaitEvent(Wire.event("run.rejected", rejectedTask), "run.rejected");
      assertThat(rejected.data())
          .containsEntry("error_code", "insufficient_credits")
          .containsEntry("reason", "off");
      assertThat(wire.call(submit("it-4", team.teamId()))).isEqualTo(refused);
    }
  }

  /** Fails the first transaction that writes a run.accepted, after it wrote its events. */
  private static Stores failingOnceAfterWritingRunAccepted(Stores stores, AtomicBoolean armed) {
    BatchWriter writer = stores.batches();
    BatchWriter failing =
        batch -> {
          writer.write(batch);
          if (batch.events().stream().anyMatch(e -> e.type().routingKey().equals("run.accepted"))
              && armed.compareAndSet(true, false)) {
            throw new IllegalStateException("simulated failure after the events were written");
          }
        };
    return new Stores(
        stores.teams(),
        stores.apiKeys(),
        stores.pools(),
        stores.runs(),
        stores.ledger(),
        stores.spend(),
        stores.purchases(),
        stores.outbox(),
        stores.idempotency(),
        stores.paymentMethods(),
        stores.paymentEvents(),
        failing,
        stores.webhookEndpoints(),
        stores.webhookDeliveries(),
        stores.memberLimits());
  }

  @Test
  void eventsOfARolledBackTransactionAreNeverPublished() throws Exception {
    AtomicBoolean armed = new AtomicBoolean(true);
    try (MessagingStack stack =
            new MessagingStack(
                s -> failingOnceAfterWritingRunAccepted(s, armed), UnaryOperator.identity());
        Wire wire = new Wire(stack.topology)) {
      stack.start();
      ProvisionedTeamView team = stack.provision(Plan.BUILD);

      // the first attempt rolls back after writing run.accepted; the consumer's retry succeeds
      Map<String, Object> accepted = wire.call(submit("it-5", team.teamId()));
      String taskId = (String) accepted.get("task_id");
      assertThat(armed).isFalse();
      assertThat(accepted).containsEntry("http_status", 201);
      // refused inside its transaction: the same usage id with other credits
      assertThat(wire.call(usage("it-6", taskId, "u-1", 10))).containsEntry("http_status", 200);
      assertThat(wire.call(usage("it-7", taskId, "u-1", 11)))
          .containsEntry("http_status", 409)
          .containsEntry("code", "conflict");
      Map<String, Object> completed =
          wire.call(
              "{\"command\":\"complete_run\",\"command_id\":\"it-8\",\"task_id\":\""
                  + taskId
                  + "\"}");
      assertThat(completed).containsEntry("state", "SUCCEEDED");
      wire.awaitEvent(Wire.event("run.completed", taskId), "run.completed");

      List<String> runEvents = new ArrayList<>();
      for (Wire.Event event : wire.events()) {
        if (event.routingKey().startsWith("run.") || event.routingKey().startsWith("usage.")) {
          runEvents.add(event.routingKey() + " " + event.subject());
        }
      }
      assertThat(runEvents)
          .containsExactly(
              "run.accepted " + taskId, "usage.charged " + taskId, "run.completed " + taskId);
    }
  }

  /**
   * Takes a few milliseconds, as a submission on a real database does, and holds the 31st call
   * until the test opens the gate, so that a command is surely in flight when the connection goes.
   */
  private static UnaryOperator<SubmitRunUseCase> slowWithGate(
      CountDownLatch reached, CountDownLatch open) {
    AtomicInteger calls = new AtomicInteger();
    return submit ->
        command -> {
          try {
            Thread.sleep(2);
            if (calls.incrementAndGet() == 31) {
              reached.countDown();
              open.await(30, TimeUnit.SECONDS);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return submit.submit(command);
        };
  }

  @Test
  void aServerSideCloseMidLoadLosesNoEventAndAppliesNoCommandTwice() throws Exception {
    int runs = 150;
    CountDownLatch reached = new CountDownLatch(1);
    CountDownLatch open = new CountDownLatch(1);
    try (MessagingStack stack =
            new MessagingStack(UnaryOperator.identity(), slowWithGate(reached, open));
        Wire wire = new Wire(stack.topology)) {
      stack.start();
      ProvisionedTeamView team = stack.provision(Plan.MAX);
      List<String> sent = new ArrayList<>();
      for (int i = 0; i < runs; i++) {
        sent.add(wire.send(submit("load-" + i, team.teamId())));
      }
      assertThat(reached.await(30, TimeUnit.SECONDS)).isTrue();

      assertThat(Broker.closeConnections(stack.topology.prefix())).isEqualTo(2);
      open.countDown();

      Set<String> tasks = new HashSet<>();
      for (String correlationId : sent) {
        Map<String, Object> reply = wire.reply(correlationId);
        assertThat(reply).containsEntry("http_status", 201);
        tasks.add((String) reply.get("task_id"));
      }
      assertThat(tasks).hasSize(runs);
      for (String task : tasks) {
        wire.awaitEvent(Wire.event("run.accepted", task), "run.accepted " + task);
      }
      Set<String> announced = new HashSet<>();
      wire.events().stream()
          .filter(e -> e.routingKey().equals("run.accepted"))
          .forEach(e -> announced.add(e.subject()));
      assertThat(announced).isEqualTo(tasks);
      assertThat(stack.ownerPool(team).heldCredits()).isEqualTo(20L * runs);
      assertThat(stack.messaging.isHealthy()).isTrue();
    }
  }
}
