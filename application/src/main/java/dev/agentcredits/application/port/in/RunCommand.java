package dev.agentcredits.application.port.in;

import dev.agentcredits.domain.shared.RunId;
import java.util.Objects;

/** A request about one run: complete, retry or read it. */
public record RunCommand(Caller caller, RunId run) {
  public RunCommand {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(run, "task_id is required");
  }
}
