package dev.agentcredits.domain.admission;

import static dev.agentcredits.domain.admission.AdmissionFixtures.NOW;
import static dev.agentcredits.domain.admission.AdmissionFixtures.OWNERS_POOL;
import static dev.agentcredits.domain.admission.AdmissionFixtures.T0;
import static dev.agentcredits.domain.admission.AdmissionFixtures.TEAM;
import static dev.agentcredits.domain.admission.AdmissionFixtures.TERMS;
import static dev.agentcredits.domain.admission.AdmissionFixtures.ownersPool;
import static dev.agentcredits.domain.admission.AdmissionFixtures.submission;
import static dev.agentcredits.domain.admission.AdmissionFixtures.team;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.domain.pool.Hold;
import dev.agentcredits.domain.pool.Pool;
import dev.agentcredits.domain.principal.BilledPool;
import dev.agentcredits.domain.principal.Payer;
import dev.agentcredits.domain.principal.Trigger;
import dev.agentcredits.domain.refusal.AutoReloadState;
import dev.agentcredits.domain.run.Run;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.team.Plan;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** DOMAIN.md rule 18 where the run carries the key: a request under a used key starts nothing. */
class ReplayTest {
  private static final Instant LATER = NOW.plusSeconds(60);

  private static Decision again(Candidate.Submission asked, Run earlier, Pool pool) {
    var request = new AdmissionRequest(asked, OWNERS_POOL, team(Plan.BUILD), earlier, null);
    return Admission.decide(pool, team(Plan.BUILD), request, TERMS, LATER);
  }

  private static Run accepted(Candidate.Submission first) {
    Decision decision =
        Admission.decide(
            ownersPool(1_500),
            team(Plan.BUILD),
            new AdmissionRequest(first, OWNERS_POOL, team(Plan.BUILD), null, null),
            TERMS,
            NOW);
    return ((Decision.Accepted) decision).run();
  }

  @Test
  void theSameRequestAgainIsAnsweredWithTheRunItMade() {
    Run first = accepted(submission("run-1"));
    Pool pool = ownersPool(1_500);

    Decision decision = again(submission("run-2"), first, pool);

    assertThat(decision).isEqualTo(new Decision.Replayed(first));
    assertThat(decision.poolAfter(pool)).isSameAs(pool);
  }

  @Test
  void anotherRequestUnderTheSameKeyIsAConflict() {
    Run first = accepted(submission("run-1"));

    assertThat(again(submission("run-2", "another prompt"), first, ownersPool(1_500)))
        .isInstanceOf(Decision.KeyReused.class);
    var scheduled =
        new Candidate.Submission(
            new RunId("run-3"),
            TEAM,
            Trigger.SCHEDULED,
            first.triggeredBy(),
            "nightly",
            "p",
            T0,
            null);
    assertThat(again(scheduled, first, ownersPool(1_500))).isInstanceOf(Decision.KeyReused.class);
  }

  @Test
  void aRequestRefusedAtSubmissionIsRefusedAgainWordedFromThePoolNowEvenIfItCouldPay() {
    Run refused = submission("run-1").refused(OWNERS_POOL, NOW);
    Pool now = ownersPool(1_500);

    Decision decision = again(submission("run-2"), refused, now);

    assertThat(decision).isInstanceOf(Decision.RefusedAgain.class);
    var again = (Decision.RefusedAgain) decision;
    assertThat(again.earlier()).isEqualTo(refused);
    assertThat(again.shortfall().balances()).isEqualTo(now.balances());
    assertThat(again.shortfall().autoReload()).isEqualTo(AutoReloadState.OFF);
    assertThat(decision.poolAfter(now)).isSameAs(now);
  }

  @Test
  void aRunStoppedForCreditsAfterItWasAcceptedIsAnsweredAsItIs() {
    Run stopped = accepted(submission("run-1")).charged(50, Hold.NONE, NOW).stoppedForCredits(NOW);

    assertThat(again(submission("run-2"), stopped, ownersPool(0)))
        .isEqualTo(new Decision.Replayed(stopped));
  }

  @Test
  void aRefusalOnAnotherPoolIsAnsweredAsTheRunItMade() {
    BilledPool elsewhere = BilledPool.ofMember(TEAM, new MemberId("bob"), Payer.TRIGGERING_USER);
    Run refused = submission("run-1").refused(elsewhere, NOW);

    assertThat(again(submission("run-2"), refused, ownersPool(1_500)))
        .isEqualTo(new Decision.Replayed(refused));
  }

  @Test
  void aReplayNeedsNoCredits() {
    Run first = accepted(submission("run-1"));

    assertThat(again(submission("run-2"), first, ownersPool(0)))
        .isEqualTo(new Decision.Replayed(first));
  }
}
