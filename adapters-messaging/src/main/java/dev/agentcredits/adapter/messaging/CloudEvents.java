package dev.agentcredits.adapter.messaging;

import com.rabbitmq.client.AMQP;
import dev.agentcredits.adapter.wire.CloudEventEncoder;
import dev.agentcredits.application.port.out.EncodedEvent;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/**
 * An event as a RabbitMQ message: its CloudEvent text as it was encoded (structured mode), routed
 * by its type.
 */
final class CloudEvents {
  private static final int PERSISTENT = 2;

  private CloudEvents() {}

  static String routingKey(EncodedEvent event) {
    return event.type();
  }

  static byte[] body(EncodedEvent event) {
    return event.cloudEvent().getBytes(StandardCharsets.UTF_8);
  }

  static AMQP.BasicProperties properties(EncodedEvent event) {
    return new AMQP.BasicProperties.Builder()
        .contentType(CloudEventEncoder.CONTENT_TYPE)
        .contentEncoding("utf-8")
        .deliveryMode(PERSISTENT)
        .messageId(event.id())
        .type(CloudEventEncoder.TYPE_PREFIX + event.type())
        .timestamp(Date.from(event.occurredAt()))
        .appId("agent-credits")
        .build();
  }
}
