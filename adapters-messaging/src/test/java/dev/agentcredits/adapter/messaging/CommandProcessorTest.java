package dev.agentcredits.adapter.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcredits.adapter.wire.ProblemType;
import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.ReportUsageCommand;
import dev.agentcredits.application.port.in.RunCommand;
import dev.agentcredits.application.port.in.SubmitRunCommand;
import dev.agentcredits.application.port.out.ResourceUnavailableException;
import dev.agentcredits.domain.principal.Trigger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CommandProcessorTest {
  private static final String SUBMIT =
      """
      {"command":"submit_run","command_id":"c-1","team_id":"team_1","trigger":"USER",
       "member_id":"mem_1","prompt":"fix the build"}\
      """;

  private final FakeRuns runs = new FakeRuns();
  private final FakeIdempotency idempotency = new FakeIdempotency();
  private final CommandProcessor processor =
      new CommandProcessor(runs.handlers(idempotency), "agent-credits.commands");

  private Decision process(String json) {
    return processor.process(json.getBytes(StandardCharsets.UTF_8));
  }

  private Decision.Answer answer(String json) {
    return (Decision.Answer) process(json);
  }

  @Test
  void submitRunBuildsTheIntegrationCommandAndAnswers201WithTheRun() {
    Decision.Answer answer = answer(SUBMIT);

    assertThat(answer.status()).isEqualTo(201);
    assertThat(answer.error()).isNull();
    assertThat(answer.reply())
        .containsEntry("task_id", "task_1")
        .containsEntry("state", "QUEUED")
        .containsEntry("held_credits", 20L)
        .containsEntry("http_status", 201);
    SubmitRunCommand command = (SubmitRunCommand) runs.calls().getFirst();
    assertThat(command.caller()).isEqualTo(new Caller.Integration());
    assertThat(command.team().value()).isEqualTo("team_1");
    assertThat(command.trigger()).isEqualTo(Trigger.USER);
    assertThat(command.member().value()).isEqualTo("mem_1");
    assertThat(command.prompt()).isEqualTo("fix the build");
    assertThat(command.requestKey()).isEqualTo("amqp:c-1");
  }

  @Test
  void reportUsageAndCompleteRunAnswer200() {
    answer(SUBMIT);

    Decision.Answer usage =
        answer(
            """
            {"command":"report_usage","command_id":"c-2","task_id":"task_1","usage_id":"u-1","credits":7}\
            """);
    Decision.Answer done =
        answer("{\"command\":\"complete_run\",\"command_id\":\"c-3\",\"task_id\":\"task_1\"}");

    assertThat(usage.status()).isEqualTo(200);
    assertThat(usage.body()).containsEntry("charged_credits", 7L);
    assertThat(((ReportUsageCommand) runs.calls().get(1)).usage().value()).isEqualTo("u-1");
    assertThat(done.status()).isEqualTo(200);
    assertThat(done.body()).containsEntry("state", "SUCCEEDED");
    assertThat(((RunCommand) runs.calls().get(2)).caller()).isEqualTo(new Caller.Integration());
  }

  @Test
  void theSameCommandAgainReplaysTheFirstAnswerWithoutRunningTheUseCase() {
    Decision.Answer first = answer(SUBMIT);
    Decision.Answer replay =
        answer(
            """
            {"prompt":"fix the build","member_id":"mem_1","trigger":"USER","team_id":"team_1",
             "command_id":"c-1","command":"submit_run"}\
            """);

    assertThat(replay.replayed()).isTrue();
    assertThat(Json.text(replay.reply())).isEqualTo(Json.text(first.reply()));
    assertThat(runs.calls()).hasSize(1);
  }

  @Test
  void theSameCommandIdWithAnotherCommandIsAConflict() {
    answer(SUBMIT);

    Decision.Answer conflict = answer(SUBMIT.replace("fix the build", "something else"));

    assertThat(conflict.status()).isEqualTo(409);
    assertThat(conflict.error()).isEqualTo(ProblemType.CONFLICT);
    assertThat(conflict.body())
        .containsEntry("code", "conflict")
        .containsEntry("retryable", true)
        .containsEntry("instance", "amqp:agent-credits.commands/submit_run");
    assertThat(runs.calls()).hasSize(1);
  }

  @Test
  void aRefusalIsTheProblemBodyWithItsStatusAndIsReplayed() {
    runs.markBroke("team_1");

    Decision.Answer refused = answer(SUBMIT);
    Decision.Answer replay = answer(SUBMIT);

    assertThat(refused.status()).isEqualTo(403);
    assertThat(refused.error()).isEqualTo(ProblemType.INSUFFICIENT_CREDITS);
    assertThat(refused.reply())
        .containsEntry("code", "insufficient_credits")
        .containsEntry(
            "type", "/reference/api-and-sdk/troubleshooting/errors/insufficient-credits/")
        .containsEntry("task_id", "task_1")
        .containsEntry("http_status", 403)
        .containsKey("trace_id");
    assertThat(replay.replayed()).isTrue();
    assertThat(Json.text(replay.reply())).isEqualTo(Json.text(refused.reply()));
    assertThat(runs.calls()).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          no command_id      | {"command":"complete_run","task_id":"t1"}                                 | command_id is required
          blank command_id   | {"command":"complete_run","command_id":"a b","task_id":"t1"}              | command_id must be printable ASCII without spaces
          no task_id         | {"command":"complete_run","command_id":"c"}                               | task_id is required
          bad task_id        | {"command":"complete_run","command_id":"c","task_id":"t/1"}               | task_id must be 1-128 characters of [A-Za-z0-9_:.-]
          task_id a number   | {"command":"complete_run","command_id":"c","task_id":12}                  | task_id must be a string
          credits a string   | {"command":"report_usage","command_id":"c","task_id":"t","usage_id":"u","credits":"5"} | credits must be a whole number
          credits a fraction | {"command":"report_usage","command_id":"c","task_id":"t","usage_id":"u","credits":1.5} | credits must be a whole number
          credits zero       | {"command":"report_usage","command_id":"c","task_id":"t","usage_id":"u","credits":0}   | credits must be a whole number from 1 to 1000000000
          no credits         | {"command":"report_usage","command_id":"c","task_id":"t","usage_id":"u"}               | credits is required
          unknown trigger    | {"command":"submit_run","command_id":"c","team_id":"t","trigger":"CRON","prompt":"p"}  | trigger must be one of USER, TEAM_API_KEY, SCHEDULED
          USER, no member    | {"command":"submit_run","command_id":"c","team_id":"t","trigger":"USER","prompt":"p"}  | member_id is required for a USER trigger
          SCHEDULED, no id   | {"command":"submit_run","command_id":"c","team_id":"t","trigger":"SCHEDULED","prompt":"p"} | schedule_id is required for a SCHEDULED trigger
          no prompt          | {"command":"submit_run","command_id":"c","team_id":"t","trigger":"TEAM_API_KEY"}       | prompt is required
          no team            | {"command":"submit_run","command_id":"c","trigger":"TEAM_API_KEY","prompt":"p"}        | team_id is required
          NUL in prompt      | {"command":"submit_run","command_id":"c","team_id":"t","trigger":"TEAM_API_KEY","prompt":"a\\u0000b"} | prompt must not contain a NUL character (\\u0000)
          NUL in schedule_id | {"command":"submit_run","command_id":"c","team_id":"t","trigger":"SCHEDULED","schedule_id":"n\\u0000","prompt":"p"} | schedule_id must not contain a NUL character (\\u0000)
          """)
  void anInvalidCommandIsAnsweredInvalidRequestWithoutCallingTheUseCase(
      String name, String json, String detail) {
    Decision.Answer answer = answer(json);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.error()).isEqualTo(ProblemType.INVALID_REQUEST);
    assertThat(answer.body()).containsEntry("detail", detail);
    assertThat(runs.calls()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          not JSON       | fix the build please            | unparseable: not valid JSON
          an array       | ["submit_run"]                  | unparseable: not a JSON object
          a key twice    | {"command":"complete_run","command":"submit_run"} | unparseable: not valid JSON
          trailing bytes | {"command":"complete_run"} {}   | unparseable: not valid JSON
          no command     | {"command_id":"c"}              | unknown command: (none)
          unknown        | {"command":"frobnicate"}        | unknown command: frobnicate
          """)
  void garbageIsDeadLetteredWithItsReason(String name, String body, String reason) {
    Decision decision = process(body);

    assertThat(decision).isInstanceOf(Decision.DeadLetter.class);
    Decision.DeadLetter dead = (Decision.DeadLetter) decision;
    assertThat(dead.reason()).startsWith(reason);
    assertThat(dead.answer().status()).isEqualTo(400);
    assertThat(runs.calls()).isEmpty();
  }

  @Test
  void aFailingUseCaseReleasesTheKeySoTheRetryRuns() {
    runs.failNext(new IllegalStateException("boom"));

    assertThatThrownBy(() -> process(SUBMIT)).hasMessage("boom");
    Decision.Answer retried = answer(SUBMIT);

    assertThat(retried.status()).isEqualTo(201);
    assertThat(retried.replayed()).isFalse();
  }

  @Test
  void aReleaseThatFailedIsDoneBeforeTheNextDeliveryInsteadOfAnsweringConflict() {
    runs.failNext(new IllegalStateException("boom"));
    idempotency.failNextRelease(new ResourceUnavailableException("db down", null));

    assertThatThrownBy(() -> process(SUBMIT)).hasMessage("boom");
    Decision.Answer retried = answer(SUBMIT);

    assertThat(retried.status()).isEqualTo(201);
    assertThat(runs.calls()).hasSize(2);
  }

  @Test
  void aUseCaseFailingForADependencyDownIsRetriedOnTheNextDeliveryWithoutAnsweringConflict() {
    ResourceUnavailableException down = new ResourceUnavailableException("db down", null);
    runs.failNext(down);

    assertThatThrownBy(() -> process(SUBMIT)).isSameAs(down);
    Decision.Answer retried = answer(SUBMIT);

    assertThat(retried.status()).isEqualTo(201);
    assertThat(runs.calls()).hasSize(2);
  }

  @Test
  void anAnswerThatCouldNotBeStoredIsGivenAndStoredOnTheNextDeliveryWithoutRunningAgain() {
    idempotency.failNextComplete(new ResourceUnavailableException("db down", null));

    Decision.Answer first = answer(SUBMIT);
    Decision.Answer retried = answer(SUBMIT);

    assertThat(first.status()).isEqualTo(201);
    assertThat(retried.replayed()).isTrue();
    assertThat(retried.body()).containsEntry("task_id", "task_1");
    assertThat(runs.calls()).hasSize(1);
  }

  @Test
  void aCommandIdStillInFlightIsRequeuedInsteadOfAnsweredConflict() {
    idempotency.holdInFlight(CommandKind.SUBMIT_RUN, "c-1");

    assertThat(process(SUBMIT)).isInstanceOf(Decision.Requeue.class);
    assertThat(runs.calls()).isEmpty();
  }

  @Test
  void theCommandIdIsTheKeyWhateverTheSpacingAndOrderOfTheMembers() {
    Decision.Answer first =
        answer("{\"command\":\"complete_run\",\"command_id\":\"a\",\"task_id\":\"t\"}");
    Decision.Answer same =
        answer("{ \"task_id\" : \"t\", \"command\" : \"complete_run\", \"command_id\":\"a\" }");
    Decision.Answer other =
        answer("{\"command\":\"complete_run\",\"command_id\":\"b\",\"task_id\":\"t\"}");

    assertThat(first.replayed()).isFalse();
    assertThat(same.replayed()).isTrue();
    assertThat(other.replayed()).isFalse();
    assertThat(runs.calls()).hasSize(2);
  }
}
