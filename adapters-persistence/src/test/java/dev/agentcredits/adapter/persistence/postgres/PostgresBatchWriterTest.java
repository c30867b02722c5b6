package dev.agentcredits.adapter.persistence.postgres;

import static dev.agentcredits.application.port.out.contract.RunBuilder.aQueuedRun;
import static dev.agentcredits.application.port.out.contract.RunShortcuts.findByRequestKey;
import static dev.agentcredits.application.port.out.contract.RunShortcuts.findUsage;
import static dev.agentcredits.application.port.out.contract.RunShortcuts.insert;
import static dev.agentcredits.application.port.out.contract.RunShortcuts.recordUsage;
import static dev.agentcredits.application.port.out.contract.TestData.T0;
import static dev.agentcredits.application.port.out.contract.TestData.at;
import static dev.agentcredits.application.port.out.contract.WriteBatchBuilder.aBatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcredits.application.port.out.DuplicateKeyException;
import dev.agentcredits.application.port.out.RunStore;
import dev.agentcredits.application.port.out.RunStore.NewRun;
import dev.agentcredits.application.port.out.Stores;
import dev.agentcredits.application.port.out.WriteBatch;
import dev.agentcredits.application.port.out.WriteBatch.PoolUpdate;
import dev.agentcredits.application.port.out.contract.PoolBuilder;
import dev.agentcredits.application.port.out.contract.TestData;
import dev.agentcredits.application.port.out.contract.World;
import dev.agentcredits.application.testing.TestEventEncoder;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.pool.ReserveOutcome;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.shared.PurchaseId;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.UsageId;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlLogger;
import org.jdbi.v3.core.statement.StatementContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

/** A write batch as one unit of its transaction, in as few statements as it takes. */
class PostgresBatchWriterTest {
  @RegisterExtension static final PostgresSchema DB = new PostgresSchema();

  private final Stores stores = DB.persistence().stores();
  private final JdbiTransactionRunner tx = (JdbiTransactionRunner) DB.persistence().transactions();

  @Test
  void aWholeBatchWithItsEventsIsOneStatement() {
    World world = World.create(stores, tx);
    Pool pool = credited(world);
    Run queued = inserted(world);
    var reserved = (ReserveOutcome.Reserved) pool.reserve(new RunId("task_new"), 20, T0);
    Run fresh = aQueuedRun(world.team()).withId("task_new").holding(20, 0).build();
    Run completed = queued.completed(at(Duration.ofMinutes(1)));
    var usage = new RunStore.Usage(queued.id(), new UsageId("u-1"), 3, T0, null);
    WriteBatch batch =
        new WriteBatch(
            List.of(new PoolUpdate(reserved.transition().pool(), at(Duration.ofDays(30)))),
            reserved.transition().postings(),
            List.of(new NewRun(fresh, "submit-1")),
            List.of(completed),
            List.of(usage),
            List.of(TestData.event(world.team().id(), "task_new", T0)));

    long waiting = stores.outbox().depth();
    CountingWriter counting = new CountingWriter();
    counting.write(batch);

    assertThat(counting.statements).hasValue(1);
    assertThat(stores.pools().find(pool.id())).contains(reserved.transition().pool());
    assertThat(stores.ledger().ofPool(pool.id()))
        .containsSequence(reserved.transition().postings());
    assertThat(findByRequestKey(stores.runs(), world.team().id(), "submit-1")).contains(fresh);
    assertThat(stores.runs().find(queued.id())).contains(completed);
    assertThat(findUsage(stores.runs(), queued.id(), new UsageId("u-1"))).hasValue(3);
    assertThat(stores.outbox().depth()).isEqualTo(waiting + 1);
  }

  @Test
  void onlyThePartsABatchHasAreSentAndAnEmptyBatchSendsNothing() {
    World world = World.create(stores, tx);
    Pool pool = credited(world);
    long waiting = stores.outbox().depth();
    CountingWriter counting = new CountingWriter();

    counting.write(
        new WriteBatch(List.of(), List.of(), List.of(), List.of(), List.of(), List.of()));
    assertThat(counting.statements).hasValue(0);

    counting.write(
        new WriteBatch(
            List.of(new PoolUpdate(pool, null)),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of()));
    assertThat(counting.statements).hasValue(1);

    counting.write(
        new WriteBatch(
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(TestData.event(world.team().id(), "task_1", T0))));
    assertThat(counting.statements).hasValue(2);
    assertThat(stores.outbox().depth()).isEqualTo(waiting + 1);
  }

