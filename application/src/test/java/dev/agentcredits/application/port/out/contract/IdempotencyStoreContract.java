package dev.agentcredits.application.port.out.contract;

import static dev.agentcredits.application.port.out.IdempotencyStore.ABANDONED_AFTER;
import static dev.agentcredits.application.port.out.contract.TestData.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.out.IdempotencyStore;
import dev.agentcredits.application.port.out.IdempotencyStore.IdempotencyRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

public abstract class IdempotencyStoreContract extends StoreContract {
  private static final Outcome<?> ANSWER = KeptOutcomes.run();

  private final String scope = TestData.unique("submit");

  private IdempotencyStore store() {
    return stores().idempotency();
  }

  private Optional<IdempotencyRecord> claim(String key, String fingerprint, Instant now) {
    return claim(key, fingerprint, now, KeptOutcomes.RUN);
  }

  private Optional<IdempotencyRecord> claim(
      String key, String fingerprint, Instant now, Class<?> valueType) {
    return tx().inTransaction(() -> store().claim(scope, key, fingerprint, now, valueType));
  }

  private void complete(String key, Object outcome) {
    tx().inTransaction(() -> {
      store().complete(scope, key, outcome);
      return null;
    });
  }

  @Test
  void theFirstClaimOfAKeyProceeds() {
    assertThat(claim("k1", "fp", T0)).isEmpty();
  }

  @Test
  void aKeyInFlightAnswersItsIncompleteRecord() {
    claim("k1", "fp-a", T0);

    Optional<IdempotencyRecord> second = claim("k1", "fp-b", T0.plusSeconds(1));

    assertThat(second).contains(new IdempotencyRecord("fp-a", T0, null));
    assertThat(second.orElseThrow().isComplete()).isFalse();
  }

  @Test
  void aCompletedKeyAnswersItsOutcome() {
    claim("k1", "fp", T0);

    complete("k1", ANSWER);

    assertThat(claim("k1", "fp", T0.plus(Duration.ofHours(1))))
        .contains(new IdempotencyRecord("fp", T0, ANSWER));
  }

  /** Values, refusals of every kind, times to the nanosecond, nested records, absent fields. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.agentcredits.application.port.out.contract.KeptOutcomes#all")
  void everyOutcomeReadsBackEqual(String name, Outcome<?> outcome, Class<?> valueType) {
    claim(name, "fp", T0, valueType);

    complete(name, outcome);

    assertThat(claim(name, "fp", T0, valueType).orElseThrow().outcome()).isEqualTo(outcome);
  }

  @Test
  void keysAreScoped() {
    claim("k1", "fp", T0);

    assertThat(
            tx().inTransaction(
                    () -> store().claim(scope + "-other", "k1", "fp", T0, KeptOutcomes.RUN)))
        .isEmpty();
  }

  @Test
  void anIncompleteClaimIsTakenOverOnceAbandoned() {
    claim("k1", "fp-a", T0);
    Instant later = T0.plus(ABANDONED_AFTER);

    assertThat(claim("k1", "fp-b", later)).isEmpty();

    assertThat(claim("k1", "fp-c", later.plusSeconds(1)))
        .contains(new IdempotencyRecord("fp-b", later, null));
  }

  @Test
  void anIncompleteClaimIsKeptUntilItIsAbandoned() {
    claim("k1", "fp-a", T0);

    assertThat(claim("k1", "fp-b", T0.plus(ABANDONED_AFTER).minusNanos(1_000)))
        .contains(new IdempotencyRecord("fp-a", T0, null));
  }

  @Test
  void aCompletedKeyIsNeverTakenOver() {
    claim("k1", "fp", T0);
    complete("k1", ANSWER);

    assertThat(claim("k1", "fp-b", T0.plus(Duration.ofDays(1))))
        .contains(new IdempotencyRecord("fp", T0, ANSWER));
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
    complete("k1", ANSWER);

    store().release(scope, "k1");

    assertThat(claim("k1", "fp", T0.plusSeconds(1))).isPresent();
  }

  @Test
  void purgeForgetsKeysCreatedBeforeTheCutoff() {
    // Long before every other test's keys, so that the count is this test's alone.
    Instant base = Instant.parse("2001-01-01T00:00:00Z");
    claim("old-1", "fp", base);
    claim("old-2", "fp", base.plusSeconds(1));
    complete("old-2", ANSWER);
    claim("new", "fp", base.plusSeconds(2));

    int purged = tx().inTransaction(() -> store().purgeCreatedBefore(base.plusSeconds(2)));

    assertThat(purged).isEqualTo(2);
    assertThat(claim("old-1", "fp-x", base.plusSeconds(3))).isEmpty();
    assertThat(claim("new", "fp-x", base.plusSeconds(3))).isPresent();
  }
}
