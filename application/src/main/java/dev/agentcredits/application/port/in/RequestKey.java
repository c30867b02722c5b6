package dev.agentcredits.application.port.in;

/** An idempotency key as a client sends it: 1 to 255 printable ASCII characters. */
public record RequestKey(String value) {
  public RequestKey {
    if (value == null || !value.matches("[\\x21-\\x7E]{1,255}")) {
      throw new IllegalArgumentException("an idempotency key is 1-255 printable ASCII characters");
    }
  }

  /** {@code key} checked; null (no key) stays null. */
  public static String requireValid(String key) {
    return key == null ? null : new RequestKey(key).value();
  }

  /** {@code key} checked; null (no key) stays null. */
  public static RequestKey ofNullable(String key) {
    return key == null ? null : new RequestKey(key);
  }

  /**
   * The key as stores keep it: a client's key belongs to that client, so two members may both send
   * "abc".
   */
  public String scopedTo(Caller caller) {
    return caller.scope() + "|" + value;
  }
}
