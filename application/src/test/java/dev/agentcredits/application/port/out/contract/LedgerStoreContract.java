package dev.agentcredits.application.port.out.contract;

import static dev.agentcredits.application.port.out.contract.TestData.T0;
import static dev.agentcredits.application.port.out.contract.TestData.at;
import static dev.agentcredits.application.port.out.contract.WriteBatchBuilder.aBatch;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.out.LedgerEntry;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.pool.Posting;
import dev.agentcredits.domain.pool.PostingKind;
import dev.agentcredits.domain.pool.SourceKind;
import dev.agentcredits.domain.shared.PoolId;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.SourceId;
import dev.agentcredits.domain.team.Member;
import dev.agentcredits.domain.team.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

public abstract class LedgerStoreContract extends StoreContract {
  @Test
  void aPoolsPostingsComeBackInTheOrderTheyWereAppended() {
    World world = world();
    PoolId pool = world.ownerPool().id();
    RunId run = new RunId("task_1");
    List<Posting> postings =
        List.of(
            TestData.credited(pool, "plan-1", 1_500, T0),
            new Posting(
                pool,
                PostingKind.RESERVED,
                20,
                new SourceId("plan-1"),
                SourceKind.PLAN,
                run,
                null,
                at(Duration.ofSeconds(1))),
            new Posting(
                pool,
                PostingKind.CHARGED_FROM_HOLD,
                20,
                new SourceId("plan-1"),
                SourceKind.PLAN,
                run,
                "usage-1",
                at(Duration.ofSeconds(2))),
            new Posting(
                pool,
                PostingKind.ARREARS_INCURRED,
                5,
                null,
                null,
                run,
                "usage-1",
                at(Duration.ofSeconds(2))));

    append(world.ownerPool(), postings.subList(0, 2));
    append(world.ownerPool(), postings.subList(2, 4));
    append(world.ownerPool(), List.of());

    assertThat(stores().ledger().ofPool(pool)).containsExactlyElementsOf(postings);
  }

  @Test
  void aPageIsNewestFirstBelowTheCursor() {
    World world = world();
    PoolId pool = world.ownerPool().id();
    List<Posting> postings = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      postings.add(TestData.credited(pool, "plan-" + i, i, at(Duration.ofSeconds(i))));
    }
    append(world.ownerPool(), postings);

    List<LedgerEntry> all =
        stores().ledger().page(world.team().id(), List.of(), Long.MAX_VALUE, 10);
    assertThat(all).extracting(LedgerEntry::posting).containsExactlyElementsOf(postings.reversed());
    assertThat(all)
        .extracting(LedgerEntry::sequence)
        .isSortedAccordingTo((a, b) -> Long.compare(b, a));

    List<LedgerEntry> firstPage =
        stores().ledger().page(world.team().id(), List.of(), Long.MAX_VALUE, 2);
    List<LedgerEntry> secondPage =
        stores().ledger().page(world.team().id(), List.of(), firstPage.get(1).sequence(), 2);
    assertThat(firstPage).containsExactlyElementsOf(all.subList(0, 2));
    assertThat(secondPage).containsExactlyElementsOf(all.subList(2, 4));
  }

  @Test
  void aPageShowsOnlyTheTeamsPostingsAndTheGivenPools() {
    World world = world();
    Member member = TeamBuilder.member(world.team(), "m@example.com", Role.MEMBER);
    stores().teams().insertMember(member);
    var memberPool = PoolBuilder.aMemberPool(world.team().id(), member.id()).build();
    stores().pools().insert(memberPool, null);
    World other = world();
    Posting owners = TestData.credited(world.ownerPool().id(), "plan-o", 10, T0);
    Posting members = TestData.credited(memberPool.id(), "plan-m", 20, T0);
    Posting strangers = TestData.credited(other.ownerPool().id(), "plan-s", 30, T0);
    aBatch()
        .pool(world.ownerPool(), null)
        .pool(memberPool, null)
        .postings(List.of(owners, members))
        .writeTo(stores().batches());
    append(other.ownerPool(), List.of(strangers));

    assertThat(page(world, List.of())).containsExactly(members, owners);
    assertThat(page(world, List.of(memberPool.id()))).containsExactly(members);
    assertThat(page(world, List.of(memberPool.id(), world.ownerPool().id())))
        .containsExactly(members, owners);
    assertThat(page(other, List.of(memberPool.id()))).isEmpty();
  }

  @Test
  void sequencesGrowAcrossAppends() {
    World world = world();
    PoolId pool = world.ownerPool().id();
    append(world.ownerPool(), List.of(TestData.credited(pool, "a", 1, T0)));
    long first =
        stores()
            .ledger()
            .page(world.team().id(), List.of(), Long.MAX_VALUE, 1)
            .getFirst()
            .sequence();
    append(world.ownerPool(), List.of(TestData.credited(pool, "b", 1, T0)));
    long second =
        stores()
            .ledger()
            .page(world.team().id(), List.of(), Long.MAX_VALUE, 1)
            .getFirst()
            .sequence();

    assertThat(second).isGreaterThan(first);
  }

  /** Postings are appended with the pool they are on, as use cases write them. */
  private void append(Pool pool, List<Posting> postings) {
    aBatch().pool(pool, null).postings(postings).writeTo(stores().batches());
  }

  private List<Posting> page(World world, List<PoolId> pools) {
    return stores().ledger().page(world.team().id(), pools, Long.MAX_VALUE, 100).stream()
        .map(LedgerEntry::posting)
        .toList();
  }

  @Test
  void lastPostedAtIsEachPoolsNewestPostingAndLeavesOutPoolsWithoutAny() {
    World world = world();
    World quiet = world();
    PoolId pool = world.ownerPool().id();
    append(
        world.ownerPool(),
        List.of(
            TestData.credited(pool, "plan-1", 1_500, T0),
            TestData.credited(pool, "lot-1", 400, at(Duration.ofMinutes(5)))));
    append(
        world.ownerPool(),
        List.of(TestData.credited(pool, "lot-2", 400, at(Duration.ofMinutes(3)))));

    assertThat(stores().ledger().lastPostedAt(List.of(pool, quiet.ownerPool().id())))
        .as("the newest by order of posting, not by the largest time")
        .isEqualTo(java.util.Map.of(pool, at(Duration.ofMinutes(3))));
    assertThat(stores().ledger().lastPostedAt(List.of())).isEmpty();
  }
}
