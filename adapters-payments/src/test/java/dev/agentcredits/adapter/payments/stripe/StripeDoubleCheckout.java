package dev.agentcredits.adapter.payments.stripe;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The double's Customers (create, retrieve, update with metadata) and Checkout Sessions in setup
 * mode (create, retrieve with the setup intent and its payment method expanded), as Stripe's API
 * reference shows them. A test "enters a card" on a session with {@link #complete}.
 */
final class StripeDoubleCheckout {
  private final Map<String, Map<String, String>> customers = new ConcurrentHashMap<>();
  private final Map<String, Map<String, String>> sessions = new ConcurrentHashMap<>();
  private final Map<String, String[]> cards;
  private final Map<String, String[]> kept;
  private final AtomicInteger ids = new AtomicInteger();

  StripeDoubleCheckout(Map<String, String[]> cards, Map<String, String[]> kept) {
    this.cards = cards;
    this.kept = kept;
  }

  /** A customer Stripe knows; {@code team} is its metadata's agent_credits_team_id, or null. */
  void addCustomer(String id, String team) {
    Map<String, String> customer = new LinkedHashMap<>();
    customer.put("id", id);
    if (team != null) {
      customer.put("metadata[agent_credits_team_id]", team);
    }
    customers.putIfAbsent(id, customer);
  }

  void deleteCustomer(String id) {
    customers.get(id).put("deleted", "true");
  }

  Map<String, String> metadata(String customer) {
    var found = customers.get(customer);
    return found == null ? Map.of() : metadataOf(found);
  }

  /** The card holder entered a card on the session's page: it is saved on its customer. */
  void complete(String sessionId, String paymentMethod, String brand, String last4) {
    Map<String, String> session = sessions.get(sessionId);
    cards.put(paymentMethod, new String[] {session.get("customer"), brand, last4});
    session.put("status", "complete");
    session.put("setup_status", "succeeded");
    session.put("payment_method", paymentMethod);
  }

  void expire(String sessionId) {
    sessions.get(sessionId).put("status", "expired");
  }

  Map<String, String> session(String sessionId) {
    return sessions.get(sessionId);
  }

  /** The answer to a customer or checkout request, or null when the request is neither. */
  String[] route(String method, String path, Map<String, String> form, String key) {
    if (method.equals("POST") && path.equals("/v1/customers")) {
      String id = "cus_Nd" + String.format("%08d", ids.incrementAndGet());
      Map<String, String> customer = new LinkedHashMap<>(form);
      customer.put("id", id);
      customers.put(id, customer);
      String[] answer = ok(customerJson(customer));
      if (key != null) {
        kept.putIfAbsent(method + path + key, answer);
      }
      return answer;
    }
    if (path.startsWith("/v1/customers/")) {
      String id = path.substring("/v1/customers/".length());
      var customer = customers.get(id);
      if (customer == null) {
        return StripeDouble.missingAnswer("customer", id);
      }
      if (method.equals("POST")) {
        customer.putAll(form);
      }
      return ok(customerJson(customer));
    }
    if (method.equals("POST") && path.equals("/v1/checkout/sessions")) {
      int n = ids.incrementAndGet();
      String id = "cs_test_a1" + String.format("%08d", n);
      Map<String, String> session = new LinkedHashMap<>(form);
      session.put("id", id);
      session.put("status", "open");
      session.put("setup_intent", "seti_1Mm8s8" + String.format("%08d", n));
      session.put("setup_status", "requires_payment_method");
      sessions.put(id, session);
      return ok(sessionJson(session, false));
    }
    if (method.equals("GET") && path.startsWith("/v1/checkout/sessions/")) {
      String id = path.substring("/v1/checkout/sessions/".length());
      var session = sessions.get(id);
      boolean expand = form.values().stream().anyMatch(v -> v.startsWith("setup_intent"));
      return session == null
          ? StripeDouble.missingAnswer("checkout.session", id)
          : ok(sessionJson(session, expand));
    }
    return null;
  }

  private static Map<String, String> metadataOf(Map<String, String> object) {
    return object.entrySet().stream()
        .filter(e -> e.getKey().startsWith("metadata[") && !e.getValue().isEmpty())
        .collect(
            Collectors.toMap(
                e -> e.getKey().substring("metadata[".length(), e.getKey().length() - 1),
                Map.Entry::getValue));
  }

  private static String metadataJson(Map<String, String> object) {
    return metadataOf(object).entrySet().stream()
        .map(e -> StripeDouble.quoteJson(e.getKey()) + ":" + StripeDouble.quoteJson(e.getValue()))
        .collect(Collectors.joining(",", "{", "}"));
  }

  private static String customerJson(Map<String, String> c) {
    if ("true".equals(c.get("deleted"))) {
      return "{\"id\":\"%s\",\"object\":\"customer\",\"deleted\":true}".formatted(c.get("id"));
    }
    return """
    {"id":"%s","object":"customer","address":null,"balance":0,"created":1680893993,\
    "currency":null,"default_source":null,"delinquent":false,"description":%s,"email":null,\
    "invoice_prefix":"0759376C","invoice_settings":{"custom_fields":null,\
    "default_payment_method":null,"footer":null,"rendering_options":null},"livemode":false,\
    "metadata":%s,"name":null,"next_invoice_sequence":1,"phone":null,\
    "preferred_locales":[],"shipping":null,"tax_exempt":"none","test_clock":null}\
    """
        .formatted(c.get("id"), StripeDouble.quoteJson(c.get("description")), metadataJson(c));
  }

  private String sessionJson(Map<String, String> s, boolean expand) {
    String intent = expand ? setupIntentJson(s) : StripeDouble.quoteJson(s.get("setup_intent"));
    return """
    {"id":"%s","object":"checkout.session","cancel_url":%s,"client_reference_id":null,\
    "created":1679600215,"currency":%s,"customer":%s,"livemode":false,"metadata":%s,\
    "mode":%s,"payment_intent":null,"payment_method_types":["card"],"payment_status":"no_payment_required",\
    "setup_intent":%s,"status":"%s","success_url":%s,\
    "url":"https://checkout.stripe.com/c/pay/%s#fidkdWxOYHwnPyd1blpxYHZxWjA0"}\
    """
        .formatted(
            s.get("id"),
            StripeDouble.quoteJson(s.get("cancel_url")),
            StripeDouble.quoteJson(s.get("currency")),
            StripeDouble.quoteJson(s.get("customer")),
            metadataJson(s),
            StripeDouble.quoteJson(s.get("mode")),
            intent,
            s.get("status"),
            StripeDouble.quoteJson(s.get("success_url")),
            s.get("id"));
  }

  private String setupIntentJson(Map<String, String> s) {
    String pm = s.get("payment_method");
    String method = pm == null ? "null" : StripeDouble.paymentMethodJson(pm, cards.get(pm));
    return """
    {"id":"%s","object":"setup_intent","customer":%s,"livemode":false,"metadata":{},\
    "payment_method":%s,"payment_method_types":["card"],"status":"%s","usage":"off_session"}\
    """
        .formatted(
            s.get("setup_intent"),
            StripeDouble.quoteJson(s.get("customer")),
            method,
            s.get("setup_status"));
  }

  private static String[] ok(String body) {
    return new String[] {"200", body};
  }
}
