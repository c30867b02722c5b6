package dev.agentcredits.application.usecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcredits.application.port.in.IdempotencyUseCase;
import dev.agentcredits.application.port.in.IdempotencyUseCase.Claim;
import dev.agentcredits.application.port.in.IdempotencyUseCase.Completion;
import dev.agentcredits.application.port.in.IdempotencyUseCase.Request;
import java.time.Duration;
import java.util.List;
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

  @Test
  void aBatchOfClaimsAnswersEachKeyInOrderAsSingleClaimsWould() {
    keys().claim("s", "done", "f1");
    keys().complete("s", "done", 200, "{\"state\":\"RUNNING\"}");
    keys().claim("s", "busy", "f1");

    List<Claim> claims =
        keys()
            .claimAll(
                "s",
                List.of(
                    new Request("new", "f1"),
                    new Request("done", "f1"),
                    new Request("busy", "f1"),
                    new Request("done-other", "f1")));
    keys().claim("s", "done-other", "f1");

    assertThat(claims)
        .extracting(Object::getClass)
        .containsExactly(
            Claim.Proceed.class, Claim.Replay.class, Claim.InFlight.class, Claim.Proceed.class);
    assertThat(claims.get(1)).isEqualTo(new Claim.Replay(200, "{\"state\":\"RUNNING\"}"));
    assertThat(keys().claimAll("s", List.of(new Request("done", "f2"))))
        .singleElement()
        .isInstanceOf(Claim.Conflict.class);
  }

  @Test
  void aBatchIsCompletedOrReleasedTogether() {
    keys().claimAll("s", List.of(new Request("a", "f"), new Request("b", "f")));

    keys().completeAll("s", List.of(new Completion("a", 200, "{}")));
    keys().releaseAll("s", List.of("b"));

    assertThat(keys().claim("s", "a", "f")).isEqualTo(new Claim.Replay(200, "{}"));
    assertThat(keys().claim("s", "b", "f")).isInstanceOf(Claim.Proceed.class);
  }

  @Test
  void aBatchMayNotClaimTheSameKeyTwice() {
    assertThatThrownBy(
            () -> keys().claimAll("s", List.of(new Request("a", "f"), new Request("a", "f"))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
