package dev.agentcredits.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** DOMAIN.md rule 13: money is integer cents, never negative, never floating point. */
class MoneyTest {

  @ParameterizedTest
  @ValueSource(longs = {-1, -100, Long.MIN_VALUE})
  void negativeMoneyDoesNotExist(long cents) {
    assertThatThrownBy(() -> Money.cents(cents)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void dollarsAreHundredsOfCentsAndOverflowIsRefused() {
    assertThat(Money.dollars(200)).isEqualTo(Money.cents(20_000));
    assertThatThrownBy(() -> Money.dollars(Long.MAX_VALUE / 10))
        .isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Money.cents(Long.MAX_VALUE).plus(Money.cents(1)))
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  void aRefundStopsAtZero() {
    assertThat(Money.dollars(10).minusFloored(Money.dollars(4))).isEqualTo(Money.dollars(6));
    assertThat(Money.dollars(10).minusFloored(Money.dollars(40))).isEqualTo(Money.ZERO);
  }

  @Test
  void comparesByCents() {
    assertThat(Money.cents(101).isGreaterThan(Money.cents(100))).isTrue();
    assertThat(Money.cents(100).isGreaterThan(Money.cents(100))).isFalse();
    assertThat(Money.cents(1).compareTo(Money.cents(2))).isNegative();
  }

  @ParameterizedTest(name = "{0} cents reads {1}")
  @CsvSource({"0, $0.00", "5, $0.05", "1000, $10.00", "20001, $200.01"})
  void readsAsDollarsAndCents(long cents, String text) {
    assertThat(Money.cents(cents)).hasToString(text);
  }
}
