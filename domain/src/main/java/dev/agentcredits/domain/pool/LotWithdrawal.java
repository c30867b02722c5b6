package dev.agentcredits.domain.pool;

import dev.agentcredits.domain.shared.SourceId;
import java.time.Instant;

/**
 * A lot taken out of the pool whole, as a refund or a dispute's freeze does (DOMAIN.md rule 20).
 */
final class LotWithdrawal {
  private LotWithdrawal() {}

  static PoolTransition withdraw(
      Pool pool, SourceId lot, PostingKind kind, String reference, Instant now) {
    if (kind != PostingKind.REFUNDED && kind != PostingKind.FROZEN) {
      throw new IllegalArgumentException("a lot is withdrawn by a refund or a freeze");
    }
    PoolWork work = new PoolWork(pool);
    CreditSource source = work.source(lot);
    if (source.free() > 0) {
      work.move(lot, kind, source.free(), null, reference, now);
    }
    return work.finish();
  }
}
