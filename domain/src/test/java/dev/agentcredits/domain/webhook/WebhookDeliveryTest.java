package dev.agentcredits.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.shared.WebhookDeliveryId;
import dev.agentcredits.domain.shared.WebhookEndpointId;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The delivery's state machine: pending → delivered, or pending → (retried) → failed. */
class WebhookDeliveryTest {
  private static final Instant T0 = Instant.parse("2031-03-05T12:00:00Z");

  private static WebhookDelivery queued() {
    return WebhookDelivery.queued(
        new WebhookDeliveryId("whd_1"),
        new WebhookEndpointId("whe_1"),
        new TeamId("team_1"),
        "evt-1",
        "run.accepted",
        "{}",
        T0);
  }

  @ParameterizedTest(name = "{0} (disabled: {3}) after {1} attempts before → {4}, next in {5}")
  @CsvSource(
      nullValues = "-",
      value = {
        // answer, attempts before, seconds after queueing, endpoint disabled, state, next after
        "200, 0, 0,      false, DELIVERED, -",
        "204, 3, 3600,   false, DELIVERED, -",
        "500, 0, 0,      false, PENDING,   PT5S",
        "500, 1, 5,      false, PENDING,   PT5M",
        "404, 5, 27305,  false, PENDING,   PT10H",
        "500, 11, 243305, false, PENDING,  PT4H24M55S",
        "500, 12, 259200, false, FAILED,   -",
        "500, 0, 0,      true,  FAILED,    -",
        "301, 0, 0,      false, PENDING,   PT5S",
      })
  void anAttemptMovesTheDeliveryOn(
      int status,
      int attemptsBefore,
      long at,
      boolean disabled,
      DeliveryState state,
      Duration next) {
    WebhookDelivery delivery = withAttempts(queued(), attemptsBefore);
    Instant when = T0.plusSeconds(at);

    WebhookDelivery after = delivery.after(AttemptResult.answered(status), when, disabled);

    assertThat(after.state()).isEqualTo(state);
    assertThat(after.attempts()).isEqualTo(attemptsBefore + 1);
    assertThat(after.lastStatus()).isEqualTo(status);
    assertThat(after.nextAttemptAt()).isEqualTo(next == null ? null : when.plus(next));
    assertThat(after.deliveredAt()).isEqualTo(state == DeliveryState.DELIVERED ? when : null);
    assertThat(after.lastError())
        .isEqualTo(status < 300 ? null : "the endpoint answered HTTP " + status);
  }

  @Test
  void aFailureWithoutAnAnswerKeepsItsReason() {
    WebhookDelivery after = queued().after(AttemptResult.failed("timed out after 10 s"), T0, false);

    assertThat(after.lastStatus()).isNull();
    assertThat(after.lastError()).isEqualTo("timed out after 10 s");
    assertThat(after.state()).isEqualTo(DeliveryState.PENDING);
  }

  @Test
  void aRetryOfAFailedDeliveryIsOneMoreAttempt() {
    WebhookDelivery failed = queued().after(AttemptResult.answered(500), T0, true);
    Instant later = T0.plus(Duration.ofDays(5));

    WebhookDelivery retried = failed.retried(later);
    assertThat(retried.state()).isEqualTo(DeliveryState.PENDING);
    assertThat(retried.nextAttemptAt()).isEqualTo(later);
    assertThat(retried.after(AttemptResult.answered(500), later, false).state())
        .isEqualTo(DeliveryState.FAILED);
    assertThat(retried.after(AttemptResult.answered(200), later, false).state())
        .isEqualTo(DeliveryState.DELIVERED);
  }

  @Test
  void aRetryOfAPendingDeliveryBringsItForwardAndKeepsItsSchedule() {
    WebhookDelivery pending = queued().after(AttemptResult.answered(500), T0, false);

    WebhookDelivery retried = pending.retried(T0.plusSeconds(1));

    assertThat(retried.nextAttemptAt()).isEqualTo(T0.plusSeconds(1));
    assertThat(retried.retryUntil()).isEqualTo(pending.retryUntil());
    assertThat(retried.after(AttemptResult.answered(500), T0.plusSeconds(1), false).state())
        .isEqualTo(DeliveryState.PENDING);
  }

  @Test
  void disablingTheEndpointFailsOnlyWhatIsPending() {
    WebhookDelivery delivered = queued().after(AttemptResult.answered(200), T0, false);

    assertThat(queued().abandoned("endpoint disabled").state()).isEqualTo(DeliveryState.FAILED);
    assertThat(queued().abandoned("endpoint disabled").lastError()).isEqualTo("endpoint disabled");
    assertThat(delivered.abandoned("endpoint disabled")).isEqualTo(delivered);
  }

  @Test
  void aPendingDeliveryAlwaysHasANextAttemptAndNoOtherDoes() {
    WebhookDelivery pending = queued();
    assertThatThrownBy(() ->
            new WebhookDelivery(
                pending.id(),
                pending.endpoint(),
                pending.team(),
                "e",
                "t",
                "{}",
                DeliveryState.PENDING,
                0,
                T0,
                null,
                T0,
                null,
                null,
                null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() ->
            new WebhookDelivery(
                pending.id(),
                pending.endpoint(),
                pending.team(),
                "e",
                "t",
                "{}",
                DeliveryState.FAILED,
                0,
                T0,
                T0,
                T0,
                null,
                null,
                null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static WebhookDelivery withAttempts(WebhookDelivery delivery, int attempts) {
    return new WebhookDelivery(
        delivery.id(),
        delivery.endpoint(),
        delivery.team(),
        delivery.eventId(),
        delivery.eventType(),
        delivery.body(),
        delivery.state(),
        attempts,
        delivery.createdAt(),
        delivery.nextAttemptAt(),
        delivery.retryUntil(),
        null,
        null,
        null);
  }
}
