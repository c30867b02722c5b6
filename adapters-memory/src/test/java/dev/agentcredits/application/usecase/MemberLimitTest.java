package dev.agentcredits.application.usecase;

import static dev.agentcredits.application.usecase.BillingFixture.OPERATOR;
import static dev.agentcredits.application.usecase.BillingFixture.ofType;
import static dev.agentcredits.application.usecase.BillingFixture.ok;
import static dev.agentcredits.application.usecase.BillingFixture.refused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcredits.application.port.in.Caller;
import dev.agentcredits.application.port.in.MemberLimitCommand;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.PoolRef;
import dev.agentcredits.application.port.in.Refusal;
import dev.agentcredits.application.port.in.RunCommand;
import dev.agentcredits.application.port.in.SubmitRunCommand;
import dev.agentcredits.application.port.in.TeamQuery;
import dev.agentcredits.application.port.in.view.MemberLimitView;
import dev.agentcredits.application.port.in.view.PoolLimitView;
import dev.agentcredits.application.port.in.view.RunView;
import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.event.EventData;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.shared.RunId;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DOMAIN.md rule 24: members' monthly limits, at admission and at every charge. */
class MemberLimitTest extends UseCaseTest {

  @Test
  void aRunWhoseStartHoldWouldTakeTheMemberOverTheTeamDefaultIsRefusedAndFailed() {
    TestTeam team = billing.aBuildTeam().withMember("bob").build();
    setDefault(team, 40);

    RunView first = ok(team.submitAs("bob"));
    RunView second = ok(team.submitAs("bob"));
    Outcome<RunView> third = team.submitAs("bob");

    var refusal = refused(third, Refusal.MemberLimitReached.class);
    assertThat(refusal.member()).isEqualTo(team.memberId("bob"));
    assertThat(refusal.budget().monthlyCredits()).isEqualTo(40);
    assertThat(refusal.budget().monthToDate()).as("two open holds").isEqualTo(40);
    RunView failed = billing.run(refusal.run().value());
    assertThat(failed.state()).isEqualTo("FAILED");
    assertThat(failed.errorCode()).isEqualTo("budget_exceeded");
    assertThat(failed.heldCredits()).isZero();
    assertThat(team.poolView("bob").heldCredits()).isEqualTo(40);
    assertThat(List.of(first.state(), second.state())).containsOnly("QUEUED");
    List<DomainEvent> rejected = ofType(billing.takeEvents(), EventType.RUN_REJECTED);
    assertThat(rejected)
        .singleElement()
        .satisfies(e ->
            assertThat(((EventData.RunRejected) e.data()).failureCode())
                .isEqualTo("budget_exceeded"));
  }

  @ParameterizedTest(name = "group commit: {0}")
  @ValueSource(booleans = {false, true})
  void thirtyTwoConcurrentSubmitsFromOneMemberAcceptExactlyWhatTheLimitAllows(boolean grouped)
      throws Exception {
    BillingFixture fixture = grouped ? BillingFixture.groupCommitted() : new BillingFixture();
    TestTeam team = fixture.aBuildTeam().withMember("bob").build();
    long k = 7;
    ok(
        fixture
            .app
            .memberLimits()
            .setMemberLimit(
                MemberLimitCommand.member(OPERATOR, team.id, team.memberId("bob"), 20 * k + 19)));

    List<Outcome<RunView>> outcomes = Parallel.run(32, t -> team.submitAs("bob"));

    assertThat(outcomes).filteredOn(o -> o instanceof Outcome.Ok).hasSize((int) k);
    assertThat(outcomes)
        .filteredOn(o -> o instanceof Outcome.Refused)
        .allSatisfy(o -> refused(o, Refusal.MemberLimitReached.class));
    assertThat(team.poolView("bob").heldCredits()).isEqualTo(20 * k);
    assertThat(team.poolView("bob").limit().monthToDateCredits()).isEqualTo(20 * k);
    fixture.assertEveryPoolReconciles();
  }

