package dev.agentcredits.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** API.md: about 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, … for 3 days, then failed. */
class RetryScheduleTest {
  private static final Instant QUEUED = Instant.parse("2031-03-05T12:00:00Z");

  @ParameterizedTest(name = "after failure {0}: wait {1}")
  @CsvSource({
    "1, PT5S",
    "2, PT5M",
    "3, PT30M",
    "4, PT2H",
    "5, PT5H",
    "6, PT10H",
    "7, PT10H",
    "12, PT10H"
  })
  void theWaitGrowsThenStaysAtTenHours(int failedAttempts, Duration wait) {
    assertThat(RetrySchedule.delayAfter(failedAttempts)).isEqualTo(wait);
  }

  @Test
  void aDeliveryThatAlwaysFailsIsTriedThirteenTimesTheLastAtTheEndOfThreeDays() {
    Instant until = QUEUED.plus(RetrySchedule.WINDOW);
    List<Instant> attempts = new ArrayList<>();
    Optional<Instant> next = Optional.of(QUEUED);
    while (next.isPresent()) {
      attempts.add(next.get());
      next = RetrySchedule.nextAttempt(attempts.size(), next.get(), until);
    }

    assertThat(attempts).hasSize(13);
    assertThat(attempts.get(1)).isEqualTo(QUEUED.plusSeconds(5));
    assertThat(attempts.get(5)).isEqualTo(QUEUED.plus(Duration.parse("PT7H35M5S")));
    assertThat(attempts.get(11)).isEqualTo(QUEUED.plus(Duration.parse("PT67H35M5S")));
    assertThat(attempts.getLast()).isEqualTo(until);
  }

  @Test
  void theLastAttemptIsAtTheEndOfTheWindowAndNoneAfterIt() {
    Instant until = QUEUED.plusSeconds(4);

    assertThat(RetrySchedule.nextAttempt(1, QUEUED, until)).contains(until);
    assertThat(RetrySchedule.nextAttempt(1, until, until)).isEmpty();
    assertThat(RetrySchedule.nextAttempt(1, until.plusSeconds(1), until)).isEmpty();
    assertThat(RetrySchedule.nextAttempt(1, QUEUED, QUEUED.plusSeconds(5)))
        .contains(QUEUED.plusSeconds(5));
  }
}
