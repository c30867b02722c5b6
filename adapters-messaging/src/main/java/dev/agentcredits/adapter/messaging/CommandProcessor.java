package dev.agentcredits.adapter.messaging;

import dev.agentcredits.adapter.wire.Bodies;
import dev.agentcredits.adapter.wire.Problem;
import dev.agentcredits.adapter.wire.ProblemType;
import dev.agentcredits.application.port.in.IdempotencyUseCase;
import dev.agentcredits.application.port.in.IdempotencyUseCase.Claim;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.view.RunView;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles command messages, broker aside: parse one, claim its command_id, run the use case, store
 * the answer; {@link #processUsage} does the same for several report_usage commands together.
 * Infrastructure failures are thrown ({@code ResourceUnavailableException} when a dependency is
 * down) and the message is handled again later; bookkeeping a failed store left undone is settled
 * first then (see {@link OwedKeys}).
 */
final class CommandProcessor {
  private static final Logger log = LoggerFactory.getLogger(CommandProcessor.class);

  private final CommandParser parser;
  private final IdempotencyUseCase idempotency;
  private final OwedKeys owed;
  private final UsageBatch usageBatch;
  private final String instanceBase;

  CommandProcessor(CommandHandlers handlers, String queue) {
    this.parser = new CommandParser(handlers);
    this.idempotency = handlers.idempotency();
    this.owed = new OwedKeys(idempotency);
    this.instanceBase = "amqp:" + queue;
    this.usageBatch = new UsageBatch(handlers, owed, instanceBase);
  }

  ParsedCommand parse(byte[] body) {
    return parser.parse(body);
  }

  Decision process(byte[] body) {
    return process(parse(body));
  }

  synchronized Decision process(ParsedCommand command) {
    return switch (command) {
      case ParsedCommand.Unreadable u ->
          new Decision.DeadLetter(
              "unparseable: " + u.reason(), problem(Problem.invalid(u.reason()), instanceBase));
      case ParsedCommand.Unknown u ->
          new Decision.DeadLetter(
              "unknown command: " + u.name(),
              problem(
                  Problem.invalid("command must be submit_run, report_usage or complete_run"),
                  instanceBase));
      case ParsedCommand.Invalid i -> problem(Problem.invalid(i.detail()), instance(i.kind()));
      case ParsedCommand.Valid v -> run(v);
    };
  }

  /**
   * Valid report_usage commands with distinct command_ids, handled together; one decision per
   * command, in order, each what {@link #process} would decide for it alone.
   */
  synchronized List<Decision> processUsage(List<ParsedCommand.Valid> reports) {
    return usageBatch.process(reports);
  }

  private Decision run(ParsedCommand.Valid command) {
    String scope = scope(command.kind());
    String key = command.commandId();
    owed.settle(scope, key);
    return switch (idempotency.claim(scope, key, command.fingerprint())) {
      case Claim.Replay replay ->
          new Decision.Answer(replay.status(), Json.object(replay.body()), null, true);
      case Claim.Conflict conflict ->
          problem(Problem.of(ProblemType.CONFLICT, conflict.detail()), instance(command.kind()));
      case Claim.InFlight inFlight ->
          // a redelivery that meets its first attempt still running (or abandoned by a crashed
          // instance) waits and comes back, instead of answering the sender conflict
          new Decision.Requeue(inFlight.detail());
      case Claim.Proceed proceed -> proceed(command, scope, key);
    };
  }

  private Decision proceed(ParsedCommand.Valid command, String scope, String key) {
    Outcome<RunView> outcome;
    try {
      outcome = command.call().get();
    } catch (RuntimeException e) {
      release(scope, key);
      throw e;
    }
    Decision.Answer answer = answer(command.kind(), outcome, instanceBase);
    String stored = Json.text(answer.body());
    try {
      idempotency.complete(scope, key, answer.status(), stored);
    } catch (RuntimeException e) {
      owed.oweComplete(scope, key, answer.status(), stored);
      throw e;
    }
    return answer;
  }

  /** The idempotency scope of a command kind: command ids of different kinds never meet. */
  static String scope(CommandKind kind) {
    return "amqp:" + kind.wireName();
  }

  /** The answer to a use case's outcome, as its REST twin would give it. */
  static Decision.Answer answer(CommandKind kind, Outcome<RunView> outcome, String instanceBase) {
    return switch (outcome) {
      case Outcome.Ok<RunView> ok ->
          new Decision.Answer(kind.okStatus(), Bodies.run(ok.value()), null, false);
      case Outcome.Refused<RunView> refused ->
          problem(Problem.of(refused.refusal()), instanceBase + "/" + kind.wireName());
    };
  }

  private void release(String scope, String key) {
    try {
      idempotency.release(scope, key);
    } catch (RuntimeException e) {
      log.warn("could not release idempotency key {} {}: {}", scope, key, e.toString());
      owed.oweRelease(scope, key);
    }
  }

  private String instance(CommandKind kind) {
    return instanceBase + "/" + kind.wireName();
  }

  static Decision.Answer problem(Problem problem, String instance) {
    return new Decision.Answer(
        problem.type().status(),
        problem.body(instance, UUID.randomUUID().toString()),
        problem.type(),
        false);
  }
}