  @Test
  void whatWasChargedThisMonthCountsAndACompletedRunGivesItsUnusedHoldBack() {
    TestTeam team = billing.aBuildTeam().withMember("bob").build();
    RunView earlier = ok(team.submitAs("bob"));
    ok(billing.usage(earlier, "u-1", 500));
    ok(billing.complete(earlier));
    setOwn(team, "bob", 530);

    RunView run = ok(team.submitAs("bob"));
    refused(team.submitAs("bob"), Refusal.MemberLimitReached.class);
    ok(billing.usage(run, "u-2", 5));
    ok(billing.complete(run));

    assertThat(limitOf(team, "bob", team.key("bob")).monthToDateCredits()).isEqualTo(505);
    assertThat(ok(team.submitAs("bob")).state()).isEqualTo("QUEUED");
  }

  @Test
  void aMembersOwnLimitOverridesTheDefaultAndClearingItGoesBackToTheDefault() {
    TestTeam team = billing.aBuildTeam().withMember("bob").withMember("carol").build();
    setDefault(team, 0);
    refused(team.submitAs("bob"), Refusal.MemberLimitReached.class);

    MemberLimitView bobs = setOwn(team, "bob", 100);
    assertThat(bobs.monthlyCredits()).isEqualTo(100);
    assertThat(bobs.effectiveMonthlyCredits()).isEqualTo(100);
    ok(team.submitAs("bob"));
    refused(team.submitAs("carol"), Refusal.MemberLimitReached.class);

    MemberLimitView cleared = setOwn(team, "bob", null);
    assertThat(cleared.monthlyCredits()).isNull();
    assertThat(cleared.effectiveMonthlyCredits()).isZero();
    assertThat(cleared.monthToDateCredits()).isEqualTo(20);
    refused(team.submitAs("bob"), Refusal.MemberLimitReached.class);

    setDefault(team, null);
    ok(team.submitAs("carol"));
  }

  @Test
  void usageThatCrossesTheLimitIsChargedInFullAndStopsTheRun() {
    TestTeam team = billing.aBuildTeam().withMember("bob").build();
    setOwn(team, "bob", 100);
    RunView run = ok(team.submitAs("bob"));

    RunView within = ok(billing.usage(run, "u-1", 100));
    RunView over = ok(billing.usage(run, "u-2", 7));

    assertThat(within.state()).isEqualTo("QUEUED");
    assertThat(over.state()).isEqualTo("FAILED");
    assertThat(over.errorCode()).isEqualTo("budget_exceeded");
    assertThat(over.chargedCredits()).as("usage is never dropped").isEqualTo(107);
    assertThat(over.heldCredits()).isZero();
    assertThat(team.poolView("bob").availableCredits()).isEqualTo(1_500 - 107);
    assertThat(team.poolView("bob").heldCredits()).isZero();
    assertThat(ofType(billing.takeEvents(), EventType.RUN_STOPPED))
        .singleElement()
        .satisfies(e ->
            assertThat(((EventData.RunChanged) e.data()).failureCode())
                .isEqualTo("budget_exceeded"));
    assertThat(ok(billing.usage(run, "u-2", 7)).state())
        .as("the same report again")
        .isEqualTo("FAILED");
  }

  @Test
  void aLimitSetLateInTheMonthCountsWhatWasChargedBeforeIt() {
    TestTeam team = billing.aBuildTeam().withMember("bob").build();
    RunView run = ok(team.submitAs("bob"));
    ok(billing.usage(run, "u-1", 495));

    setOwn(team, "bob", 500);

    assertThat(limitOf(team, "bob", OPERATOR).monthToDateCredits()).isEqualTo(495);
    RunView stopped = ok(billing.usage(run, "u-2", 10));
    assertThat(stopped.errorCode()).isEqualTo("budget_exceeded");
    refused(team.submitAs("bob"), Refusal.MemberLimitReached.class);
  }

