package dev.agentcredits.adapter.payments.stripe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local stand-in for Stripe's API on loopback, answering with the JSON objects of Stripe's API
 * reference: PaymentIntents (create, retrieve, search), Refunds and PaymentMethods. Like Stripe it
 * keeps the first answer under each {@code Idempotency-Key} and gives it again. Tests script how
 * the next PaymentIntent creations go, and read what was asked.
 */
public final class StripeDouble implements AutoCloseable {
  /** How the next PaymentIntent creation goes. */
  public sealed interface Next {
    record Succeed() implements Next {}

    record Process() implements Next {}

    /** A card error: HTTP 402 {@code card_error} with the PaymentIntent left unpaid. */
    record Decline(String code, String declineCode, String message) implements Next {}

    /** HTTP 500 before the request ran: nothing is created or kept under the key. */
    record ServerError() implements Next {}

    /**
     * The PaymentIntent is created and succeeds, but the answer comes only after {@code millis}.
     */
    record SlowAnswer(long millis) implements Next {}
  }

  /** One request as it arrived. */
  public record Request(
      String method, String path, String idempotencyKey, Map<String, String> form) {}

  private final HttpServer server;
  private final Deque<Next> script = new ConcurrentLinkedDeque<>();
  private final Map<String, String[]> kept = new ConcurrentHashMap<>();
  private final Map<String, Map<String, String>> intents = new ConcurrentHashMap<>();
  private final Map<String, String[]> cards = new ConcurrentHashMap<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger ids = new AtomicInteger();
  private final AtomicInteger created = new AtomicInteger();
  private final StripeDoubleCheckout checkout = new StripeDoubleCheckout(cards, kept);

