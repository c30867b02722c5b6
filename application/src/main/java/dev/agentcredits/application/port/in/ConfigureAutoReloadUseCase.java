package dev.agentcredits.application.port.in;

import dev.agentcredits.application.port.in.view.AutoReloadView;

public interface ConfigureAutoReloadUseCase {
  Outcome<AutoReloadView> configure(ConfigureAutoReloadCommand command);
}
