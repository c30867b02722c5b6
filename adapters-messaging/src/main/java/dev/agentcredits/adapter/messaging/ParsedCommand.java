package dev.agentcredits.adapter.messaging;

import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.view.RunView;
import java.util.function.Supplier;

/** What a message body turned out to be. */
sealed interface ParsedCommand {
  /** Not a JSON object: dead-lettered. */
  record Unreadable(String reason) implements ParsedCommand {}

  /** A JSON object naming no command we know: dead-lettered. */
  record Unknown(String name) implements ParsedCommand {}

  /** A known command with missing or malformed members: answered with invalid_request. */
  record Invalid(CommandKind kind, String detail) implements ParsedCommand {}

  /** A command ready to run, under its command_id. */
  record Valid(CommandKind kind, String commandId, Supplier<Outcome<RunView>> call)
      implements ParsedCommand {}
}
