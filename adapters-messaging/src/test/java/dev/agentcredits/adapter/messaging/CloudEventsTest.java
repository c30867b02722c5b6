package dev.agentcredits.adapter.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.rabbitmq.client.AMQP;
import dev.agentcredits.application.port.out.OutboxEvent;
import dev.agentcredits.domain.event.EventType;
import java.util.Date;
import org.junit.jupiter.api.Test;

class CloudEventsTest {
  private final OutboxEvent event = TestEvents.event(EventType.RUN_REJECTED, "task_9");

  @Test
  void theBodyIsAStructuredCloudEvent() throws Exception {
    JsonNode json = Json.read(CloudEvents.body(event));

    assertThat(json.get("specversion").asText()).isEqualTo("1.0");
    assertThat(json.get("id").asText()).isEqualTo(event.id());
    assertThat(json.get("source").asText()).isEqualTo("/agent-credits");
    assertThat(json.get("type").asText()).isEqualTo("dev.agentcredits.run.rejected");
    assertThat(json.get("time").asText()).isEqualTo("2026-03-01T12:00:00Z");
    assertThat(json.get("subject").asText()).isEqualTo("task_9");
    assertThat(json.get("teamid").asText()).isEqualTo("team_1");
    assertThat(json.get("datacontenttype").asText()).isEqualTo("application/json");
    assertThat(json.get("data").get("task_id").asText()).isEqualTo("task_team_1");
    assertThat(json.get("data").get("trigger").asText()).isEqualTo("SCHEDULED");
    assertThat(json.get("data").get("error_code").asText()).isEqualTo("insufficient_credits");
    assertThat(json.get("data").get("reason").asText()).isEqualTo("cap_reached");
  }

  @Test
  void theMessageIsPersistentAndRoutedByTheTypeWithoutItsPrefix() {
    AMQP.BasicProperties properties = CloudEvents.properties(event);

    assertThat(CloudEvents.routingKey(event)).isEqualTo("run.rejected");
    assertThat(properties.getContentType()).isEqualTo("application/cloudevents+json");
    assertThat(properties.getDeliveryMode()).isEqualTo(2);
    assertThat(properties.getMessageId()).isEqualTo(event.id());
    assertThat(properties.getTimestamp()).isEqualTo(Date.from(TestEvents.AT));
  }

  @Test
  void everyEventTypeHasALowerCaseDottedRoutingKey() {
    for (EventType type : EventType.values()) {
      assertThat(CloudEvents.routingKey(TestEvents.event(type, "s"))).matches("[a-z_]+\\.[a-z_]+");
    }
  }
}
