package dev.agentcredits.adapter.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.ReportUsageCommand;
import dev.agentcredits.application.port.in.RequestKey;
import dev.agentcredits.application.port.in.RunCommand;
import dev.agentcredits.application.port.in.RunCommandsUseCase;
import dev.agentcredits.application.port.in.SubmitRunCommand;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.domain.principal.Trigger;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.shared.UsageId;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The commands of API.md "Messages", each with the status its REST twin answers on success. {@link
 * #bind} builds the use-case command (its constructor checks it: an invalid message throws
 * IllegalArgumentException or NullPointerException) and returns the call to make.
 */
enum CommandKind {
  SUBMIT_RUN("submit_run", 201) {
    @Override
    Supplier<Outcome<RunView>> bind(JsonNode json, String commandId, CommandHandlers handlers) {
      SubmitRunCommand command =
          new SubmitRunCommand(
              INTEGRATION,
              Fields.id(json, "team_id", TeamId::new),
              Fields.oneOf(json, "trigger", Trigger.class),
              Fields.id(json, "member_id", MemberId::new),
              Fields.text(json, "schedule_id"),
              Fields.text(json, "prompt"),
              REQUEST_KEY_PREFIX + commandId);
      return () -> handlers.commands().submit(new RequestKey(commandId), command);
    }
  },
  REPORT_USAGE("report_usage", 200) {
    @Override
    Supplier<Outcome<RunView>> bind(JsonNode json, String commandId, CommandHandlers handlers) {
      ReportUsageCommand command =
          new ReportUsageCommand(
              INTEGRATION,
              Fields.id(json, "task_id", RunId::new),
              Fields.id(json, "usage_id", UsageId::new),
              Fields.wholeNumber(json, "credits"));
      return new UsageReport(new RequestKey(commandId), command, handlers.commands());
    }
  },
  COMPLETE_RUN("complete_run", 200) {
    @Override
    Supplier<Outcome<RunView>> bind(JsonNode json, String commandId, CommandHandlers handlers) {
      RunCommand command = new RunCommand(INTEGRATION, Fields.id(json, "task_id", RunId::new));
      return () -> handlers.commands().complete(new RequestKey(commandId), command);
    }
  };

  /**
   * Runs submitted by message carry {@code amqp:<command_id>} as their request key, so a command id
   * can never collide with an Idempotency-Key a REST client of the same team chose.
   */
  static final String REQUEST_KEY_PREFIX = "amqp:";

  private static final Caller INTEGRATION = new Caller.Integration();

  /** The call a report_usage command makes alone; its report can also join a batch. */
  record UsageReport(RequestKey commandId, ReportUsageCommand command, RunCommandsUseCase useCase)
      implements Supplier<Outcome<RunView>> {
    @Override
    public Outcome<RunView> get() {
      return useCase.report(commandId, command);
    }

    RunCommandsUseCase.KeyedReport keyed() {
      return new RunCommandsUseCase.KeyedReport(commandId, command);
    }
  }

  private final String wireName;
  private final int okStatus;

  CommandKind(String wireName, int okStatus) {
    this.wireName = wireName;
    this.okStatus = okStatus;
  }

  String wireName() {
    return wireName;
  }

  int okStatus() {
    return okStatus;
  }

  abstract Supplier<Outcome<RunView>> bind(
      JsonNode json, String commandId, CommandHandlers handlers);

  static Optional<CommandKind> named(String name) {
    for (CommandKind kind : values()) {
      if (kind.wireName.equals(name)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
