package dev.agentcredits.domain.webhook;

import java.util.Base64;
import java.util.Objects;

/**
 * An endpoint's signing secret in the Standard Webhooks form: {@code whsec_} and the base64 of at
 * least 24 random bytes, the HMAC key. Shown to its owner once; {@link #toString} hides it.
 */
public record WebhookSecret(String value) {
  public static final String PREFIX = "whsec_";
  public static final int MIN_KEY_BYTES = 24;

  public WebhookSecret {
    Objects.requireNonNull(value, "secret");
    if (!value.startsWith(PREFIX) || decode(value).length < MIN_KEY_BYTES) {
      throw new IllegalArgumentException(
          "a webhook secret is " + PREFIX + " and the base64 of " + MIN_KEY_BYTES + "+ bytes");
    }
  }

  public static WebhookSecret of(byte[] key) {
    return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(key));
  }

  /** The HMAC key: the bytes the part after {@code whsec_} encodes. */
  public byte[] key() {
    return decode(value);
  }

  private static byte[] decode(String value) {
    try {
      return Base64.getDecoder().decode(value.substring(PREFIX.length()));
    } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
      return new byte[0];
    }
  }

  @Override
  public String toString() {
    return PREFIX + "…";
  }
}
