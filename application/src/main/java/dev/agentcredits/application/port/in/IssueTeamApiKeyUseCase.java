package dev.agentcredits.application.port.in;

import dev.agentcredits.application.port.in.view.IssuedKeyView;

public interface IssueTeamApiKeyUseCase {
  Outcome<IssuedKeyView> issue(TeamApiKeyCommand command);
}
