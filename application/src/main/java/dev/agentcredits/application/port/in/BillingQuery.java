package dev.agentcredits.application.port.in;

import dev.agentcredits.application.port.in.view.LedgerPageView;
import dev.agentcredits.application.port.in.view.PoolView;
import dev.agentcredits.application.port.in.view.TeamBillingView;
import dev.agentcredits.domain.shared.TeamId;

/** The read side of billing: GetPool, GetTeamBilling and ListLedger. */
public interface BillingQuery {
  Outcome<PoolView> memberPool(Caller caller, PoolRef pool);

  Outcome<PoolView> teamPool(Caller caller, TeamId team);

  Outcome<TeamBillingView> teamBilling(Caller caller, TeamId team);

  /** {@code cursor} null starts at the newest entry; {@code limit} 1-200. */
  Outcome<LedgerPageView> ledger(Caller caller, TeamId team, int limit, String cursor);
}
