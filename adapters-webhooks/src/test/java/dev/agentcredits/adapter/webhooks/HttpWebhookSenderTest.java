package dev.agentcredits.adapter.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.standardwebhooks.Webhook;
import dev.agentcredits.application.port.out.WebhookMessage;
import dev.agentcredits.domain.webhook.AttemptResult;
import dev.agentcredits.domain.webhook.WebhookSecret;
import dev.agentcredits.domain.webhook.WebhookUrl;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real HTTP to a receiver on 127.0.0.1 that checks what it gets. */
class HttpWebhookSenderTest {
  private static final String BODY =
      "{\"specversion\":\"1.0\",\"id\":\"evt-1\",\"type\":\"dev.agentcredits.run.accepted\","
          + "\"data\":{\"note\":\"é ✓\"}}";

  private final WebhookReceiver receiver = WebhookReceiver.start();
  private final WebhookSecret secret = WebhookSecret.of("0123456789abcdef01234567".getBytes());
  private final HttpWebhookSender sender = new HttpWebhookSender(Duration.ofMillis(800));

  @AfterEach
  void stop() {
    receiver.close();
  }

  private WebhookMessage message(String path) {
    return new WebhookMessage(
        WebhookUrl.parse(receiver.url(path)), "evt-1", Instant.now(), BODY, secret);
  }

  @Test
  void aDeliveryIsTheCloudEventSignedAsTheSpecificationSays() throws Exception {
    receiver.secret(secret.value());

    AttemptResult result = sender.send(message("/hooks"));

    assertThat(result).isEqualTo(new AttemptResult.Delivered(200));
    var got = receiver.received().getFirst();
    assertThat(got.body()).isEqualTo(BODY);
    assertThat(got.contentType()).isEqualTo("application/cloudevents+json");
    assertThat(got.id()).isEqualTo("evt-1");
    assertThat(got.signatureValid()).as("checked with the receiver's own HMAC").isTrue();
    new Webhook(secret.value())
        .verify(
            got.body(),
            Map.of(
                "webhook-id", List.of(got.id()),
                "webhook-timestamp", List.of(got.timestamp()),
                "webhook-signature", List.of(got.signature())));
  }

  @Test
  void anAnswerThatIsNot2xxHasFailedWithItsStatus() {
    receiver.answer(500, 404, 204);

    assertThat(sender.send(message("/a")))
        .isEqualTo(new AttemptResult.Failed(500, "the endpoint answered HTTP 500"));
    assertThat(sender.send(message("/a")))
        .isEqualTo(new AttemptResult.Failed(404, "the endpoint answered HTTP 404"));
    assertThat(sender.send(message("/a"))).isEqualTo(new AttemptResult.Delivered(204));
  }

  @Test
  void aRedirectIsNotFollowed() {
    receiver.answer(307);

    assertThat(sender.send(message("/moved")))
        .isEqualTo(new AttemptResult.Failed(307, "the endpoint answered HTTP 307"));
    assertThat(receiver.received()).hasSize(1);
  }

  @Test
  void anEndpointThatDoesNotAnswerInTimeHasFailed() {
    receiver.delay(Duration.ofSeconds(3));

    long start = System.nanoTime();
    AttemptResult result = sender.send(message("/slow"));

    assertThat(result).isEqualTo(new AttemptResult.Failed(null, "no answer within 800 ms"));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  void aRefusedConnectionHasFailedWithoutAStatus() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    var message =
        new WebhookMessage(
            WebhookUrl.parse("http://127.0.0.1:" + closedPort + "/x"),
            "evt-1",
            Instant.now(),
            BODY,
            secret);

    AttemptResult result = sender.send(message);

    assertThat(result).isInstanceOf(AttemptResult.Failed.class);
    assertThat(((AttemptResult.Failed) result).status()).isNull();
    assertThat(((AttemptResult.Failed) result).error()).startsWith("could not connect");
  }

  @Test
  void theSystemResolverKnowsLiteralsAndLocalhost() throws Exception {
    var resolver = new SystemHostResolver();

    assertThat(resolver.resolve("10.0.0.1").getFirst().getHostAddress()).isEqualTo("10.0.0.1");
    assertThat(resolver.resolve("localhost")).allMatch(a -> a.isLoopbackAddress());
  }
}
