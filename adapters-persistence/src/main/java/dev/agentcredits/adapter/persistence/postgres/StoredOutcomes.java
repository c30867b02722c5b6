package dev.agentcredits.adapter.persistence.postgres;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.agentcredits.application.port.in.Outcome;
import dev.agentcredits.application.port.in.Refusal;

/**
 * A use case's outcome as {@code idempotency.outcome} keeps it: the records' fields as JSON, each
 * outcome and refusal tagged with its kind. The application's types carry no JSON annotations, so
 * the tags are given here, and the records are read back through their canonical constructors.
 */
final class StoredOutcomes {
  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "kind")
  private interface Tagged {}

  private static final ObjectMapper MAPPER = mapper();

  private StoredOutcomes() {}

  static String write(Object outcome) {
    if (!(outcome instanceof Outcome<?>)) {
      throw new IllegalArgumentException("only outcomes are kept: " + outcome);
    }
    try {
      return MAPPER.writerFor(Outcome.class).writeValueAsString(outcome);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write the outcome for the database", e);
    }
  }

  /** The outcome {@link #write} wrote, its value read as a {@code valueType}. */
  static Outcome<?> read(String json, Class<?> valueType) {
    JavaType type = MAPPER.getTypeFactory().constructParametricType(Outcome.class, valueType);
    try {
      return MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the database holds an unreadable outcome", e);
    }
  }

  private static ObjectMapper mapper() {
    ObjectMapper mapper =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .setVisibility(PropertyAccessor.GETTER, Visibility.NONE)
            .setVisibility(PropertyAccessor.IS_GETTER, Visibility.NONE)
            .setVisibility(PropertyAccessor.FIELD, Visibility.ANY);
    for (Class<?> sealed : new Class<?>[] {Outcome.class, Refusal.class}) {
      mapper.addMixIn(sealed, Tagged.class);
      for (Class<?> kind : sealed.getPermittedSubclasses()) {
        mapper.registerSubtypes(new NamedType(kind, kind.getSimpleName()));
      }
    }
    return mapper;
  }
}
