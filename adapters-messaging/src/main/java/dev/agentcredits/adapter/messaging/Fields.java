package dev.agentcredits.adapter.messaging;

import static java.util.stream.Collectors.joining;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentcredits.application.port.in.Text;
import java.util.Arrays;
import java.util.function.Function;

/**
 * Reads the members of a command strictly: a member of the wrong JSON type is invalid, never
 * coerced. An absent or null member reads as null, and the command record says whether it is
 * required.
 */
final class Fields {
  private Fields() {}

  static String text(JsonNode json, String field) {
    JsonNode node = json.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw new IllegalArgumentException(field + " must be a string");
    }
    return Text.requirePlain(node.asText(), field);
  }

  /** An id member turned into its value object, with the member's name in the error. */
  static <T> T id(JsonNode json, String field, Function<String, T> parse) {
    String value = text(json, field);
    if (value == null) {
      return null;
    }
    try {
      return parse.apply(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + " must be 1-128 characters of [A-Za-z0-9_:.-]", e);
    }
  }

  static long wholeNumber(JsonNode json, String field) {
    JsonNode node = json.get(field);
    if (node == null || node.isNull()) {
      throw new IllegalArgumentException(field + " is required");
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      throw new IllegalArgumentException(field + " must be a whole number");
    }
    return node.asLong();
  }

  static <E extends Enum<E>> E oneOf(JsonNode json, String field, Class<E> type) {
    String value = text(json, field);
    if (value == null) {
      return null;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(value)) {
        return constant;
      }
    }
    throw new IllegalArgumentException(
        field
            + " must be one of "
            + Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(joining(", ")));
  }
}
