package dev.agentcredits.application.port.out.contract;

import static dev.agentcredits.application.port.out.contract.PoolBuilder.aMemberPool;
import static dev.agentcredits.application.port.out.contract.PoolBuilder.aTeamPool;
import static dev.agentcredits.application.port.out.contract.TestData.T0;
import static dev.agentcredits.application.port.out.contract.TestData.at;
import static dev.agentcredits.application.port.out.contract.TestData.grant;
import static dev.agentcredits.application.port.out.contract.TestData.lot;
import static dev.agentcredits.application.port.out.contract.TestData.plan;
import static dev.agentcredits.application.port.out.contract.WriteBatchBuilder.aBatch;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcredits.domain.pool.AutoReloadSettings;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.pool.ReloadFailure;
import dev.agentcredits.domain.shared.Credits;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.PurchaseId;
import dev.agentcredits.domain.team.Member;
import dev.agentcredits.domain.team.Plan;
import dev.agentcredits.domain.team.Role;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

public abstract class PoolStoreContract extends StoreContract {
  private static final Instant IN_A_YEAR = at(Duration.ofDays(365));

  @Test
  void aPoolIsFoundWithItsSourcesInWaterfallOrder() {
    World world = world();
    Member member = addMember(world);
    Pool pool =
        aMemberPool(world.team().id(), member.id())
            .withCycleStart(T0)
            .withSources(
                lot("lot-late", 400, 0, IN_A_YEAR),
                plan("plan-1", 1_500, 20),
                lot("lot-soon", 1_000, 30, at(Duration.ofDays(40))))
            .build();

    stores().pools().insert(pool, at(Duration.ofDays(30)));

    Pool found = stores().pools().find(pool.id()).orElseThrow();
    assertThat(found).isEqualTo(pool);
    assertThat(found.sources())
        .extracting(s -> s.id().value())
        .containsExactly("plan-1", "lot-soon", "lot-late");
  }

  @Test
  void lockReadsThePoolAsFindDoes() {
    Pool pool = enterprisePool();

    Pool locked = tx().inTransaction(() -> stores().pools().lock(pool.id()).orElseThrow());

    assertThat(locked).isEqualTo(pool);
  }

  @Test
  void anUnknownPoolIsNeitherFoundNorLocked() {
    PoolId unknown = new PoolId("m:no-such-member");

    assertThat(stores().pools().find(unknown)).isEmpty();
    assertThat(tx().inTransaction(() -> stores().pools().lock(unknown))).isEmpty();
  }

  @Test
  void aPoolIdIsTakenOnce() {
    World world = world();

    assertThatThrownBy(() -> stores().pools().insert(world.ownerPool(), null))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aBatchSavesChangedSourcesAddsNewOnesAndDropsMissingOnes() {
    World world = world();
    Pool before =
        aMemberPool(world.team().id(), addMember(world).id())
            .withSources(plan("plan-1", 1_500, 0), lot("lot-1", 400, 0, IN_A_YEAR))
            .build();
    stores().pools().insert(before, null);
    Pool after =
        new Pool(
            before.id(),
            before.kind(),
            before.team(),
            before.member(),
            before.cycleAnchor(),
            at(Duration.ofDays(30)),
            7,
            List.of(plan("plan-2", 1_480, 20), lot("lot-1", 390, 10, IN_A_YEAR)),
            before.autoReload(),
            null);

    tx().inTransaction(() -> {
      stores().pools().lock(before.id());
      aBatch().pool(after, at(Duration.ofDays(60))).writeTo(stores().batches());
      return null;
    });

    assertThat(stores().pools().find(before.id())).contains(after);
  }

  @Test
  void severalLockedPoolsWrittenInOneBatchAreEachSaved() {
    World world = world();
    List<Pool> before = new ArrayList<>();
    List<Pool> after = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      Pool pool =
          aMemberPool(world.team().id(), addMember(world).id())
              .withSources(plan("plan-" + i, 1_500, 0))
              .build();
      stores().pools().insert(pool, null);
      before.add(pool);
      after.add(
          new Pool(
              pool.id(),
              pool.kind(),
              pool.team(),
              pool.member(),
              pool.cycleAnchor(),
              pool.cycleStart(),
              i,
              List.of(plan("plan-" + i, 1_500 - 10 * i, 10 * i)),
              pool.autoReload(),
              null));
    }

    tx().inTransaction(() -> {
      before.forEach(pool -> stores().pools().lock(pool.id()));
      WriteBatchBuilder batch = aBatch();
      after.forEach(pool -> batch.pool(pool, null));
      batch.writeTo(stores().batches());
      return null;
    });

    for (Pool pool : after) {
      assertThat(stores().pools().find(pool.id())).contains(pool);
    }
  }

