package dev.agentcredits.bootstrap;

import dev.agentcredits.adapter.payments.SimulatedPaymentGateway;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The payment gateway. */
@Configuration(proxyBeanMethods = false)
class PaymentsConfig {

  /** No real gateway exists yet: payments are simulated, and operators can make them decline. */
  @Bean
  SimulatedPaymentGateway paymentGateway() {
    return new SimulatedPaymentGateway();
  }
}
