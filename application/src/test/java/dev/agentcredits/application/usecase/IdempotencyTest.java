package dev.agentcredits.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.in.IdempotencyUseCase;
import dev.agentcredits.application.port.in.IdempotencyUseCase.Claim;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Rule 18 as adapters use it: claim, then complete or release; keys kept at least 24 h. */
class IdempotencyTest extends UseCaseTest {

  private IdempotencyUseCase keys() {
    return billing.app.idempotency();
  }

  @Test
  void theSameRequestReplaysTheFirstAnswer() {
    assertThat(keys().claim("s", "k", "f1")).isInstanceOf(Claim.Proceed.class);
    keys().complete("s", "k", 201, "{\"task_id\":\"t\"}");

    assertThat(keys().claim("s", "k", "f1"))
        .isEqualTo(new Claim.Replay(201, "{\"task_id\":\"t\"}"));
  }

  @Test
  void anotherRequestUnderTheKeyIsAConflictAndTheSameOneWhileTheFirstRunsIsInFlight() {
    keys().claim("s", "k", "f1");

    assertThat(keys().claim("s", "k", "f1")).isInstanceOf(Claim.InFlight.class);
    assertThat(keys().claim("s", "k", "f2")).isInstanceOf(Claim.Conflict.class);
    keys().complete("s", "k", 201, "{}");
    assertThat(keys().claim("s", "k", "f2")).isInstanceOf(Claim.Conflict.class);
  }

  @Test
  void scopesSeparateCallers() {
    keys().claim("alice", "k", "f1");

    assertThat(keys().claim("bob", "k", "f2")).isInstanceOf(Claim.Proceed.class);
  }

  @Test
  void aReleasedKeyMayBeUsedAgain() {
    keys().claim("s", "k", "f1");
    keys().release("s", "k");

    assertThat(keys().claim("s", "k", "f2")).isInstanceOf(Claim.Proceed.class);
  }

  @Test
  void aClaimAbandonedByACrashedRequestIsTakenOver() {
    keys().claim("s", "k", "f1");
    billing.advance(Duration.ofMinutes(2));

    assertThat(keys().claim("s", "k", "f1")).isInstanceOf(Claim.Proceed.class);
  }

  @Test
  void keysAreKeptAtLeastTwentyFourHours() {
    keys().claim("s", "k", "f1");
    keys().complete("s", "k", 200, "{}");

    billing.advance(Duration.ofHours(24));
    billing.app.timeKeeping().runDueWork();
    assertThat(keys().claim("s", "k", "f1")).isInstanceOf(Claim.Replay.class);

    billing.advance(Duration.ofHours(25));
    assertThat(billing.app.timeKeeping().runDueWork().keysPurged()).isEqualTo(1);
    assertThat(keys().claim("s", "k", "f1")).isInstanceOf(Claim.Proceed.class);
  }
}
