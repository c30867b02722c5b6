package dev.agentcredits.application.port.in;

/**
 * Text a client sends, as the stores can keep it: PostgreSQL's text types cannot hold the NUL
 * character (U+0000), so a value with one is the client's mistake, not a fault of ours.
 */
public interface Text {
  /** {@code value} (null passes), or an error naming {@code field}. */
  static String requirePlain(String value, String field) {
    if (value != null && value.indexOf('\0') >= 0) {
      throw new IllegalArgumentException(field + " must not contain a NUL character (\\u0000)");
    }
    return value;
  }
}
