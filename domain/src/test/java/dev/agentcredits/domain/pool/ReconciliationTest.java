package dev.agentcredits.domain.pool;

import static dev.agentcredits.domain.pool.PoolBuilder.T0;
import static dev.agentcredits.domain.pool.PoolBuilder.aMemberPool;
import static dev.agentcredits.domain.pool.PoolBuilder.days;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.SourceId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The ledger alone rebuilds a pool; any drift between the two is caught. */
class ReconciliationTest {
  private TrackedPool pool;

  @BeforeEach
  void aPoolWithSomeHistory() {
    pool = aMemberPool().withPlanCredits(100).withLot("lot-a", 400, days(40)).build();
    Hold hold = pool.reserve("run-1", 20, days(1));
    ChargeOutcome charge = pool.charge("run-1", hold, "u-1", 150, days(2));
    pool.reserve("run-2", 20, days(3));
    pool.release("run-1", charge.remainingHold(), days(3));
    pool.advanceTo(days(45));
  }

  @Test
  void thePostingsExplainThePoolExactly() {
    assertThat(Reconciliation.matches(pool.pool(), pool.postings())).isTrue();
    Reconciliation.Replayed replayed = Reconciliation.replay(pool.postings());
    assertThat(replayed.arrears()).isZero();
    for (CreditSource source : pool.pool().sources()) {
      assertThat(replayed.remaining(source.id())).isEqualTo(source.remaining());
      assertThat(replayed.reserved(source.id())).isEqualTo(source.reserved());
    }
    assertThat(replayed.remaining(new SourceId("never-seen"))).isZero();
  }

  @Test
  void aMissingPostingIsCaught() {
    List<Posting> missingOne = new ArrayList<>(pool.postings());
    missingOne.remove(missingOne.size() - 1);

    assertThat(Reconciliation.matches(pool.pool(), missingOne)).isFalse();
  }

  @Test
  void aSourceTheLedgerNeverCreditedIsCaught() {
    Pool withExtra =
        pool.pool()
            .credit(PoolBuilder.source("stray", SourceKind.ADD_ON, 5, T0, days(400)), "x", days(45))
            .pool();

    assertThat(Reconciliation.matches(withExtra, pool.postings())).isFalse();
  }

  @Test
  void arrearsTheLedgerDoesNotExplainAreCaught() {
    Pool drifted =
        pool.pool().charge(new RunId("r"), Hold.NONE, "u", 10_000, days(45)).transition().pool();

    assertThat(Reconciliation.matches(drifted, pool.postings())).isFalse();
  }

  @Test
  void aHoldTheLedgerDoesNotExplainIsCaught() {
    Pool held =
        ((ReserveOutcome.Reserved) pool.pool().reserve(new RunId("r"), 1, days(45)))
            .transition()
            .pool();

    assertThat(Reconciliation.matches(held, pool.postings())).isFalse();
  }
}
