package dev.agentcredits.domain.spend;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.domain.shared.Money;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** DOMAIN.md rule 7: any cap from zero up to the ceiling that stops a typo, lowering included. */
class SpendCapPolicyTest {

  @ParameterizedTest(name = "{0} cents allowed: {1}")
  @CsvSource({
    "0,           true",
    "1,           true",
    "20000,       true",
    "100000000,   true",
    "100000001,   false",
    "9223372036854775807, false",
  })
  void aCapIsAllowedUpToOneMillionDollars(long cents, boolean allowed) {
    assertThat(SpendCapPolicy.isAllowed(Money.cents(cents))).isEqualTo(allowed);
    assertThat(SpendCapPolicy.MAXIMUM_MONTHLY_CAP).isEqualTo(Money.dollars(1_000_000));
  }
}
