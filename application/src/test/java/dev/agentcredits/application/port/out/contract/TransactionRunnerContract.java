package dev.agentcredits.application.port.out.contract;

import static dev.agentcredits.application.port.out.contract.TeamBuilder.aTeam;
import static dev.agentcredits.application.port.out.contract.TestData.T0;
import static dev.agentcredits.application.port.out.contract.WriteBatchBuilder.aBatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.team.Team;
import java.util.List;
import org.junit.jupiter.api.Test;

public abstract class TransactionRunnerContract extends StoreContract {
  /** An application refusal: an unchecked exception thrown through the work. */
  private static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused() {
      super("refused", null, false, false);
    }
  }

  @Test
  void theWorksResultIsReturnedAndItsChangesCommitted() {
    Team team = aTeam().build();

    String answer =
        tx().inTransaction(() -> {
          stores().teams().insert(team);
          return "done";
        });

    assertThat(answer).isEqualTo("done");
    assertThat(stores().teams().find(team.id())).contains(team);
  }

  @Test
  void aRefusalRollsEveryChangeBackAndPropagatesUnchanged() {
    World world = world();
    Team team = aTeam().build();
    Pool credited =
        world.ownerPool().credit(TestData.plan("plan-1", 1_500, 0), "refresh", T0).pool();
    Refused refusal = new Refused();

    Throwable thrown =
        catchThrowable(() ->
            tx().inTransaction(() -> {
              stores().teams().insert(team);
              stores().teams().update(world.team().withMonthlySpendCap(Money.dollars(1)));
              aBatch()
                  .pool(credited, null)
                  .postings(List.of(TestData.credited(credited.id(), "plan-1", 1_500, T0)))
                  .writeTo(stores().batches());
              throw refusal;
            }));

    assertThat(thrown).isSameAs(refusal);
    assertThat(stores().teams().find(team.id())).isEmpty();
    assertThat(stores().pools().find(world.ownerPool().id())).contains(world.ownerPool());
    assertThat(stores().teams().find(world.team().id())).contains(world.team());
    assertThat(stores().ledger().ofPool(world.ownerPool().id())).isEmpty();
  }

  @Test
  void aNestedTransactionJoinsTheOuterOne() {
    Team inner = aTeam().build();
    Team outer = aTeam().build();

    catchThrowable(() ->
        tx().inTransaction(() -> {
          tx().inTransaction(() -> {
            stores().teams().insert(inner);
            return null;
          });
          stores().teams().insert(outer);
          throw new Refused();
        }));

    assertThat(stores().teams().find(inner.id())).isEmpty();
    assertThat(stores().teams().find(outer.id())).isEmpty();
  }

  @Test
  void aStoreCallOutsideATransactionCommitsOnItsOwn() {
    Team team = aTeam().build();

    stores().teams().insert(team);
    catchThrowable(() ->
        tx().inTransaction(() -> {
          throw new Refused();
        }));

    assertThat(stores().teams().find(team.id())).contains(team);
  }

  @Test
  void aFailedStoreCallInsideTheWorkRollsTheWholeWorkBack() {
    World world = world();
    Team team = aTeam().build();

    Throwable thrown =
        catchThrowable(() ->
            tx().inTransaction(() -> {
              stores().teams().insert(team);
              stores().pools().insert(world.ownerPool(), null); // already there
              return null;
            }));

    assertThat(thrown).isInstanceOf(IllegalStateException.class);
    assertThat(stores().teams().find(team.id())).isEmpty();
  }
}
