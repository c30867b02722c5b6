package dev.agentcredits.adapter.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.testing.EventSamples;
import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventBodiesTest {
  private static final TeamId TEAM = new TeamId("team_1");
  private static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");
  private final List<DomainEvent> every = EventSamples.everyType(TEAM, AT);

  @Test
  void theSamplesCoverEveryEventType() {
    assertThat(every).extracting(DomainEvent::type).containsExactlyInAnyOrder(EventType.values());
  }

  @Test
  void aRejectionSaysWhyInTheWordsOfTheRuleBook() {
    assertThat(EventBodies.data(sample(EventType.RUN_REJECTED)))
        .containsExactly(
            Map.entry("task_id", "task_team_1"),
            Map.entry("trigger", "SCHEDULED"),
            Map.entry("pool_id", "m:mem_team_1"),
            Map.entry("error_code", "insufficient_credits"),
            Map.entry("reason", "cap_reached"));
  }

  @Test
  void optionalFieldsAreLeftOutRatherThanNull() {
    assertThat(EventBodies.data(sample(EventType.RUN_ACCEPTED)))
        .doesNotContainKeys("error_code", "settled_by", "released_credits")
        .doesNotContainValue(null);
    assertThat(EventBodies.data(sample(EventType.RUN_COMPLETED)))
        .containsEntry("settled_by", "completed")
        .containsEntry("released_credits", 12L);
    assertThat(EventBodies.data(sample(EventType.CREDITS_DEPLETED)))
        .doesNotContainKey("member_id")
        .containsEntry("kind", "DEPLETED")
        .containsEntry("auto_reload", "off");
  }

  @Test
  void moneyIsInCentsAndKindsInLowerCase() {
    assertThat(EventBodies.data(sample(EventType.ADD_ON_PURCHASED)))
        .containsEntry("kind", "auto")
        .containsEntry("price_cents", 2_000L)
        .containsEntry("credits", 1_000L);
    assertThat(EventBodies.data(sample(EventType.CREDITS_EXPIRED)))
        .containsEntry("source_kind", "add_on");
  }

  @Test
  void aCapThresholdSaysTheMonthThePercentAndTheFiguresInCents() {
    assertThat(EventBodies.data(sample(EventType.SPEND_CAP_THRESHOLD_REACHED)))
        .containsExactly(
            Map.entry("month", "2026-03"),
            Map.entry("threshold_percent", 80),
            Map.entry("spent_cents", 16_000L),
            Map.entry("cap_cents", 20_000L));
  }

  private DomainEvent sample(EventType type) {
    return every.stream().filter(e -> e.type() == type).findFirst().orElseThrow();
  }
}
