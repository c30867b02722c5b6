package dev.agentcredits.domain.pool;

import java.util.List;

/** The result of asking a pool for a hold. */
public sealed interface ReserveOutcome {
  record Reserved(PoolTransition transition, Hold hold) implements ReserveOutcome {}

  /** Nothing was reserved; {@code sourcesTried} shows what each live source could give. */
  record Short(long required, PoolBalances balances, List<CreditSource> sourcesTried)
      implements ReserveOutcome {
    public Short {
      sourcesTried = List.copyOf(sourcesTried);
    }
  }
}