  public StripeDouble() {
    try {
      server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  public String apiBase() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public void next(Next... how) {
    script.addAll(List.of(how));
  }

  /** A card Stripe knows, attached to {@code customer} (known too, naming no team if new). */
  public void addCard(String paymentMethod, String customer, String brand, String last4) {
    cards.put(paymentMethod, new String[] {customer, brand, last4});
    checkout.addCustomer(customer, null);
  }

  /** A customer Stripe knows; {@code team} is its metadata's agent_credits_team_id, or null. */
  public void addCustomer(String customer, String team) {
    checkout.addCustomer(customer, team);
  }

  public void deleteCustomer(String customer) {
    checkout.deleteCustomer(customer);
  }

  /** The customer's metadata as Stripe keeps it now. */
  public Map<String, String> customerMetadata(String customer) {
    return checkout.metadata(customer);
  }

  /** The card holder entered a card on a setup session's page: Stripe saved it on its customer. */
  public void completeSetupSession(
      String sessionId, String paymentMethod, String brand, String last4) {
    checkout.complete(sessionId, paymentMethod, brand, last4);
  }

  public void expireSetupSession(String sessionId) {
    checkout.expire(sessionId);
  }

  /** A checkout session's fields as created (form names) and its state. */
  public Map<String, String> checkoutSession(String sessionId) {
    return checkout.session(sessionId);
  }

  /** PaymentIntents created (an answer given again under its key creates none). */
  public int createdIntents() {
    return created.get();
  }

  public List<Request> requests(String method, String path) {
    return requests.stream()
        .filter(r -> r.method().equals(method) && r.path().equals(path))
        .toList();
  }

  /** A processing PaymentIntent ends: its status becomes {@code succeeded} or not. */
  public String finishProcessing(String intentId, boolean succeeded) {
    Map<String, String> intent = intents.get(intentId);
    intent.put("status", succeeded ? "succeeded" : "requires_payment_method");
    if (!succeeded) {
      intent.put("error", "card_declined");
    }
    return intentJson(intent);
  }

  /** The JSON of a PaymentIntent as Stripe shows it now. */
  public String intent(String intentId) {
    return intentJson(intents.get(intentId));
  }

  /** The one PaymentIntent made for a purchase, by its metadata. */
  public String intentIdOf(String purchaseId) {
    return intents.values().stream()
        .filter(i -> purchaseId.equals(i.get("metadata[purchase_id]")))
        .map(i -> i.get("id"))
        .findFirst()
        .orElseThrow();
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String method = ex.getRequestMethod();
      String path = ex.getRequestURI().getPath();
      String key = ex.getRequestHeaders().getFirst("Idempotency-Key");
      Map<String, String> form =
          parse(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      if (ex.getRequestURI().getRawQuery() != null) {
        form.putAll(parse(ex.getRequestURI().getRawQuery()));
      }
      requests.add(new Request(method, path, key, form));
      String[] answer;
      if (method.equals("POST") && key != null && kept.containsKey(method + path + key)) {
        answer = kept.get(method + path + key);
        ex.getResponseHeaders().add("Idempotent-Replayed", "true");
      } else {
        answer = route(method, path, form, key);
      }
      byte[] body = answer[1].getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().add("Content-Type", "application/json");
      ex.getResponseHeaders().add("Request-Id", "req_" + ids.incrementAndGet());
      if (answer.length > 2) {
        sleep(Long.parseLong(answer[2]));
      }
      ex.sendResponseHeaders(Integer.parseInt(answer[0]), body.length);
      ex.getResponseBody().write(body);
    } catch (IOException e) {
      // the client gave up waiting (a timeout test): nothing to answer
    }
  }

  private String[] route(String method, String path, Map<String, String> form, String key) {
    if (method.equals("POST") && path.equals("/v1/payment_intents")) {
      return createIntent(form, key);
    }
    if (method.equals("GET") && path.equals("/v1/payment_intents/search")) {
      String purchase = form.getOrDefault("query", "").replaceAll(".*:'([^']*)'.*", "$1");
      String data =
          String.join(
              ",",
              intents.values().stream()
                  .filter(i -> purchase.equals(i.get("metadata[purchase_id]")))
                  .map(StripeDouble::intentJson)
                  .toList());
      return ok(
          "{\"object\":\"search_result\",\"data\":["
              + data
              + "],\"has_more\":false,"
              + "\"next_page\":null,\"url\":\"/v1/payment_intents/search\"}");
    }
    if (method.equals("GET") && path.startsWith("/v1/payment_intents/")) {
      var intent = intents.get(path.substring("/v1/payment_intents/".length()));
      return intent == null ? missing("payment_intent", path) : ok(intentJson(intent));
    }
    if (method.equals("POST") && path.equals("/v1/refunds")) {
      var intent = intents.get(form.get("payment_intent"));
      String[] answer =
          intent == null
              ? missing("payment_intent", form.get("payment_intent"))
              : ok(refundJson(intent, form.get("metadata[purchase_id]")));
      keep(method + path + key, answer);
      return answer;
    }
    String[] checkoutAnswer = checkout.route(method, path, form, key);
    if (checkoutAnswer != null) {
      return checkoutAnswer;
    }
    if (method.equals("GET") && path.startsWith("/v1/payment_methods/")) {
      String id = path.substring("/v1/payment_methods/".length());
      String[] card = cards.get(id);
      return card == null ? missing("payment_method", id) : ok(paymentMethodJson(id, card));
    }
    return new String[] {
      "404",
      error(
          "invalid_request_error",
          "resource_missing",
          null,
          "Unrecognized request URL (" + method + ": " + path + ")",
          null)
    };
  }

  private String[] createIntent(Map<String, String> form, String key) {
    Next how = script.poll();
    if (how == null) {
      how = new Next.Succeed();
    }
    if (how instanceof Next.ServerError) {
      return new String[] {
        "500", error("api_error", null, null, "An unknown error occurred", null)
      };
    }
    created.incrementAndGet();
    Map<String, String> intent = new LinkedHashMap<>(form);
    String id = "pi_3MtwBwLkdIwHu7ix" + String.format("%010d", ids.incrementAndGet());
    intent.put("id", id);
    String[] answer =
        switch (how) {
          case Next.Succeed s -> {
            intent.put("status", "succeeded");
            yield ok(intentJson(intent));
          }
          case Next.SlowAnswer slow -> {
            intent.put("status", "succeeded");
            yield new String[] {"200", intentJson(intent), Long.toString(slow.millis())};
          }
          case Next.Process p -> {
            intent.put("status", "processing");
            yield ok(intentJson(intent));
          }
          case Next.Decline d -> {
            intent.put("status", "requires_payment_method");
            intent.put("error", d.code());
            intent.put("decline_code", d.declineCode());
            intent.put("message", d.message());
            yield new String[] {
              "402", error("card_error", d.code(), d.declineCode(), d.message(), intentJson(intent))
            };
          }
          case Next.ServerError e -> throw new IllegalStateException();
        };
    intents.put(id, intent);
    keep("POST/v1/payment_intents" + key, new String[] {answer[0], answer[1]});
    return answer;
  }

  private void keep(String key, String[] answer) {
    if (key != null) {
      kept.putIfAbsent(key, answer);
    }
  }

  static String intentJson(Map<String, String> i) {
    String status = i.get("status");
    String error =
        i.get("error") == null
            ? "null"
            : "{\"code\":\"%s\",\"decline_code\":%s,\"doc_url\":\"https://stripe.com/docs/error-codes/%s\",\"message\":%s,\"type\":\"card_error\"}"
                .formatted(
                    i.get("error"),
                    quote(i.get("decline_code")),
                    i.get("error").replace('_', '-'),
                    quote(i.get("message")));
    String amount = i.getOrDefault("amount", "0");
    return """
    {"id":"%s","object":"payment_intent","amount":%s,"amount_capturable":0,"amount_received":%s,\
    "capture_method":"automatic","client_secret":"%s_secret_vmxAcWZxo2kt1XhupWsBgBGiN",\
    "confirmation_method":"automatic","created":1680800504,"currency":"%s","customer":%s,\
    "description":%s,"last_payment_error":%s,"latest_charge":"ch_3MtwBwLkdIwHu7ix28a3tqPa",\
    "livemode":false,"metadata":{"purchase_id":%s,"team_id":%s,"pool":%s},"next_action":null,\
    "payment_method":%s,"payment_method_types":["card"],"status":"%s"}\
    """
        .formatted(
            i.get("id"),
            amount,
            status.equals("succeeded") ? amount : "0",
            i.get("id"),
            i.getOrDefault("currency", "usd"),
            quote(i.get("customer")),
            quote(i.get("description")),
            error,
            quote(i.get("metadata[purchase_id]")),
            quote(i.get("metadata[team_id]")),
            quote(i.get("metadata[pool]")),
            quote(i.get("payment_method")),
            status);
  }

  private static String refundJson(Map<String, String> intent, String purchase) {
    return """
    {"id":"re_1Nispe2eZvKYlo2Cd31jOCgZ","object":"refund","amount":%s,\
    "charge":"ch_3MtwBwLkdIwHu7ix28a3tqPa","created":1692942318,"currency":"usd",\
    "metadata":{"purchase_id":%s},"payment_intent":"%s","reason":null,"receipt_number":null,\
    "source_transfer_reversal":null,"status":"succeeded","transfer_reversal":null}\
    """
        .formatted(intent.getOrDefault("amount", "0"), quote(purchase), intent.get("id"));
  }

  static String paymentMethodJson(String id, String[] card) {
    return """
    {"id":"%s","object":"payment_method","billing_details":{"address":{"city":null,\
    "country":null,"line1":null,"line2":null,"postal_code":null,"state":null},"email":null,\
    "name":null,"phone":null},"card":{"brand":"%s","checks":{"address_line1_check":null,\
    "address_postal_code_check":null,"cvc_check":"pass"},"country":"US","exp_month":8,\
    "exp_year":2031,"fingerprint":"Xt5EWLLDS7FJjR1c","funding":"credit","last4":"%s",\
    "networks":{"available":["visa"],"preferred":null},"wallet":null},"created":1679945299,\
    "customer":"%s","livemode":false,"metadata":{},"type":"card"}\
    """
        .formatted(id, card[1], card[2], card[0]);
  }

  private static String[] ok(String body) {
    return new String[] {"200", body};
  }

  static String[] missingAnswer(String what, String id) {
    return missing(what, id);
  }

  static String quoteJson(String value) {
    return quote(value);
  }

  private static String[] missing(String what, String id) {
    return new String[] {
      "404",
      error(
          "invalid_request_error",
          "resource_missing",
          null,
          "No such " + what + ": '" + id + "'",
          null)
    };
  }

  private static String error(
      String type, String code, String declineCode, String message, String intent) {
    return "{\"error\":{\"code\":%s,\"decline_code\":%s,\"doc_url\":\"https://stripe.com/docs/error-codes\",\"message\":%s,\"payment_intent\":%s,\"request_log_url\":\"https://dashboard.stripe.com/test/logs/req_1\",\"type\":\"%s\"}}"
        .formatted(
            quote(code),
            quote(declineCode),
            quote(message),
            intent == null ? "null" : intent,
            type);
  }

  private static String quote(String value) {
    return value == null ? "null" : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static Map<String, String> parse(String form) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String pair : form.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name =
          URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      values.put(name, value);
    }
    return values;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }

  /** For tests that inspect all requests. */
  public List<Request> allRequests() {
    return new ArrayList<>(requests);
  }
}
