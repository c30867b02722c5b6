package dev.agentcredits.adapter.messaging;

import dev.agentcredits.adapter.wire.Bodies;
import dev.agentcredits.adapter.wire.Problem;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.RunCommandsUseCase;
import dev.agentcredits.application.port.in.view.RunView;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * Handles command messages, broker aside: parse one, run its use case under its command_id (the
 * application answers a command it has seen with its first outcome), and turn the outcome into the
 * reply; {@link #processUsage} does the same for several report_usage commands together.
 * Infrastructure failures are thrown ({@code ResourceUnavailableException} when a dependency is
 * down) and the message is handled again later.
 */
final class CommandProcessor {
  private final CommandParser parser;
  private final RunCommandsUseCase commands;
  private final String instanceBase;

  CommandProcessor(CommandHandlers handlers, String queue) {
    this.parser = new CommandParser(handlers);
    this.commands = handlers.commands();
    this.instanceBase = "amqp:" + queue;
  }

  ParsedCommand parse(byte[] body) {
    return parser.parse(body);
  }

  Decision process(byte[] body) {
    return process(parse(body));
  }

  Decision process(ParsedCommand command) {
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
      case ParsedCommand.Valid v -> decide(v, v.call().get());
    };
  }

  /**
   * Valid report_usage commands with distinct command_ids, charged together; one decision per
   * command, in order, each what {@link #process} would decide for it alone.
   */
  List<Decision> processUsage(List<ParsedCommand.Valid> reports) {
    List<RunCommandsUseCase.KeyedReport> keyed =
        reports.stream()
            .map(report -> {
              if (!(report.call() instanceof CommandKind.UsageReport usage)) {
                throw new IllegalArgumentException("only report_usage commands are batched");
              }
              return usage.keyed();
            })
            .toList();
    List<Outcome<RunView>> outcomes = commands.reportAll(keyed);
    return IntStream.range(0, reports.size())
        .mapToObj(i -> decide(reports.get(i), outcomes.get(i)))
        .toList();
  }

  /**
   * The reply to a command's outcome, as its REST twin would give it. A redelivery that meets its
   * first attempt still running (or abandoned by a crashed instance) waits and comes back, instead
   * of answering the sender conflict.
   */
  private Decision decide(ParsedCommand.Valid command, Outcome<RunView> outcome) {
    CommandKind kind = command.kind();
    return switch (outcome) {
      case Outcome.Refused<RunView> refused when refused.refusal() instanceof Refusal.InFlight f ->
          new Decision.Requeue(f.detail());
      case Outcome.Ok<RunView> ok ->
          new Decision.Answer(kind.okStatus(), Bodies.run(ok.value()), null, ok.replayed());
      case Outcome.Refused<RunView> refused -> {
        Problem problem = Problem.of(refused.refusal());
        yield new Decision.Answer(
            problem.type().status(),
            problem.body(instance(kind), traceId(command)),
            problem.type(),
            refused.replayed());
      }
    };
  }

  /**
   * The trace id of a command's answers, the same for every delivery of its command_id: an answer
   * given again is the first one, byte for byte.
   */
  private static String traceId(ParsedCommand.Valid command) {
    String name = command.kind().wireName() + "\n" + command.commandId();
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
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
