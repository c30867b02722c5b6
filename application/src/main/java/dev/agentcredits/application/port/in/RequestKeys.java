package dev.agentcredits.application.port.in;

/** Idempotency keys: printable ASCII, at most 255 characters. */
public final class RequestKeys {
  private RequestKeys() {}

  public static void requireValid(String key) {
    if (key != null && !key.matches("[\\x21-\\x7E]{1,255}")) {
      throw new IllegalArgumentException("an idempotency key is 1-255 printable ASCII characters");
    }
  }
}
