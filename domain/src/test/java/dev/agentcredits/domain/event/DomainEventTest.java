package dev.agentcredits.domain.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcredits.domain.shared.Money;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DomainEventTest {
  private static final TeamId TEAM = new TeamId("team-1");
  private static final Instant T0 = Instant.parse("2025-01-10T00:00:00Z");

  private static final EventData DATA =
      new EventData.SpendCapChanged(Money.cents(100), Money.cents(200), Money.ZERO);

  @Test
  void anEventSaysWhatWhoAboutWhatAndWhen() {
    assertThatThrownBy(() -> new DomainEvent(null, TEAM, "s", T0, DATA))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new DomainEvent(EventType.SPEND_CAP_CHANGED, null, "s", T0, DATA))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new DomainEvent(EventType.SPEND_CAP_CHANGED, TEAM, null, T0, DATA))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new DomainEvent(EventType.SPEND_CAP_CHANGED, TEAM, "s", null, DATA))
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> new DomainEvent(EventType.SPEND_CAP_CHANGED, TEAM, "s", T0, null))
        .isInstanceOf(NullPointerException.class);
  }

  @Test
  void everyEventOfTheRuleBookHasARoutingKey() {
    assertThat(Arrays.stream(EventType.values()).map(EventType::routingKey))
        .contains(
            "run.accepted",
            "run.rejected",
            "run.stopped",
            "run.completed",
            "usage.charged",
            "credits.low",
            "credits.depleted",
            "addon.purchased",
            "auto_reload.failed",
            "spend_cap.changed",
            "plan_credits.refreshed",
            "credits.expired")
        .doesNotHaveDuplicates();
  }
}
