package dev.agentcredits.adapter.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcredits.adapter.wire.ProblemType;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.application.port.out.ResourceUnavailableException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Usage reports handled together answer each as it would be answered alone. */
class UsageBatchTest {
  private final FakeRuns runs = new FakeRuns();
  private final FakeIdempotency idempotency = new FakeIdempotency();
  private final CommandProcessor processor =
      new CommandProcessor(runs.handlers(idempotency), "agent-credits.commands");

  @BeforeEach
  void aRun() {
    processor.process(
        bytes(
            """
            {"command":"submit_run","command_id":"s-1","team_id":"team_1","trigger":"TEAM_API_KEY",
             "prompt":"p"}\
            """));
  }

  private static byte[] bytes(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private static String usage(String commandId, String task, int credits) {
    return """
    {"command":"report_usage","command_id":"%s","task_id":"%s","usage_id":"u-%s","credits":%d}\
    """
        .formatted(commandId, task, commandId, credits);
  }

  private ParsedCommand.Valid valid(String json) {
    return (ParsedCommand.Valid) processor.parse(bytes(json));
  }

  private List<Decision> batch(String... jsons) {
    return processor.processUsage(List.of(jsons).stream().map(this::valid).toList());
  }

  @Test
  void theReportsAreChargedThroughOneCallAndEachGetsItsOwnAnswerInOrder() {
    List<Decision> decisions =
        batch(usage("c-1", "task_1", 3), usage("c-2", "task_9", 1), usage("c-3", "task_1", 4));

    assertThat(runs.batches()).containsExactly(3);
    // the run's submission claimed its own command id first
    assertThat(idempotency.claimBatches()).containsExactly(1, 3);
    Decision.Answer first = (Decision.Answer) decisions.get(0);
    Decision.Answer missing = (Decision.Answer) decisions.get(1);
    Decision.Answer third = (Decision.Answer) decisions.get(2);
    assertThat(first.status()).isEqualTo(200);
    assertThat(first.body()).containsEntry("charged_credits", 3L);
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body())
        .containsEntry("instance", "amqp:agent-credits.commands/report_usage");
    assertThat(third.body()).containsEntry("charged_credits", 7L);
    assertThat(idempotency.storedOutcome(CommandKind.REPORT_USAGE, "c-3"))
        .isInstanceOfSatisfying(
            Outcome.Ok.class,
            ok -> assertThat(((RunView) ok.value()).chargedCredits()).isEqualTo(7));
  }

  @Test
  void eachAnswerIsTheOneTheSinglePathStoresAndReplays() {
    Decision.Answer batched = (Decision.Answer) batch(usage("c-1", "task_1", 3)).getFirst();

    Decision.Answer alone = (Decision.Answer) processor.process(bytes(usage("c-1", "task_1", 3)));

    assertThat(alone.replayed()).isTrue();
    assertThat(Json.text(alone.reply())).isEqualTo(Json.text(batched.reply()));
  }

  @Test
  void replayedConflictingAndInFlightCommandIdsAreNotChargedAgain() {
    processor.process(bytes(usage("done", "task_1", 2)));
    idempotency.holdInFlight(CommandKind.REPORT_USAGE, "busy");

    List<Decision> decisions =
        batch(
            usage("done", "task_1", 2),
            usage("busy", "task_1", 1),
            usage("new", "task_1", 5),
            usage("other", "task_1", 1));
    List<Decision> reused = batch(usage("other", "task_1", 6));

    assertThat(((Decision.Answer) decisions.get(0)).replayed()).isTrue();
    assertThat(decisions.get(1)).isInstanceOf(Decision.Requeue.class);
    assertThat(((Decision.Answer) decisions.get(2)).body()).containsEntry("charged_credits", 7L);
    assertThat(((Decision.Answer) reused.getFirst()).error()).isEqualTo(ProblemType.CONFLICT);
    assertThat(runs.batches()).containsExactly(2);
  }

  @Test
  void aBatchThatFailsChargesNothingAndGivesItsClaimsUpSoTheRetryRuns() {
    runs.failNext(new IllegalStateException("boom"));

    assertThatThrownBy(() -> batch(usage("c-1", "task_1", 3), usage("c-2", "task_1", 4)))
        .hasMessage("boom");
    List<Decision> retried = batch(usage("c-1", "task_1", 3), usage("c-2", "task_1", 4));

    assertThat(((Decision.Answer) retried.get(1)).body()).containsEntry("charged_credits", 7L);
  }

  @Test
  void answersThatCouldNotBeStoredAreGivenAndStoredOnTheNextDeliveryWithoutChargingAgain() {
    idempotency.failNextComplete(new ResourceUnavailableException("db down", null));

    List<Decision> first = batch(usage("c-1", "task_1", 3), usage("c-2", "task_1", 4));
    List<Decision> again = batch(usage("c-1", "task_1", 3), usage("c-2", "task_1", 4));

    assertThat(((Decision.Answer) first.get(1)).body()).containsEntry("charged_credits", 7L);

    assertThat(again).allMatch(d -> ((Decision.Answer) d).replayed());
    assertThat(((Decision.Answer) again.get(1)).body()).containsEntry("charged_credits", 7L);
    assertThat(runs.batches()).containsExactly(2);
  }

  @Test
  void aDependencyDownWhileClaimingFailsTheWholeBatchBeforeAnyCharge() {
    idempotency.failNextClaims(new ResourceUnavailableException("db down", null));

    assertThatThrownBy(() ->
            batch(
                IntStream.range(0, 5)
                    .mapToObj(i -> usage("c-" + i, "task_1", 1))
                    .toArray(String[]::new)))
        .isInstanceOf(ResourceUnavailableException.class);
    assertThat(runs.batches()).isEmpty();
  }
}
