package dev.agentcredits.adapter.wire;

import dev.agentcredits.application.port.in.view.PaymentMethodView;
import dev.agentcredits.application.port.in.view.PurchaseHistoryView;
import dev.agentcredits.application.port.in.view.PurchasePageView;
import dev.agentcredits.application.port.in.view.SetupSessionView;
import java.util.LinkedHashMap;
import java.util.Map;

/** The bodies of API.md "Payments": the team's card, purchase history, a refund. */
public final class PaymentBodies {
  private PaymentBodies() {}

  public static Map<String, Object> paymentMethod(PaymentMethodView method) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("stripe_customer_id", method.customerId());
    body.put("payment_method_id", method.paymentMethodId());
    if (method.card() != null) {
      body.put(
          "card",
          Bodies.ordered(
              "brand", method.card().brand(),
              "last4", method.card().last4(),
              "exp_month", method.card().expMonth(),
              "exp_year", method.card().expYear()));
    }
    return body;
  }

  public static Map<String, Object> setupSession(SetupSessionView session) {
    return Bodies.ordered("session_id", session.sessionId(), "url", session.url());
  }

  /** {@code next_cursor} is null on the last page. */
  public static Map<String, Object> purchases(PurchasePageView page) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("purchases", page.purchases().stream().map(PaymentBodies::purchase).toList());
    body.put("next_cursor", page.nextCursor());
    return body;
  }

  public static Map<String, Object> purchase(PurchaseHistoryView purchase) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("purchase_id", purchase.purchaseId());
    body.put("kind", purchase.kind());
    body.put("credits", purchase.credits());
    body.put("price_cents", purchase.priceCents());
    body.put("state", purchase.state());
    body.put("created_at", Bodies.time(purchase.createdAt()));
    if (purchase.expiresAt() != null) {
      body.put("expires_at", Bodies.time(purchase.expiresAt()));
    }
    if (purchase.creditsRemaining() != null) {
      body.put("credits_remaining", purchase.creditsRemaining());
    }
    if (purchase.refundedAt() != null) {
      body.put("refunded_at", Bodies.time(purchase.refundedAt()));
    }
    return body;
  }

  public static Map<String, Object> refund(PurchaseHistoryView purchase) {
    return Bodies.ordered("purchase_id", purchase.purchaseId(), "state", purchase.state());
  }
}
