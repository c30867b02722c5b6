package dev.agentcredits.application.port.out;

import dev.agentcredits.domain.pool.Posting;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The append-only ledger, appended to with the rest of a decision ({@link BatchWriter}). */
public interface LedgerStore {
  /** Newest first, entries with a sequence below {@code beforeSequence}; pools empty means all. */
  List<LedgerEntry> page(TeamId team, List<PoolId> pools, long beforeSequence, int limit);

  List<Posting> ofPool(PoolId pool);

  /**
   * Charges ({@link dev.agentcredits.domain.pool.PostingKind#isCharge()}) at or after {@code from}
   * and before {@code to}, per UTC day in date order, days without charges left out; pools empty
   * means all.
   */
  List<DailyCharges> chargesByDay(TeamId team, List<PoolId> pools, Instant from, Instant to);

  /** The same charges per pool, by pool id; pools without charges left out. */
  List<PoolCharges> chargesByPool(TeamId team, List<PoolId> pools, Instant from, Instant to);

  /**
   * When each pool's balance last changed: its newest posting's time; pools without any left out.
   */
  Map<PoolId, Instant> lastPostedAt(List<PoolId> pools);
}
