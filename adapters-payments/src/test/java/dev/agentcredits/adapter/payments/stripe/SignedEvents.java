package dev.agentcredits.adapter.payments.stripe;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Webhook events as Stripe sends them: an Event object around a resource, and its {@code
 * Stripe-Signature} header ({@code t=<unix seconds>,v1=<HMAC-SHA256 of "t.body" with the secret>}).
 */
public final class SignedEvents {
  public record Signed(String payload, String signature) {}

  private SignedEvents() {}

  public static String event(String id, String type, String object) {
    return """
    {"id":"%s","object":"event","api_version":"2025-03-31.basil","created":1680064028,\
    "data":{"object":%s},"livemode":false,"pending_webhooks":1,\
    "request":{"id":null,"idempotency_key":null},"type":"%s"}\
    """
        .formatted(id, object, type);
  }

  public static String charge(String intentId, boolean refunded) {
    return """
    {"id":"ch_3MtwBwLkdIwHu7ix28a3tqPa","object":"charge","amount":1000,\
    "amount_refunded":%s,"captured":true,"currency":"usd","metadata":{},"paid":true,\
    "payment_intent":"%s","refunded":%s,"status":"succeeded"}\
    """
        .formatted(refunded ? "1000" : "0", intentId, refunded);
  }

  public static String dispute(String intentId) {
    return """
    {"id":"du_1MtJUT2eZvKYlo2CNaw2HvEv","object":"dispute","amount":1000,\
    "charge":"ch_3MtwBwLkdIwHu7ix28a3tqPa","created":1680651737,"currency":"usd",\
    "is_charge_refundable":true,"livemode":false,"metadata":{},"payment_intent":"%s",\
    "reason":"fraudulent","status":"warning_needs_response"}\
    """
        .formatted(intentId);
  }

  public static Signed sign(String payload, String secret, Instant at) {
    long t = at.getEpochSecond();
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      String v1 =
          HexFormat.of()
              .formatHex(mac.doFinal((t + "." + payload).getBytes(StandardCharsets.UTF_8)));
      return new Signed(payload, "t=" + t + ",v1=" + v1);
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
