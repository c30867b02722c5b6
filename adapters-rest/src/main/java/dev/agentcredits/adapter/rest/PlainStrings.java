package dev.agentcredits.adapter.rest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import java.io.IOException;

/**
 * Every string field of every request body, read as Jackson reads strings but refused when it holds
 * a NUL character (U+0000), which no text column can store: one place for all text fields.
 */
final class PlainStrings extends StdScalarDeserializer<String> {
  static final String NUL_MESSAGE = "must not contain a NUL character (\\u0000)";

  PlainStrings() {
    super(String.class);
  }

  @Override
  public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
    String value = StringDeserializer.instance.deserialize(p, ctxt);
    if (value != null && value.indexOf('\0') >= 0) {
      throw InvalidFormatException.from(p, NUL_MESSAGE, value, String.class);
    }
    return value;
  }
}
