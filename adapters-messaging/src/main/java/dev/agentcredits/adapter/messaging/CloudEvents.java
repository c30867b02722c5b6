package dev.agentcredits.adapter.messaging;

import com.rabbitmq.client.AMQP;
import dev.agentcredits.application.port.out.OutboxEvent;
import dev.agentcredits.domain.event.DomainEvent;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes an outbox event as a CloudEvents 1.0 message in structured mode (JSON). */
final class CloudEvents {
  static final String CONTENT_TYPE = "application/cloudevents+json";
  static final String SOURCE = "/agent-credits";
  static final String TYPE_PREFIX = "dev.agentcredits.";
  private static final int PERSISTENT = 2;

  private CloudEvents() {}

  static String routingKey(OutboxEvent event) {
    return event.event().type().routingKey();
  }

  static String type(OutboxEvent event) {
    return TYPE_PREFIX + routingKey(event);
  }

  /** The envelope; {@code teamid} is an extension attribute, so consumers can filter by team. */
  static Map<String, Object> envelope(OutboxEvent outboxEvent) {
    DomainEvent event = outboxEvent.event();
    Map<String, Object> envelope = new LinkedHashMap<>();
    envelope.put("specversion", "1.0");
    envelope.put("id", outboxEvent.id());
    envelope.put("source", SOURCE);
    envelope.put("type", type(outboxEvent));
    envelope.put("time", event.at().toString());
    envelope.put("subject", event.subject());
    envelope.put("teamid", event.team().value());
    envelope.put("datacontenttype", "application/json");
    envelope.put("data", event.data());
    return envelope;
  }

  static byte[] body(OutboxEvent event) {
    return Json.bytes(envelope(event));
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
