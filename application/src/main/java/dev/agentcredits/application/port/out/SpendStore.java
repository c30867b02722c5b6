package dev.agentcredits.application.port.out;

import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.spend.MonthlySpend;
import java.time.YearMonth;

/** Month-to-date add-on spend per team. */
public interface SpendStore {
  /** Reads the month's spend, creating it at zero, and locks it until the transaction ends. */
  MonthlySpend lock(TeamId team, YearMonth month);

  MonthlySpend find(TeamId team, YearMonth month);

  void update(MonthlySpend spend);
}
