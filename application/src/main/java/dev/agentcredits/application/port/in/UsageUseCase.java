package dev.agentcredits.application.port.in;

import dev.agentcredits.application.port.in.view.UsageView;

/** Daily usage of a team, from its ledger's charges; who may see it is as for the ledger. */
public interface UsageUseCase {
  Outcome<UsageView> usage(UsageQuery query);
}
