package dev.agentcredits.adapter.webhooks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver on 127.0.0.1 (the JDK's HTTP server) for tests: it answers the statuses it is
 * told to, in order, then 200; keeps every request; and checks each signature as the Standard
 * Webhooks specification says, with an HMAC of its own rather than the sender's library.
 */
public final class WebhookReceiver implements AutoCloseable {
  /** One request as it arrived, and whether its signature verified under the secret then set. */
  public record Received(
      String id,
      String timestamp,
      String signature,
      String contentType,
      String body,
      boolean signatureValid,
      int answered) {}

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Deque<Integer> answers = new ArrayDeque<>();
  private volatile String secret;
  private volatile Duration delay = Duration.ZERO;

  private WebhookReceiver(HttpServer server) {
    this.server = server;
  }

  public static WebhookReceiver start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      WebhookReceiver receiver = new WebhookReceiver(server);
      server.createContext("/", receiver::handle);
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.start();
      return receiver;
    } catch (IOException e) {
      throw new IllegalStateException("cannot start a webhook receiver", e);
    }
  }

  /** {@code http://127.0.0.1:<port><path>}. */
  public String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The endpoint's secret ({@code whsec_…}) signatures are checked with from now on. */
  public void secret(String whsec) {
    this.secret = whsec;
  }

  /** The next answers, in order; afterwards 200. */
  public synchronized void answer(int... statuses) {
    for (int status : statuses) {
      answers.add(status);
    }
  }

  /** How long each request waits before it is answered. */
  public void delay(Duration by) {
    this.delay = by;
  }

  public List<Received> received() {
    return List.copyOf(received);
  }

  /**
   * Waits (at most {@code timeout}) until {@code count} requests have arrived; then all of them.
   */
  public List<Received> await(int count, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (received.size() < count && System.nanoTime() < deadline) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return received();
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    var headers = exchange.getRequestHeaders();
    String id = headers.getFirst("webhook-id");
    String timestamp = headers.getFirst("webhook-timestamp");
    String signature = headers.getFirst("webhook-signature");
    int status = nextAnswer();
    received.add(
        new Received(
            id,
            timestamp,
            signature,
            headers.getFirst("Content-Type"),
            body,
            verifies(secret, id, timestamp, body, signature),
            status));
    pause();
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  private synchronized int nextAnswer() {
    Integer next = answers.poll();
    return next == null ? 200 : next;
  }

  private void pause() {
    try {
      Thread.sleep(delay);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * The specification's check: one of the space-separated {@code v1,<base64>} signatures is the
   * HMAC-SHA256 of {@code id.timestamp.body}, keyed with the base64-decoded part after {@code
   * whsec_}.
   */
  public static boolean verifies(
      String whsec, String id, String timestamp, String body, String signatures) {
    if (whsec == null || id == null || timestamp == null || signatures == null) {
      return false;
    }
    byte[] expected;
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      byte[] key = Base64.getDecoder().decode(whsec.substring("whsec_".length()));
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      String signed = id + "." + timestamp + "." + body;
      expected = mac.doFinal(signed.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return false;
    }
    for (String versioned : signatures.split(" ")) {
      if (versioned.startsWith("v1,")) {
        byte[] given;
        try {
          given = Base64.getDecoder().decode(versioned.substring(3));
        } catch (IllegalArgumentException e) {
          continue;
        }
        if (MessageDigest.isEqual(expected, given)) {
          return true;
        }
      }
    }
    return false;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
