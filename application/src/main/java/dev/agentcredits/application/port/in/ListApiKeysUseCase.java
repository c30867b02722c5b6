package dev.agentcredits.application.port.in;

import dev.agentcredits.application.port.in.view.ApiKeyView;
import java.util.List;

/** A team's API keys, revoked ones included; never a secret. */
public interface ListApiKeysUseCase {
  Outcome<List<ApiKeyView>> apiKeys(TeamQuery query);
}
