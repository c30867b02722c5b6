package dev.agentcredits.adapter.wire;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentcredits.application.port.out.EncodedEvent;
import dev.agentcredits.application.testing.EventSamples;
import dev.agentcredits.domain.event.DomainEvent;
import dev.agentcredits.domain.event.EventType;
import dev.agentcredits.domain.shared.TeamId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloudEventEncoderTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TeamId TEAM = new TeamId("team_1");
  private static final Instant AT = Instant.parse("2026-03-01T12:00:00Z");
  private final List<DomainEvent> every = EventSamples.everyType(TEAM, AT);
  private final CloudEventEncoder encoder = new CloudEventEncoder();

  @Test
  void anEventIsAStructuredCloudEvent() throws Exception {
    DomainEvent rejected = sample(EventType.RUN_REJECTED);

    JsonNode json = JSON.readTree(encoder.encode("evt_1", rejected).cloudEvent());

    assertThat(json.get("specversion").asText()).isEqualTo("1.0");
    assertThat(json.get("id").asText()).isEqualTo("evt_1");
    assertThat(json.get("source").asText()).isEqualTo("/agent-credits");
    assertThat(json.get("type").asText()).isEqualTo("dev.agentcredits.run.rejected");
    assertThat(json.get("time").asText()).isEqualTo("2026-03-01T12:00:00Z");
    assertThat(json.get("subject").asText()).isEqualTo(rejected.subject());
    assertThat(json.get("teamid").asText()).isEqualTo("team_1");
    assertThat(json.get("datacontenttype").asText()).isEqualTo("application/json");
    assertThat(json.get("data").get("task_id").asText()).isEqualTo("task_team_1");
    assertThat(json.get("data").get("trigger").asText()).isEqualTo("SCHEDULED");
    assertThat(json.get("data").get("error_code").asText()).isEqualTo("insufficient_credits");
    assertThat(json.get("data").get("reason").asText()).isEqualTo("cap_reached");
  }

  @Test
  void everyEventCarriesItsDataAsEventBodiesWritesIt() throws Exception {
    for (DomainEvent event : every) {
      EncodedEvent encoded = encoder.encode("evt_" + event.type(), event);

      JsonNode json = JSON.readTree(encoded.cloudEvent());
      assertThat(json.get("type").asText())
          .isEqualTo("dev.agentcredits." + event.type().routingKey());
      JsonNode data = JSON.readTree(JSON.writeValueAsString(EventBodies.data(event)));
      assertThat(json.get("data")).as(event.type().name()).isEqualTo(data);
    }
  }

  @Test
  void theEncodedEventNamesItsIdTypeTeamAndTimeForThoseWhoRouteIt() {
    DomainEvent charged = sample(EventType.USAGE_CHARGED);

    EncodedEvent encoded = encoder.encode("evt_2", charged);

    assertThat(encoded.id()).isEqualTo("evt_2");
    assertThat(encoded.type()).isEqualTo("usage.charged");
    assertThat(encoded.team()).isEqualTo(TEAM);
    assertThat(encoded.occurredAt()).isEqualTo(AT);
  }

  @Test
  void aTimeKeepsItsFractionOfASecond() throws Exception {
    Instant at = Instant.parse("2026-03-01T12:00:00.123456Z");
    DomainEvent event = EventSamples.everyType(TEAM, at).getFirst();

    JsonNode json = JSON.readTree(encoder.encode("evt_3", event).cloudEvent());

    assertThat(json.get("time").asText()).isEqualTo("2026-03-01T12:00:00.123456Z");
  }

  private DomainEvent sample(EventType type) {
    return every.stream().filter(e -> e.type() == type).findFirst().orElseThrow();
  }
}
