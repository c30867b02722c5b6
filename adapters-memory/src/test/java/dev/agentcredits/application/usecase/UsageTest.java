package dev.agentcredits.application.usecase;

import static dev.agentcredits.application.usecase.BillingFixture.OPERATOR;
import static dev.agentcredits.application.usecase.BillingFixture.ok;
import static dev.agentcredits.application.usecase.BillingFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.UsageQuery;
import dev.agentcredits.application.port.in.view.DayUsageView;
import dev.agentcredits.application.port.in.view.MemberUsageView;
import dev.agentcredits.application.port.in.view.UsageView;
import dev.agentcredits.domain.shared.MemberId;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Usage: credits charged per UTC day and per member pool, seen as the ledger is. */
class UsageTest extends UseCaseTest {
  private static final LocalDate DAY_ONE = LocalDate.parse("2025-01-10");
  private static final LocalDate DAY_TWO = LocalDate.parse("2025-01-11");

  @Test
  void theLastThirtyDaysShowEachDaysChargesAndRunsAndEachMembersTotal() {
    TestTeam team = usedOverTwoDays();

    UsageView usage = ok(usage(team.key("owner"), team, null, null, null));

    assertThat(usage.from()).isEqualTo(DAY_TWO.minusDays(29));
    assertThat(usage.to()).isEqualTo(DAY_TWO);
    assertThat(usage.days()).hasSize(30);
    assertThat(usage.days().subList(28, 30))
        .containsExactly(new DayUsageView(DAY_ONE, 38, 2), new DayUsageView(DAY_TWO, 5, 1));
    assertThat(usage.days().subList(0, 28))
        .allSatisfy(d -> assertThat(d.creditsCharged()).isZero());
    assertThat(usage.members())
        .containsExactly(
            new MemberUsageView(team.memberId("bob").value(), 30),
            new MemberUsageView(team.memberId("owner").value(), 13),
            new MemberUsageView(team.memberId("ada").value(), 0));
  }

  @Test
  void aPeriodOfOneDayShowsThatDayOnly() {
    TestTeam team = usedOverTwoDays();

    UsageView usage = ok(usage(OPERATOR, team, DAY_TWO, DAY_TWO, null));

    assertThat(usage.days()).containsExactly(new DayUsageView(DAY_TWO, 5, 1));
    assertThat(usage.members())
        .extracting(MemberUsageView::creditsCharged)
        .containsExactly(5L, 0L, 0L);
  }

  @Test
  void aMemberSeesOnlyTheirOwnPoolAndAnAdminMayNarrowToOne() {
    TestTeam team = usedOverTwoDays();
    MemberId bob = team.memberId("bob");

    for (Outcome<UsageView> outcome :
        java.util.List.of(
            usage(team.key("bob"), team, DAY_ONE, DAY_TWO, null),
            usage(team.key("bob"), team, DAY_ONE, DAY_TWO, bob),
            usage(team.key("ada"), team, DAY_ONE, DAY_TWO, bob))) {
      UsageView usage = ok(outcome);
      assertThat(usage.days())
          .containsExactly(new DayUsageView(DAY_ONE, 30, 1), new DayUsageView(DAY_TWO, 0, 0));
      assertThat(usage.members()).containsExactly(new MemberUsageView(bob.value(), 30));
    }
    refused(
        usage(team.key("bob"), team, null, null, team.memberId("owner")),
        Refusal.NotAuthorized.class);
    refused(usage(team.teamKey(), team, null, null, null), Refusal.NotAuthorized.class);
    refused(
        usage(billing.aBuildTeam().build().key("owner"), team, null, null, null),
        Refusal.NotAuthorized.class);
  }

  @Test
  void anEnterpriseTeamsUsageIsItsTeamPools() {
    TestTeam team = billing.anEnterpriseTeam().withGrant(10_000).withMember("bob").build();
    ok(billing.usage(ok(team.submitAs("bob")), "u-1", 7));

    UsageView bobs = ok(usage(team.key("bob"), team, DAY_ONE, DAY_ONE, null));
    UsageView owners = ok(usage(team.key("owner"), team, DAY_ONE, DAY_ONE, null));

    assertThat(bobs.days()).containsExactly(new DayUsageView(DAY_ONE, 7, 1));
    assertThat(owners.days()).isEqualTo(bobs.days());
    assertThat(owners.members()).isEmpty();
    refused(
        usage(team.key("owner"), team, null, null, team.memberId("bob")),
        Refusal.InvalidRequest.class);
  }

  @Test
  void aPeriodIsAtMost366DaysAndNeverBackwards() {
    TestTeam team = billing.aBuildTeam().build();

    ok(usage(OPERATOR, team, DAY_ONE.minusDays(365), DAY_ONE, null));
    assertThatThrownBy(
            () -> new UsageQuery(OPERATOR, team.id, DAY_ONE.minusDays(366), DAY_ONE, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("366");
    assertThatThrownBy(() -> new UsageQuery(OPERATOR, team.id, DAY_TWO, DAY_ONE, null))
        .isInstanceOf(IllegalArgumentException.class);
    refused(usage(OPERATOR, team, DAY_ONE.minusYears(2), null, null), Refusal.InvalidRequest.class);
    refused(usage(OPERATOR, team, DAY_ONE.plusDays(1), null, null), Refusal.InvalidRequest.class);
  }

  /** Day one: the owner is charged 8 and bob 30 (20 from his hold, 10 more); day two: owner 5. */
  private TestTeam usedOverTwoDays() {
    TestTeam team = billing.aBuildTeam().withAdmin("ada").withMember("bob").build();
    ok(billing.usage(ok(team.submitAs("owner")), "u-1", 8));
    ok(billing.usage(ok(team.submitAs("bob")), "u-1", 30));
    billing.advance(Duration.ofDays(1));
    ok(billing.usage(ok(team.submitAs("owner")), "u-1", 5));
    return team;
  }

  private Outcome<UsageView> usage(
      Caller caller, TestTeam team, LocalDate from, LocalDate to, MemberId member) {
    return billing.app.usage().usage(new UsageQuery(caller, team.id, from, to, member));
  }
}
