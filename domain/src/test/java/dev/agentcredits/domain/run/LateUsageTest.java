package dev.agentcredits.domain.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.domain.pool.Hold;
import dev.agentcredits.domain.principal.BilledPool;
import dev.agentcredits.domain.principal.Payer;
import dev.agentcredits.domain.principal.Trigger;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DOMAIN.md rule 27, as a table: how long after a run's end its usage is still charged. */
class LateUsageTest {
  private static final Instant T0 = Instant.parse("2025-01-10T00:00:00Z");
  private static final Duration DAY = Duration.ofHours(24);

  @ParameterizedTest(name = "{0}, reported {1} after its end: {2}")
  @CsvSource({
    "SUCCEEDED, PT0S,      LATE",
    "SUCCEEDED, PT23H59M,  LATE",
    "SUCCEEDED, PT24H,     LATE",
    "SUCCEEDED, PT24H0.001S, TOO_LATE",
    "CANCELLED, PT1H,      LATE",
    "CANCELLED, P3D,       TOO_LATE",
    "FAILED,    PT2H,      LATE",
    "FAILED,    PT25H,     TOO_LATE",
  })
  void anEndedRunsUsageIsChargedWithinTheWindowOfItsEnd(
      String how, Duration after, LateUsage expected) {
    Run ended = end(queued(), how, T0.plusSeconds(60));

    assertThat(LateUsage.judge(ended, ended.endedAt().plus(after), DAY)).isEqualTo(expected);
  }

  @Test
  void aQueuedRunIsOnTimeWhateverTheClock() {
    assertThat(LateUsage.judge(queued(), T0.plus(Duration.ofDays(400)), DAY))
        .isEqualTo(LateUsage.ON_TIME);
  }

  @Test
  void lateChargesDoNotMoveTheEnd() {
    Run ended = queued().completed(T0.plusSeconds(60));

    Run charged = ended.charged(5, Hold.NONE, T0.plus(Duration.ofHours(20)));

    assertThat(charged.endedAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(LateUsage.judge(charged, T0.plus(Duration.ofHours(25)), DAY))
        .isEqualTo(LateUsage.TOO_LATE);
  }

  @Test
  void aRetriedRunIsOpenAgainAndEndsAnew() {
    Run stopped = queued().stoppedForCredits(T0.plusSeconds(60));
    Run retried = stopped.accepted(stopped.billedPool(), Hold.NONE, T0.plus(Duration.ofDays(2)));

    assertThat(retried.endedAt()).isNull();
    Instant second = T0.plus(Duration.ofDays(3));
    assertThat(retried.completed(second).endedAt()).isEqualTo(second);
  }

  private static Run queued() {
    TeamId team = new TeamId("team-1");
    MemberId bob = new MemberId("bob");
    return new Run(
        new RunId("task-1"),
        team,
        Trigger.USER,
        bob,
        null,
        "p",
        BilledPool.ofMember(team, bob, Payer.TRIGGERING_USER),
        RunState.QUEUED,
        Hold.NONE,
        0,
        null,
        T0,
        T0);
  }

  private static Run end(Run run, String how, Instant at) {
    return switch (how) {
      case "SUCCEEDED" -> run.completed(at);
      case "CANCELLED" -> run.cancelled(at);
      default -> run.stoppedForCredits(at);
    };
  }
}
