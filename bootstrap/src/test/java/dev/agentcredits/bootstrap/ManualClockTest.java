package dev.agentcredits.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcredits.application.port.in.TimeKeepingUseCase;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ManualClockTest {
  private static final Instant START = Instant.parse("2030-01-01T00:00:00Z");

  @Test
  void stands_still_until_moved_forward() {
    var clock = new ManualClock(START);

    assertThat(clock.instant()).isEqualTo(START);
    assertThat(clock.advance(Duration.ofDays(30))).isEqualTo(START.plus(Duration.ofDays(30)));
    assertThat(clock.instant()).isEqualTo(START.plus(Duration.ofDays(30)));
    assertThat(clock.withZone(ZoneId.of("Europe/Paris")).instant()).isEqualTo(clock.instant());
    assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void advancing_does_the_work_the_new_time_makes_due_before_answering() {
    var clock = new ManualClock(START);
    AtomicInteger runs = new AtomicInteger();
    TimeKeepingUseCase timeKeeping =
        () -> {
          int run = runs.incrementAndGet();
          // the first pass finds a full batch, the second nothing more
          return new TimeKeepingUseCase.Report(run == 1 ? 100 : 0, 0, 0, 0, 0);
        };
    var control = new DueWorkOnAdvance(clock, timeKeeping);

    Instant now = control.advance(Duration.ofHours(1));

    assertThat(now).isEqualTo(START.plus(Duration.ofHours(1)));
    assertThat(runs).hasValue(2);
  }
}
