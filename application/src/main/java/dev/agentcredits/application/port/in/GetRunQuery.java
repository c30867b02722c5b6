package dev.agentcredits.application.port.in;

import dev.agentcredits.application.port.in.view.RunView;

public interface GetRunQuery {
  Outcome<RunView> get(RunCommand command);
}
