package dev.agentcredits.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventTypeFilterTest {

  @ParameterizedTest(name = "{0} wants {1}: {2}")
  @CsvSource({
    "*,                         run.accepted,               true",
    "*,                         webhook_endpoint.disabled,  true",
    "run.*,                     run.accepted,               true",
    "run.*,                     run.cancelled,              true",
    "run.*,                     usage.charged,              false",
    "usage.charged,             usage.charged,              true",
    "usage.charged,             usage.charged_twice,        false",
    "credits.*,                 credits.low,                true",
    "credits.*,                 credits_low.x,              false",
    "webhook_endpoint.disabled, webhook_endpoint.disabled,  true",
  })
  void aPatternMatchesARoutingKeyOrAFamily(String pattern, String type, boolean wanted) {
    assertThat(new EventTypeFilter(List.of(pattern)).matches(type)).isEqualTo(wanted);
  }

  @Test
  void anyOfSeveralPatternsWillDoAndNoneGivenMeansAll() {
    var filter = new EventTypeFilter(List.of("run.accepted", "credits.*", "run.accepted"));

    assertThat(filter.patterns()).containsExactly("run.accepted", "credits.*");
    assertThat(filter.matches("credits.depleted")).isTrue();
    assertThat(filter.matches("run.stopped")).isFalse();
    assertThat(EventTypeFilter.of(null)).isEqualTo(EventTypeFilter.ALL);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "Run.*", "run.", "run*", "*.accepted", "run.**", "no.such", "x.*"})
  void aPatternThatIsMalformedOrMatchesNoTypeIsRefused(String pattern) {
    assertThatThrownBy(() -> new EventTypeFilter(List.of(pattern)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("event_types");
  }

  @Test
  void anEmptyListIsRefusedRatherThanMeaningNothing() {
    assertThatThrownBy(() -> new EventTypeFilter(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
