package dev.agentcredits.adapter.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.agentcredits.application.port.out.WebhookMessage;
import dev.agentcredits.domain.webhook.WebhookSecret;
import dev.agentcredits.domain.webhook.WebhookUrl;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StandardWebhookHeadersTest {

  /** The example the Standard Webhooks libraries test their signing with. */
  @Test
  void theSignatureIsThePublishedExamplesSignature() {
    var message =
        new WebhookMessage(
            WebhookUrl.parse("https://hooks.example.com/x"),
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            Instant.ofEpochSecond(1614265330),
            "{\"test\": 2432232314}",
            new WebhookSecret("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"));

    var headers = StandardWebhookHeaders.of(message);

    assertThat(headers)
        .containsExactly(
            java.util.Map.entry("webhook-id", "msg_p5jXN8AQM9LWM0D4loKWxJek"),
            java.util.Map.entry("webhook-timestamp", "1614265330"),
            java.util.Map.entry(
                "webhook-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE="));
    assertThat(
            WebhookReceiver.verifies(
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "msg_p5jXN8AQM9LWM0D4loKWxJek",
                "1614265330",
                "{\"test\": 2432232314}",
                headers.get("webhook-signature")))
        .as("the test receiver's own HMAC agrees")
        .isTrue();
  }
}
