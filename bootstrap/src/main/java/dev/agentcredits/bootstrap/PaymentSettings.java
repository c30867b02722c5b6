package dev.agentcredits.bootstrap;

import java.util.Optional;

/**
 * Which payment gateway takes the money (API.md "Payments"): the simulated one, or Stripe with its
 * secret key, the webhook endpoint's signing secret and, for a proxy or a test double, its API
 * base.
 */
public record PaymentSettings(
    Gateway gateway,
    Optional<String> stripeSecretKey,
    Optional<String> stripeWebhookSecret,
    Optional<String> stripeApiBase) {

  public enum Gateway {
    SIMULATED,
    STRIPE
  }

  public static final PaymentSettings SIMULATED =
      new PaymentSettings(Gateway.SIMULATED, Optional.empty(), Optional.empty(), Optional.empty());

  public PaymentSettings {
    if (gateway == Gateway.STRIPE && stripeSecretKey.isEmpty()) {
      throw new SettingsException(
          "AGENT_CREDITS_PAYMENTS=stripe needs AGENT_CREDITS_STRIPE_SECRET_KEY (sk_test_… or"
              + " sk_live_…)");
    }
    stripeSecretKey.ifPresent(key -> {
      if (!key.matches("(sk|rk)_(test|live)_[A-Za-z0-9]+")) {
        throw new SettingsException(
            "AGENT_CREDITS_STRIPE_SECRET_KEY must be a Stripe secret key (sk_test_… or sk_live_…)");
      }
    });
    stripeApiBase.ifPresent(base -> {
      if (!base.startsWith("https://") && !base.startsWith("http://")) {
        throw new SettingsException("AGENT_CREDITS_STRIPE_API_BASE must be an http(s) URL");
      }
    });
  }

  public static PaymentSettings stripe(String secretKey, String webhookSecret, String apiBase) {
    return new PaymentSettings(
        Gateway.STRIPE,
        Optional.of(secretKey),
        Optional.ofNullable(webhookSecret),
        Optional.ofNullable(apiBase));
  }

  /** The secrets are never shown. */
  @Override
  public String toString() {
    return "payments=" + gateway.name().toLowerCase(java.util.Locale.ROOT);
  }
}
