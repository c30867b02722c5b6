package dev.agentcredits.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PaymentSettingsTest {
  private static final String KEY = "sk_test_4eC39HqLyjWDarjtT1zdp7dc";

  @Test
  void payments_are_simulated_unless_stripe_is_chosen() {
    assertThat(Settings.parse(Map.of(), List.of()).payments()).isEqualTo(PaymentSettings.SIMULATED);
  }

  @Test
  void stripe_reads_its_key_webhook_secret_and_api_base_from_the_environment_or_flags() {
    Settings s =
        Settings.parse(
            Map.of(
                "AGENT_CREDITS_PAYMENTS", "stripe",
                "AGENT_CREDITS_STRIPE_SECRET_KEY", KEY,
                "AGENT_CREDITS_STRIPE_WEBHOOK_SECRET", "whsec_abc"),
            List.of("--stripe-api-base=http://127.0.0.1:12111"));

    assertThat(s.payments())
        .isEqualTo(PaymentSettings.stripe(KEY, "whsec_abc", "http://127.0.0.1:12111"));
  }

  @Test
  void stripe_without_a_secret_key_is_an_error_at_start() {
    assertThatThrownBy(() -> Settings.parse(Map.of("AGENT_CREDITS_PAYMENTS", "stripe"), List.of()))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("AGENT_CREDITS_STRIPE_SECRET_KEY");
  }

  @Test
  void says_which_payment_setting_is_wrong() {
    assertThatThrownBy(() -> Settings.parse(Map.of("AGENT_CREDITS_PAYMENTS", "paypal"), List.of()))
        .hasMessageContaining("AGENT_CREDITS_PAYMENTS must be one of [simulated, stripe]");
    assertThatThrownBy(() ->
            Settings.parse(
                Map.of(
                    "AGENT_CREDITS_PAYMENTS", "stripe",
                    "AGENT_CREDITS_STRIPE_SECRET_KEY", "pk_test_publishable"),
                List.of()))
        .hasMessageContaining("must be a Stripe secret key");
  }

  @Test
  void never_shows_the_stripe_secrets() {
    Settings s =
        Settings.parse(
            Map.of(
                "AGENT_CREDITS_PAYMENTS", "stripe",
                "AGENT_CREDITS_STRIPE_SECRET_KEY", KEY,
                "AGENT_CREDITS_STRIPE_WEBHOOK_SECRET", "whsec_abc"),
            List.of());

    assertThat(s.toString()).contains("payments=stripe").doesNotContain(KEY, "whsec_abc");
    assertThat(s.payments().toString()).doesNotContain(KEY, "whsec_abc");
  }
}
