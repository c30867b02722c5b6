package dev.agentcredits.domain.admission;

import static dev.agentcredits.domain.admission.AdmissionFixtures.NOW;
import static dev.agentcredits.domain.admission.AdmissionFixtures.OWNER;
import static dev.agentcredits.domain.admission.AdmissionFixtures.OWNERS_POOL;
import static dev.agentcredits.domain.admission.AdmissionFixtures.T0;
import static dev.agentcredits.domain.admission.AdmissionFixtures.TEAM_POOL;
import static dev.agentcredits.domain.admission.AdmissionFixtures.TERMS;
import static dev.agentcredits.domain.admission.AdmissionFixtures.inFlight;
import static dev.agentcredits.domain.admission.AdmissionFixtures.ownersPool;
import static dev.agentcredits.domain.admission.AdmissionFixtures.reloadOffAfterADecline;
import static dev.agentcredits.domain.admission.AdmissionFixtures.reloadOn;
import static dev.agentcredits.domain.admission.AdmissionFixtures.request;
import static dev.agentcredits.domain.admission.AdmissionFixtures.submission;
import static dev.agentcredits.domain.admission.AdmissionFixtures.team;
import static dev.agentcredits.domain.admission.AdmissionFixtures.teamPool;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.pool.AutoReloadSettings;
import dev.agentcredits.domain.pool.Hold;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.pool.PoolClosure;
import dev.agentcredits.domain.pool.PostingKind;
import dev.agentcredits.domain.refusal.AutoReloadState;
import dev.agentcredits.domain.run.RunFailure;
import dev.agentcredits.domain.run.RunState;
import dev.agentcredits.domain.shared.Credits;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.team.Plan;
import dev.agentcredits.domain.team.Team;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** DOMAIN.md rules 1, 2, 6, 17 and 22: what admitting a run comes to against the pool as it is. */
class AdmissionTest {

