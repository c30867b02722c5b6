package dev.agentcredits.application.service.runs;

import dev.agentcredits.application.port.out.MemberLimitStore;
import java.time.Instant;

/**
 * The members' monthly limits (DOMAIN.md rule 24) for the transactions on runs: each opens its
 * {@link MemberBudgets} here, for the month of its own now.
 */
public final class MemberLimitBook {
  private final MemberLimitStore store;

  public MemberLimitBook(MemberLimitStore store) {
    this.store = store;
  }

  /** The budgets of one transaction, read once it holds the locks they need. */
  MemberBudgets open(Instant now) {
    return new MemberBudgets(store, now);
  }
}
