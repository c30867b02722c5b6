package dev.agentcredits.domain.pool;

/**
 * What a ledger posting does. Each kind moves a fixed combination of a source's remaining and
 * reserved credits and the pool's arrears, which is what lets balances be rebuilt from postings.
 */
public enum PostingKind {
  CREDITED(+1, 0, 0),
  RESERVED(0, +1, 0),
  RELEASED(0, -1, 0),
  CHARGED_FROM_HOLD(-1, -1, 0),
  CHARGED(-1, 0, 0),
  EXPIRED(-1, 0, 0),
  ARREARS_INCURRED(0, 0, +1),
  ARREARS_SETTLED(-1, 0, -1),
  /** An untouched add-on lot leaves the pool because its payment was refunded (rule 20). */
  REFUNDED(-1, 0, 0),
  /** What is left of a lot leaves the pool because its payment is disputed. */
  FROZEN(-1, 0, 0),
  /** What is left of a removed member's lot leaves their pool for the owner's (rule 22). */
  TRANSFERRED_OUT(-1, 0, 0),
  /** A removed member's lot arrives in the owner's pool, keeping its expiry (rule 22). */
  TRANSFERRED_IN(+1, 0, 0);

  private final int remainingSign;
  private final int reservedSign;
  private final int arrearsSign;

  PostingKind(int remainingSign, int reservedSign, int arrearsSign) {
    this.remainingSign = remainingSign;
    this.reservedSign = reservedSign;
    this.arrearsSign = arrearsSign;
  }

  public int remainingSign() {
    return remainingSign;
  }

  public int reservedSign() {
    return reservedSign;
  }

  public int arrearsSign() {
    return arrearsSign;
  }

  /** Whether the posting counts as credits a run was charged. */
  public boolean isCharge() {
    return this == CHARGED || this == CHARGED_FROM_HOLD || this == ARREARS_INCURRED;
  }
}
