package dev.agentcredits.adapter.webhooks;

import dev.agentcredits.application.port.out.WebhookMessage;
import dev.agentcredits.application.port.out.WebhookSender;
import dev.agentcredits.domain.webhook.AttemptResult;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Posts deliveries with the JDK's HTTP client (API.md): the CloudEvent text as {@code
 * application/cloudevents+json}, signed; a 2xx within the time-out (10 s) is delivered, anything
 * else has failed. Redirects are not followed (a 3xx has failed): following one would call a
 * destination the policy never checked.
 */
public final class HttpWebhookSender implements WebhookSender {
  public static final Duration TIMEOUT = Duration.ofSeconds(10);
  static final String CONTENT_TYPE = "application/cloudevents+json";
  static final String USER_AGENT = "agent-credits-webhooks/1";

  private final HttpClient client;
  private final Duration timeout;

  public HttpWebhookSender() {
    this(TIMEOUT);
  }

  /** With another time-out, for tests. */
  public HttpWebhookSender(Duration timeout) {
    this.timeout = timeout;
    this.client =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(timeout)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  @Override
  public AttemptResult send(WebhookMessage message) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(message.url().uri())
            .timeout(timeout)
            .header("Content-Type", CONTENT_TYPE)
            .header("User-Agent", USER_AGENT)
            .POST(HttpRequest.BodyPublishers.ofString(message.body(), StandardCharsets.UTF_8));
    StandardWebhookHeaders.of(message).forEach(request::header);
    // The request time-out ends at the answer's headers; this bounds the whole exchange.
    CompletableFuture<HttpResponse<Void>> exchange =
        client.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding());
    try {
      return AttemptResult.answered(
          exchange.get(timeout.toMillis(), TimeUnit.MILLISECONDS).statusCode());
    } catch (TimeoutException e) {
      exchange.cancel(true);
      return noAnswer();
    } catch (ExecutionException e) {
      return failure(e.getCause());
    } catch (InterruptedException e) {
      exchange.cancel(true);
      Thread.currentThread().interrupt();
      return AttemptResult.failed("interrupted while sending");
    }
  }

  private AttemptResult noAnswer() {
    long millis = timeout.toMillis();
    String limit = millis % 1_000 == 0 ? millis / 1_000 + " s" : millis + " ms";
    return AttemptResult.failed("no answer within " + limit);
  }

  private AttemptResult failure(Throwable cause) {
    return switch (cause) {
      case HttpTimeoutException timedOut -> noAnswer();
      case ConnectException refused -> AttemptResult.failed("could not connect: " + text(cause));
      case SSLException tls -> AttemptResult.failed("TLS failed: " + text(cause));
      case IOException io -> AttemptResult.failed("the connection failed: " + text(cause));
      default -> AttemptResult.failed("could not send: " + text(cause));
    };
  }

  private static String text(Throwable cause) {
    return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
  }
}
