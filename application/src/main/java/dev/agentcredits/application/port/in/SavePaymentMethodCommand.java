package dev.agentcredits.application.port.in;

import dev.agentcredits.domain.purchase.PaymentMethod;
import dev.agentcredits.domain.shared.TeamId;
import java.util.Objects;

public record SavePaymentMethodCommand(Caller caller, TeamId team, PaymentMethod method) {
  public SavePaymentMethodCommand {
    Objects.requireNonNull(caller, "caller");
    Objects.requireNonNull(team, "team_id is required");
    Objects.requireNonNull(method, "stripe_customer_id and payment_method_id are required");
  }

  public SavePaymentMethodCommand(
      Caller caller, TeamId team, String customerId, String paymentMethodId) {
    this(caller, team, new PaymentMethod(customerId, paymentMethodId, null));
  }
}
