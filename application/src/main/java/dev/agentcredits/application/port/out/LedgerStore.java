package dev.agentcredits.application.port.out;

import dev.agentcredits.domain.pool.Posting;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.TeamId;
import java.util.List;

/** The append-only ledger. */
public interface LedgerStore {
  void append(TeamId team, List<Posting> postings);

  /** Newest first, entries with a sequence below {@code beforeSequence}; pools empty means all. */
  List<LedgerEntry> page(TeamId team, List<PoolId> pools, long beforeSequence, int limit);

  List<Posting> ofPool(PoolId pool);
}
