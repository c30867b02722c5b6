package dev.agentcredits.application.port.out.contract;

import static dev.agentcredits.application.port.out.IdempotencyStore.ABANDONED_AFTER;
import static dev.agentcredits.application.port.out.contract.TestData.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.out.IdempotencyStore;
import dev.agentcredits.application.port.out.IdempotencyStore.IdempotencyRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

public abstract class IdempotencyStoreContract extends StoreContract {
  private final String scope = TestData.unique("submit");

  private IdempotencyStore store() {
    return stores().idempotency();
  }

  private Optional<IdempotencyRecord> claim(String key, String fingerprint, Instant now) {
    return tx().inTransaction(() -> store().claim(scope, key, fingerprint, now));
  }

  @Test
  void theFirstClaimOfAKeyProceeds() {
    assertThat(claim("k1", "fp", T0)).isEmpty();
  }

  @Test
  void aKeyInFlightAnswersItsIncompleteRecord() {
    claim("k1", "fp-a", T0);

    Optional<IdempotencyRecord> second = claim("k1", "fp-b", T0.plusSeconds(1));

    assertThat(second).contains(new IdempotencyRecord("fp-a", T0, null, null));
    assertThat(second.orElseThrow().isComplete()).isFalse();
  }

  @Test
  void aCompletedKeyAnswersItsStatusAndBody() {
    claim("k1", "fp", T0);

    store().complete(scope, "k1", 201, "{\"task_id\":\"task_1\"}");

    assertThat(claim("k1", "fp", T0.plus(Duration.ofHours(1))))
        .contains(new IdempotencyRecord("fp", T0, 201, "{\"task_id\":\"task_1\"}"));
  }

  @Test
  void keysAreScoped() {
    claim("k1", "fp", T0);

    assertThat(tx().inTransaction(() -> store().claim(scope + "-other", "k1", "fp", T0))).isEmpty();
  }

  @Test
  void anIncompleteClaimIsTakenOverOnceAbandoned() {
    claim("k1", "fp-a", T0);
    Instant later = T0.plus(ABANDONED_AFTER);

    assertThat(claim("k1", "fp-b", later)).isEmpty();

    assertThat(claim("k1", "fp-c", later.plusSeconds(1)))
        .contains(new IdempotencyRecord("fp-b", later, null, null));
  }

  @Test
  void anIncompleteClaimIsKeptUntilItIsAbandoned() {
    claim("k1", "fp-a", T0);

    assertThat(claim("k1", "fp-b", T0.plus(ABANDONED_AFTER).minusNanos(1_000)))
        .contains(new IdempotencyRecord("fp-a", T0, null, null));
  }

  @Test
  void aCompletedKeyIsNeverTakenOver() {
    claim("k1", "fp", T0);
    store().complete(scope, "k1", 200, "{}");

    assertThat(claim("k1", "fp-b", T0.plus(Duration.ofDays(1))))
        .contains(new IdempotencyRecord("fp", T0, 200, "{}"));
  }

  @Test
  void aReleasedKeyCanBeClaimedAgain() {
    claim("k1", "fp-a", T0);

    store().release(scope, "k1");

    assertThat(claim("k1", "fp-b", T0.plusSeconds(1))).isEmpty();
  }

  @Test
  void releaseLeavesACompletedKeyAlone() {
    claim("k1", "fp", T0);
    store().complete(scope, "k1", 200, "{}");

    store().release(scope, "k1");

    assertThat(claim("k1", "fp", T0.plusSeconds(1))).isPresent();
  }

  @Test
  void purgeForgetsKeysCreatedBeforeTheCutoff() {
    // Long before every other test's keys, so that the count is this test's alone.
    Instant base = Instant.parse("2001-01-01T00:00:00Z");
    claim("old-1", "fp", base);
    claim("old-2", "fp", base.plusSeconds(1));
    store().complete(scope, "old-2", 200, "{}");
    claim("new", "fp", base.plusSeconds(2));

    int purged = tx().inTransaction(() -> store().purgeCreatedBefore(base.plusSeconds(2)));

    assertThat(purged).isEqualTo(2);
    assertThat(claim("old-1", "fp-x", base.plusSeconds(3))).isEmpty();
    assertThat(claim("new", "fp-x", base.plusSeconds(3))).isPresent();
  }
}
