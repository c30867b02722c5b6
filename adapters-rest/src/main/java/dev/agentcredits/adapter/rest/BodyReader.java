package dev.agentcredits.adapter.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Reads a JSON request body into its request record, or refuses it with {@code invalid_request}
 * saying what is wrong: the content type, the size, the syntax, an unknown or missing field, or a
 * value of the wrong type or out of range.
 */
final class BodyReader {
  private BodyReader() {}

  static <T> T read(
      String contentType, long contentLength, InputStream in, int maxBytes, Class<T> type) {
    requireJson(contentType);
    if (contentLength > maxBytes) {
      throw tooLarge(maxBytes);
    }
    byte[] bytes;
    try {
      bytes = in.readNBytes(maxBytes + 1);
    } catch (IOException e) {
      throw ProblemException.invalid("the request body could not be read");
    }
    if (bytes.length > maxBytes) {
      throw tooLarge(maxBytes);
    }
    if (bytes.length == 0) {
      throw ProblemException.invalid("a JSON object is required as the request body");
    }
    T value;
    try {
      value = Json.MAPPER.readValue(bytes, type);
    } catch (JsonProcessingException e) {
      throw ProblemException.invalid(describe(e));
    } catch (IOException e) {
      throw ProblemException.invalid("the request body could not be read");
    }
    if (value == null) {
      throw ProblemException.invalid("the request body must be a JSON object");
    }
    return value;
  }

  static void requireJson(String contentType) {
    String mediaType =
        contentType == null ? "" : contentType.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
    if (!mediaType.equals("application/json")) {
      throw ProblemException.invalid(
          "Content-Type must be application/json"
              + (contentType == null ? "" : ", not " + mediaType));
    }
  }

  private static ProblemException tooLarge(int maxBytes) {
    return ProblemException.invalid("the request body is larger than " + maxBytes + " bytes");
  }

  static String describe(JsonProcessingException e) {
    if (e instanceof UnrecognizedPropertyException unknown) {
      return "unknown field \"" + unknown.getPropertyName() + "\"";
    }
    if (e instanceof ValueInstantiationException instantiation
        && instantiation.getCause() != null) {
      return instantiation.getCause().getMessage();
    }
    if (e instanceof InputCoercionException) {
      return "a number in the request body is out of range";
    }
    if (e instanceof JsonMappingException mapping
        && mapping.getCause() instanceof InputCoercionException) {
      return field(mapping) + " is out of range";
    }
    if (e instanceof InvalidFormatException format
        && format.getValue() instanceof String text
        && text.indexOf('\0') >= 0) {
      String field = field(format);
      return (field.isEmpty() ? "a string" : field) + " " + PlainStrings.NUL_MESSAGE;
    }
    if (e instanceof MismatchedInputException mismatch) {
      String field = field(mismatch);
      if (field.isEmpty()) {
        return mismatch.getTargetType() == null
                || mismatch.getOriginalMessage().contains("end-of-input")
            ? "a JSON object is required as the request body"
            : "the request body must be a JSON object";
      }
      return field + " must be " + kind(mismatch.getTargetType());
    }
    if (e instanceof StreamReadException read) {
      return "the request body is not valid JSON" + where(read) + ": " + firstSentence(read);
    }
    return "the request body is not valid: " + e.getOriginalMessage();
  }

  private static String where(StreamReadException e) {
    return e.getLocation() == null || e.getLocation().getLineNr() < 1
        ? ""
        : " at line %d, column %d"
            .formatted(e.getLocation().getLineNr(), e.getLocation().getColumnNr());
  }

  /** Jackson's message without the source excerpt and location it appends. */
  private static String firstSentence(StreamReadException e) {
    String message = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    int cut = message.indexOf(" (start marker");
    message = cut < 0 ? message : message.substring(0, cut);
    cut = message.indexOf("\n");
    return cut < 0 ? message : message.substring(0, cut);
  }

  private static String field(JsonMappingException e) {
    return e.getPath().stream()
        .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
        .collect(Collectors.joining("."));
  }

  private static String kind(Class<?> type) {
    if (type == null) {
      return "of another type";
    }
    if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
      return "a whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "a string";
    }
    return "a JSON object";
  }
}