  /** A pool, the team's plan and what auto-reload already said → what the admission comes to. */
  static Stream<Arguments> outcomes() {
    AutoReloadSettings off = AutoReloadSettings.off(Credits.of(100));
    return Stream.of(
        Arguments.of("enough credits", ownersPool(1_500), Plan.BUILD, null, "ACCEPTED"),
        Arguments.of("exactly the start hold", ownersPool(20), Plan.BUILD, null, "ACCEPTED"),
        Arguments.of(
            "one credit short, reload off", ownersPool(19), Plan.BUILD, null, "REFUSED:OFF"),
        Arguments.of("short, reload on", ownersPool(19, reloadOn()), Plan.BUILD, null, "RELOAD"),
        Arguments.of(
            "short, reload on, in flight",
            inFlight(ownersPool(19, reloadOn())),
            Plan.BUILD,
            null,
            "RELOAD"),
        Arguments.of(
            "short, reload refused at the cap",
            ownersPool(19, reloadOn()),
            Plan.BUILD,
            AutoReloadState.CAP_REACHED,
            "REFUSED:CAP_REACHED"),
        Arguments.of(
            "short, reload turned off by a declined payment",
            ownersPool(0, reloadOffAfterADecline()),
            Plan.MAX,
            null,
            "REFUSED:PAYMENT_DECLINED"),
        Arguments.of(
            "short, reload still in flight after waiting",
            ownersPool(0, reloadOn()),
            Plan.BUSINESS,
            AutoReloadState.IN_FLIGHT,
            "REFUSED:IN_FLIGHT"),
        Arguments.of("short, off", ownersPool(0, off), Plan.BUSINESS, null, "REFUSED:OFF"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("outcomes")
  void aRunIsAcceptedOnlyWhenThePoolCanFundItsStartHold(
      String when, Pool pool, Plan plan, AutoReloadState verdict, String expected) {
    var asked = new AdmissionRequest(submission("run-1"), OWNERS_POOL, team(plan), null, verdict);

    Decision decision = Admission.decide(pool, team(plan), asked, TERMS, NOW);

    assertThat(summary(decision)).isEqualTo(expected);
  }

  @Test
  void anAcceptedRunHoldsTheStartHoldAndIsAnnounced() {
    Pool pool = ownersPool(1_500);

    var accepted =
        (Decision.Accepted)
            Admission.decide(
                pool, team(Plan.BUILD), request(submission("run-1"), Plan.BUILD), TERMS, NOW);

    assertThat(accepted.run().state()).isEqualTo(RunState.QUEUED);
    assertThat(accepted.run().hold().total()).isEqualTo(20);
    assertThat(accepted.run().createdAt()).isEqualTo(T0);
    assertThat(accepted.run().lastActivityAt()).isEqualTo(NOW);
    assertThat(accepted.run().billedPool()).isEqualTo(OWNERS_POOL);
    assertThat(accepted.poolAfter(pool).available()).isEqualTo(1_480);
    assertThat(accepted.transition().postings())
        .singleElement()
        .satisfies(p -> assertThat(p.kind()).isEqualTo(PostingKind.RESERVED));
    assertThat(accepted.events())
        .extracting(DomainEvent::type)
        .containsExactly(EventType.RUN_ACCEPTED);
    assertThat(accepted.topUp()).isFalse();
  }

  /** Rule 6: a hold that leaves the pool at or below the threshold asks for a top-up. */
  static Stream<Arguments> topUps() {
    return Stream.of(
        Arguments.of(
            "above the threshold after the hold", ownersPool(121, reloadOn()), Plan.BUILD, false),
        Arguments.of(
            "at the threshold after the hold", ownersPool(120, reloadOn()), Plan.BUILD, true),
        Arguments.of("reload off", ownersPool(120), Plan.BUILD, false),
        Arguments.of(
            "a reload already in flight",
            inFlight(ownersPool(120, reloadOn())),
            Plan.BUILD,
            false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("topUps")
  void aHoldThatLeavesThePoolLowAsksForATopUp(String when, Pool pool, Plan plan, boolean topUp) {
    var accepted =
        (Decision.Accepted)
            Admission.decide(pool, team(plan), request(submission("run-1"), plan), TERMS, NOW);

    assertThat(accepted.topUp()).isEqualTo(topUp);
  }

  @Test
  void aHoldThatCrossesTheThresholdSaysCreditsAreLowAndOneThatEmptiesThePoolSaysDepleted() {
    var low =
        (Decision.Accepted)
            Admission.decide(
                ownersPool(110),
                team(Plan.BUILD),
                request(submission("run-1"), Plan.BUILD),
                TERMS,
                NOW);
    var empty =
        (Decision.Accepted)
            Admission.decide(
                ownersPool(20),
                team(Plan.BUILD),
                request(submission("run-1"), Plan.BUILD),
                TERMS,
                NOW);

    assertThat(low.events())
        .extracting(DomainEvent::type)
        .containsExactly(EventType.RUN_ACCEPTED, EventType.CREDITS_LOW);
    assertThat(empty.events())
        .extracting(DomainEvent::type)
        .containsExactly(EventType.RUN_ACCEPTED, EventType.CREDITS_DEPLETED);
  }

  @Test
  void aRefusedRunIsFailedWithTheShortfallAndLeavesThePoolAsItWas() {
    Pool pool = ownersPool(5);

    var refused =
        (Decision.Refused)
            Admission.decide(
                pool, team(Plan.BUILD), request(submission("run-1"), Plan.BUILD), TERMS, NOW);

    assertThat(refused.run().state()).isEqualTo(RunState.FAILED);
    assertThat(refused.run().failure()).isEqualTo(RunFailure.INSUFFICIENT_CREDITS);
    assertThat(refused.run().hold().isEmpty()).isTrue();
    assertThat(refused.shortfall().required()).isEqualTo(20);
    assertThat(refused.shortfall().balances()).isEqualTo(pool.balances());
    assertThat(refused.shortfall().autoReload()).isEqualTo(AutoReloadState.OFF);
    assertThat(refused.shortfall().monthlySpendCap()).isEqualTo(team(Plan.BUILD).monthlySpendCap());
    assertThat(refused.shortfall().nextRefreshAt()).isEqualTo(T0.plus(TERMS.cycleLength()));
    assertThat(refused.events())
        .extracting(DomainEvent::type)
        .containsExactly(EventType.RUN_REJECTED);
    assertThat(refused.poolAfter(pool)).isSameAs(pool);
  }

  @Test
  void anEnterprisePoolThatIsShortIsRefusedWithoutAskingForAReload() {
    var asked =
        new AdmissionRequest(submission("run-1"), TEAM_POOL, team(Plan.ENTERPRISE), null, null);

    var refused =
        (Decision.Refused) Admission.decide(teamPool(10), team(Plan.ENTERPRISE), asked, TERMS, NOW);

    assertThat(refused.shortfall().autoReload()).isEqualTo(AutoReloadState.NOT_OFFERED);
    assertThat(refused.shortfall().nextRefreshAt()).isNull();
  }

  @Test
  void aTeamWhosePlanOrOwnerChangedSinceTheCallerResolvedThePoolIsToldSo() {
    Team resolvedWith = team(Plan.BUILD);
    Team otherOwner =
        new Team(
            resolvedWith.id(),
            "Team",
            Plan.BUILD,
            new MemberId("owner-2"),
            resolvedWith.monthlySpendCap(),
            T0);
    var asked = new AdmissionRequest(submission("run-1"), OWNERS_POOL, resolvedWith, null, null);

    assertThat(Admission.decide(ownersPool(1_500), team(Plan.MAX), asked, TERMS, NOW))
        .isInstanceOf(Decision.TeamChanged.class);
    assertThat(Admission.decide(ownersPool(1_500), otherOwner, asked, TERMS, NOW))
        .isInstanceOf(Decision.TeamChanged.class);
  }

  @Test
  void aClosedPoolTakesNoNewRuns() {
    Pool member = ownersPool(1_500);
    Pool someoneElses =
        Pool.openForTeam(AdmissionFixtures.TEAM, AutoReloadSettings.off(Credits.of(100)));
    Pool closed = PoolClosure.close(member, someoneElses, NOW).member().pool();

    Decision decision =
        Admission.decide(
            closed, team(Plan.BUILD), request(submission("run-1"), Plan.BUILD), TERMS, NOW);

    assertThat(decision).isEqualTo(new Decision.MemberRemoved(OWNER));
  }

  @Test
  void aRetryKeepsWhatTheRunWasChargedAndHoldsAfresh() {
    var failed = submission("run-1").refused(OWNERS_POOL, T0).charged(50, Hold.NONE, T0);
    var asked = request(new Candidate.Retry(failed), Plan.BUILD);

    var accepted =
        (Decision.Accepted)
            Admission.decide(ownersPool(1_500), team(Plan.BUILD), asked, TERMS, NOW);

    assertThat(accepted.run().id()).isEqualTo(failed.id());
    assertThat(accepted.run().state()).isEqualTo(RunState.QUEUED);
    assertThat(accepted.run().charged()).isEqualTo(50);
    assertThat(accepted.run().hold().total()).isEqualTo(20);
  }

  @Test
  void requestsDecidedInTurnAgainstThePoolTheLastOneLeftAcceptExactlyWhatItCanFund() {
    Pool pool = ownersPool(1_000 + 19);
    int accepted = 0;
    for (int i = 0; i < 60; i++) {
      Decision decision =
          Admission.decide(
              pool, team(Plan.BUILD), request(submission("run-" + i), Plan.BUILD), TERMS, NOW);
      pool = decision.poolAfter(pool);
      if (decision instanceof Decision.Accepted) {
        accepted++;
      }
    }

    assertThat(accepted).isEqualTo(50);
    assertThat(pool.available()).isEqualTo(19);
    assertThat(pool.balances().held()).isEqualTo(1_000);
  }

  private static String summary(Decision decision) {
    return switch (decision) {
      case Decision.Accepted a -> "ACCEPTED";
      case Decision.Refused r -> "REFUSED:" + r.shortfall().autoReload();
      case Decision.NeedsReload n -> "RELOAD";
      default -> decision.toString();
    };
  }
}
