package dev.agentcredits.application.service.timekeeping;

import dev.agentcredits.application.port.in.TimeKeepingUseCase.Report;
import dev.agentcredits.application.port.out.PoolStore;
import dev.agentcredits.application.port.out.TeamStore;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.service.members.PoolClosing;
import dev.agentcredits.application.service.shared.PoolBook;
import dev.agentcredits.application.service.shared.PoolChanges;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.team.Team;
import java.time.Instant;
import java.util.Optional;

/**
 * Brings the pools that time changed up to date, each in a transaction of its own: plan refreshes
 * and the expiries of lots and grants (rules 9, 10), and a removed member's closed pool swept again
 * into the owner's (rule 22).
 */
public final class PoolRefresh implements TimeKeepingJob {
  private final TeamStore teams;
  private final PoolStore pools;
  private final PoolBook book;
  private final TransactionRunner tx;

  public PoolRefresh(TeamStore teams, PoolStore pools, PoolBook book, TransactionRunner tx) {
    this.teams = teams;
    this.pools = pools;
    this.book = book;
    this.tx = tx;
  }

  @Override
  public Report runDueBy(Instant now) {
    int advanced = 0;
    for (PoolId id : tx.inTransaction(() -> pools.dueBy(now, BATCH))) {
      tx.inTransaction(() -> advance(id));
      advanced++;
    }
    return Report.ofPoolsAdvanced(advanced);
  }

  private boolean advance(PoolId id) {
    PoolChanges changes = book.open();
    Optional<Pool> pool = changes.find(id);
    if (pool.isEmpty()) {
      return false;
    }
    Team team = teams.find(pool.get().team()).orElseThrow();
    if (pool.get().isClosed() && pool.get().member() != null) {
      // What a removed member's run gave back goes on to the owner's pool (rule 22).
      PoolClosing.close(team, pool.get().member(), changes);
    } else {
      changes.lockCurrent(id, team.plan());
    }
    changes.flush();
    return true;
  }
}
