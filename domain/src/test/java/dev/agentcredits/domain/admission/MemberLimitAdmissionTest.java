package dev.agentcredits.domain.admission;

import static dev.agentcredits.domain.admission.AdmissionFixtures.NOW;
import static dev.agentcredits.domain.admission.AdmissionFixtures.OWNER;
import static dev.agentcredits.domain.admission.AdmissionFixtures.OWNERS_POOL;
import static dev.agentcredits.domain.admission.AdmissionFixtures.TEAM;
import static dev.agentcredits.domain.admission.AdmissionFixtures.TEAM_POOL;
import static dev.agentcredits.domain.admission.AdmissionFixtures.TERMS;
import static dev.agentcredits.domain.admission.AdmissionFixtures.ownersPool;
import static dev.agentcredits.domain.admission.AdmissionFixtures.reloadOn;
import static dev.agentcredits.domain.admission.AdmissionFixtures.submission;
import static dev.agentcredits.domain.admission.AdmissionFixtures.team;
import static dev.agentcredits.domain.admission.AdmissionFixtures.teamPool;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcredits.domain.event.EventData;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.limit.MemberBudget;
import dev.agentcredits.domain.limit.MemberSpend;
import dev.agentcredits.domain.pool.AutoReloadSettings;
import dev.agentcredits.domain.pool.Hold;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.principal.BilledPool;
import dev.agentcredits.domain.principal.Payer;
import dev.agentcredits.domain.principal.Trigger;
import dev.agentcredits.domain.run.RunFailure;
import dev.agentcredits.domain.run.RunState;
import dev.agentcredits.domain.shared.Credits;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.team.Plan;
import java.time.YearMonth;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DOMAIN.md rule 24 at admission: the start hold must fit under the member's monthly limit. */
class MemberLimitAdmissionTest {
  private static final YearMonth JANUARY = YearMonth.of(2025, 1);

  @ParameterizedTest(name = "{0} plan, limit {1}, charged {2}, held {3}, pool {4}: {5}")
  @CsvSource({
    // plan,      limit, charged, held, pool credits, reload, outcome
    "BUILD,       2000,  0,       0,    1500,         false,  ACCEPTED",
    "BUILD,       2000,  1980,    0,    1500,         false,  ACCEPTED",
    "BUILD,       2000,  1960,    20,   1500,         false,  ACCEPTED",
    "BUILD,       2000,  1961,    20,   1500,         false,  OVER_LIMIT",
    "BUILD,       2000,  2000,    0,    1500,         false,  OVER_LIMIT",
    "BUILD,       0,     0,       0,    1500,         false,  OVER_LIMIT",
    // over the limit and short: the limit answers first, and no reload is bought for a refusal
    "BUILD,       100,   100,     0,    0,            true,   OVER_LIMIT",
    "BUILD,       2000,  0,       0,    0,            true,   RELOAD",
    "BUILD,       2000,  0,       0,    0,            false,  REFUSED",
    "ENTERPRISE,  500,   490,     0,    5000,         false,  OVER_LIMIT",
    "ENTERPRISE,  500,   480,     0,    5000,         false,  ACCEPTED",
  })
  void aUserRunIsRefusedWhenItsStartHoldWouldTakeTheMemberOverTheirLimit(
      Plan plan,
      long limit,
      long charged,
      long held,
      long credits,
      boolean reload,
      String outcome) {
    boolean contract = plan == Plan.ENTERPRISE;
    Pool pool = contract ? teamPool(credits) : ownersPool(credits, reload ? reloadOn() : off());
    BilledPool billed = contract ? TEAM_POOL : OWNERS_POOL;
    var budget = new MemberBudget(OWNER, limit, new MemberSpend(JANUARY, charged, held));
    var asked = new AdmissionRequest(submission("run-1"), billed, team(plan), null, null, budget);

    Decision decision = Admission.decide(pool, team(plan), asked, TERMS, NOW);

    assertThat(
            switch (decision) {
              case Decision.Accepted a -> "ACCEPTED";
              case Decision.OverLimit o -> "OVER_LIMIT";
              case Decision.NeedsReload r -> "RELOAD";
              case Decision.Refused r -> "REFUSED";
              default -> decision.toString();
            })
        .isEqualTo(outcome);
    if (decision instanceof Decision.OverLimit over) {
      assertThat(over.run().state()).isEqualTo(RunState.FAILED);
      assertThat(over.run().failure()).isEqualTo(RunFailure.BUDGET_EXCEEDED);
      assertThat(over.run().hold().total()).isZero();
      assertThat(over.budget()).isEqualTo(budget);
      assertThat(decision.poolAfter(pool)).isEqualTo(pool);
      assertThat(over.events())
          .singleElement()
          .satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.RUN_REJECTED);
            assertThat(((EventData.RunRejected) e.data()).failureCode())
                .isEqualTo("budget_exceeded");
          });
    }
  }

  @ParameterizedTest(name = "earlier run {0} for {1}, charged {2}: {3}")
  @CsvSource({
    "FAILED, BUDGET_EXCEEDED,      0,  OVER_LIMIT_AGAIN",
    "FAILED, BUDGET_EXCEEDED,      30, REPLAYED",
    "FAILED, INSUFFICIENT_CREDITS, 0,  REFUSED_AGAIN",
  })
  void aSubmissionRefusedForTheLimitIsRefusedAgainUnderItsKey(
      RunState state, RunFailure failure, long charged, String outcome) {
    var submission = submission("run-1");
    var earlier = submission.refused(OWNERS_POOL, failure, NOW).charged(charged, Hold.NONE, NOW);
    var budget = new MemberBudget(OWNER, 2000, new MemberSpend(JANUARY, 0, 0));
    var asked =
        new AdmissionRequest(submission, OWNERS_POOL, team(Plan.BUILD), earlier, null, budget);

    Decision decision = Admission.decide(ownersPool(1_500), team(Plan.BUILD), asked, TERMS, NOW);

    assertThat(earlier.state()).isEqualTo(state);
    assertThat(
            switch (decision) {
              case Decision.OverLimitAgain again -> {
                assertThat(again.budget()).isEqualTo(budget);
                yield "OVER_LIMIT_AGAIN";
              }
              case Decision.Replayed r -> "REPLAYED";
              case Decision.RefusedAgain r -> "REFUSED_AGAIN";
              default -> decision.toString();
            })
        .isEqualTo(outcome);
  }

  @ParameterizedTest(name = "{0} run")
  @CsvSource({"TEAM_API_KEY", "SCHEDULED"})
  void teamKeyAndScheduledRunsCountAgainstNoMember(Trigger trigger) {
    var run =
        new Candidate.Submission(
            new RunId("run-1"), TEAM, trigger, OWNER, "nightly", "p", NOW, null);
    var budget = new MemberBudget(OWNER, 0, MemberSpend.none(JANUARY));

    assertThat(run.countsAgainst()).isNull();
    assertThatThrownBy(
            () -> new AdmissionRequest(run, OWNERS_POOL, team(Plan.BUILD), null, null, budget))
        .isInstanceOf(IllegalArgumentException.class);
    var someoneElse = new MemberBudget(new MemberId("carol"), 0, MemberSpend.none(JANUARY));
    assertThatThrownBy(() ->
            new AdmissionRequest(
                submission("run-2"),
                BilledPool.ofMember(TEAM, OWNER, Payer.TRIGGERING_USER),
                team(Plan.BUILD),
                null,
                null,
                someoneElse))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static AutoReloadSettings off() {
    return AutoReloadSettings.off(Credits.of(100));
  }
}
