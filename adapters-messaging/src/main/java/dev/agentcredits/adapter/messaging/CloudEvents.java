package dev.agentcredits.adapter.messaging;

import com.rabbitmq.client.AMQP;
import dev.agentcredits.adapter.wire.EventBodies;
import dev.agentcredits.application.port.out.OutboxEvent;
import dev.agentcredits.domain.event.DomainEvent;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.format.EventFormat;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.time.ZoneOffset;
import java.util.Date;

/** Writes an outbox event as a CloudEvents 1.0 message in structured mode (JSON). */
final class CloudEvents {
  static final String CONTENT_TYPE = "application/cloudevents+json";
  static final String SOURCE = "/agent-credits";
  static final String TYPE_PREFIX = "dev.agentcredits.";
  private static final int PERSISTENT = 2;
  private static final URI SOURCE_URI = URI.create(SOURCE);
  private static final EventFormat FORMAT =
      EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);

  private CloudEvents() {}

  static String routingKey(OutboxEvent event) {
    return event.event().type().routingKey();
  }

  static String type(OutboxEvent event) {
    return TYPE_PREFIX + routingKey(event);
  }

  /**
   * The event in structured mode, written by the CloudEvents SDK; {@code teamid} is an extension
   * attribute, so consumers can filter by team.
   */
  static CloudEvent event(OutboxEvent outboxEvent) {
    DomainEvent event = outboxEvent.event();
    return CloudEventBuilder.v1()
        .withId(outboxEvent.id())
        .withSource(SOURCE_URI)
        .withType(type(outboxEvent))
        .withTime(event.at().atOffset(ZoneOffset.UTC))
        .withSubject(event.subject())
        .withExtension("teamid", event.team().value())
        .withData("application/json", Json.bytes(EventBodies.data(event)))
        .build();
  }

  static byte[] body(OutboxEvent event) {
    return FORMAT.serialize(event(event));
  }

  static AMQP.BasicProperties properties(OutboxEvent event) {
    return new AMQP.BasicProperties.Builder()
        .contentType(CONTENT_TYPE)
        .contentEncoding("utf-8")
        .deliveryMode(PERSISTENT)
        .messageId(event.id())
        .type(type(event))
        .timestamp(Date.from(event.event().at()))
        .appId("agent-credits")
        .build();
  }
}
