package dev.agentcredits.adapter.messaging;

import dev.agentcredits.adapter.wire.Problem;
import dev.agentcredits.adapter.wire.ProblemType;
import dev.agentcredits.application.port.in.IdempotencyUseCase;
import dev.agentcredits.application.port.in.IdempotencyUseCase.Claim;
import dev.agentcredits.application.port.in.IdempotencyUseCase.Completion;
import dev.agentcredits.application.port.in.IdempotencyUseCase.Request;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.ReportUsageBatchUseCase;
import dev.agentcredits.application.port.in.ReportUsageCommand;
import dev.agentcredits.application.port.in.view.RunView;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Several report_usage commands handled as {@link CommandProcessor} handles one, with one call per
 * step instead of one per command: claim every command_id, charge the ones that proceed through one
 * {@link ReportUsageBatchUseCase#reportAll}, store every answer. A failure of a step fails the
 * batch (nothing is answered, and the claims it made are given up), so the messages are handled
 * again.
 */
final class UsageBatch {
  private static final Logger log = LoggerFactory.getLogger(UsageBatch.class);
  private static final String SCOPE = CommandProcessor.scope(CommandKind.REPORT_USAGE);

  private final ReportUsageBatchUseCase reportUsage;
  private final IdempotencyUseCase idempotency;
  private final OwedKeys owed;
  private final String instanceBase;

  UsageBatch(CommandHandlers handlers, OwedKeys owed, String instanceBase) {
    this.reportUsage = handlers.reportUsageBatch();
    this.idempotency = handlers.idempotency();
    this.owed = owed;
    this.instanceBase = instanceBase;
  }

  List<Decision> process(List<ParsedCommand.Valid> commands) {
    for (ParsedCommand.Valid command : commands) {
      if (command.kind() != CommandKind.REPORT_USAGE) {
        throw new IllegalArgumentException("only report_usage commands are batched");
      }
      owed.settle(SCOPE, command.commandId());
    }
    List<Claim> claims =
        idempotency.claimAll(
            SCOPE,
            commands.stream().map(c -> new Request(c.commandId(), c.fingerprint())).toList());
    Decision[] decisions = new Decision[commands.size()];
    List<Integer> proceeding = new ArrayList<>();
    for (int i = 0; i < decisions.length; i++) {
      decisions[i] =
          switch (claims.get(i)) {
            case Claim.Replay replay ->
                new Decision.Answer(replay.status(), Json.object(replay.body()), null, true);
            case Claim.Conflict conflict ->
                CommandProcessor.problem(
                    Problem.of(ProblemType.CONFLICT, conflict.detail()), instance());
            case Claim.InFlight inFlight -> new Decision.Requeue(inFlight.detail());
            case Claim.Proceed proceed -> {
              proceeding.add(i);
              yield null;
            }
          };
    }
    if (!proceeding.isEmpty()) {
      charge(commands, proceeding, decisions);
    }
    return Arrays.asList(decisions);
  }

  private void charge(
      List<ParsedCommand.Valid> commands, List<Integer> proceeding, Decision[] decisions) {
    List<String> keys = proceeding.stream().map(i -> commands.get(i).commandId()).toList();
    List<Outcome<RunView>> outcomes;
    try {
      outcomes = reportUsage.reportAll(proceeding.stream().map(i -> report(commands, i)).toList());
      if (outcomes.size() != proceeding.size()) {
        throw new IllegalStateException(
            outcomes.size() + " outcomes for " + proceeding.size() + " usage reports");
      }
    } catch (RuntimeException e) {
      release(keys);
      throw e;
    }
    List<Completion> completions = new ArrayList<>();
    for (int j = 0; j < proceeding.size(); j++) {
      Decision.Answer answer =
          CommandProcessor.answer(CommandKind.REPORT_USAGE, outcomes.get(j), instanceBase);
      decisions[proceeding.get(j)] = answer;
      completions.add(new Completion(keys.get(j), answer.status(), Json.text(answer.body())));
    }
    try {
      idempotency.completeAll(SCOPE, completions);
    } catch (RuntimeException e) {
      completions.forEach(c -> owed.oweComplete(SCOPE, c.key(), c.status(), c.body()));
      throw e;
    }
  }

  private static ReportUsageCommand report(List<ParsedCommand.Valid> commands, int i) {
    return ((CommandKind.UsageReport) commands.get(i).call()).command();
  }

  private void release(List<String> keys) {
    try {
      idempotency.releaseAll(SCOPE, keys);
    } catch (RuntimeException e) {
      log.warn("could not release {} idempotency keys of {}: {}", keys.size(), SCOPE, e.toString());
      keys.forEach(key -> owed.oweRelease(SCOPE, key));
    }
  }

  private String instance() {
    return instanceBase + "/" + CommandKind.REPORT_USAGE.wireName();
  }
}