  @Test
  void aNewMonthStartsWithNothingCharged() {
    TestTeam team = billing.aBuildTeam().withMember("bob").build();
    setOwn(team, "bob", 500);
    RunView run = ok(team.submitAs("bob"));
    ok(billing.usage(run, "u-1", 490));
    ok(billing.complete(run));
    refused(team.submitAs("bob"), Refusal.MemberLimitReached.class);

    billing.advance(Duration.ofDays(25)); // 2025-02-04

    assertThat(limitOf(team, "bob", OPERATOR).monthToDateCredits()).isZero();
    assertThat(ok(team.submitAs("bob")).state()).isEqualTo("QUEUED");
  }

  @Test
  void teamKeyAndScheduledRunsCountAgainstNoMember() {
    TestTeam team = billing.aBuildTeam().build();
    setOwn(team, "owner", 0);

    ok(team.submitWithTeamKey());
    ok(team.submitScheduledAs("owner"));
    refused(team.submitAs("owner"), Refusal.MemberLimitReached.class);

    assertThat(limitOf(team, "owner", OPERATOR).monthToDateCredits()).isZero();
  }

  @Test
  void onEnterpriseEachMemberHasTheirOwnFigureOnTheSharedTeamPool() {
    TestTeam team = billing.anEnterpriseTeam().withMember("bob").withGrant(1_000).build();
    setDefault(team, 20);

    ok(team.submitAs("bob"));
    ok(team.submitAs("owner"));
    refused(team.submitAs("bob"), Refusal.MemberLimitReached.class);
    refused(
        billing
            .app
            .submitRun()
            .submit(
                new SubmitRunCommand(
                    BillingFixture.INTEGRATION,
                    team.id,
                    dev.agentcredits.domain.principal.Trigger.USER,
                    team.memberId("owner"),
                    null,
                    "p",
                    null)),
        Refusal.MemberLimitReached.class);
    ok(team.submitWithTeamKey());
  }

  @Test
  void aRefusedRunMayBeRetriedOnceTheLimitIsRaised() {
    TestTeam team = billing.aBuildTeam().withMember("bob").build();
    setOwn(team, "bob", 10);
    RunId refused = refused(team.submitAs("bob"), Refusal.MemberLimitReached.class).run();
    refused(
        billing.app.retryRun().retry(new RunCommand(team.key("bob"), refused)),
        Refusal.MemberLimitReached.class);

    setOwn(team, "bob", 20);

    RunView retried = ok(billing.app.retryRun().retry(new RunCommand(team.key("bob"), refused)));
    assertThat(retried.state()).isEqualTo("QUEUED");
    assertThat(limitOf(team, "bob", team.key("bob")).monthToDateCredits()).isEqualTo(20);
  }

  @Test
  void aSubmissionRefusedForTheLimitIsRefusedAgainUnderItsKey() {
    TestTeam team = billing.aBuildTeam().withMember("bob").build();
    setOwn(team, "bob", 0);
    var command = new SubmitRunCommand(team.key("bob"), null, null, null, null, "p", "key-1");

    var first = refused(billing.app.submitRun().submit(command), Refusal.MemberLimitReached.class);
    Outcome<RunView> again = billing.app.submitRun().submit(command);

    assertThat(again.replayed()).isTrue();
    assertThat(refused(again, Refusal.MemberLimitReached.class).run()).isEqualTo(first.run());
  }

  @Test
  void theMembersPoolShowsTheLimitWhenOneApplies() {
    TestTeam team = billing.aBuildTeam().withMember("bob").withMember("carol").build();
    setOwn(team, "bob", 2_000);
    ok(team.submitAs("bob"));

    var billingView = ok(billing.app.billingQuery().teamBilling(team.key("owner"), team.id));

    assertThat(team.poolView("bob").limit()).isEqualTo(new PoolLimitView(2_000, 20));
    assertThat(team.poolView("carol").limit()).isNull();
    assertThat(billingView.pools())
        .filteredOn(p -> team.memberId("bob").value().equals(p.memberId()))
        .singleElement()
        .satisfies(p -> assertThat(p.limit()).isEqualTo(new PoolLimitView(2_000, 20)));
  }

