package dev.agentcredits.adapter.persistence.postgres;

import static dev.agentcredits.application.port.out.contract.TestData.T0;
import static dev.agentcredits.application.port.out.contract.TestData.at;
import static dev.agentcredits.application.port.out.contract.WriteBatchBuilder.aBatch;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.view.PurchaseView;
import dev.agentcredits.application.port.out.ApiKey;
import dev.agentcredits.application.port.out.IdempotencyStore.IdempotencyRecord;
import dev.agentcredits.application.port.out.OutboxEvent;
import dev.agentcredits.application.port.out.Stores;
import dev.agentcredits.application.port.out.TransactionRunner;
import dev.agentcredits.application.port.out.contract.PoolBuilder;
import dev.agentcredits.application.port.out.contract.PurchaseBuilder;
import dev.agentcredits.application.port.out.contract.RunBuilder;
import dev.agentcredits.application.port.out.contract.RunShortcuts;
import dev.agentcredits.application.port.out.contract.TeamBuilder;
import dev.agentcredits.application.port.out.contract.TestData;
import dev.agentcredits.application.testing.TestEventEncoder;
import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.pool.AutoReloadSettings;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.pool.Posting;
import dev.agentcredits.domain.pool.PostingKind;
import dev.agentcredits.domain.pool.SourceKind;
import dev.agentcredits.domain.purchase.Purchase;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.shared.Credits;
import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.SourceId;
import dev.agentcredits.domain.shared.UsageId;
import dev.agentcredits.domain.spend.MonthlySpend;
import dev.agentcredits.domain.team.Member;
import dev.agentcredits.domain.team.Plan;
import dev.agentcredits.domain.team.Role;
import dev.agentcredits.domain.team.Team;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;

/** One of everything the stores keep, written in one transaction and expected back unchanged. */
record StoredState(
    Team team,
    Member owner,
    Member admin,
    ApiKey memberKey,
    ApiKey revokedTeamKey,
    Pool pool,
    Run run,
    List<Posting> postings,
    MonthlySpend spend,
    Purchase purchase,
    DomainEvent event) {

  private static final UsageId USAGE = new UsageId("usage-1");
  private static final Outcome<PurchaseView> KEPT =
      Outcome.ok(new PurchaseView("pur_1", 400, 1_000, T0, "SUCCEEDED"));

  static StoredState write(Stores stores, TransactionRunner tx) {
    Team team = TeamBuilder.aTeam().withPlan(Plan.MAX).withCap(Money.cents(12_345)).build();
    Member owner = TeamBuilder.owner(team);
    Member admin = TeamBuilder.member(team, "admin@example.com", Role.ADMIN);
    ApiKey memberKey = TestData.memberKey(team.id(), owner.id());
    ApiKey teamKey = TestData.teamKey(team.id());
    Pool pool =
        PoolBuilder.aMemberPool(team.id(), owner.id())
            .withCycleStart(T0)
            .withArrears(0)
            .withSources(
                TestData.plan("plan-1", 10_000, 20),
                TestData.lot("lot-1", 400, 5, at(Duration.ofDays(365))))
            .withAutoReload(new AutoReloadSettings(true, Credits.of(1_000), Credits.of(150), null))
            .build();
    Run run = RunBuilder.aQueuedRun(team).holding(20, 5).charged(3).build();
    List<Posting> postings =
        List.of(
            TestData.credited(pool.id(), "plan-1", 10_000, T0),
            new Posting(
                pool.id(),
                PostingKind.RESERVED,
                20,
                new SourceId("plan-1"),
                SourceKind.PLAN,
                run.id(),
                null,
                at(Duration.ofMinutes(1))));
    MonthlySpend spend = new MonthlySpend(team.id(), YearMonth.of(2026, 3), Money.dollars(20));
    Purchase purchase = PurchaseBuilder.aPendingPurchase(team).build();
    DomainEvent event = TestData.event(team.id(), run.id().value(), at(Duration.ofMinutes(1)));
    StoredState state =
        new StoredState(
            team,
            owner,
            admin,
            memberKey,
            new ApiKey(
                teamKey.id(),
                teamKey.team(),
                null,
                teamKey.name(),
                teamKey.hash(),
                teamKey.createdAt(),
                at(Duration.ofHours(2))),
            pool,
            run,
            postings,
            spend,
            purchase,
            event);
    tx.inTransaction(() -> {
      stores.teams().insert(team);
      stores.teams().insertMember(owner);
      stores.teams().insertMember(admin);
      stores.apiKeys().insert(memberKey);
      stores.apiKeys().insert(teamKey);
      stores.apiKeys().revoke(teamKey.id(), at(Duration.ofHours(2)));
      stores.pools().insert(pool, at(Duration.ofDays(30)));
      RunShortcuts.insert(stores.batches(), run, "submit-1");
      RunShortcuts.recordUsage(stores.batches(), run.id(), USAGE, 3, at(Duration.ofMinutes(2)));
      aBatch().pool(pool, at(Duration.ofDays(30))).postings(postings).writeTo(stores.batches());
      stores.spend().update(spend);
      stores.purchases().insert(purchase, "buy-1");
      stores.outbox().append(List.of(event));
      stores.idempotency().claim("submit", "key-1", "fp", T0, PurchaseView.class);
      stores.idempotency().complete("submit", "key-1", KEPT);
      return state;
    });
    return state;
  }

  void assertReadBackFrom(Stores stores, TransactionRunner tx) {
    assertThat(stores.teams().find(team.id())).contains(team);
    assertThat(stores.teams().members(team.id())).containsExactlyInAnyOrder(owner, admin);
    assertThat(stores.apiKeys().findByHash(memberKey.hash())).contains(memberKey);
    assertThat(stores.apiKeys().find(revokedTeamKey.id())).contains(revokedTeamKey);
    assertThat(stores.pools().find(pool.id())).contains(pool);
    assertThat(stores.pools().dueBy(at(Duration.ofDays(30)), 10)).contains(pool.id());
    assertThat(stores.runs().find(run.id())).contains(run);
    assertThat(RunShortcuts.findByRequestKey(stores.runs(), team.id(), "submit-1")).contains(run);
    assertThat(RunShortcuts.findUsage(stores.runs(), run.id(), USAGE)).hasValue(3);
    assertThat(stores.ledger().ofPool(pool.id())).containsExactlyElementsOf(postings);
    assertThat(stores.spend().find(team.id(), spend.month())).isEqualTo(spend);
    assertThat(stores.purchases().findByRequestKey(team.id(), "buy-1")).contains(purchase);
    assertThat(tx.inTransaction(() -> stores.outbox().claim(10)))
        .extracting(OutboxEvent::event)
        .singleElement()
        .satisfies(e -> assertThat(e.cloudEvent()).isEqualTo(TestEventEncoder.text(e.id(), event)));
    assertThat(
            tx.inTransaction(
                () -> stores.idempotency().claim("submit", "key-1", "fp", T0, PurchaseView.class)))
        .contains(new IdempotencyRecord("fp", T0, KEPT));
  }
}
