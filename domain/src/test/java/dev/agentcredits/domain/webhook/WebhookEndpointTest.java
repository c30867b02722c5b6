package dev.agentcredits.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.domain.shared.TeamId;
import dev.agentcredits.domain.shared.WebhookEndpointId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Rule 26: an endpoint with nothing delivered for 3 days is disabled; a success heals it. */
class WebhookEndpointTest {
  private static final Instant T0 = Instant.parse("2031-03-05T12:00:00Z");

  static WebhookEndpoint endpoint(EventTypeFilter types) {
    return WebhookEndpoint.register(
        new WebhookEndpointId("whe_1"),
        new TeamId("team_1"),
        WebhookUrl.parse("https://hooks.example.com/agent-credits"),
        types,
        null,
        WebhookSecret.of(new byte[24]),
        T0);
  }

  @ParameterizedTest(name = "failing since {0} h, failing again at {1} h → {2}")
  @CsvSource({
    "-1, 0,  ENABLED",
    "0,  71, ENABLED",
    "0,  72, DISABLED",
    "10, 81, ENABLED",
    "10, 82, DISABLED",
  })
  void aFailureDisablesOnlyAfterThreeDaysOfFailing(
      long failingSinceHours, long failedAtHours, EndpointState state) {
    WebhookEndpoint endpoint = endpoint(EventTypeFilter.ALL);
    if (failingSinceHours >= 0) {
      endpoint = endpoint.failed(T0.plus(Duration.ofHours(failingSinceHours)));
    }

    WebhookEndpoint after = endpoint.failed(T0.plus(Duration.ofHours(failedAtHours)));

    assertThat(after.state()).isEqualTo(state);
    assertThat(after.disabledSince(endpoint)).isEqualTo(state == EndpointState.DISABLED);
    assertThat(after.failingSince())
        .isEqualTo(T0.plus(Duration.ofHours(Math.max(failingSinceHours, 0))));
  }

  @Test
  void aDeliveryClearsTheFailuresAndEnablesADisabledEndpoint() {
    WebhookEndpoint disabled =
        endpoint(EventTypeFilter.ALL).failed(T0).failed(T0.plus(Duration.ofDays(3)));
    assertThat(disabled.isEnabled()).isFalse();
    assertThat(disabled.failed(T0.plus(Duration.ofDays(4))).disabledSince(disabled)).isFalse();

    WebhookEndpoint healed = disabled.delivered();

    assertThat(healed.isEnabled()).isTrue();
    assertThat(healed.failingSince()).isNull();
    assertThat(healed.failed(T0.plus(Duration.ofDays(5))).isEnabled()).isTrue();
  }

  @Test
  void aDisabledEndpointWantsNothing() {
    WebhookEndpoint endpoint = endpoint(new EventTypeFilter(List.of("run.*")));
    WebhookEndpoint disabled = endpoint.failed(T0).failed(T0.plus(Duration.ofDays(3)));

    assertThat(endpoint.wants("run.accepted")).isTrue();
    assertThat(endpoint.wants("usage.charged")).isFalse();
    assertThat(disabled.wants("run.accepted")).isFalse();
  }

  @Test
  void theSecretNeverShowsInText() {
    assertThat(endpoint(EventTypeFilter.ALL).toString()).doesNotContain("AAAAAAAA");
  }
}
