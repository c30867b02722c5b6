package dev.agentcredits.domain.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcredits.domain.pool.Hold;
import dev.agentcredits.domain.pool.Reservation;
import dev.agentcredits.domain.pool.SourceKind;
import dev.agentcredits.domain.principal.BilledPool;
import dev.agentcredits.domain.principal.Payer;
import dev.agentcredits.domain.principal.Trigger;
import dev.agentcredits.domain.shared.MemberId;
import dev.agentcredits.domain.shared.RunId;
import dev.agentcredits.domain.shared.SourceId;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A run's lifecycle as billing sees it; DOMAIN.md rule 14: holds have a time to live. */
class RunTest {
  private static final Instant T0 = Instant.parse("2025-01-10T00:00:00Z");
  private static final Duration TTL = Duration.ofHours(24);
  private static final TeamId TEAM = new TeamId("team-1");
  private static final BilledPool POOL =
      BilledPool.ofMember(TEAM, new MemberId("bob"), Payer.TRIGGERING_USER);
  private static final Hold HOLD =
      new Hold(List.of(new Reservation(new SourceId("plan"), SourceKind.PLAN, 20)));

  private static Run queued() {
    return draft().accepted(POOL, HOLD, T0);
  }

  private static Run draft() {
    return new Run(
        new RunId("task-1"),
        TEAM,
        Trigger.USER,
        new MemberId("bob"),
        null,
        "fix the build",
        POOL,
        RunState.FAILED,
        Hold.NONE,
        0,
        RunFailure.INSUFFICIENT_CREDITS,
        T0,
        T0);
  }

  @Test
  void anAcceptedRunIsQueuedWithItsHold() {
    Run run = queued();

    assertThat(run.state()).isEqualTo(RunState.QUEUED);
    assertThat(run.hold().total()).isEqualTo(20);
    assertThat(run.failure()).isNull();
  }

  @Test
  void aHoldExpiresTwentyFourHoursAfterTheLastActivityAndNotBefore() {
    Run run = queued();

    assertThat(run.holdExpiredAt(T0.plus(TTL).minusNanos(1), TTL)).isFalse();
    assertThat(run.holdExpiredAt(T0.plus(TTL), TTL)).isTrue();
  }

  @Test
  void aUsageReportRestartsTheTimeToLive() {
    Instant later = T0.plus(Duration.ofHours(20));
    Run run = queued().charged(5, new Hold(List.of()), later);

    assertThat(run.holdExpiredAt(T0.plus(TTL), TTL)).isFalse();
    assertThat(run.holdExpiredAt(later.plus(TTL), TTL)).isTrue();
    assertThat(run.charged()).isEqualTo(5);
    assertThat(run.lastActivityAt()).isEqualTo(later);
  }

  @Test
  void aSettledRunHasNoHoldToExpire() {
    Run done = queued().completed(T0.plusSeconds(60));

    assertThat(done.state()).isEqualTo(RunState.SUCCEEDED);
    assertThat(done.hold().isEmpty()).isTrue();
    assertThat(done.holdExpiredAt(T0.plus(Duration.ofDays(10)), TTL)).isFalse();
  }

  @Test
  void aRunStoppedForCreditsIsFailedWithInsufficientCreditsAndHoldsNothing() {
    Run stopped = queued().charged(40, Hold.NONE, T0).stoppedForCredits(T0.plusSeconds(5));

    assertThat(stopped.state()).isEqualTo(RunState.FAILED);
    assertThat(stopped.failure()).isEqualTo(RunFailure.INSUFFICIENT_CREDITS);
    assertThat(stopped.failure().code()).isEqualTo("insufficient_credits");
    assertThat(stopped.hold().isEmpty()).isTrue();
    assertThat(stopped.charged()).isEqualTo(40);
  }

  @Test
  void aRefusedRunIsFailedAndRemembersWhichPoolWasBilled() {
    BilledPool owner = BilledPool.ofMember(TEAM, new MemberId("owner"), Payer.TEAM_OWNER);

    Run refused = draft().refused(owner, T0);

    assertThat(refused.state()).isEqualTo(RunState.FAILED);
    assertThat(refused.billedPool()).isEqualTo(owner);
  }

  @Test
  void aRetriedRunCanBeAcceptedAgain() {
    Run retried = draft().refused(POOL, T0).accepted(POOL, HOLD, T0.plusSeconds(1));

    assertThat(retried.state()).isEqualTo(RunState.QUEUED);
    assertThat(retried.failure()).isNull();
  }

  @ParameterizedTest
  @EnumSource(
      value = RunState.class,
      names = {"SUCCEEDED", "ERROR", "CANCELLED"})
  void onlyAQueuedRunHoldsCredits(RunState state) {
    assertThatThrownBy(() -> withState(state, HOLD, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(state.isOpen()).isFalse();
  }

  @Test
  void aFailedRunAndOnlyAFailedRunSaysWhy() {
    assertThatThrownBy(() -> withState(RunState.FAILED, Hold.NONE, null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> withState(RunState.QUEUED, HOLD, RunFailure.INSUFFICIENT_CREDITS))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aRunRejectsAMissingOrOverlongPromptAndNegativeCharges() {
    assertThatThrownBy(() -> withPrompt(null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> withPrompt("x".repeat(Run.MAX_PROMPT_LENGTH + 1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(withPrompt("x".repeat(Run.MAX_PROMPT_LENGTH)).prompt())
        .hasSize(Run.MAX_PROMPT_LENGTH);
    assertThatThrownBy(() ->
            new Run(
                new RunId("t"),
                TEAM,
                Trigger.USER,
                null,
                null,
                "p",
                POOL,
                RunState.QUEUED,
                Hold.NONE,
                -1,
                null,
                T0,
                T0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Run withState(RunState state, Hold hold, RunFailure failure) {
    return new Run(
        new RunId("t"), TEAM, Trigger.USER, null, null, "p", POOL, state, hold, 0, failure, T0, T0);
  }

  private static Run withPrompt(String prompt) {
    return new Run(
        new RunId("t"),
        TEAM,
        Trigger.USER,
        null,
        null,
        prompt,
        POOL,
        RunState.QUEUED,
        Hold.NONE,
        0,
        null,
        T0,
        T0);
  }
}
