package dev.agentcredits.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A client of one service over real HTTP/1.1. Every answer is checked against the OpenAPI document
 * ({@link Contract}); what does not fit is collected in {@link #violations()} rather than thrown,
 * since most calls come from load threads. No answer at all (connection refused or broken) is an
 * {@link Answer} with status 0, never an exception.
 */
final class Http {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(2))
          .build();

  private final String base;
  private final Duration timeout;
  private final Queue<String> violations = new ConcurrentLinkedQueue<>();
  private final AtomicLong sent = new AtomicLong();

  Http(int port) {
    this(port, Duration.ofSeconds(30));
  }

  Http(int port, Duration timeout) {
    this.base = "http://127.0.0.1:" + port;
    this.timeout = timeout;
  }

  Answer get(String path, String key) {
    return send("GET", path, key, Map.of(), null);
  }

  Answer post(String path, String key, String json) {
    return send("POST", path, key, Map.of(), json);
  }

  Answer post(String path, String key, String json, String idempotencyKey) {
    return send("POST", path, key, Map.of("Idempotency-Key", idempotencyKey), json);
  }

  Answer put(String path, String key, String json) {
    return send("PUT", path, key, Map.of(), json);
  }

  Answer put(String path, String key, String json, String idempotencyKey) {
    return send("PUT", path, key, Map.of("Idempotency-Key", idempotencyKey), json);
  }

  Answer delete(String path, String key) {
    return send("DELETE", path, key, Map.of(), null);
  }

  /** JSON bodies are sent as {@code application/json}; a null body sends none. */
  Answer send(String method, String path, String key, Map<String, String> headers, String json) {
    Map<String, String> all = new LinkedHashMap<>(headers);
    if (json != null) {
      all.putIfAbsent("Content-Type", "application/json");
    }
    return raw(method, path, key, all, json == null ? null : json.getBytes(StandardCharsets.UTF_8));
  }

  /** Any method, headers and bytes; the answer is checked like any other. */
  Answer raw(String method, String path, String key, Map<String, String> headers, byte[] body) {
    String request = method + " " + path;
    long start = System.nanoTime();
    sent.incrementAndGet();
    Answer answer;
    try {
      var builder =
          HttpRequest.newBuilder(URI.create(base + path))
              .timeout(timeout)
              .method(
                  method,
                  body == null
                      ? HttpRequest.BodyPublishers.noBody()
                      : HttpRequest.BodyPublishers.ofByteArray(body));
      if (key != null) {
        builder.header("Authorization", "Bearer " + key);
      }
      headers.forEach(builder::header);
      HttpResponse<String> response = CLIENT.send(builder.build(), BodyHandler.UTF8);
      answer =
          new Answer(
              request,
              response.statusCode(),
              response.headers(),
              response.body(),
              start,
              System.nanoTime() - start);
    } catch (IOException e) {
      return Answer.none(request, e, start);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Answer.none(request, e, start);
    }
    for (String violation : Contract.violations(method, path, answer)) {
      violations.add(violation);
    }
    return answer;
  }

  /** Answers that are server errors or that the OpenAPI document does not allow. */
  List<String> violations() {
    return List.copyOf(violations);
  }

  long sent() {
    return sent.get();
  }

  private static final class BodyHandler {
    static final HttpResponse.BodyHandler<String> UTF8 =
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
  }
}
