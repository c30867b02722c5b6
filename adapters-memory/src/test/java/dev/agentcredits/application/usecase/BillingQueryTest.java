package dev.agentcredits.application.usecase;

import static dev.agentcredits.application.usecase.BillingFixture.OPERATOR;
import static dev.agentcredits.application.usecase.BillingFixture.ok;
import static dev.agentcredits.application.usecase.BillingFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.in.PoolRef;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.RunCommand;
import dev.agentcredits.application.port.in.view.LedgerPageView;
import dev.agentcredits.application.port.in.view.PoolView;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.application.port.in.view.TeamBillingView;
import dev.agentcredits.domain.shared.RunId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** GetRun, GetPool, GetTeamBilling and ListLedger: who sees what (API.md "who" columns). */
class BillingQueryTest extends UseCaseTest {

  @Test
  void aPoolShowsAvailableAsPlanPlusAddOnMinusArrearsMinusHeld() {
    TestTeam team = billing.aBuildTeam().withCreditsLeft("owner", 100).build();
    ok(team.buy(team.key("owner"), "owner", 400));
    ok(team.submitAs("owner"));

    PoolView pool =
        ok(billing.app.billingQuery().memberPool(team.key("owner"), new PoolRef(team.id, null)));

    assertThat(pool.planCredits()).isEqualTo(100);
    assertThat(pool.addonCredits()).isEqualTo(400);
    assertThat(pool.heldCredits()).isEqualTo(20);
    assertThat(pool.availableCredits())
        .isEqualTo(
            pool.planCredits() + pool.addonCredits() - pool.arrearsCredits() - pool.heldCredits());
  }

  @Test
  void aPoolIsShownAsOfNowEvenBeforeTheTimeKeeperRan() {
    TestTeam team = billing.aBuildTeam().withCreditsLeft("owner", 100).build();

    billing.advance(Duration.ofDays(30));

    assertThat(team.poolView("owner").planCredits()).isEqualTo(1_500);
  }

  @Test
  void aMemberSeesTheirOwnPoolOnlyAndOwnersAndAdminsSeeEvery() {
    TestTeam team = billing.aBuildTeam().withAdmin("adam").withMember("bob").build();

    refused(
        billing.app.billingQuery().memberPool(team.key("bob"), team.pool("owner")),
        Refusal.NotAuthorized.class);
    ok(billing.app.billingQuery().memberPool(team.key("adam"), team.pool("bob")));
    TeamBillingView asBob = ok(billing.app.billingQuery().teamBilling(team.key("bob"), team.id));
    TeamBillingView asOwner =
        ok(billing.app.billingQuery().teamBilling(team.key("owner"), team.id));

    assertThat(asBob.pools())
        .singleElement()
        .satisfies(p -> assertThat(p.memberId()).isEqualTo(team.memberId("bob").value()));
    assertThat(asOwner.pools()).hasSize(3);
    assertThat(asOwner.spendCap().monthlyLimitCents()).isEqualTo(20_000);
  }

  @Test
  void everyEnterpriseMemberSeesTheTeamPool() {
    TestTeam team = billing.anEnterpriseTeam().withMember("bob").withGrant(500).build();

    PoolView pool = ok(billing.app.billingQuery().teamPool(team.key("bob"), team.id));
    TeamBillingView asBob = ok(billing.app.billingQuery().teamBilling(team.key("bob"), team.id));

    assertThat(pool.kind()).isEqualTo("TEAM");
    assertThat(pool.availableCredits()).isEqualTo(500);
    assertThat(pool.nextRefreshAt()).isNull();
    assertThat(asBob.pools()).containsExactly(pool);
    refused(
        billing.app.billingQuery().teamPool(OPERATOR, billing.aBuildTeam().build().id),
        Refusal.NotFound.class);
  }

  @Test
  void anotherTeamsBillingIsNotShown() {
    TestTeam team = billing.aBuildTeam().build();
    TestTeam other = billing.aBuildTeam().build();

    refused(
        billing.app.billingQuery().teamBilling(other.key("owner"), team.id),
        Refusal.NotAuthorized.class);
    refused(
        billing.app.billingQuery().memberPool(other.key("owner"), team.pool("owner")),
        Refusal.NotAuthorized.class);
  }

  @Test
  void aRunIsVisibleToItsTeamAndNotFoundForOthers() {
    TestTeam team = billing.aBuildTeam().withMember("bob").build();
    TestTeam other = billing.aBuildTeam().build();
    RunView run = ok(team.submitAs("bob"));

    RunView seen =
        ok(billing.app.getRun().get(new RunCommand(team.key("owner"), new RunId(run.taskId()))));

    assertThat(seen.withOrigin(null)).isEqualTo(run);
    assertThat(seen.origin().createdAt()).isEqualTo(billing.clock.instant());
    refused(
        billing.app.getRun().get(new RunCommand(other.key("owner"), new RunId(run.taskId()))),
        Refusal.NotFound.class);
    refused(
        billing.app.getRun().get(new RunCommand(OPERATOR, new RunId("task_missing"))),
        Refusal.NotFound.class);
  }

  @Test
  void theLedgerSaysWhatPaidForARunNewestFirstPageByPage() {
    TestTeam team = billing.aBuildTeam().withMember("bob").build();
    RunView run = ok(team.submitAs("bob"));
    ok(billing.usage(run, "u-1", 10));
    ok(billing.complete(run));

    LedgerPageView first =
        ok(billing.app.billingQuery().ledger(team.key("owner"), team.id, 2, null));
    LedgerPageView second =
        ok(billing.app.billingQuery().ledger(team.key("owner"), team.id, 200, first.nextCursor()));
    LedgerPageView bobs =
        ok(billing.app.billingQuery().ledger(team.key("bob"), team.id, 200, null));

    assertThat(first.entries()).hasSize(2);
    assertThat(first.entries().get(0).kind()).isEqualTo("released");
    assertThat(second.nextCursor()).isNull();
    assertThat(bobs.entries())
        .allSatisfy(e -> assertThat(e.poolId()).isEqualTo(team.poolId("bob").value()));
    assertThat(bobs.entries())
        .filteredOn(e -> run.taskId().equals(e.taskId()))
        .extracting(e -> e.kind() + ":" + e.sourceKind() + ":" + e.credits())
        .containsExactly("released:plan:10", "charged_from_hold:plan:10", "reserved:plan:20");
    refused(
        billing.app.billingQuery().ledger(team.key("owner"), team.id, 0, null),
        Refusal.InvalidRequest.class);
  }
}
