package dev.agentcredits.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** DOMAIN.md rule 13: credits are whole, non-negative numbers. */
class CreditsTest {

  @ParameterizedTest
  @ValueSource(longs = {-1, -20, Long.MIN_VALUE})
  void negativeCreditsDoNotExist(long value) {
    assertThatThrownBy(() -> Credits.of(value)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void arithmeticStaysWholeAndNeverGoesBelowZero() {
    assertThat(Credits.of(400).plus(Credits.of(1_000))).isEqualTo(Credits.of(1_400));
    assertThat(Credits.of(400).minus(Credits.of(400))).isEqualTo(Credits.ZERO);
    assertThatThrownBy(() -> Credits.of(1).minus(Credits.of(2)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Credits.of(Long.MAX_VALUE).plus(Credits.of(1)))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void comparesByValue() {
    assertThat(Credits.of(5).min(Credits.of(3))).isEqualTo(Credits.of(3));
    assertThat(Credits.of(3).isLessThan(Credits.of(5))).isTrue();
    assertThat(Credits.of(5).compareTo(Credits.of(5))).isZero();
    assertThat(Credits.ZERO.isZero()).isTrue();
    assertThat(Credits.ZERO.isPositive()).isFalse();
    assertThat(Credits.of(1).isPositive()).isTrue();
    assertThat(Credits.of(20)).hasToString("20 credits");
  }
}
