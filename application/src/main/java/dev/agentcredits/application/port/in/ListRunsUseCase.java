package dev.agentcredits.application.port.in;

import dev.agentcredits.application.port.in.view.RunPageView;

/** Lists a team's runs, newest first, page by page. */
public interface ListRunsUseCase {
  Outcome<RunPageView> list(ListRunsQuery query);
}
