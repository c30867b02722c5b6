package dev.agentcredits.domain.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DomainEventTest {
  private static final TeamId TEAM = new TeamId("team-1");
  private static final Instant T0 = Instant.parse("2025-01-10T00:00:00Z");

  @Test
  void dataKeepsItsOrderLeavesOutNullsAndCannotBeChanged() {
    DomainEvent event =
        DomainEvent.of(EventType.RUN_ACCEPTED, TEAM, "task-1", T0)
            .with("task_id", "task-1")
            .with("member_id", null)
            .with("held_credits", 20L)
            .build();

    assertThat(event.data().keySet()).containsExactly("task_id", "held_credits");
    assertThatThrownBy(() -> event.data().put("x", 1))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void anEventSaysWhatWhoAboutWhatAndWhen() {
    assertThatThrownBy(() -> DomainEvent.of(null, TEAM, "s", T0).build())
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> DomainEvent.of(EventType.RUN_ACCEPTED, null, "s", T0).build())
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> DomainEvent.of(EventType.RUN_ACCEPTED, TEAM, null, T0).build())
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> DomainEvent.of(EventType.RUN_ACCEPTED, TEAM, "s", null).build())
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
