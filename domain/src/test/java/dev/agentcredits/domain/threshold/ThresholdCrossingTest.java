package dev.agentcredits.domain.threshold;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DOMAIN.md rule 25: each threshold once per period, a changed limit measured afresh. */
class ThresholdCrossingTest {
  private static final Thresholds CAP = Thresholds.SPEND_CAP;
  private static final Instant EARLIER = Instant.parse("2031-03-02T09:00:00Z");
  private static final Instant NOW = Instant.parse("2031-03-05T12:00:00Z");

  /**
   * {@code announced} and the expected lists are thresholds separated by spaces ({@code -}: none).
   */
  @ParameterizedTest(name = "{0} announced, {1} of {2} -> raise {3}, known {4}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          -         |     0 | 20000 | -         | -
          -         |  9999 | 20000 | -         | -
          -         | 10000 | 20000 | 50        | 50
          -         | 15999 | 20000 | 50        | 50
          -         | 16000 | 20000 | 50 80     | 50 80
          -         | 20000 | 20000 | 50 80 100 | 50 80 100
          -         | 25000 | 20000 | 50 80 100 | 50 80 100
          50        | 12000 | 20000 | -         | 50
          50        | 16000 | 20000 | 80        | 50 80
          50 80     |  9000 | 20000 | -         | 50 80
          50 80     | 16000 | 20000 | -         | 50 80
          50 80 100 | 20000 | 20000 | -         | 50 80 100
          -         |     1 |     0 | 50 80 100 | 50 80 100
          -         |     0 |     0 | -         | -
          -         |     1 |     3 | -         | -
          -         |     2 |     3 | 50        | 50
          """)
  void aChangeOfUseAnnouncesWhatItNewlyReachesAndForgetsNothing(
      String announced, long used, long limit, String raised, String known) {
    var crossing = ThresholdCrossing.afterUse(announced(announced), used, limit, CAP, NOW);

    assertThat(crossing.newlyReached()).isEqualTo(percents(raised));
    assertThat(List.copyOf(crossing.announced().percents())).isEqualTo(percents(known));
    assertThat(crossing.announced().lastAt())
        .isEqualTo(known.equals("-") ? null : raised.equals("-") ? EARLIER : NOW);
  }

  /**
   * A cap raised mid-month: what the spend no longer reaches is forgotten (to be announced when
   * crossed against the new cap); a cap lowered: what it now reaches is announced at once; the same
   * cap again changes nothing.
   */
  @ParameterizedTest(name = "{0} announced, {1} spent, cap {2} -> {3}: raise {4}, known {5}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          50 80     | 17000 | 20000 | 40000 | -         | -
          50 80 100 | 20000 | 20000 | 30000 | -         | 50
          50        | 10000 | 20000 | 10000 | 80 100    | 50 80 100
          -         | 10000 | 20000 |  5000 | 50 80 100 | 50 80 100
          50 80 100 | 20000 | 20000 |     0 | -         | 50 80 100
          50        | 12000 | 20000 | 20000 | -         | 50
          50 80     |  5000 | 20000 | 20000 | -         | 50 80
          """)
  void aChangedLimitIsMeasuredAfresh(
      String announced, long used, long previous, long limit, String raised, String known) {
    var crossing =
        ThresholdCrossing.afterLimitChange(announced(announced), used, previous, limit, CAP, NOW);

    assertThat(crossing.newlyReached()).isEqualTo(percents(raised));
    assertThat(List.copyOf(crossing.announced().percents())).isEqualTo(percents(known));
  }

  @Test
  void aThresholdForgottenByARaiseIsAnnouncedAgainWhenCrossedAgainstTheNewCap() {
    Announced atEightyFive = announced("50 80");

    var raised = ThresholdCrossing.afterLimitChange(atEightyFive, 17000, 20000, 40000, CAP, NOW);
    var later = ThresholdCrossing.afterUse(raised.announced(), 20000, 40000, CAP, NOW);
    var again = ThresholdCrossing.afterUse(later.announced(), 21000, 40000, CAP, NOW);

    assertThat(raised.newlyReached()).isEmpty();
    assertThat(later.newlyReached()).containsExactly(50);
    assertThat(again.newlyReached()).isEmpty();
  }

  @Test
  void thresholdsAreWholePercentagesInOrder() {
    assertThat(Thresholds.of(100, 50, 80, 50).percents()).containsExactly(50, 80, 100);
    assertThatThrownBy(() -> Thresholds.of(0, 50)).isInstanceOf(IllegalArgumentException.class);
  }

  private static Announced announced(String percents) {
    List<Integer> list = percents(percents);
    return list.isEmpty() ? Announced.NONE : new Announced(new TreeSet<>(list), EARLIER);
  }

  private static List<Integer> percents(String text) {
    return text.equals("-")
        ? List.of()
        : Arrays.stream(text.trim().split(" +")).map(Integer::valueOf).toList();
  }
}