  @Test
  void aRequestKeyAnotherRunHoldsFailsTheBatchAsADuplicateKeyAndLeavesNothing() {
    World world = World.create(stores, tx);
    Pool pool = credited(world);
    insert(stores.batches(), aQueuedRun(world.team()).build(), "submit-1");
    Pool changed = pool.withReloadInFlight(new PurchaseId("pur_1"));
    Run colliding = aQueuedRun(world.team()).build();

    assertThatThrownBy(() ->
            tx.inTransaction(() -> {
              stores
                  .batches()
                  .write(
                      new WriteBatch(
                          List.of(new PoolUpdate(changed, null)),
                          List.of(),
                          List.of(new NewRun(colliding, "submit-1")),
                          List.of(),
                          List.of(),
                          List.of()));
              return null;
            }))
        .isInstanceOf(DuplicateKeyException.class);
    assertThat(stores.pools().find(pool.id())).contains(pool);
    assertThat(stores.runs().find(colliding.id())).isEmpty();
  }

  @Test
  void aUsageIdTheRunHasSeenFailsTheBatchAndLeavesNothing() {
    World world = World.create(stores, tx);
    Run run = inserted(world);
    recordUsage(stores.batches(), run.id(), new UsageId("u-1"), 5, T0);
    Run charged = run.charged(3, run.hold(), at(Duration.ofMinutes(1)));

    assertThatThrownBy(() ->
            tx.inTransaction(() -> {
              stores
                  .batches()
                  .write(
                      new WriteBatch(
                          List.of(),
                          List.of(),
                          List.of(),
                          List.of(charged),
                          List.of(new RunStore.Usage(run.id(), new UsageId("u-1"), 3, T0, null)),
                          List.of()));
              return null;
            }))
        .isInstanceOf(IllegalStateException.class)
        .isNotInstanceOf(DuplicateKeyException.class);
    assertThat(stores.runs().find(run.id())).contains(run);
    assertThat(findUsage(stores.runs(), run.id(), new UsageId("u-1"))).hasValue(5);
  }

  @Test
  void aPoolThatDoesNotExistFailsTheBatchAndLeavesNothing() {
    World world = World.create(stores, tx);
    Pool known = credited(world);
    Pool changed = known.withReloadInFlight(new PurchaseId("pur_1"));
    Pool stranger = PoolBuilder.aTeamPool(world.team().id()).build();

    assertThatThrownBy(() ->
            stores
                .batches()
                .write(
                    new WriteBatch(
                        List.of(new PoolUpdate(changed, null), new PoolUpdate(stranger, null)),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of(),
                        List.of())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("do not exist");
    assertThat(stores.pools().find(known.id())).contains(known);
  }

  private Pool credited(World world) {
    Pool credited = world.ownerPool().credit(TestData.plan("plan-1", 100, 0), "refresh", T0).pool();
    aBatch().pool(credited, null).writeTo(stores.batches());
    return credited;
  }

  private Run inserted(World world) {
    Run run = aQueuedRun(world.team()).holding(20, 0).build();
    insert(stores.batches(), run, null);
    return run;
  }

  /**
   * A batch writer on the test's schema whose Jdbi counts the statements it executes (each is one
   * round trip; BEGIN and COMMIT are not counted).
   */
  private static final class CountingWriter {
    final AtomicInteger statements = new AtomicInteger();
    private final JdbiTransactionRunner db;
    private final PostgresBatchWriter writer;

    CountingWriter() {
      TestDatabase.Server server = TestDatabase.server();
      PGSimpleDataSource source = new PGSimpleDataSource();
      source.setURL(server.url());
      source.setUser(server.user());
      source.setPassword(server.password());
      source.setCurrentSchema(DB.name());
      Jdbi jdbi = JdbiSetup.create(source);
      jdbi.setSqlLogger(
          new SqlLogger() {
            @Override
            public void logAfterExecution(StatementContext context) {
              statements.incrementAndGet();
            }
          });
      db = new JdbiTransactionRunner(jdbi);
      writer = new PostgresBatchWriter(db, new PostgresEventOutbox(db, new TestEventEncoder()));
    }

    void write(WriteBatch batch) {
      db.inTransaction(() -> {
        writer.write(batch);
        return null;
      });
    }
  }
}
