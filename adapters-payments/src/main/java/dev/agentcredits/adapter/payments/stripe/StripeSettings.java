package dev.agentcredits.adapter.payments.stripe;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach Stripe: the secret key, the webhook endpoint's signing secret, the API base (null:
 * Stripe's own), the client's timeouts, and how often stripe-java itself retries a request that got
 * no answer. Its retries carry the purchase's idempotency key, so they never charge twice.
 */
public record StripeSettings(
    String secretKey,
    String webhookSecret,
    String apiBase,
    Duration connectTimeout,
    Duration readTimeout,
    int maxNetworkRetries) {

  public StripeSettings {
    if (secretKey == null || secretKey.isBlank()) {
      throw new IllegalArgumentException(
          "a Stripe secret key (sk_live_… or sk_test_…) is required");
    }
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(readTimeout, "readTimeout");
    if (maxNetworkRetries < 0) {
      throw new IllegalArgumentException("maxNetworkRetries must not be negative");
    }
  }

  /** Production defaults: 10 s to connect, 30 s for an answer, two retries by the library. */
  public static StripeSettings of(String secretKey, String webhookSecret, String apiBase) {
    return new StripeSettings(
        secretKey, webhookSecret, apiBase, Duration.ofSeconds(10), Duration.ofSeconds(30), 2);
  }
}
