package dev.agentcredits.bootstrap;

import dev.agentcredits.adapter.payments.SimulatedCardSetup;
import dev.agentcredits.adapter.payments.SimulatedPaymentGateway;
import dev.agentcredits.adapter.payments.SimulatedWebhooks;
import dev.agentcredits.adapter.payments.stripe.StripeCardSetup;
import dev.agentcredits.adapter.payments.stripe.StripePaymentGateway;
import dev.agentcredits.adapter.payments.stripe.StripeSettings;
import dev.agentcredits.adapter.payments.stripe.StripeWebhooks;
import dev.agentcredits.application.port.out.CardSetup;
import dev.agentcredits.application.port.out.PaymentEvents;
import dev.agentcredits.application.port.out.PaymentGateway;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The payment gateway AGENT_CREDITS_PAYMENTS names, and where its webhooks are read. */
@Configuration(proxyBeanMethods = false)
class PaymentsConfig {

  /** Simulated (operators can make it decline), or Stripe with the team's saved card. */
  @Bean
  PaymentGateway paymentGateway(Settings settings, Clock clock) {
    PaymentSettings payments = settings.payments();
    return switch (payments.gateway()) {
      case SIMULATED -> new SimulatedPaymentGateway();
      case STRIPE ->
          new StripePaymentGateway(
              StripeSettings.of(
                  payments.stripeSecretKey().orElseThrow(),
                  payments.stripeWebhookSecret().orElse(null),
                  payments.stripeApiBase().orElse(null)),
              clock);
    };
  }

  /** The team's customers and the card setup page: Stripe Checkout, or simulated. */
  @Bean
  CardSetup cardSetup(Settings settings, Clock clock) {
    PaymentSettings payments = settings.payments();
    return switch (payments.gateway()) {
      case SIMULATED -> new SimulatedCardSetup(clock);
      case STRIPE ->
          new StripeCardSetup(
              StripeSettings.of(
                  payments.stripeSecretKey().orElseThrow(),
                  payments.stripeWebhookSecret().orElse(null),
                  payments.stripeApiBase().orElse(null)));
    };
  }

  /** Stripe's signed webhooks; with the simulated gateway every webhook is refused. */
  @Bean
  PaymentEvents paymentEvents(Settings settings, Clock clock) {
    return switch (settings.payments().gateway()) {
      case SIMULATED -> new SimulatedWebhooks();
      case STRIPE ->
          new StripeWebhooks(settings.payments().stripeWebhookSecret().orElse(null), clock);
    };
  }
}
