package dev.agentcredits.adapter.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentcredits.application.port.out.EncodedEvent;
import dev.agentcredits.application.port.out.EventEncoder;
import dev.agentcredits.domain.event.DomainEvent;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.jackson.JsonFormat;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;

/**
 * Writes each event once, as the CloudEvents 1.0 JSON (structured mode, written by the CloudEvents
 * SDK) that the outbox keeps and the broker carries as it is (README "Events"). {@code teamid} is
 * an extension attribute, so consumers can filter by team; {@code data} is {@link EventBodies}'.
 */
public final class CloudEventEncoder implements EventEncoder {
  public static final String CONTENT_TYPE = "application/cloudevents+json";
  public static final String TYPE_PREFIX = "dev.agentcredits.";
  static final URI SOURCE = URI.create("/agent-credits");
  private static final JsonFormat FORMAT = new JsonFormat();
  private static final ObjectMapper DATA = new ObjectMapper();

  @Override
  public EncodedEvent encode(String id, DomainEvent event) {
    String type = event.type().routingKey();
    CloudEvent cloudEvent =
        CloudEventBuilder.v1()
            .withId(id)
            .withSource(SOURCE)
            .withType(TYPE_PREFIX + type)
            .withTime(event.at().atOffset(ZoneOffset.UTC))
            .withSubject(event.subject())
            .withExtension("teamid", event.team().value())
            .withData("application/json", data(event))
            .build();
    String text = new String(FORMAT.serialize(cloudEvent), StandardCharsets.UTF_8);
    return new EncodedEvent(id, type, event.team(), event.at(), text);
  }

  private static byte[] data(DomainEvent event) {
    try {
      return DATA.writeValueAsBytes(EventBodies.data(event));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the data of " + event.type(), e);
    }
  }
}