  @Test
  void onlyTheOwnerOrAnAdminSetsLimitsAndAMemberReadsOnlyTheirOwn() {
    TestTeam team = billing.aBuildTeam().withAdmin("alice").withMember("bob").build();
    Caller bob = team.key("bob");

    refused(
        billing.app.memberLimits().setTeamDefault(MemberLimitCommand.teamDefault(bob, team.id, 1L)),
        Refusal.NotAuthorized.class);
    refused(
        billing
            .app
            .memberLimits()
            .setMemberLimit(MemberLimitCommand.member(bob, team.id, team.memberId("bob"), 9_999L)),
        Refusal.NotAuthorized.class);
    refused(
        billing.app.memberLimits().memberLimit(bob, new PoolRef(team.id, team.memberId("alice"))),
        Refusal.NotAuthorized.class);
    refused(
        billing.app.memberLimits().teamLimits(new TeamQuery(bob, team.id)),
        Refusal.NotAuthorized.class);
    refused(
        billing.app.memberLimits().memberLimit(team.teamKey(), new PoolRef(team.id, null)),
        Refusal.InvalidRequest.class);

    ok(
        billing
            .app
            .memberLimits()
            .setTeamDefault(MemberLimitCommand.teamDefault(team.key("alice"), team.id, 1_000L)));
    assertThat(limitOf(team, "bob", bob).effectiveMonthlyCredits()).isEqualTo(1_000);
    assertThat(
            ok(billing.app.memberLimits().memberLimit(bob, new PoolRef(team.id, null))).memberId())
        .isEqualTo(team.memberId("bob").value());
    var listed =
        ok(billing.app.memberLimits().teamLimits(new TeamQuery(team.key("alice"), team.id)));
    assertThat(listed.defaultMonthlyCredits()).isEqualTo(1_000);
    assertThat(listed.members()).hasSize(3);
  }

  @Test
  void limitsOutOfRangeAreInvalid() {
    TestTeam team = billing.aBuildTeam().build();
    for (long wrong : new long[] {-1, 100_000_001}) {
      assertThatThrownBy(() -> MemberLimitCommand.teamDefault(OPERATOR, team.id, wrong))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("from 0 to 100000000");
    }
  }

  @Test
  void everyChangeIsAnnouncedAsMemberLimitChanged() {
    TestTeam team = billing.aBuildTeam().withMember("bob").build();
    billing.takeEvents();

    setDefault(team, 1_000);
    setDefault(team, 1_000);
    setOwn(team, "bob", 300);
    setOwn(team, "bob", null);

    assertThat(ofType(billing.takeEvents(), EventType.MEMBER_LIMIT_CHANGED))
        .extracting(DomainEvent::data)
        .containsExactly(
            new EventData.MemberLimitChanged(null, null, 1_000L, 1_000L),
            new EventData.MemberLimitChanged(team.memberId("bob"), null, 300L, 300L),
            new EventData.MemberLimitChanged(team.memberId("bob"), 300L, null, 1_000L));
  }

  private void setDefault(TestTeam team, long credits) {
    setDefault(team, Long.valueOf(credits));
  }

  private MemberLimitView setOwn(TestTeam team, String member, long credits) {
    return setOwn(team, member, Long.valueOf(credits));
  }

  private void setDefault(TestTeam team, Long credits) {
    ok(
        billing
            .app
            .memberLimits()
            .setTeamDefault(MemberLimitCommand.teamDefault(team.key("owner"), team.id, credits)));
  }

  private MemberLimitView setOwn(TestTeam team, String member, Long credits) {
    return ok(
        billing
            .app
            .memberLimits()
            .setMemberLimit(
                MemberLimitCommand.member(OPERATOR, team.id, team.memberId(member), credits)));
  }

  private MemberLimitView limitOf(TestTeam team, String member, Caller caller) {
    return ok(
        billing
            .app
            .memberLimits()
            .memberLimit(caller, new PoolRef(team.id, team.memberId(member))));
  }
}