  @Test
  void aBatchSavesAutoReloadSettingsAndTheReloadInFlight() {
    World world = world();
    Pool before = world.ownerPool();
    Pool after =
        before
            .withAutoReload(
                new AutoReloadSettings(true, Credits.of(1_000), Credits.of(150), null)
                    .turnedOffAfter(ReloadFailure.PAYMENT_DECLINED))
            .withReloadInFlight(new PurchaseId("pur_in_flight"));

    aBatch().pool(after, null).writeTo(stores().batches());

    assertThat(stores().pools().find(before.id())).contains(after);
  }

  @Test
  void anUnknownPoolFailsTheBatchAndLeavesNothing() {
    World world = world();
    Pool known = world.ownerPool();
    Pool changed = known.withReloadInFlight(new PurchaseId("pur_in_flight"));
    Pool stranger = aMemberPool(world.team().id(), addMember(world).id()).build();

    assertThatThrownBy(
            () -> aBatch().pool(changed, null).pool(stranger, null).writeTo(stores().batches()))
        .isInstanceOf(IllegalStateException.class);
    assertThat(stores().pools().find(known.id())).contains(known);
    assertThat(stores().pools().find(stranger.id())).isEmpty();
  }

  @Test
  void ofTeamListsEveryPoolOfTheTeamOnly() {
    World world = world();
    Pool second = aMemberPool(world.team().id(), addMember(world).id()).build();
    stores().pools().insert(second, null);
    World other = world();

    assertThat(stores().pools().ofTeam(world.team().id()))
        .containsExactlyInAnyOrder(world.ownerPool(), second);
    assertThat(stores().pools().ofTeam(other.team().id())).containsExactly(other.ownerPool());
  }

  @Test
  void dueByAnswersPoolsDueAtOrBeforeNowEarliestFirstUpToTheLimit() {
    World world = world();
    // Far in the past, so that no other test's pool is due before these.
    Instant base = Instant.parse("2001-01-01T00:00:00Z");
    Pool early = insertedPoolDueAt(world, base.plusSeconds(10));
    Pool exactlyNow = insertedPoolDueAt(world, base.plusSeconds(20));
    Pool earliest = insertedPoolDueAt(world, base);
    insertedPoolDueAt(world, base.plusSeconds(21));
    insertedPoolDueAt(world, null);

    assertThat(stores().pools().dueBy(base.plusSeconds(20), 10))
        .containsExactly(earliest.id(), early.id(), exactlyNow.id());
    assertThat(stores().pools().dueBy(base.plusSeconds(20), 2))
        .containsExactly(earliest.id(), early.id());
  }

  @Test
  void aBatchMovesOrClearsWhenAPoolIsDue() {
    World world = world();
    Instant base = Instant.parse("2002-01-01T00:00:00Z");
    Pool pool = insertedPoolDueAt(world, base);

    aBatch().pool(pool, null).writeTo(stores().batches());

    assertThat(stores().pools().dueBy(base.plusSeconds(1), 100)).doesNotContain(pool.id());
  }

  private Pool insertedPoolDueAt(World world, Instant dueAt) {
    Pool pool = aMemberPool(world.team().id(), addMember(world).id()).build();
    stores().pools().insert(pool, dueAt);
    return pool;
  }

  private Member addMember(World world) {
    Member member =
        TeamBuilder.member(world.team(), TestData.unique("m") + "@example.com", Role.MEMBER);
    stores().teams().insertMember(member);
    return member;
  }

  private Pool enterprisePool() {
    World enterprise = World.create(stores(), tx(), Plan.ENTERPRISE);
    Pool pool =
        aTeamPool(enterprise.team().id())
            .withArrears(0)
            .withSources(
                grant("grant-1", 5_000, IN_A_YEAR), grant("grant-2", 100, at(Duration.ofDays(9))))
            .build();
    stores().pools().insert(pool, at(Duration.ofDays(9)));
    return pool;
  }

  @Test
  void aClosedPoolIsSavedAndReadWithWhenItClosed() {
    World world = world();
    Pool open = world.ownerPool();
    Pool closed =
        new Pool(
            open.id(),
            open.kind(),
            open.team(),
            open.member(),
            open.cycleAnchor(),
            open.cycleStart(),
            open.arrears(),
            open.sources(),
            open.autoReload(),
            open.reloadInFlight(),
            at(Duration.ofDays(3)));

    tx().inTransaction(() -> {
      stores().pools().lock(open.id());
      aBatch().pool(closed, null).writeTo(stores().batches());
      return null;
    });

    assertThat(stores().pools().find(open.id())).contains(closed);
    assertThat(tx().inTransaction(() -> stores().pools().lock(open.id()))).contains(closed);
    assertThat(stores().pools().find(open.id()).orElseThrow().isClosed()).isTrue();
  }
}
