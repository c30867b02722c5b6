package dev.agentcredits.adapter.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.AMQP;
import dev.agentcredits.application.port.out.EncodedEvent;
import dev.agentcredits.domain.event.EventType;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.junit.jupiter.api.Test;

class CloudEventsTest {
  private final EncodedEvent event = TestEvents.event(EventType.RUN_REJECTED, "task_9");

  @Test
  void theBodyIsTheCloudEventTextAsItWasEncoded() {
    assertThat(new String(CloudEvents.body(event), StandardCharsets.UTF_8))
        .isEqualTo(event.cloudEvent());
  }

  @Test
  void theMessageIsPersistentAndRoutedByTheTypeWithoutItsPrefix() {
    AMQP.BasicProperties properties = CloudEvents.properties(event);

    assertThat(CloudEvents.routingKey(event)).isEqualTo("run.rejected");
    assertThat(properties.getContentType()).isEqualTo("application/cloudevents+json");
    assertThat(properties.getContentEncoding()).isEqualTo("utf-8");
    assertThat(properties.getDeliveryMode()).isEqualTo(2);
    assertThat(properties.getMessageId()).isEqualTo(event.id());
    assertThat(properties.getType()).isEqualTo("dev.agentcredits.run.rejected");
    assertThat(properties.getTimestamp()).isEqualTo(Date.from(TestEvents.AT));
  }

  @Test
  void everyEventTypeHasALowerCaseDottedRoutingKey() {
    for (EventType type : EventType.values()) {
      assertThat(CloudEvents.routingKey(TestEvents.event(type, "s"))).matches("[a-z_]+\\.[a-z_]+");
    }
  }
}
