package dev.agentcredits.adapter.messaging;

import dev.agentcredits.application.port.in.RunCommandsUseCase;
import java.util.Objects;

/**
 * The use cases the command consumer calls, each under the message's command_id: the application
 * keeps their outcomes, so a replayed command changes nothing and gets the first answer again.
 */
public record CommandHandlers(RunCommandsUseCase commands) {
  public CommandHandlers {
    Objects.requireNonNull(commands, "commands");
  }
}
