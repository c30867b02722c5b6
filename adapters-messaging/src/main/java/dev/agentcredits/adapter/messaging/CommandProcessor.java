package dev.agentcredits.adapter.messaging;

import dev.agentcredits.adapter.wire.Bodies;
import dev.agentcredits.adapter.wire.Problem;
import dev.agentcredits.adapter.wire.ProblemType;
import dev.agentcredits.application.port.in.IdempotencyUseCase;
import dev.agentcredits.application.port.in.IdempotencyUseCase.Claim;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.application.port.out.ResourceUnavailableException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Handles one command message, broker aside: parse it, claim its command_id, run the use case,
 * store the answer. Infrastructure failures are thrown ({@code ResourceUnavailableException} when a
 * dependency is down) and the message is handled again later.
 *
 * <p>When the store fails between claiming a key and storing its answer, the key would look "in
 * flight" to the next delivery for {@code IdempotencyStore.ABANDONED_AFTER}. The processor
 * remembers that bookkeeping it owes and settles it first when the message comes back, so a
 * redelivery does not answer {@code conflict} to its own earlier attempt.
 */
final class CommandProcessor {
  private static final Logger log = LoggerFactory.getLogger(CommandProcessor.class);
  private static final int MAX_OWED = 10_000;

  private final CommandParser parser;
  private final IdempotencyUseCase idempotency;
  private final String instanceBase;
  private final Map<String, Owed> owed =
      new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Owed> eldest) {
          return size() > MAX_OWED;
        }
      };

  /** Bookkeeping a failed store left undone for a key. */
  private sealed interface Owed {
    /** The use case failed: give the key up. */
    record Release() implements Owed {}

    /** The use case ran: store its answer. */
    record Complete(int status, String body) implements Owed {}
  }

  CommandProcessor(CommandHandlers handlers, String queue) {
    this.parser = new CommandParser(handlers);
    this.idempotency = handlers.idempotency();
    this.instanceBase = "amqp:" + queue;
  }

  synchronized Decision process(byte[] body) {
    return switch (parser.parse(body)) {
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

  private Decision.Answer run(ParsedCommand.Valid command) {
    String scope = "amqp:" + command.kind().wireName();
    String key = command.commandId();
    settleOwed(scope, key);
    return switch (idempotency.claim(scope, key, command.fingerprint())) {
      case Claim.Replay replay ->
          new Decision.Answer(replay.status(), Json.object(replay.body()), null, true);
      case Claim.Conflict conflict ->
          problem(Problem.of(ProblemType.CONFLICT, conflict.detail()), instance(command.kind()));
      case Claim.InFlight inFlight ->
          // a redelivery that meets its first attempt still running (or abandoned by a crashed
          // instance) waits and comes back, instead of answering the sender conflict
          throw new ResourceUnavailableException(inFlight.detail(), null);
      case Claim.Proceed proceed -> proceed(command, scope, key);
    };
  }

  private Decision.Answer proceed(ParsedCommand.Valid command, String scope, String key) {
    Outcome<RunView> outcome;
    try {
      outcome = command.call().get();
    } catch (RuntimeException e) {
      release(scope, key);
      throw e;
    }
    Decision.Answer answer =
        switch (outcome) {
          case Outcome.Ok<RunView> ok ->
              new Decision.Answer(command.kind().okStatus(), Bodies.run(ok.value()), null, false);
          case Outcome.Refused<RunView> refused ->
              problem(Problem.of(refused.refusal()), instance(command.kind()));
        };
    String stored = Json.text(answer.body());
    try {
      idempotency.complete(scope, key, answer.status(), stored);
    } catch (RuntimeException e) {
      owed.put(scope + "\n" + key, new Owed.Complete(answer.status(), stored));
      throw e;
    }
    return answer;
  }

  private void release(String scope, String key) {
    try {
      idempotency.release(scope, key);
    } catch (RuntimeException e) {
      log.warn("could not release idempotency key {} {}: {}", scope, key, e.toString());
      owed.put(scope + "\n" + key, new Owed.Release());
    }
  }

  private void settleOwed(String scope, String key) {
    Owed debt = owed.get(scope + "\n" + key);
    if (debt == null) {
      return;
    }
    switch (debt) {
      case Owed.Release r -> idempotency.release(scope, key);
      case Owed.Complete c -> idempotency.complete(scope, key, c.status(), c.body());
    }
    owed.remove(scope + "\n" + key);
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
